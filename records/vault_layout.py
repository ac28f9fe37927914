"""File names inside a vault folder."""

DB_FILE = "vault.db"
KEY_FILE = "vault.keys"
