"""Base64 helpers for the JSON key file (standard alphabet, no line breaks)."""

import base64
import binascii

from crypto.errors import KeyFileCorruptError


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: object, *, what: str) -> bytes:
    """Decode ``text`` or raise :class:`KeyFileCorruptError` naming ``what``."""
    if not isinstance(text, str):
        raise KeyFileCorruptError(f"key file field {what!r} is not a string")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise KeyFileCorruptError(f"key file field {what!r} is not base64") from exc
