"""The ``liandang`` command line (ARCHITECTURE.md §5). No Qt here."""
