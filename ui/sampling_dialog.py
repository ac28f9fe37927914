"""随机抽查: draw the year's random checks, reproducibly, and list who was drawn.

``CheckService.sample`` ranks the officials due a check (in service, report submitted, not
checked yet) by a hash of the seed, the year and their id (:mod:`records.check_sampling`),
so the same seed, year and population always give the same names — anyone can re-run the
draw from the audit trail. 预览 is a dry run (it writes only its audit entry); 抽取 opens a
随机抽查 for each official drawn, once per year. The share comes from the security policy
(default 10%) and may be changed for this draw; the seed is random and may be typed over.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.errors import ValidationError
from records.fields import FieldKind, FieldSpec
from records.model import Official
from records.policy import SecurityPolicy
from records.report_check import SampleResult
from records.services.checks import CheckService
from records.services.officials import OfficialService
from records.services.policy import PolicyService
from records.session import Session
from ui.confirmations import Confirmations
from ui.error_messages import UserError, message_for
from ui.field_form import ERROR_STYLE, FieldForm
from ui.i18n import tr
from ui.row_table_model import Column, RowTableModel
from ui.vault_worker import VaultWorker

#: Named as ``CheckService.sample`` names them in its errors.
SAMPLING_FIELDS = (
    FieldSpec("year", "报告年度", "year", FieldKind.INTEGER, required=True),
    FieldSpec("percent", "抽查比例(%)", "percent", FieldKind.INTEGER, required=True),
    FieldSpec("seed", "随机种子", "seed", FieldKind.TEXT, required=True, max_length=64),
)


def new_seed() -> str:
    """A fresh seed: 12 hex digits, short enough to read out and type in again."""
    return secrets.token_hex(6)


@dataclass(frozen=True)
class SampleOutcome:
    """A draw and the officials it drew, in the draw's (ascending id) order."""

    result: SampleResult
    officials: tuple[Official, ...]


def run_sample(
    session: Session, percent: str, seed: str, year: str, *, dry_run: bool
) -> SampleOutcome:
    result = CheckService(session).sample(percent, seed, year, dry_run=dry_run)
    officials = tuple(OfficialService(session).by_ids(result.drawn))
    return SampleOutcome(result, officials)


def outcome_text(outcome: SampleOutcome) -> str:
    result = outcome.result
    text = tr(
        "{year}年度应查核{population}人,按{percent}%抽取{drawn}人(随机种子 {seed},"
        "人员范围摘要 SHA-256 {digest}…)"
    ).format(
        year=result.year, population=len(result.population), percent=result.percent,
        drawn=len(result.drawn), seed=result.seed, digest=result.population_digest[:16],
    )  # fmt: skip
    if result.dry_run:
        return text + tr("。此为预览,尚未建立查核。")
    return text + tr("。已建立{n}项随机抽查。").format(n=len(result.check_ids))


OFFICIAL_COLUMNS = (
    Column("姓名", lambda o: o.name),
    Column("工作单位", lambda o: o.unit),
    Column("职务", lambda o: o.position),
)


class SamplingDialog(QDialog):
    #: A draw is on screen (:class:`SampleOutcome`), preview or real.
    sampled = Signal(object)
    #: The checks were created (the :class:`SampleResult` of the real draw).
    drawn = Signal(object)
    #: The policy's share is in the form and the buttons are ready.
    ready = Signal()

    def __init__(
        self,
        worker: VaultWorker,
        confirmations: Confirmations,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._confirmations = confirmations
        self._busy = False
        self._closed = False
        self._policy_read = False  # the share in the form is the policy's only once read
        self._drawn = False  # one real draw per year: afterwards only previews
        self.setWindowTitle(tr("随机抽查"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "从已提交该年度个人有关事项报告、尚未查核的在职人员中按比例随机抽取。"
                "同一随机种子、年度和人员范围总是抽出同样的名单,可据审计日志复核。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = FieldForm(SAMPLING_FIELDS, self, validate_inline=True)
        # The report most recently due is on last year's matters (due 1月31日).
        self.form.set_values({"year": str((today or date.today()).year - 1), "seed": new_seed()})
        self.form.inlineErrorsChanged.connect(lambda _errors: self._update())
        layout.addWidget(self.form)
        self.seed_button = QPushButton(tr("重新生成随机种子"), self)
        self.seed_button.clicked.connect(lambda: self.form.set_values({"seed": new_seed()}))
        seed_row = QHBoxLayout()
        seed_row.addStretch(1)
        seed_row.addWidget(self.seed_button)
        layout.addLayout(seed_row)

        self.error_line = QLabel(self)
        self.error_line.setStyleSheet(ERROR_STYLE)
        self.error_line.setWordWrap(True)
        self.error_line.hide()
        layout.addWidget(self.error_line)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("sample_result")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        from ui.dossier_view import make_table  # the shared table look (avoids an import cycle)

        self.model = RowTableModel([Column(tr(c.title), c.text) for c in OFFICIAL_COLUMNS], self)
        self.table = make_table(self, self.model, stretch_column=1)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox(self)
        self.preview_button = self.buttons.addButton(
            tr("预览"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview_button.setToolTip(tr("按当前条件试抽,不建立查核"))
        self.draw_button = self.buttons.addButton(
            tr("抽取并建立查核"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(
            tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.preview_button.clicked.connect(self.preview)
        self.draw_button.clicked.connect(self.draw)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # A dialog closed (and deleted) before a result arrives must not be filled.
        self.finished.connect(lambda _result: setattr(self, "_closed", True))
        self._update()
        self.resize(640, 560)
        worker.submit(
            lambda session: PolicyService(session).get(), self._policy_loaded, self._failed
        )

    # ---- actions -------------------------------------------------------------------------

    def preview(self) -> None:
        self._run(dry_run=True)

    def draw(self) -> None:
        if not self._ready():
            return
        year = str(self.form.values()["year"])
        self._confirmations.ask(
            self,
            tr("随机抽查"),
            tr(
                "每个年度只能正式抽取一次,抽中的人员将各建立一项{year}年度随机抽查。确定抽取?"
            ).format(year=year),
            tr("抽取"),
            lambda: self._run(dry_run=False),
        )

    # ---- plumbing ------------------------------------------------------------------------

    def _run(self, *, dry_run: bool) -> None:
        if not self._ready():
            return
        values = self.form.values()
        percent, seed, year = str(values["percent"]), str(values["seed"]), str(values["year"])
        self.form.clear_errors()
        self.error_line.hide()
        self._set_busy(True)
        self._worker.submit(
            lambda session: run_sample(session, percent, seed, year, dry_run=dry_run),
            self._sampled,
            self._failed,
        )

    def _ready(self) -> bool:
        return self._policy_read and not self._busy and not self.form.has_inline_errors()

    def _policy_loaded(self, policy: SecurityPolicy) -> None:
        if self._closed:
            return
        self.form.set_values({"percent": str(policy.check_sample_percent)})
        self._policy_read = True
        self._update()
        self.ready.emit()

    def _sampled(self, outcome: SampleOutcome) -> None:
        if self._closed:
            return
        self._drawn = self._drawn or not outcome.result.dry_run
        self._set_busy(False)
        self.result_label.setText(outcome_text(outcome))
        self.model.set_rows(outcome.officials)
        self.sampled.emit(outcome)
        if not outcome.result.dry_run:
            self.drawn.emit(outcome.result)

    def _failed(self, error: UserError) -> None:
        if self._closed:
            return
        self._set_busy(False)
        if isinstance(error, ValidationError) and self.form.show_error(
            error.field, error.reason_zh
        ):
            return
        self.error_line.setText(message_for(error))
        self.error_line.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.form.set_enabled(not busy)
        self._update()

    def _update(self) -> None:
        ready = self._ready()
        self.preview_button.setEnabled(ready)
        self.draw_button.setEnabled(ready and not self._drawn)
        self.seed_button.setEnabled(not self._busy)

    def reject(self) -> None:
        if not self._busy:  # the outcome of a draw under way must still be shown
            super().reject()
