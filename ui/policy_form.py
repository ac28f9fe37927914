"""安全策略: the security officer's settings, one editor per ``SecurityPolicy`` field.

Numbers get spin boxes bounded by the parser's own limits (``records.policy``), switches
get check boxes; saving sends every value as text to ``PolicyService.set_values``, which
validates, stores and audits only what changed, all or nothing.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from records.policy import SecurityPolicy, policy_label_zh, policy_limits
from records.services.policy import PolicyChange, PolicyService
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.notices import Notices
from ui.vault_worker import VaultWorker

POLICY_NAMES = tuple(spec.name for spec in fields(SecurityPolicy))

_HINTS = {
    "max_failures": "连续输错密码达到此次数后,账户暂时锁定",
    "lockout_minutes": "账户锁定后,多长时间内不能再尝试登录",
    "auto_lock_minutes": "无人操作超过此时间,程序自动锁定并清除屏幕上的数据",
    "allow_remember": "允许用户勾选「在此计算机上记住」,由系统密钥库代为解锁",
    "allow_combined_roles": (
        "小单位例外:允许一个账户兼任多个角色(不再强制三员分立,每次授权都记入审计日志)"
    ),
    "attachment_max_mb": "超过此大小的扫描件、照片等附件不予接收",
    "check_sample_percent": "每年随机抽取多少比例的个人有关事项报告进行查核",
}


class PolicyForm(QGroupBox):
    #: The policy now in force, after a save that changed something.
    policyChanged = Signal(object)
    #: The policy was read from the vault (and is on screen).
    loaded = Signal(object)
    #: A short report for the window's status bar.
    message = Signal(str)

    def __init__(
        self, worker: VaultWorker, notices: Notices, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("安全策略"), parent)
        self._worker = worker
        self._notices = notices
        self._sequence = 0
        self.spin_boxes: dict[str, QSpinBox] = {}
        self.check_boxes: dict[str, QCheckBox] = {}

        form = QFormLayout()
        # Numbers first, then the switches, whatever order the fields were added in.
        for name in sorted(POLICY_NAMES, key=lambda n: policy_limits(n) is None):
            limits = policy_limits(name)
            label = tr(policy_label_zh(name))
            if limits is not None:
                spin = QSpinBox(self)
                spin.setRange(*limits)
                spin.setObjectName(f"policy_{name}")
                spin.setToolTip(tr(_HINTS.get(name, "")))
                spin.setMinimumWidth(90)
                row = QHBoxLayout()
                row.addWidget(spin)
                row.addWidget(
                    QLabel(tr("({low}–{high})").format(low=limits[0], high=limits[1]), self)
                )
                row.addStretch(1)
                form.addRow(label, row)
                self.spin_boxes[name] = spin
            else:
                box = QCheckBox(label, self)
                box.setObjectName(f"policy_{name}")
                box.setToolTip(tr(_HINTS.get(name, "")))
                form.addRow("", box)
                self.check_boxes[name] = box

        self.save_button = QPushButton(tr("保存"), self)
        self.revert_button = QPushButton(tr("还原"), self)
        self.revert_button.setToolTip(tr("放弃未保存的修改,显示档案库中的策略"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        self._show(SecurityPolicy())
        self._set_ready(False)

    # ---- values --------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """The form as ``PolicyService.set_values`` takes it (text, like the CLI's)."""
        values = {name: str(spin.value()) for name, spin in self.spin_boxes.items()}
        values.update(
            {name: "yes" if box.isChecked() else "no" for name, box in self.check_boxes.items()}
        )
        return values

    # ---- actions -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the policy in force (not an audited read)."""
        self._sequence += 1
        sequence = self._sequence
        self._worker.submit(
            lambda session: PolicyService(session).get(),
            lambda policy: self._loaded(sequence, policy),
            # Defaults on screen are not the vault's policy: stay disabled.
            lambda error: self._failed(sequence, error, ready=False),
        )

    def save(self) -> None:
        values = self.values()
        self._sequence += 1
        sequence = self._sequence
        self._set_ready(False)
        self._worker.submit(
            lambda session: PolicyService(session).set_values(values),
            lambda change: self._saved(sequence, change),
            # What the user typed stays, to be corrected and saved again.
            lambda error: self._failed(sequence, error, ready=True),
        )

    def clear(self) -> None:
        """Back to the defaults and disabled until the next unlock reads the vault."""
        self._sequence += 1
        self._show(SecurityPolicy())
        self._set_ready(False)

    # ---- results -------------------------------------------------------------------------

    def _loaded(self, sequence: int, policy: SecurityPolicy) -> None:
        if sequence != self._sequence:
            return
        self._show(policy)
        self._set_ready(True)
        self.loaded.emit(policy)

    def _saved(self, sequence: int, change: PolicyChange) -> None:
        if sequence != self._sequence:
            return
        self._show(change.after)
        self._set_ready(True)
        if not change.changed:
            self.message.emit(tr("安全策略没有改动"))
            return
        changed = "、".join(tr(policy_label_zh(name)) for name in change.changed)
        self.message.emit(tr("已保存安全策略:{changed}").format(changed=changed))
        self.policyChanged.emit(change.after)

    def _failed(self, sequence: int, error: UserError, *, ready: bool) -> None:
        if sequence != self._sequence:
            return
        self._set_ready(ready)
        self._notices.error(self, tr("安全策略"), message_for(error))

    def _show(self, policy: SecurityPolicy) -> None:
        for name, spin in self.spin_boxes.items():
            spin.setValue(int(getattr(policy, name)))
        for name, box in self.check_boxes.items():
            box.setChecked(bool(getattr(policy, name)))

    def _set_ready(self, ready: bool) -> None:
        for widget in (*self.spin_boxes.values(), *self.check_boxes.values()):
            widget.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.revert_button.setEnabled(ready)
