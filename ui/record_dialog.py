"""登记记录 / 修改记录: a record of any type in ``RECORD_TYPES``; its fields follow the type.

Filing a record calls ``RecordService.add``; correcting one (``record=``) calls
``RecordService.edit``, which keeps the old version in the history. A record's type is
fixed once filed. Each field is checked as soon as the user leaves it, and 保存 stays
disabled while such an error shows; the service still has the last word (rules relating
two fields, the date not after today) and its error lands under the field it names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from records.fields import FieldKind, FieldSpec
from records.model import Disclosure, Official, Record, Source
from records.record_types import RECORD_TYPES
from records.services.dossier_records import RecordService
from records.session import Session
from ui.display_text import record_choice_labels
from ui.field_editors import ChoiceEditor
from ui.field_form import FieldForm, chain_tab_order
from ui.i18n import tr
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

# The fields every record has. Their names are the ones RecordService puts in a
# ValidationError, so its errors land under these editors too.
COMMON_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "type",
        "记录类型",
        "record type",
        FieldKind.CHOICE,
        required=True,
        choices=tuple(RECORD_TYPES),
    ),
    FieldSpec("date", "日期", "date", FieldKind.DATE, required=True),
    FieldSpec(
        "source",
        "来源",
        "source",
        FieldKind.CHOICE,
        required=True,
        choices=tuple(s.value for s in Source),
    ),
    FieldSpec(
        "disclosure",
        "密级",
        "disclosure",
        FieldKind.CHOICE,
        required=True,
        choices=tuple(d.value for d in Disclosure),
    ),
)

#: Save from anywhere in the form without reaching for the mouse (Enter in a
#: multi-line field starts a new line, so it cannot be the only way).
SAVE_SHORTCUTS = ("Ctrl+S", "Ctrl+Return")


class RecordDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new (or new version of the) :class:`Record`."""

    def __init__(
        self,
        worker: VaultWorker,
        official: Official,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        record: Record | None = None,
    ) -> None:
        super().__init__(worker, tr("修改记录") if record else tr("登记记录"), parent)
        self._official_id = official.id
        #: The record being corrected, as it was shown (``None``: a new record).
        self.original = record
        heading = tr("人员:") + official.name
        if record is not None:
            heading += "    " + tr("记录编号:{id}(第{n}版)").format(id=record.id, n=record.version)
        self.body.addWidget(QLabel(heading, self))
        self.common = FieldForm(
            COMMON_FIELDS, self, choice_labels=record_choice_labels(), validate_inline=True
        )
        if record is None:
            self.common.set_values(
                {
                    "date": (today or date.today()).isoformat(),
                    "source": Source.ORGANIZATION.value,
                    "disclosure": Disclosure.INTERNAL.value,
                }
            )
        else:
            self.common.set_values(
                {
                    "type": record.type,
                    "date": record.record_date.isoformat(),
                    "source": record.source.value,
                    "disclosure": record.disclosure.value,
                }
            )
            self.common.set_fixed("type")  # a correction never turns a gift into a talk
        self.common.inlineErrorsChanged.connect(self._update_save)
        self.body.addWidget(self.common)
        self._fields_box = QGroupBox(tr("记录内容"), self)
        self._fields_layout = QVBoxLayout(self._fields_box)
        self.body.addWidget(self._fields_box, 1)
        self.type_fields = self._build_type_fields()
        if record is not None:
            self.type_fields.set_values(
                {k: v for k, v in record.fields.items() if self.type_fields.has_field(k)}
            )
        type_editor = self.common.editor("type")
        assert isinstance(type_editor, ChoiceEditor)
        type_editor.combo.currentIndexChanged.connect(self._type_changed)
        for keys in SAVE_SHORTCUTS:
            QShortcut(QKeySequence(keys), self).activated.connect(self._save_shortcut)
        self._chain_tab_order()
        # A new record starts at its type; a correction at the record's own content.
        first = self.common if record is None else self.type_fields
        first.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 560)

    def type_code(self) -> str:
        return str(self.common.editor("type").value())

    def set_type(self, code: str) -> None:
        self.common.editor("type").set_value(code)

    def forms(self) -> list[FieldForm]:
        return [self.common, self.type_fields]

    def has_inline_errors(self) -> bool:
        return any(form.has_inline_errors() for form in self.forms())

    def save(self) -> None:
        # The button is disabled while a field shows an error; a shortcut must not get
        # around that. Send the user to the first such field instead.
        for form in self.forms():
            name = form.first_inline_error()
            if name is not None:
                form.editor(name).widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        super().save()

    def make_job(self) -> Callable[[Session], object]:
        common = self.common.values()
        fields = self.type_fields.values()
        if self.original is not None:
            record_id = self.original.id
            # Every field of the type goes along: an emptied one is cleared by the service.
            return lambda session: RecordService(session).edit(
                record_id,
                fields=fields,
                record_date=str(common["date"]),
                source=str(common["source"]),
                disclosure=str(common["disclosure"]),
            )
        official_id = self._official_id
        return lambda session: RecordService(session).add(
            official_id,
            str(common["type"]),
            str(common["date"]),
            fields,
            source=str(common["source"]),
            disclosure=str(common["disclosure"]),
        )

    def _build_type_fields(self) -> FieldForm:
        record_type = RECORD_TYPES[self.type_code()]
        form = FieldForm(record_type.fields, self._fields_box, validate_inline=True)
        form.inlineErrorsChanged.connect(self._update_save)
        self._fields_layout.addWidget(form)
        return form

    def _type_changed(self) -> None:
        # A type's fields are its own: nothing typed for the previous type carries over.
        old = self.type_fields
        self._fields_layout.removeWidget(old)
        old.deleteLater()
        self.type_fields = self._build_type_fields()
        self._chain_tab_order()
        self._update_save()

    def _chain_tab_order(self) -> None:
        others = [b for b in self.buttons.buttons() if b is not self.save_button]  # 取消
        chain_tab_order(
            [*self.common.focus_chain(), *self.type_fields.focus_chain(), self.save_button, *others]
        )

    def _update_save(self) -> None:
        self.save_button.setEnabled(not self.has_inline_errors())

    def _save_shortcut(self) -> None:
        if self.buttons.isEnabled():  # not while a save is under way
            self.save()
