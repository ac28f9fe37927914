"""The left-hand side of the main window: search box, 筛选 rows and the list of officials.

Typing, or changing a filter, restarts a short timer; when it fires, the search — text,
filters and the current sort together, one :class:`OfficialQuery` — runs on the vault
worker. Each search carries a sequence number and only the newest one's result is shown,
so a slow early search can never overwrite a later one.

Keyboard: Esc in the search box clears it (the main window's Ctrl+F comes back to it);
Tab goes search box → 筛选 toggle → filters → list.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from records.model import Official
from records.search import OfficialQuery
from records.services.officials import DEFAULT_LIST_LIMIT, OfficialService
from ui.dossier_view import make_table
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.official_list_model import OfficialListModel
from ui.search_filter_bar import SearchFilterBar
from ui.vault_worker import VaultWorker

#: Long enough to skip the keystrokes of a word, short enough to feel immediate.
SEARCH_DELAY_MS = 150
#: Columns of the list the service can sort by (姓名 in pinyin order); the others keep the
#: current order. Sorting re-queries: sorting the shown rows would sort a truncated list.
SORT_OF_COLUMN = {0: "name", 2: "birth_date", 3: "unit"}


class OfficialSearchPanel(QWidget):
    #: The selected official, or ``None`` when the selection is cleared.
    officialSelected = Signal(object)
    #: Emitted after every search result has been shown (tests and the status bar wait on it).
    listRefreshed = Signal(int)

    def __init__(self, worker: VaultWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._sequence = 0
        #: The sequence number of the search whose result (or error) is on screen.
        self._answered = 0
        self._select_after: int | None = None
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(tr("搜索姓名、单位、职务或身份证号"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.filter_bar = SearchFilterBar(self)
        # Collapsing only hides the rows: the filters stay in force, and the toggle counts
        # them, so a narrowed list is never mistaken for the whole vault.
        self.filter_toggle = QToolButton(self)
        self.filter_toggle.setCheckable(True)
        self.filter_toggle.setChecked(True)
        self.filter_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.filter_toggle.setToolTip(tr("显示或隐藏筛选条件"))
        self.filter_toggle.toggled.connect(self._toggle_filters)
        self._update_filter_toggle()
        self.model = OfficialListModel(self)
        self.table: QTableView = make_table(self, self.model, stretch_column=3)  # 工作单位
        self.table.setSortingEnabled(False)  # the service sorts (see SORT_OF_COLUMN)
        self._sort_column = 0
        self._descending = False
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.filter_toggle)
        layout.addLayout(search_row)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        chain: list[QWidget] = [
            self.search_edit,
            self.filter_toggle,
            *self.filter_bar.tab_order(),
            self.table,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._timer.start)
        # Debounced like typing: a rank or unit is typed too, and checkboxes clicked in a
        # row then cost one search.
        self.filter_bar.changed.connect(self._timer.start)
        self.filter_bar.changed.connect(self._update_filter_toggle)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def refresh(self, *, select_id: int | None = None) -> None:
        """Run the current search again (and select ``select_id`` if it is found)."""
        self._timer.stop()
        self._sequence += 1
        sequence = self._sequence
        self._select_after = select_id
        query = self.filter_bar.apply(
            OfficialQuery(
                text=self.search_edit.text(),
                sort=SORT_OF_COLUMN[self._sort_column],
                descending=self._descending,
                limit=DEFAULT_LIST_LIMIT,
            )
        )
        self._worker.submit(
            lambda session: OfficialService(session).search(query),
            lambda officials: self._show(sequence, officials),
            lambda error: self._failed(sequence, error),
        )

    def clear(self) -> None:
        """Empty the text, the filters and the list, and run no search (locking, or the
        owner is about to show someone the current search might hide)."""
        self._timer.stop()
        self._sequence += 1  # results still on their way are dropped
        self._answered = self._sequence
        self.search_edit.blockSignals(True)
        # setText, not clear(): clear() is undoable, and Ctrl+Z would bring the text back.
        self.search_edit.setText("")
        self.search_edit.blockSignals(False)
        self.filter_bar.reset(notify=False)
        self.filter_bar.forget_ranks()
        self._update_filter_toggle()
        self.model.clear()
        self.count_label.clear()

    def is_searching(self) -> bool:
        """A search is waiting for its timer or for its result."""
        return self._timer.isActive() or self._answered != self._sequence

    def selected_official(self) -> Official | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.official_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # ---- results -------------------------------------------------------------------------

    def _show(self, sequence: int, officials: list[Official]) -> None:
        if sequence != self._sequence:
            return
        self._answered = sequence
        previous = self.selected_official()
        keep = self._select_after or (previous.id if previous else None)
        self.model.set_officials(officials)
        self.filter_bar.remember_ranks(o.rank for o in officials)
        count = len(officials)
        filters = self.filter_bar.active_count()
        if count >= DEFAULT_LIST_LIMIT:
            self.count_label.setText(tr("显示前 {n} 人,请输入更多条件").format(n=count))
        elif filters:
            self.count_label.setText(
                tr("符合 {k} 项筛选条件的共 {n} 人").format(k=filters, n=count)
            )
        else:
            self.count_label.setText(tr("共 {n} 人").format(n=count))
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.officialSelected.emit(None)
        self.listRefreshed.emit(count)

    def _failed(self, sequence: int, error: UserError) -> None:
        if sequence != self._sequence:
            return
        self._answered = sequence
        self.model.clear()
        self.count_label.setText(message_for(error))
        self.listRefreshed.emit(0)

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        """Sort by ``column`` (as a header click does); other columns are ignored."""
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column not in SORT_OF_COLUMN:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self._sort_column, self._order())
            header.blockSignals(False)
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def _order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.officialSelected.emit(self.selected_official())

    # ---- filters and keyboard ------------------------------------------------------------

    def _toggle_filters(self, shown: bool) -> None:
        self.filter_bar.setVisible(shown)
        self.filter_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _update_filter_toggle(self) -> None:
        count = self.filter_bar.active_count()
        self.filter_toggle.setText(tr("筛选({n})").format(n=count) if count else tr("筛选"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc empties the search box; an empty box lets Esc through to whoever wants it.
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.search_edit.text()
        ):
            self.search_edit.clear()  # undoable on purpose: Ctrl+Z brings the text back
            return True
        return super().eventFilter(watched, event)
