"""What one export prints on every page, besides the dossier itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ExportStamp:
    """Identification and marking of one exported document.

    :param document_number: number of this export, e.g. ``"LD-20261122-0007"``; printed on
        every page so that a single loose page can be traced back to its export.
    :param classification: the disclosure label printed on every page, e.g. ``"涉密"``,
        ``"内部"``, ``"公开"`` (normally :attr:`records.model.Disclosure.label_zh`).
    :param exported_by: who exported it, e.g. ``"王审核 (vetting1)"``; named in the
        watermark.
    :param exported_at: when it was exported; must be timezone-aware, and is printed in
        its own timezone.
    :param audit_head: hex head of the audit chain at export time; printed in the footer
        when non-empty, so a paper copy can be matched against the audit trail.
    :raises ValueError: if ``exported_at`` is naive or a text field is empty.
    """

    document_number: str
    classification: str
    exported_by: str
    exported_at: datetime
    audit_head: str = ""

    def __post_init__(self) -> None:
        # A naive time would be printed as if it were local time wherever the PDF is read.
        if self.exported_at.tzinfo is None or self.exported_at.utcoffset() is None:
            raise ValueError("exported_at must be timezone-aware")
        for name in ("document_number", "classification", "exported_by"):
            if not getattr(self, name).strip():
                raise ValueError(f"{name} must not be empty")

    @property
    def exported_at_text(self) -> str:
        """``exported_at`` as printed, e.g. ``"2026-11-22 10:30"``."""
        return self.exported_at.strftime("%Y-%m-%d %H:%M")

    @property
    def watermark_text(self) -> str:
        """The diagonal watermark, e.g. ``"王审核 (vetting1) 2026-11-22 10:30 导出"``."""
        return f"{self.exported_by} {self.exported_at_text} 导出"
