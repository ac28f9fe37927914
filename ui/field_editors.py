"""One editor widget per field kind, behind a common ``value()`` / ``set_value()``.

Values go to the services as typed text (or ``bool`` for flags): parsing and validation
stay in :mod:`records.fields`, so the form and the command line reject the same input
with the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from records.fields import FieldKind, FieldSpec
from ui.i18n import tr


class FieldEditor:
    """Base: owns one widget; subclasses read and write it."""

    def __init__(self, spec: FieldSpec, widget: QWidget) -> None:
        self.spec = spec
        self.widget = widget
        widget.setObjectName(f"field_{spec.name}")

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def on_changed(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` on every change of the value (each keystroke, pick or tick)."""
        raise NotImplementedError

    def on_finished(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` when the user is done with the field (leaves it, presses Enter).

        Inline validation waits for this: a half-typed date is not an error yet.
        """
        self.on_changed(callback)  # picking or ticking is done at once


class _FocusOutWatcher(QObject):
    """Calls back when its widget loses focus (a QPlainTextEdit has no editingFinished)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


class LineEditor(FieldEditor):
    _PLACEHOLDERS: ClassVar[dict[FieldKind, str]] = {
        FieldKind.DATE: "YYYY-MM-DD",
        FieldKind.MONEY: "金额(元)",
        FieldKind.DECIMAL: "数值",
        FieldKind.INTEGER: "整数",
    }

    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        edit = QLineEdit(parent)
        if spec.kind is FieldKind.TEXT:
            edit.setMaxLength(spec.max_length)
        placeholder = self._PLACEHOLDERS.get(spec.kind)
        if placeholder:
            edit.setPlaceholderText(tr(placeholder))
        super().__init__(spec, edit)
        self._edit = edit

    def value(self) -> object:
        return self._edit.text()

    def set_value(self, value: object) -> None:
        self._edit.setText("" if value is None else str(value))

    def on_changed(self, callback: Callable[[], None]) -> None:
        self._edit.textChanged.connect(lambda _text: callback())

    def on_finished(self, callback: Callable[[], None]) -> None:
        self._edit.editingFinished.connect(callback)


class TextEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        edit.setMinimumHeight(80)
        super().__init__(spec, edit)
        self._edit = edit

    def value(self) -> object:
        return self._edit.toPlainText()

    def set_value(self, value: object) -> None:
        self._edit.setPlainText("" if value is None else str(value))

    def on_changed(self, callback: Callable[[], None]) -> None:
        self._edit.textChanged.connect(callback)

    def on_finished(self, callback: Callable[[], None]) -> None:
        _FocusOutWatcher(self._edit, callback)


class FlagEditor(FieldEditor):
    def __init__(self, spec: FieldSpec, parent: QWidget) -> None:
        box = QCheckBox(parent)
        super().__init__(spec, box)
        self._box = box

    def value(self) -> object:
        return self._box.isChecked()

    def set_value(self, value: object) -> None:
        self._box.setChecked(bool(value))

    def on_changed(self, callback: Callable[[], None]) -> None:
        self._box.toggled.connect(lambda _checked: callback())


class ChoiceEditor(FieldEditor):
    """A combo of Chinese labels; the item data is the stored code."""

    def __init__(self, spec: FieldSpec, labels: Mapping[str, str], parent: QWidget) -> None:
        combo = QComboBox(parent)
        if not spec.required:
            combo.addItem(tr("(未填)"), "")  # an optional choice may stay unset
        for code in spec.choices:
            combo.addItem(labels.get(code, code), code)
        super().__init__(spec, combo)
        self.combo = combo

    def value(self) -> object:
        return str(self.combo.currentData() or "")

    def set_value(self, value: object) -> None:
        index = self.combo.findData("" if value is None else str(value))
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def on_changed(self, callback: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(lambda _index: callback())


def make_editor(
    spec: FieldSpec, parent: QWidget, labels: Mapping[str, str] | None = None
) -> FieldEditor:
    if spec.kind is FieldKind.LONG_TEXT:
        return TextEditor(spec, parent)
    if spec.kind is FieldKind.BOOLEAN:
        return FlagEditor(spec, parent)
    if spec.kind is FieldKind.CHOICE:
        return ChoiceEditor(spec, labels or {}, parent)
    return LineEditor(spec, parent)
