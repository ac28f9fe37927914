"""A form built from a table of :class:`records.fields.FieldSpec`, with per-field errors.

Each field's error label sits directly under its editor, so a :class:`ValidationError`
from a service (which names the field by its code name) lands where the user typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from records.fields import FieldSpec
from ui.display_text import ChoiceLabels
from ui.field_editors import FieldEditor, make_editor

ERROR_STYLE = "color: #c62828;"


def label_markup(spec: FieldSpec) -> str:
    """The field's label; required fields get a red asterisk."""
    if spec.required:
        return f'{spec.label_zh}<span style="color:#c62828;">*</span>'
    return spec.label_zh


class FieldForm(QWidget):
    def __init__(
        self,
        specs: Iterable[FieldSpec],
        parent: QWidget | None = None,
        *,
        choice_labels: ChoiceLabels | None = None,
    ) -> None:
        super().__init__(parent)
        self._editors: dict[str, FieldEditor] = {}
        self._errors: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        labels = choice_labels or {}
        for spec in specs:
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            editor = make_editor(spec, cell, labels.get(spec.name))
            error = QLabel(cell)
            error.setObjectName(f"error_{spec.name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            column.addWidget(editor.widget)
            column.addWidget(error)
            label = QLabel(label_markup(spec), self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setBuddy(editor.widget)
            layout.addRow(label, cell)
            self._editors[spec.name] = editor
            self._errors[spec.name] = error

    def has_field(self, name: str) -> bool:
        return name in self._editors

    def editor(self, name: str) -> FieldEditor:
        return self._editors[name]

    def error_label(self, name: str) -> QLabel:
        return self._errors[name]

    def values(self) -> dict[str, object]:
        return {name: editor.value() for name, editor in self._editors.items()}

    def set_values(self, values: Mapping[str, object]) -> None:
        for name, value in values.items():
            self._editors[name].set_value(value)

    def show_error(self, name: str, text: str) -> bool:
        """Show ``text`` under field ``name`` and focus it; ``False`` if no such field."""
        if name not in self._editors:
            return False
        self.clear_errors()
        label = self._errors[name]
        label.setText(text)
        label.show()
        self._editors[name].widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()

    def set_enabled(self, enabled: bool) -> None:
        for editor in self._editors.values():
            editor.widget.setEnabled(enabled)
