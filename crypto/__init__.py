"""Key derivation, key wrapping, per-user key slots and the vault's key file.

Nothing in this package knows about officials, records or Qt: it turns passwords into
keys and keeps the data key sealed to every account (see docs/decisions/0002-key-slots.md).
"""
