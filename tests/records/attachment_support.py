"""Small valid files and direct setup rows for the attachment and position tests."""

from __future__ import annotations

import hashlib
import struct
import zlib

from records.roles import Action, may
from records.session import Session


def png_bytes(width: int = 2, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A real, decodable PNG (solid colour)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


#: Starts like a JPEG; enough for the type checks (never rendered).
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
#: Starts like a PDF; enough for the type checks (never rendered).
PDF_HEAD = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 64 + b"\n%%EOF\n"


def first_official(session: Session) -> int:
    return int(session.conn.execute("SELECT min(id) FROM officials").fetchone()[0])


def stored_attachment(session: Session, action: Action) -> int:
    """An attachment row put in directly (setup only for a role that passes ``action``).

    Returns its id, or ``1`` (which does not exist) for a role the check will refuse.
    """
    if not may(session.user.roles, action):
        return 1
    content = png_bytes()
    with session.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO attachments (official_id, purpose, file_name, media_type, size, sha256,"
            " content, added_by, added_at) VALUES (?, 'scan', 'scan.png', 'image/png', ?, ?, ?,"
            " 'clerk1', '2026-11-01T09:00:00+08:00')",
            (first_official(session), len(content), hashlib.sha256(content).hexdigest(), content),
        )
    return int(cursor.lastrowid or 0)


def stored_position(session: Session, action: Action) -> int:
    """An open position put in directly (setup only for a role that passes ``action``)."""
    if not may(session.user.roles, action):
        return 1
    with session.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO position_history (official_id, unit, position, rank, start_date,"
            " created_by, created_at) VALUES (?, '青山县财政局', '副局长', '副科级',"
            " '2018-03-01', 'clerk1', '2026-11-01T09:00:00+08:00')",
            (first_official(session),),
        )
    return int(cursor.lastrowid or 0)
