"""The right-hand side of the main window: one official's dossier, read-only.

Three tabs — 基本信息, 家庭成员及主要社会关系, 记录 (with the selected record's fields
below the table). :meth:`DossierView.clear` removes every piece of dossier data from the
widgets, which is what locking relies on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from records.fields import FieldSpec
from records.model import Dossier, FamilyMember, Official, Record
from records.official_fields import FAMILY_FIELDS
from records.record_types import RECORD_TYPES, labelled_fields
from ui.display_text import EMPTY, date_text, field_text, one_line
from ui.i18n import tr
from ui.official_info_panel import OfficialInfoPanel
from ui.row_table_model import Column, RowTableModel


def make_table(
    parent: QWidget, model: RowTableModel, *, stretch_column: int | None = None
) -> QTableView:
    """A read-only, row-selecting table; ``stretch_column`` takes the spare width."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_column is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table


def record_type_label(record: Record) -> str:
    record_type = RECORD_TYPES.get(record.type)
    return record_type.label_zh if record_type is not None else record.type


#: Shown for a clue whose content the reader may not see (need-to-know, 003:97).
HIDDEN_CONTENT_ZH = "(内容仅承办人和审核员可见)"


def record_summary(record: Record) -> str:
    """The record's first field, on one line: enough to tell records of a type apart."""
    record_type = RECORD_TYPES.get(record.type)
    if record_type is None or not record_type.fields:
        return EMPTY
    if record.content_hidden:
        return tr(HIDDEN_CONTENT_ZH)
    first = record_type.fields[0]
    return one_line(field_text(first, record.fields.get(first.name)))


def record_details(record: Record) -> list[tuple[str, str]]:
    rows = [
        (tr("日期"), date_text(record.record_date)),
        (tr("类型"), record_type_label(record)),
        (tr("来源"), record.source.label_zh),
        (tr("密级"), record.disclosure.label_zh),
    ]
    if record.content_hidden:
        rows.append((tr("内容"), tr(HIDDEN_CONTENT_ZH)))
    for field in labelled_fields(record.type, record.fields):
        text = field_text(field.spec, field.value) if field.spec else str(field.value)
        rows.append((field.label_zh, text))
    rows.append((tr("登记人"), record.created_by))
    rows.append((tr("登记时间"), date_text(record.created_at)))
    return rows


#: Tab order below the basic information: records are what the clerks work on most.
RECORDS_TAB, FAMILY_TAB = 0, 1


class DossierView(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dossier: Dossier | None = None
        self.placeholder = QLabel(tr("请在左侧选择一名人员查看档案"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #888; font-size: 15px;")
        self.addWidget(self.placeholder)

        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.title = QLabel(page)
        self.title.setObjectName("dossier_title")
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.subtitle = QLabel(page)
        self.subtitle.setStyleSheet("color: #555;")
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        sections = QSplitter(Qt.Orientation.Vertical, page)
        sections.setChildrenCollapsible(False)
        layout.addWidget(sections, 1)
        self.addWidget(page)

        # Basic information on top, always in view; family and records share the rest.
        self.info_box = QGroupBox(tr("基本信息"), sections)
        self.info = OfficialInfoPanel()
        info_scroll = QScrollArea(self.info_box)
        info_scroll.setWidgetResizable(True)
        info_scroll.setFrameShape(QFrame.Shape.NoFrame)
        info_scroll.setWidget(self.info)
        QVBoxLayout(self.info_box).addWidget(info_scroll)
        self.tabs = QTabWidget(sections)
        sections.addWidget(self.info_box)
        sections.addWidget(self.tabs)
        # The basic information gets the height it needs; the tabs take what is left.
        sections.setStretchFactor(0, 0)
        sections.setStretchFactor(1, 1)
        sections.setSizes([self.info.sizeHint().height() + 48, 400])

        self.record_model = RowTableModel(
            [
                Column(tr("日期"), lambda r: date_text(r.record_date)),
                Column(tr("类型"), record_type_label),
                Column(tr("摘要"), record_summary),
                Column(tr("来源"), lambda r: r.source.label_zh),
                Column(tr("密级"), lambda r: r.disclosure.label_zh),
            ],
            self,
        )
        records = QSplitter(Qt.Orientation.Horizontal, self.tabs)
        self.record_table = make_table(records, self.record_model, stretch_column=2)
        self.record_table.selectionModel().selectionChanged.connect(self._record_selected)
        self.record_detail = QGroupBox(tr("记录详情"))
        self._detail_form = QFormLayout(self.record_detail)
        detail_scroll = QScrollArea(records)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setWidget(self.record_detail)
        records.addWidget(self.record_table)
        records.addWidget(detail_scroll)
        records.setSizes([460, 300])
        self.tabs.insertTab(RECORDS_TAB, records, tr("记录"))

        self.family_model = RowTableModel(
            [Column(spec.label_zh, _family_getter(spec)) for spec in FAMILY_FIELDS], self
        )
        self.family_table = make_table(self.tabs, self.family_model)
        self.tabs.insertTab(FAMILY_TAB, self.family_table, tr("家庭成员及主要社会关系"))
        self.clear()

    # ---- content -----------------------------------------------------------------------

    def show_dossier(self, dossier: Dossier) -> None:
        same_official = self.current_official_id() == dossier.official.id
        self._dossier = dossier
        official = dossier.official
        self.title.setText(official.name)
        self.subtitle.setText(
            "  ·  ".join(part for part in (official.unit, official.position, official.rank) if part)
        )
        self.info.show_official(official)
        self.family_model.set_rows(dossier.family)
        self.record_model.set_rows(dossier.records)
        self._show_record(None)
        self.tabs.setTabText(RECORDS_TAB, tr("记录") + f"({len(dossier.records)})")
        self.tabs.setTabText(FAMILY_TAB, tr("家庭成员及主要社会关系") + f"({len(dossier.family)})")
        if not same_official:
            self.tabs.setCurrentIndex(RECORDS_TAB)
        self.setCurrentIndex(1)

    def clear(self) -> None:
        """Forget the dossier and blank every widget that showed part of it."""
        self._dossier = None
        self.title.clear()
        self.subtitle.clear()
        self.info.clear()
        self.family_model.clear()
        self.record_model.clear()
        self._show_record(None)
        # The tab titles carry the dossier's counts ("记录(3)").
        self.tabs.setTabText(RECORDS_TAB, tr("记录"))
        self.tabs.setTabText(FAMILY_TAB, tr("家庭成员及主要社会关系"))
        self.setCurrentIndex(0)

    def is_empty(self) -> bool:
        return self._dossier is None

    def current_official(self) -> Official | None:
        return None if self._dossier is None else self._dossier.official

    def current_official_id(self) -> int | None:
        official = self.current_official()
        return None if official is None else official.id

    # ---- record detail -----------------------------------------------------------------

    def _record_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        self._show_record(self.record_model.row_at(min(rows)) if rows else None)

    def _show_record(self, record: Record | None) -> None:
        while self._detail_form.rowCount():
            self._detail_form.removeRow(0)
        if record is None:
            self._detail_form.addRow(QLabel(tr("选择一条记录查看全部内容"), self.record_detail))
            return
        for label, text in record_details(record):
            value = QLabel(text, self.record_detail)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._detail_form.addRow(label + ":", value)


def _family_getter(spec: FieldSpec) -> Callable[[FamilyMember], str]:
    return lambda member: field_text(spec, getattr(member, spec.name))
