"""登记查实情况: what a check verified for one report item, beside what was reported.

The entries are edited with the report's own entry editor — the list of
:class:`ui.report_entry_table.EntryListEditor`, one entry at a time in
:class:`ui.report_entry_dialog.EntryDialog` (validated by the schema's rules as it is typed);
保存 records the item as a whole with ``CheckService.record_verified``, which classifies
it at once (一致 / 漏报 / 瞒报). No entry at all records 查实无此情况.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from records.annual_report import Entry
from records.report_schema import ReportItem
from records.services.checks import CheckService
from records.session import Session
from ui.field_form import FieldForm
from ui.i18n import tr
from ui.report_display import item_title
from ui.report_entry_dialog import open_entry_dialog
from ui.report_entry_table import EntryListEditor
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker


class CheckItemDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the updated :class:`records.report_check.Check`.

    :param verified: the facts recorded so far (``None``: the item is not verified yet).
    """

    #: An entry form opened (tests answer it).
    entryDialogOpened = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        check_id: int,
        year: int,
        item: ReportItem,
        declared: Sequence[Entry],
        verified: Sequence[Entry] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, tr("登记查实情况"), parent)
        self._check_id = check_id
        self._item = item
        self._declared = [dict(e) for e in declared]
        heading = QLabel(
            tr("{year}年度个人有关事项报告 · {title}").format(year=year, title=item_title(item)),
            self,
        )
        heading.setStyleSheet("font-weight: bold;")
        self.body.addWidget(heading)
        full = QLabel(item.label_zh, self)
        full.setWordWrap(True)
        full.setStyleSheet("color: #555;")
        self.body.addWidget(full)

        declared_box = QGroupBox(tr("报告情况(含事项变化报告)"), self)
        self.declared = EntryListEditor(declared_box)
        self.declared.set_entries(item, self._declared)
        self.declared.set_editable(False)
        declared_layout = QVBoxLayout(declared_box)
        if not self._declared:
            declared_layout.addWidget(QLabel(tr("报告为:无此类情况"), declared_box))
        declared_layout.addWidget(self.declared)
        self.body.addWidget(declared_box, 1)

        verified_box = QGroupBox(tr("查实情况"), self)
        self.verified = EntryListEditor(verified_box)
        self.verified.set_entries(item, [dict(e) for e in verified or ()])
        self.verified.set_editable(True)
        self.verified.addRequested.connect(self.add_entry)
        self.verified.editRequested.connect(self.edit_entry)
        self.verified.removeRequested.connect(self._remove_entry)
        self.copy_button = QPushButton(tr("按报告情况填入"), verified_box)
        self.copy_button.setToolTip(tr("以报告的内容为起点,再改动与查实不符之处"))
        self.copy_button.setEnabled(bool(self._declared))
        self.copy_button.clicked.connect(self.copy_declared)
        hint = (
            tr("不添加任何条目,即登记为“查实无此情况”。")
            if item.allow_nothing
            else tr("此项须登记查实的具体情况。")
        )
        hint_row = QHBoxLayout()
        hint_row.addWidget(QLabel(hint, verified_box), 1)
        hint_row.addWidget(self.copy_button)
        verified_layout = QVBoxLayout(verified_box)
        verified_layout.addLayout(hint_row)
        verified_layout.addWidget(self.verified)
        self.body.addWidget(verified_box, 1)
        self.resize(780, 600)

    # ---- entries (local until 保存) ------------------------------------------------------

    def entries(self) -> list[dict[str, object]]:
        return self.verified.entries()

    def copy_declared(self) -> None:
        self.verified.set_entries(self._item, [dict(e) for e in self._declared])

    def add_entry(self) -> None:
        self._open_entry(None)

    def edit_entry(self, row: int) -> None:
        self._open_entry(row)

    def _open_entry(self, row: int | None) -> None:
        dialog = open_entry_dialog(
            self._item, self.entries(), row, self,
            lambda entries: self.verified.set_entries(self._item, entries),
        )  # fmt: skip
        self.entryDialogOpened.emit(dialog)

    def _remove_entry(self, row: int) -> None:
        entries = self.entries()
        del entries[row]
        self.verified.set_entries(self._item, entries)

    # ---- ServiceFormDialog -----------------------------------------------------------------

    def forms(self) -> list[FieldForm]:
        # Each entry was checked field by field in its own form; what the service may still
        # refuse is the item as a whole (无 for marriage), shown on the error line.
        return []

    def make_job(self) -> Callable[[Session], object]:
        check_id, code, entries = self._check_id, self._item.code, self.entries()
        return lambda session: CheckService(session).record_verified(check_id, code, entries)
