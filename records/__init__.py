"""Domain model, schema and migrations, services, rules and the audit trail.

Runs without Qt. The UI reaches the database and keys only through :mod:`records.vault`
and the services in :mod:`records.services`.
"""
