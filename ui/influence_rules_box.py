"""影响期: the security officer's table of influence periods, one row per kind.

Party sanctions, government sanctions, organisational handling and 诫勉 each block
promotion for a number of months (DOMAIN.md §4 **[configurable]**). A row shows the period
in force (whole months, or 永久) and the built-in default; 保存 sends every changed row to
``InfluenceRuleService.set_values`` — all or none, audited with old and new values — and
恢复默认 drops a row's override. Each value is checked as soon as it is typed, with the
parser the service uses, and an error shows under its row naming the kind; while one
shows, nothing can be saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.errors import ValidationError
from records.influence_rules import (
    LABEL_ZH,
    InfluenceRuleRow,
    key_text,
    months_text,
    parse_key,
    parse_value,
    rule_keys,
)
from records.services.influence_rules import InfluenceRuleChange, InfluenceRuleService
from records.session import Session
from ui.error_messages import UserError, message_for
from ui.field_form import ERROR_STYLE
from ui.i18n import tr
from ui.notices import Notices
from ui.vault_worker import VaultWorker

PERMANENT_ZH = "永久"


def value_text(row: InfluenceRuleRow) -> str:
    """What the row's editor holds: ``12``, ``永久``, or ``""`` for a kind with no period."""
    if not row.has_rule:
        return ""
    return PERMANENT_ZH if row.months is None else str(row.months)


def default_text(row: InfluenceRuleRow) -> str:
    if not row.has_default:
        return tr("默认:无")
    return tr("默认:{months}").format(months=months_text(row.default_months))


def row_note(row: InfluenceRuleRow) -> str:
    """``默认:24个月;另加察看期×12个月;已调整`` — what the editor alone does not say."""
    parts = [default_text(row)]
    if row.months_per_probation_year:
        parts.append(tr("另加察看期×{n}个月").format(n=row.months_per_probation_year))
    if row.overridden:
        parts.append(tr("已调整"))
    return ";".join(parts)


def _group_of(key: tuple[str, str, str]) -> str:
    return key[1] or tr("诫勉(组织措施)")


class InfluenceRulesBox(QGroupBox):
    #: The table is on screen (the list of :class:`InfluenceRuleRow`).
    loaded = Signal(object)
    #: A save or reset changed something (the :class:`InfluenceRuleChange`).
    changed = Signal(object)
    #: A short report for the window's status bar.
    message = Signal(str)

    def __init__(
        self, worker: VaultWorker, notices: Notices, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("影响期"), parent)
        self.setObjectName("influence_rules")
        self._worker = worker
        self._notices = notices
        self._sequence = 0
        self._ready = False  # the vault's table is on screen and no request is under way
        self._rows: dict[str, InfluenceRuleRow] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.defaults: dict[str, QLabel] = {}
        self.reset_buttons: dict[str, QPushButton] = {}

        intro = QLabel(
            tr("受处分、组织处理或诫勉后不得提拔使用的期限,按整月计;填“永久”表示永久影响。"
               "保存后即时生效,并记入审计日志。"),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        for column, title in enumerate((tr("种类"), tr("影响期(月)"), tr("默认"))):
            header = QLabel(title, self)
            header.setStyleSheet("color: #555;")
            grid.addWidget(header, 0, column)
        line, group = 1, None
        for key in rule_keys():
            if _group_of(key) != group:
                group = _group_of(key)
                heading = QLabel(group, self)
                heading.setStyleSheet("font-weight: bold; margin-top: 6px;")
                grid.addWidget(heading, line, 0, 1, 4)
                line += 1
            self._add_row(grid, line, key)
            line += 2  # the row and its error line
        grid.setColumnStretch(4, 1)

        self.save_button = QPushButton(tr("保存"), self)
        self.revert_button = QPushButton(tr("还原"), self)
        self.revert_button.setToolTip(tr("放弃未保存的修改,显示档案库中的影响期"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        self._set_ready(False)

    def _add_row(self, grid: QGridLayout, line: int, key: tuple[str, str, str]) -> None:
        text = key_text(key)
        label = QLabel(key[2], self)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        edit = QLineEdit(self)
        edit.setObjectName(f"influence_{text}")
        edit.setMaximumWidth(80)
        edit.setPlaceholderText(tr("无"))
        edit.setToolTip(tr("整月数(0–240),或“永久”"))
        label.setBuddy(edit)
        edit.editingFinished.connect(lambda: self.validate(text))
        edit.textChanged.connect(lambda _t: self._recheck(text))
        default = QLabel(self)
        default.setStyleSheet("color: #555;")
        reset = QPushButton(tr("恢复默认"), self)
        reset.clicked.connect(lambda: self.reset(text))
        error = QLabel(self)
        error.setObjectName(f"error_{text}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        grid.addWidget(label, line, 0)
        grid.addWidget(edit, line, 1)
        grid.addWidget(default, line, 2)
        grid.addWidget(reset, line, 3, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(error, line + 1, 1, 1, 3)
        self.edits[text], self.errors[text] = edit, error
        self.defaults[text], self.reset_buttons[text] = default, reset

    # ---- values --------------------------------------------------------------------------

    def changed_values(self) -> dict[str, str]:
        """The rows whose text differs from the vault's, as ``set_values`` takes them."""
        return {
            key: edit.text().strip()
            for key, edit in self.edits.items()
            if key in self._rows and edit.text().strip() != value_text(self._rows[key])
        }

    def validate(self, key: str) -> bool:
        """Check one row as the service would; show or clear its error (naming the kind)."""
        text = self.edits[key].text().strip()
        row = self._rows.get(key)
        unchanged = row is not None and text == value_text(row)
        try:
            if not unchanged:
                parse_value(parse_key(key), text)
        except ValidationError as error:
            self._show_error(key, error.zh)
            return False
        self.errors[key].hide()
        self._update_save()
        return True

    def _recheck(self, key: str) -> None:
        # While an error shows, each keystroke re-checks: it goes the moment the value is right.
        if not self.errors[key].isHidden():
            self.validate(key)

    def has_errors(self) -> bool:
        return any(not error.isHidden() for error in self.errors.values())

    # ---- actions -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the table in force (an audited read; not dossier content)."""
        self._submit(lambda session: InfluenceRuleService(session).list(), self._loaded)

    def save(self) -> None:
        if not all([self.validate(key) for key in self.edits]):
            first = next(k for k, e in self.errors.items() if not e.isHidden())
            self.edits[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        values = self.changed_values()
        if not values:
            self.message.emit(tr("影响期没有改动"))
            return
        self._submit(lambda session: InfluenceRuleService(session).set_values(values), self._saved)

    def reset(self, key: str) -> None:
        """Drop the override of ``key``: the built-in period applies again."""
        self._submit(lambda session: InfluenceRuleService(session).reset(key), self._saved)

    def clear(self) -> None:
        """Blank and disabled until the next unlock reads the vault."""
        self._sequence += 1
        self._rows = {}
        for key, edit in self.edits.items():
            edit.clear()
            self.defaults[key].clear()
            self.errors[key].hide()
        self._set_ready(False)

    # ---- results -------------------------------------------------------------------------

    def _submit(self, job: Callable[[Session], object], done: Callable[[object], None]) -> None:
        self._sequence += 1
        sequence = self._sequence
        self._set_ready(False)

        def finished(result: object) -> None:
            if sequence == self._sequence:  # not cleared (locked) or superseded meanwhile
                done(result)

        def failed(error: UserError) -> None:
            if sequence == self._sequence:
                self._failed(error)

        self._worker.submit(job, finished, failed)

    def _loaded(self, result: object) -> None:
        assert isinstance(result, list)
        self._show(result)
        self.loaded.emit(result)

    def _saved(self, result: object) -> None:
        assert isinstance(result, InfluenceRuleChange)
        self._show(list(result.rows))
        if not result.changed:
            self.message.emit(tr("影响期没有改动"))
            return
        self.message.emit(tr("已保存影响期:{changes}").format(changes=result.describe()))
        self.changed.emit(result)

    def _failed(self, error: UserError) -> None:
        # What the user typed stays, to be corrected and saved again.
        self._set_ready(bool(self._rows))
        if isinstance(error, ValidationError):
            for key in self.edits:
                if error.label_zh == f"{LABEL_ZH}({key})":
                    self._show_error(key, error.zh)
                    return
        self._notices.error(self, tr("影响期"), message_for(error))

    def _show(self, rows: list[InfluenceRuleRow]) -> None:
        self._rows = {row.key: row for row in rows}
        for key, edit in self.edits.items():
            row = self._rows.get(key)
            edit.setText("" if row is None else value_text(row))
            self.errors[key].hide()
            self.defaults[key].setText("" if row is None else row_note(row))
        self._set_ready(True)

    def _show_error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].show()
        self._update_save()

    def _set_ready(self, ready: bool) -> None:
        self._ready = ready
        for key, edit in self.edits.items():
            edit.setEnabled(ready)
            row = self._rows.get(key)
            self.reset_buttons[key].setEnabled(ready and row is not None and row.overridden)
        self.revert_button.setEnabled(ready)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(self._ready and not self.has_errors())
