"""Picking the candidates of a letter: search the official list, add, remove.

The search is the main window's own panel (same matching: name, pinyin initials, ID
number, unit), so a name is found here exactly as it is found there. The chosen list keeps
the letter's order; the service refuses a duplicate, and the picker never adds one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.model import Official
from ui.display_text import EMPTY
from ui.dossier_view import make_table
from ui.field_form import ERROR_STYLE
from ui.i18n import tr
from ui.official_search_panel import OfficialSearchPanel
from ui.row_table_model import Column, RowTableModel
from ui.vault_worker import VaultWorker

#: The field name the service's ValidationError uses for the candidates.
CANDIDATE_FIELD = "candidate"


class CandidatePicker(QWidget):
    #: The chosen list changed (a candidate added or removed).
    changed = Signal()

    def __init__(self, worker: VaultWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = OfficialSearchPanel(worker, self)
        self.search.search_edit.setObjectName("candidate_search")
        # Collapsed (still in force, still one click away): in a dialog the rows of filters
        # would leave room for two or three names only.
        self.search.filter_toggle.setChecked(False)
        self.search.table.doubleClicked.connect(lambda _index: self.add_selected())
        self.search.officialSelected.connect(lambda _o: self._update_buttons())

        self.add_button = QPushButton(tr("加入人选"), self)
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button = QPushButton(tr("移出人选"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        self.chosen_box = QGroupBox(self)
        self.chosen_model = RowTableModel(
            [
                Column(tr("姓名"), lambda o: o.name),
                Column(tr("工作单位"), lambda o: o.unit or EMPTY),
                Column(tr("职务"), lambda o: o.position or EMPTY),
            ],
            self,
        )
        self.chosen_table = make_table(self.chosen_box, self.chosen_model, stretch_column=1)
        self.chosen_table.setObjectName("chosen_candidates")
        self.chosen_table.selectionModel().selectionChanged.connect(
            lambda _s, _d: self._update_buttons()
        )
        QVBoxLayout(self.chosen_box).addWidget(self.chosen_table)

        self.error = QLabel(self)
        self.error.setObjectName(f"error_{CANDIDATE_FIELD}")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.chosen_box, 1)
        layout.addWidget(self.error)
        self._update_buttons()

    def start(self) -> None:
        """List the officials (before anything is typed, the list shows everyone)."""
        self.search.refresh()

    # ---- the chosen list -------------------------------------------------------------------

    def candidates(self) -> list[Official]:
        return list(self.chosen_model.rows())

    def candidate_ids(self) -> list[int]:
        return [official.id for official in self.candidates()]

    def add(self, official: Official) -> None:
        if official.id in self.candidate_ids():
            return
        self.chosen_model.set_rows([*self.candidates(), official])
        self.clear_error()
        self._changed()

    def add_selected(self) -> None:
        official = self.search.selected_official()
        if official is not None:
            self.add(official)

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.chosen_table.selectionModel().selectedRows()}
        if rows:
            kept = [o for row, o in enumerate(self.candidates()) if row not in rows]
            self.chosen_model.set_rows(kept)
            self._changed()

    # ---- errors (shown under the list, like a form field's) --------------------------------

    def validate(self) -> bool:
        """At least one candidate: checked here so the user is told before anything is sent."""
        if self.candidate_ids():
            self.clear_error()
            return True
        self.show_error(tr("至少需要一名人选"))
        return False

    def show_error(self, text: str) -> None:
        self.error.setText(tr("人选:{reason}").format(reason=text))
        self.error.show()
        self.search.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def _changed(self) -> None:
        self.chosen_box.setTitle(tr("已选人选({n})").format(n=len(self.candidate_ids())))
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        if not self.chosen_box.title():
            self.chosen_box.setTitle(tr("已选人选({n})").format(n=0))
        self.add_button.setEnabled(self.search.selected_official() is not None)
        self.remove_button.setEnabled(self.chosen_table.selectionModel().hasSelection())
