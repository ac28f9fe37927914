"""能否作为考察对象: the Art. 24 items the dossier decides, at the head of the dossier.

``EligibilityService.assess`` reads the dossier as it stands today (an audited read); the
box shows 可以 or 不可以 and, for 不可以, every reason with what it rests on — each cited
record or relative a link that the dossier view follows. The items of Art. 24 the data
cannot decide are the vetting officer's to answer, and the box says so.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from records.eligibility import Eligibility
from records.model import Dossier
from records.services.eligibility import EligibilityService
from ui.eligibility_citations import citation_html, citations
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.vault_worker import VaultWorker

ELIGIBLE_STYLE = "color: #2e7d32; font-size: 15px; font-weight: bold;"
INELIGIBLE_STYLE = "color: #c62828; font-size: 15px; font-weight: bold;"


def reasons_html(eligibility: Eligibility, dossier: Dossier | None) -> str:
    """One numbered line per reason: ``处于影响期内(…)——依据:<a>处分 …</a>``."""
    lines = []
    for reason in eligibility.reasons:
        line = escape(reason.text_zh)
        cited = citations(reason, dossier)
        if cited:
            line += tr("——依据:") + "、".join(citation_html(c) for c in cited)
        lines.append(f"<li>{line}</li>")
    return f"<ol style='margin: 0; -qt-list-indent: 1;'>{''.join(lines)}</ol>"


class EligibilityBox(QGroupBox):
    #: The assessment on screen (:class:`Eligibility`, ``None`` when cleared).
    assessed = Signal(object)
    #: A cited object's link was followed (``record:12``, ``family_member:2``, ``check:4``).
    citationActivated = Signal(str)

    def __init__(self, worker: VaultWorker, parent: QWidget | None = None) -> None:
        super().__init__(tr("能否作为考察对象"), parent)
        self.setObjectName("eligibility_box")
        self._worker = worker
        self._dossier: Dossier | None = None
        self._sequence = 0
        self.eligibility: Eligibility | None = None
        self.verdict = QLabel(self)
        self.verdict.setObjectName("eligibility_verdict")
        self.reasons = QLabel(self)
        self.reasons.setObjectName("eligibility_reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.reasons.setOpenExternalLinks(False)  # links name dossier objects, not URLs
        self.reasons.linkActivated.connect(self.citationActivated)
        self.note = QLabel(
            tr(
                "依据档案可判定的事项(《党政领导干部选拔任用工作条例》第二十四条);"
                "其余事项由审核员核实。"
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #888; font-size: 11px;")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The verdict beside its reasons: the box stays low above the dossier's tabs.
        row = QHBoxLayout()
        row.addWidget(self.verdict)
        row.addWidget(self.reasons, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.setMaximumWidth(720)
        self.clear()

    # ---- panel protocol (DossierView) ------------------------------------------------

    def show_dossier(self, dossier: Dossier) -> None:
        self._dossier = dossier
        self.refresh()

    def clear(self) -> None:
        self._sequence += 1
        self._dossier = None
        self.eligibility = None
        self.verdict.clear()
        self.reasons.clear()
        self.reasons.hide()

    # ---- reading ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Assess the official shown again (after a check changed, say)."""
        if self._dossier is None:
            return
        official_id = self._dossier.official.id
        self._sequence += 1
        sequence = self._sequence
        self.verdict.setText(tr("正在判定…"))
        self.verdict.setStyleSheet("color: #888;")
        self._worker.submit(
            lambda session: EligibilityService(session).assess(official_id),
            lambda eligibility: self._assessed(sequence, eligibility),
            lambda error: self._failed(sequence, error),
        )

    def _assessed(self, sequence: int, eligibility: Eligibility) -> None:
        if sequence != self._sequence:
            return
        self.eligibility = eligibility
        if eligibility.eligible:
            self.verdict.setText(tr("可以"))
            self.verdict.setStyleSheet(ELIGIBLE_STYLE)
            self.reasons.clear()
            self.reasons.hide()
        else:
            self.verdict.setText(tr("不可以"))
            self.verdict.setStyleSheet(INELIGIBLE_STYLE)
            self.reasons.setText(reasons_html(eligibility, self._dossier))
            self.reasons.show()
        self.assessed.emit(eligibility)

    def _failed(self, sequence: int, error: UserError) -> None:
        if sequence != self._sequence:
            return
        self.eligibility = None
        self.verdict.setText(message_for(error))
        self.verdict.setStyleSheet("color: #888;")
        self.reasons.hide()
        self.assessed.emit(None)
