"""One entry (sub-record) of a report item; its fields follow the entry kind in the schema.

The dialog stores nothing: it takes a :class:`ReportItem` (and optionally the entry being
corrected, or the one kind to enter) and hands back the entry as a dict, cleaned by
:func:`records.report_entries.validate_entry` — the function the services validate with.
So it serves the annual report's items, the change reports, and anyone else who needs one
entry of an item (a check's verified facts).

Each field is checked as soon as the user leaves it, by that same function applied to the
field alone (with the date it may not precede), so the words under the field are the
service's own: "房产面积:必须为正数(第1条)".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.errors import ValidationError
from records.fields import FieldKind, FieldSpec
from records.report_entries import entry_path, validate_entry
from records.report_schema import KIND_KEY, EntryKind, ReportItem
from ui.field_form import ERROR_STYLE, FieldForm, chain_tab_order
from ui.i18n import tr
from ui.record_dialog import SAVE_SHORTCUTS
from ui.report_display import entry_kind_of

Entry = dict[str, object]


def install_save_shortcuts(dialog: QDialog, save: Callable[[], None]) -> None:
    """Ctrl+S / Ctrl+Return save from anywhere in ``dialog`` (Enter in a multi-line field
    starts a new line, so the default button alone is not enough)."""
    for keys in SAVE_SHORTCUTS:
        QShortcut(QKeySequence(keys), dialog).activated.connect(save)


def field_error(
    item: ReportItem, kind: EntryKind, index: int, name: str, values: Mapping[str, object]
) -> ValidationError | None:
    """What the service would say about field ``name`` of entry ``index``, judged alone.

    The entry is validated as if ``kind`` had only this field (and the date it may not
    precede, made optional so that an empty start date is not this field's fault): the rule
    and its words stay in :mod:`records.report_entries`.
    """
    field = kind.field(name)
    if field is None:
        return None
    fields = [field]
    earlier = kind.field(field.not_before) if field.not_before else None
    if earlier is not None:
        fields.append(replace(earlier, spec=replace(earlier.spec, required=False)))
    probe = replace(item, kinds=(replace(kind, fields=tuple(fields)),))
    try:
        validate_entry(probe, index, {f.name: values.get(f.name) for f in fields})
    except ValidationError as error:
        # An error of the earlier date is that field's own, shown when it is checked.
        return error if error.field == entry_path(item, index, name) else None
    return None


def error_field_name(item: ReportItem, index: int, error: ValidationError) -> str | None:
    """``area`` for ``real_estate[1].area``; ``None`` when the error names no field."""
    prefix = entry_path(item, index) + "."
    return error.field[len(prefix) :] if error.field.startswith(prefix) else None


class EntryDialog(QDialog):
    """Emits :attr:`entryAccepted` with the cleaned entry, then closes.

    :param entry: the entry being corrected (its kind is then fixed); ``None`` for a new one.
    :param kind: the only kind to enter (fixed); by default the user picks among the item's.
    :param index: the entry's number in its item (from 1), as error messages name it.
    """

    entryAccepted = Signal(dict)

    def __init__(
        self,
        item: ReportItem,
        parent: QWidget | None = None,
        *,
        entry: Mapping[str, object] | None = None,
        kind: str | None = None,
        index: int = 1,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._item = item
        self._index = index
        self._inline: set[str] = set()  # fields that show an error now
        self._result: Entry | None = None
        verb = tr("修改") if entry is not None else tr("添加")
        self.setWindowTitle(title or f"{verb}{item.short_zh}")
        layout = QVBoxLayout(self)
        heading = QLabel(item.label_zh, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)

        initial = entry_kind_of(item, entry) if entry is not None else None
        chosen = item.kind(kind) if kind is not None else initial
        self.kind_form: FieldForm | None = None
        if len(item.kinds) > 1:
            spec = FieldSpec(
                KIND_KEY, tr("类别"), "kind", FieldKind.CHOICE, required=True,
                choices=tuple(k.code for k in item.kinds),
            )  # fmt: skip
            self.kind_form = FieldForm(
                [spec], self, choice_labels={KIND_KEY: {k.code: k.label_zh for k in item.kinds}}
            )
            if chosen is not None:
                self.kind_form.set_values({KIND_KEY: chosen.code})
            if entry is not None or kind is not None:
                # A correction never turns a trip into a passport.
                self.kind_form.set_fixed(KIND_KEY)
            self.kind_form.editor(KIND_KEY).on_changed(self._kind_changed)
            layout.addWidget(self.kind_form)
        self._fields_box = QGroupBox(tr("内容"), self)
        self._fields_layout = QVBoxLayout(self._fields_box)
        layout.addWidget(self._fields_box, 1)

        self.error_line = QLabel(self)
        self.error_line.setObjectName("dialog_error")
        self.error_line.setStyleSheet(ERROR_STYLE)
        self.error_line.setWordWrap(True)
        self.error_line.hide()
        layout.addWidget(self.error_line)
        self.buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = self.buttons.addButton(
            tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok_button.setDefault(True)  # Enter in a field saves; Esc cancels (QDialog)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        install_save_shortcuts(self, self.save)

        self.fields = self._build_fields()
        if entry is not None:
            self.fields.set_values(
                {k: v for k, v in entry.items() if k != KIND_KEY and self.fields.has_field(k)}
            )
        self._chain_tab_order()
        first = self.fields if self.kind_form is None or entry is not None else self.kind_form
        first.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(480, self.sizeHint().height())

    # ---- reading -------------------------------------------------------------------------

    @property
    def item(self) -> ReportItem:
        return self._item

    def kind(self) -> EntryKind:
        if self.kind_form is None:
            return self._item.kinds[0]
        found = self._item.kind(str(self.kind_form.editor(KIND_KEY).value()))
        return found if found is not None else self._item.kinds[0]

    def raw_entry(self) -> Entry:
        """The input as typed, in the shape :func:`validate_entry` takes."""
        entry: Entry = dict(self.fields.values())
        if len(self._item.kinds) > 1:
            entry[KIND_KEY] = self.kind().code
        return entry

    def entry(self) -> Entry | None:
        """The cleaned entry once accepted, else ``None``."""
        return None if self._result is None else dict(self._result)

    def has_inline_errors(self) -> bool:
        return bool(self._inline)

    # ---- saving --------------------------------------------------------------------------

    def save(self) -> None:
        if self._inline:
            # 确定 is disabled while a field shows an error; a shortcut must not get around
            # that. Send the user to the first such field instead.
            name = next(f.name for f in self.kind().fields if f.name in self._inline)
            self.fields.editor(name).widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.error_line.hide()
        try:
            cleaned = validate_entry(self._item, self._index, self.raw_entry())
        except ValidationError as error:
            self._show_error(error)
            return
        self._result = cleaned
        self.entryAccepted.emit(dict(cleaned))
        self.accept()

    def _show_error(self, error: ValidationError) -> None:
        name = error_field_name(self._item, self._index, error)
        if name is not None and self.fields.has_field(name):
            self._mark(name, error.zh)
            self.fields.editor(name).widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if name == KIND_KEY and self.kind_form is not None:
            self.kind_form.show_error(KIND_KEY, error.zh)
            return
        self.error_line.setText(error.zh)
        self.error_line.show()
        self._fit_height()

    # ---- inline checks -------------------------------------------------------------------

    def check_field(self, name: str) -> bool:
        """Check field ``name`` now (as on leaving it); show or clear its error."""
        error = field_error(self._item, self.kind(), self._index, name, self.fields.values())
        self._mark(name, None if error is None else error.zh)
        return error is None

    def _finished(self, name: str) -> None:
        self.check_field(name)
        # A later date judged against this one may have become right or wrong with it.
        values = self.fields.values()
        for field in self.kind().fields:
            if field.not_before == name and str(values.get(field.name) or "").strip():
                self.check_field(field.name)

    def _changed(self, name: str) -> None:
        # While an error shows, each keystroke re-checks: it goes the moment the value is right.
        if name in self._inline:
            self.check_field(name)

    def _mark(self, name: str, text: str | None) -> None:
        label = self.fields.error_label(name)
        if text is None:
            label.clear()
            label.hide()
            self._inline.discard(name)
        else:
            label.setText(text)
            label.show()
            self._inline.add(name)
            self._fit_height()
        self.ok_button.setEnabled(not self._inline)

    def _fit_height(self) -> None:
        # Grow to make room for the error line, rather than squeeze the fields around it.
        wanted = self.sizeHint().height()
        if self.height() < wanted:
            self.resize(self.width(), wanted)

    # ---- the kind's fields ---------------------------------------------------------------

    def _build_fields(self) -> FieldForm:
        kind = self.kind()
        form = FieldForm([f.spec for f in kind.fields], self._fields_box)
        for field in kind.fields:
            editor = form.editor(field.name)
            editor.on_finished(partial(self._finished, field.name))
            editor.on_changed(partial(self._changed, field.name))
        self._fields_box.setTitle(kind.label_zh)
        self._fields_layout.addWidget(form)
        return form

    def _kind_changed(self) -> None:
        # A kind's fields are its own: nothing typed for the previous kind carries over.
        old = self.fields
        self._fields_layout.removeWidget(old)
        old.deleteLater()
        self._inline.clear()
        self.ok_button.setEnabled(True)
        self.fields = self._build_fields()
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        head = self.kind_form.focus_chain() if self.kind_form is not None else []
        chain_tab_order([*head, *self.fields.focus_chain(), self.ok_button, self.cancel_button])


def open_entry_dialog(
    item: ReportItem,
    entries: Sequence[Mapping[str, object]],
    row: int | None,
    parent: QWidget,
    on_entries: Callable[[list[Entry]], None],
) -> EntryDialog:
    """Open the dialog to add an entry (``row`` ``None``) or correct entry ``row``;
    ``on_entries`` gets the item's whole new list of entries once the user accepts."""
    current = [dict(e) for e in entries]
    if row is None:
        dialog = EntryDialog(item, parent, index=len(current) + 1)
    else:
        dialog = EntryDialog(item, parent, entry=current[row], index=row + 1)

    def accepted(entry: Entry) -> None:
        if row is None:
            on_entries([*current, entry])
        else:
            on_entries([*current[:row], entry, *current[row + 1 :]])

    dialog.entryAccepted.connect(accepted)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
