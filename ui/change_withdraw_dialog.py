"""撤销事项变化报告: asks for the reason, then ``AnnualReportService.withdraw_change``.

As for a record (:mod:`ui.withdraw_dialog`): the change report is named, the consequence is
spelled out, and the button stays disabled until a reason is typed. The change report stays
attached to its item, marked 已撤销 with the reason, and no rule counts it any more; nothing
reinstates it (a situation that did change is filed again as a new change report).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from records.annual_report import ChangeReport
from records.report_schema import ReportItem
from records.services.annual_reports import AnnualReportService
from records.session import Session
from ui.change_table_model import changed_text
from ui.display_text import date_text
from ui.i18n import tr
from ui.report_display import item_title
from ui.vault_worker import VaultWorker
from ui.withdraw_dialog import ReasonWithdrawDialog

CHANGE_WARNING_ZH = (
    "撤销后,该事项变化报告仍保留在报告中,标明“已撤销”和撤销理由,"
    "但不再计入到期提醒、任职资格和查核,也不能恢复(撤销操作不能撤消)。"
    "情况确有变化的,请重新登记事项变化报告。"
)


class ChangeWithdrawDialog(ReasonWithdrawDialog):
    """Emits :attr:`saved` with the withdrawn :class:`ChangeReport`."""

    def __init__(
        self,
        worker: VaultWorker,
        change: ChangeReport,
        item: ReportItem,
        parent: QWidget | None = None,
    ) -> None:
        what = "  ·  ".join(
            (
                item_title(item),
                tr("变化于{day}").format(day=date_text(change.change_date)),
                changed_text(item, change),
            )
        )
        super().__init__(
            worker,
            title=tr("撤销事项变化报告"),
            what=tr("事项变化报告:") + what,
            warning=tr(CHANGE_WARNING_ZH),
            button=tr("撤销事项变化报告"),
            parent=parent,
        )
        self._change_id = change.id

    def withdraw_job(self, reason: str) -> Callable[[Session], object]:
        change_id = self._change_id
        return lambda session: AnnualReportService(session).withdraw_change(change_id, reason)
