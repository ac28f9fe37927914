"""The right-hand side of the main window: one official's dossier, read-only.

Basic information on top, beside the name any box that loads its own data (能否作为考察
对象); below it tabs — 记录 (sections per record type on the left, the table, the selected
record's fields on the right), 家庭成员及主要社会关系, and the tabs that load their own
data. Changes go through the main window's actions, which this view
hosts (record tool bar, context menu) but does not run. :meth:`DossierView.clear` removes
every piece of dossier data from the widgets, which is what locking relies on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
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
from ui.display_text import field_text
from ui.dossier_panel import DossierPanel, DossierReader
from ui.i18n import tr
from ui.official_info_panel import OfficialInfoPanel
from ui.records_tab import RecordsTab
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


#: Tab order below the basic information: records are what the clerks work on most.
RECORDS_TAB, FAMILY_TAB = 0, 1


class DossierView(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dossier: Dossier | None = None
        # Tabs and boxes that load their own data (add_panel, add_header_panel).
        self._panels: list[DossierPanel | DossierReader] = []
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
        header, heading = QHBoxLayout(), QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        heading.addStretch(1)  # name and unit stay together when a header box is taller
        header.addLayout(heading, 1)
        self._header = header  # add_header_panel puts boxes between the name and the photo
        self.photo = QLabel(page)  # the official's photo, scaled (show_photo)
        self.photo.setObjectName("dossier_photo")
        self.photo.hide()
        header.addWidget(self.photo)
        layout.addLayout(header)
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

        self.records = RecordsTab(self.tabs)
        # The names the window, the lock and the tests have always used.
        self.record_model = self.records.model
        self.record_table = self.records.table
        self.record_detail = self.records.detail
        self.record_sections = self.records.sections
        self.tabs.insertTab(RECORDS_TAB, self.records, tr("记录"))

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
        self.records.show_records(dossier.records, keep_place=same_official)
        self.tabs.setTabText(RECORDS_TAB, tr("记录") + f"({len(dossier.records)})")
        self.tabs.setTabText(FAMILY_TAB, tr("家庭成员及主要社会关系") + f"({len(dossier.family)})")
        for panel in self._panels:
            if isinstance(panel, DossierReader):
                panel.show_dossier(dossier)
            else:
                panel.show_official(official.id)
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
        self.records.clear()
        # The tab titles carry the dossier's counts ("记录(3)").
        self.tabs.setTabText(RECORDS_TAB, tr("记录"))
        self.tabs.setTabText(FAMILY_TAB, tr("家庭成员及主要社会关系"))
        for panel in self._panels:
            panel.clear()
        self.show_photo(None)
        self.setCurrentIndex(0)

    def add_panel(self, panel: QWidget, title: str) -> None:
        """Host a tab that loads its own data (:mod:`ui.dossier_panel`)."""
        self._register(panel)
        self.tabs.addTab(panel, title)

    def add_header_panel(self, panel: QWidget) -> None:
        """Host a box beside the official's name, always in view (能否作为考察对象)."""
        self._register(panel)
        # Before the photo, with the larger share of the width: its text wraps less.
        self._header.insertWidget(self._header.count() - 1, panel, 2)

    def _register(self, panel: QWidget) -> None:
        if not isinstance(panel, DossierPanel | DossierReader):
            raise TypeError(f"{type(panel).__name__} is neither a DossierPanel nor a reader")
        self._panels.append(panel)

    def show_photo(self, content: bytes | None) -> None:
        """Show the official's photo (scaled, from memory), or hide the frame."""
        pixmap = QPixmap()
        if content is None or not pixmap.loadFromData(content):
            self.photo.clear()
            self.photo.hide()
            return
        self.photo.setPixmap(
            pixmap.scaled(
                96, 128, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )  # fmt: skip
        self.photo.show()

    def is_empty(self) -> bool:
        return self._dossier is None

    def current_official(self) -> Official | None:
        return None if self._dossier is None else self._dossier.official

    def current_official_id(self) -> int | None:
        official = self.current_official()
        return None if official is None else official.id

    # ---- records -----------------------------------------------------------------------

    def current_record(self) -> Record | None:
        """The record selected in the 记录 tab."""
        return self.records.current_record()

    def current_section(self) -> str:
        """The 记录 tab's section: a record type, or ``""`` for 全部."""
        return self.records.current_section()

    def select_record(self, record_id: int) -> bool:
        return self.records.select_record(record_id)

    def set_record_actions(self, actions: list[QAction], *, withdraw: QAction) -> None:
        self.records.set_actions(actions, withdraw=withdraw)


def _family_getter(spec: FieldSpec) -> Callable[[FamilyMember], str]:
    return lambda member: field_text(spec, getattr(member, spec.name))
