"""A form built from a table of :class:`records.fields.FieldSpec`, with per-field errors.

Each field's error label sits directly under its editor, so a :class:`ValidationError`
from a service (which names the field by its code name) lands where the user typed.

With ``validate_inline`` the form also checks one field as soon as the user is done with
it, with :func:`records.fields.parse_value` — the very function the services parse with,
so the words are the same. The service stays the final authority: rules that relate two
fields (and anything needing the vault) still come back from it on save.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from records.errors import ValidationError
from records.fields import FieldSpec, parse_value
from ui.display_text import ChoiceLabels
from ui.field_editors import FieldEditor, make_editor

ERROR_STYLE = "color: #c62828;"


def label_markup(spec: FieldSpec) -> str:
    """The field's label; required fields get a red asterisk."""
    if spec.required:
        return f'{spec.label_zh}<span style="color:#c62828;">*</span>'
    return spec.label_zh


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (the order they are seen, top to bottom).

    Qt's default is creation order, which differs from the visual order as soon as a
    dialog builds part of its form later (a record's fields follow its type).
    """
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


class FieldForm(QWidget):
    #: Whether any field now shows an inline error (``validate_inline`` forms only).
    inlineErrorsChanged = Signal(bool)

    def __init__(
        self,
        specs: Iterable[FieldSpec],
        parent: QWidget | None = None,
        *,
        choice_labels: ChoiceLabels | None = None,
        validate_inline: bool = False,
    ) -> None:
        super().__init__(parent)
        self._editors: dict[str, FieldEditor] = {}
        self._errors: dict[str, QLabel] = {}
        self._inline_errors: set[str] = set()  # fields whose shown error is an inline one
        self._fixed: set[str] = set()  # shown but never editable (set_fixed)
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
            if validate_inline:
                self._watch(spec.name, editor)
        chain_tab_order(self.focus_chain())

    def has_field(self, name: str) -> bool:
        return name in self._editors

    def editor(self, name: str) -> FieldEditor:
        return self._editors[name]

    def error_label(self, name: str) -> QLabel:
        return self._errors[name]

    def focus_chain(self) -> list[QWidget]:
        """The editors in visual order (for :func:`chain_tab_order`)."""
        return [editor.widget for editor in self._editors.values()]

    def values(self) -> dict[str, object]:
        return {name: editor.value() for name, editor in self._editors.items()}

    def set_values(self, values: Mapping[str, object]) -> None:
        for name, value in values.items():
            self._editors[name].set_value(value)

    def set_fixed(self, name: str) -> None:
        """Show field ``name`` but keep it read-only (a record's type, once filed)."""
        self._fixed.add(name)
        self._editors[name].widget.setEnabled(False)

    # ---- errors --------------------------------------------------------------------------

    def show_error(self, name: str, text: str) -> bool:
        """Show ``text`` under field ``name`` and focus it; ``False`` if no such field.

        Meant for the service's verdict: it replaces every other error shown, and it does
        not count as an inline error (a cross-field rule may be met by changing another
        field, so it must not block saving again).
        """
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
        self._set_inline_errors(set())

    def has_inline_errors(self) -> bool:
        return bool(self._inline_errors)

    def first_inline_error(self) -> str | None:
        """The first field (in form order) that shows an inline error."""
        return next((name for name in self._editors if name in self._inline_errors), None)

    def validate_field(self, name: str) -> bool:
        """Check field ``name`` alone, as the service would parse it; show or clear its error."""
        editor, label = self._editors[name], self._errors[name]
        try:
            parse_value(editor.spec, editor.value())
        except ValidationError as error:
            label.setText(error.reason_zh)
            label.show()
            self._set_inline_errors(self._inline_errors | {name})
            return False
        label.clear()
        label.hide()
        self._set_inline_errors(self._inline_errors - {name})
        return True

    def _watch(self, name: str, editor: FieldEditor) -> None:
        editor.on_finished(lambda: self._check(name))
        # While an error is shown, each change re-checks: the message goes (and saving is
        # allowed again) the moment the value is right, without leaving the field.
        editor.on_changed(lambda: self._recheck(name))

    def _check(self, name: str) -> None:
        self.validate_field(name)

    def _recheck(self, name: str) -> None:
        if not self._errors[name].isHidden():
            self.validate_field(name)

    def _set_inline_errors(self, names: set[str]) -> None:
        had = bool(self._inline_errors)
        self._inline_errors = names
        if had != bool(names):
            self.inlineErrorsChanged.emit(bool(names))

    def set_enabled(self, enabled: bool) -> None:
        for name, editor in self._editors.items():
            editor.widget.setEnabled(enabled and name not in self._fixed)
