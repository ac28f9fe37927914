"""登记记录: a record of any type in ``RECORD_TYPES``; its fields follow the chosen type."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from records.fields import FieldKind, FieldSpec
from records.model import Disclosure, Official, Source
from records.record_types import RECORD_TYPES
from records.services.dossier_records import RecordService
from records.session import Session
from ui.display_text import record_choice_labels
from ui.field_editors import ChoiceEditor
from ui.field_form import FieldForm
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


class RecordDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new :class:`records.model.Record`."""

    def __init__(
        self,
        worker: VaultWorker,
        official: Official,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(worker, tr("登记记录"), parent)
        self._official_id = official.id
        self.body.addWidget(QLabel(tr("人员:") + official.name, self))
        self.common = FieldForm(COMMON_FIELDS, self, choice_labels=record_choice_labels())
        self.common.set_values(
            {
                "date": (today or date.today()).isoformat(),
                "source": Source.ORGANIZATION.value,
                "disclosure": Disclosure.INTERNAL.value,
            }
        )
        self.body.addWidget(self.common)
        self._fields_box = QGroupBox(tr("记录内容"), self)
        self._fields_layout = QVBoxLayout(self._fields_box)
        self.body.addWidget(self._fields_box, 1)
        self.type_fields = self._build_type_fields()
        type_editor = self.common.editor("type")
        assert isinstance(type_editor, ChoiceEditor)
        type_editor.combo.currentIndexChanged.connect(self._type_changed)
        self.resize(560, 520)

    def type_code(self) -> str:
        return str(self.common.editor("type").value())

    def set_type(self, code: str) -> None:
        self.common.editor("type").set_value(code)

    def forms(self) -> list[FieldForm]:
        return [self.common, self.type_fields]

    def make_job(self) -> Callable[[Session], object]:
        common = self.common.values()
        fields = self.type_fields.values()
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
        form = FieldForm(record_type.fields, self._fields_box)
        self._fields_layout.addWidget(form)
        return form

    def _type_changed(self) -> None:
        # A type's fields are its own: nothing typed for the previous type carries over.
        old = self.type_fields
        self._fields_layout.removeWidget(old)
        old.deleteLater()
        self.type_fields = self._build_type_fields()
