"""The audit trail as CSV for spreadsheet users.

- UTF-8 *with* a byte-order mark: without it Excel on a Chinese Windows reads the file as
  GBK and shows mojibake.
- Formula injection neutralised (ARCHITECTURE §6): a cell that starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return gets a leading single quote, so a user name or
  object such as ``=HYPERLINK(...)`` is shown as text instead of being evaluated.
- Every column of the entry, hashes and HMAC included, so the chain can be re-checked from
  the file alone (see :func:`records.audit.verify_chain` for the canonical encoding).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from records.audit import AuditEntry

HEADER = (
    "序号",
    "时间",
    "用户",
    "角色",
    "操作",
    "对象",
    "结果",
    "说明",
    "前一条哈希",
    "本条哈希",
    "HMAC",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet will show it, never as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def entry_cells(entry: AuditEntry) -> list[str]:
    return [
        str(entry.seq),
        entry.at.isoformat(),
        entry.user_name,
        entry.role,
        entry.action,
        entry.object,
        entry.outcome,
        entry.detail,
        entry.prev_hash,
        entry.entry_hash,
        entry.mac,
    ]


def audit_csv(entries: Iterable[AuditEntry]) -> bytes:
    """The entries as a CSV file (header row first), ready to write."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for entry in entries:
        writer.writerow([neutralise(cell) for cell in entry_cells(entry)])
    return buffer.getvalue().encode("utf-8-sig")
