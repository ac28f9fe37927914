"""Typed errors of the crypto layer. Messages never contain key material or passwords."""


class CryptoError(Exception):
    """Base class of every error raised by :mod:`crypto`."""


class WrongPasswordError(CryptoError):
    """The password (or device secret) does not unwrap the account's private key."""


class UnknownAccountError(CryptoError):
    """The key file holds no key slot for this account name."""


class NoSealError(CryptoError):
    """No key generation in the key file is sealed to this account (e.g. disabled)."""


class KeyFileError(CryptoError):
    """The key file is missing, unreadable or malformed."""


class NotAKeyFileError(KeyFileError):
    """The file exists but is not a LianDang key file at all."""


class KeyFileCorruptError(KeyFileError):
    """The file claims to be a LianDang key file but its content does not add up."""


class UnsupportedKeyFileVersionError(KeyFileError):
    """The key file was written by a newer version of LianDang."""
