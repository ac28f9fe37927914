"""The 筛选 rows above the official list: the filters of :class:`records.search.OfficialQuery`.

Every filter the records layer offers (the same ones ``liandang official list --filter``
takes) has one control here: supervision category, rank, flags, unit prefix, open clue,
influence period and missing annual report. Labels come from where the vocabulary already
lives — the six categories of 监察法 Art. 15 through :mod:`ui.display_text`, the flags from
:data:`records.search.FLAGS` — so the list, the dossier view and the CLI name them alike.

The bar only describes filters; the search panel runs the search. :attr:`changed` fires
when the query the bar describes changes, not on every edit: moving the year while 未报
is unchecked, or typing a space into the unit, leaves the query as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from records.search import FLAGS, OfficialQuery
from ui.display_text import official_choice_labels
from ui.i18n import tr

#: The years ``--filter report_missing=YEAR`` accepts; the GUI takes the same.
FIRST_REPORT_YEAR, LAST_REPORT_YEAR = 1949, 9999
#: Below this a combo box with the long Art. 15 names would push the panel wider.
_COMBO_MIN_CHARS = 10


def default_report_year(today: date) -> int:
    """Last year: a report covers one year and falls due early in the next (1月31日)."""
    return today.year - 1


class SearchFilterBar(QWidget):
    """Filter controls; :meth:`apply` puts their values into an :class:`OfficialQuery`."""

    #: The filters now describe a different query.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, report_year: int | None = None) -> None:
        super().__init__(parent)
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(tr("全部监督对象类别"), None)
        for code, label in official_choice_labels()["category"].items():
            text = tr("第{n}类 {label}").format(n=code, label=label)
            self.category_combo.addItem(text, int(code))
            # The names are long: the closed box elides them, the tooltip shows them whole.
            self.category_combo.setItemData(
                self.category_combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole
            )
        self.category_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category_combo.setMinimumContentsLength(_COMBO_MIN_CHARS)
        self.category_combo.setToolTip(tr("监督对象类别(监察法第十五条)"))

        self.rank_edit = QLineEdit(self)
        self.rank_edit.setPlaceholderText(tr("职级(完整名称)"))
        self.rank_edit.setToolTip(tr("与档案中的职级完全一致,如“正科级”"))
        self.rank_edit.setClearButtonEnabled(True)
        # Ranks are free text matched exactly, so offer the ones the list has shown so far.
        self._seen_ranks: set[str] = set()
        self._rank_model = QStringListModel(self)
        completer = QCompleter(self._rank_model, self.rank_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.rank_edit.setCompleter(completer)

        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(tr("单位(开头部分)"))
        self.unit_edit.setToolTip(tr("工作单位以此开头,如“青山县”包括其下各单位"))
        self.unit_edit.setClearButtonEnabled(True)

        self.flag_boxes: dict[str, QCheckBox] = {
            column: QCheckBox(tr(label), self) for column, label in FLAGS.items()
        }
        self.open_clue_box = QCheckBox(tr("有未了结线索"), self)
        self.open_clue_box.setToolTip(tr("有未撤销、状态不是“已了结”的问题线索"))
        self.influence_box = QCheckBox(tr("处于影响期"), self)
        self.influence_box.setToolTip(tr("处分或诫勉的影响期今天尚未结束"))
        self.report_missing_box = QCheckBox(tr("未报"), self)
        self.report_missing_box.setToolTip(tr("该年度的个人有关事项报告未提交(草稿不算)"))
        self.report_year_spin = QSpinBox(self)
        self.report_year_spin.setRange(FIRST_REPORT_YEAR, LAST_REPORT_YEAR)
        self.report_year_spin.setValue(report_year or default_report_year(date.today()))
        # Read together with the checkbox: "未报 2025 年度报告".
        self.report_year_spin.setSuffix(tr(" 年度报告"))
        self.clear_button = QPushButton(tr("清除筛选"), self)
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(lambda: self.reset())

        basics = QHBoxLayout()
        basics.addWidget(self.category_combo, 3)
        basics.addWidget(self.rank_edit, 2)
        basics.addWidget(self.unit_edit, 2)
        flags = QHBoxLayout()
        flags.addWidget(QLabel(tr("标识:"), self))
        for box in self.flag_boxes.values():
            flags.addWidget(box)
        flags.addStretch(1)
        states = QHBoxLayout()
        states.addWidget(self.open_clue_box)
        states.addWidget(self.influence_box)
        states.addSpacing(8)
        states.addWidget(self.report_missing_box)
        states.addWidget(self.report_year_spin)
        states.addStretch(1)
        states.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for row in (basics, flags, states):
            layout.addLayout(row)

        self._resetting = False
        self._last = self.apply(OfficialQuery())
        self.category_combo.currentIndexChanged.connect(self._edited)
        self.rank_edit.textChanged.connect(self._edited)
        self.unit_edit.textChanged.connect(self._edited)
        for box in (*self.flag_boxes.values(), self.open_clue_box, self.influence_box):
            box.toggled.connect(self._edited)
        self.report_missing_box.toggled.connect(self._edited)
        self.report_year_spin.valueChanged.connect(self._edited)

    # ---- the query -----------------------------------------------------------------------

    def apply(self, query: OfficialQuery) -> OfficialQuery:
        """``query`` with the bar's filters in place of its own (text and sort are kept)."""
        category = self.category_combo.currentData()
        return replace(
            query,
            category=int(category) if category is not None else None,
            rank=self.rank_edit.text().strip() or None,
            unit=self.unit_edit.text().strip() or None,
            flags=frozenset(column for column, box in self.flag_boxes.items() if box.isChecked()),
            # Checkboxes ask for "yes" only; "no" (None = either) stays a CLI filter.
            has_open_clue=True if self.open_clue_box.isChecked() else None,
            in_influence_period=True if self.influence_box.isChecked() else None,
            annual_report_missing_year=(
                self.report_year_spin.value() if self.report_missing_box.isChecked() else None
            ),
        )

    def show_query(self, query: OfficialQuery) -> None:
        """Set the controls to ``query``'s filters (its text and sort are not the bar's),
        without asking for a search: the owner runs the one it wants (unlocking again)."""
        self._resetting = True
        try:
            index = self.category_combo.findData(query.category)
            self.category_combo.setCurrentIndex(max(index, 0))
            self.rank_edit.setText(query.rank or "")
            self.unit_edit.setText(query.unit or "")
            for column, box in self.flag_boxes.items():
                box.setChecked(column in query.flags)
            self.open_clue_box.setChecked(query.has_open_clue is True)
            self.influence_box.setChecked(query.in_influence_period is True)
            missing = query.annual_report_missing_year
            if missing is not None:
                self.report_year_spin.setValue(missing)
            self.report_missing_box.setChecked(missing is not None)
        finally:
            self._resetting = False
        self._last = self.apply(OfficialQuery())
        self.clear_button.setEnabled(self.active_count() > 0)

    def active_count(self) -> int:
        """How many conditions are set (each flag counts as one)."""
        query = self._last
        single = (
            query.category,
            query.rank,
            query.unit,
            query.has_open_clue,
            query.in_influence_period,
            query.annual_report_missing_year,
        )
        return sum(value is not None for value in single) + len(query.flags)

    def reset(self, *, notify: bool = True) -> None:
        """Clear every filter (the chosen report year stays, ready for the next time).

        :param notify: emit :attr:`changed` if that changed the query; ``False`` when the
            owner clears everything itself and runs no search (locking).
        """
        self._resetting = True
        try:
            self.category_combo.setCurrentIndex(0)
            # setText, not clear(): an undoable clear would let Ctrl+Z bring a filter back
            # after locking.
            self.rank_edit.setText("")
            self.unit_edit.setText("")
            for box in (
                *self.flag_boxes.values(),
                self.open_clue_box,
                self.influence_box,
                self.report_missing_box,
            ):
                box.setChecked(False)
        finally:
            self._resetting = False
        if notify:
            self._edited()
        else:
            self._last = self.apply(OfficialQuery())
            self.clear_button.setEnabled(False)

    # ---- rank suggestions ----------------------------------------------------------------

    def remember_ranks(self, ranks: Iterable[str]) -> None:
        """Offer these ranks (seen in a search result) as completions of the rank filter."""
        new = {rank for rank in ranks if rank} - self._seen_ranks
        if new:
            self._seen_ranks |= new
            self._rank_model.setStringList(sorted(self._seen_ranks))

    def forget_ranks(self) -> None:
        self._seen_ranks.clear()
        self._rank_model.setStringList([])

    def tab_order(self) -> list[QWidget]:
        """The controls in the order Tab visits them: as they read, row by row."""
        return [
            self.category_combo,
            self.rank_edit,
            self.unit_edit,
            *self.flag_boxes.values(),
            self.open_clue_box,
            self.influence_box,
            self.report_missing_box,
            self.report_year_spin,
            self.clear_button,
        ]

    def _edited(self) -> None:
        if self._resetting:
            return  # one notification for the whole reset, not one per control
        query = self.apply(OfficialQuery())
        if query == self._last:
            return
        self._last = query
        self.clear_button.setEnabled(self.active_count() > 0)
        self.changed.emit()
