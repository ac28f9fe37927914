"""安全 (安全保密管理员): security policy, role grants, keys and certificates, and the
influence periods, side by side.

Only arranges its parts (ui/policy_form.py, ui/role_grant_box.py, ui/keys_box.py,
ui/influence_rules_box.py) and passes their reports on; each part talks to the vault worker
itself.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.confirmations import Confirmations
from ui.file_dialogs import FileDialogs
from ui.influence_rules_box import InfluenceRulesBox
from ui.keys_box import KeysBox
from ui.notices import Notices
from ui.policy_form import PolicyForm
from ui.role_grant_box import RoleGrantBox
from ui.vault_worker import VaultWorker


class SecurityPanel(QWidget):
    #: A short report for the window's status bar.
    message = Signal(str)
    #: The policy in force changed (the new :class:`SecurityPolicy`).
    policyChanged = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        file_dialogs: FileDialogs,
        notices: Notices,
        confirmations: Confirmations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.policy = PolicyForm(worker, notices, self)
        self.roles = RoleGrantBox(worker, notices, self)
        self.keys = KeysBox(worker, file_dialogs, notices, confirmations, self)
        self.influence = InfluenceRulesBox(worker, notices, self)

        left = QVBoxLayout()
        left.addWidget(self.policy)
        left.addWidget(self.keys)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.roles, 3)
        right = QVBoxLayout()
        right.addWidget(self.influence)
        right.addStretch(1)
        layout.addLayout(right, 2)

        for part in (self.policy, self.roles, self.keys, self.influence):
            part.message.connect(self.message)
        self.policy.policyChanged.connect(self.policyChanged)

    def refresh(self) -> None:
        self.policy.refresh()
        self.roles.refresh()
        self.keys.refresh()
        self.influence.refresh()

    def clear(self) -> None:
        self.keys.clear()  # first: it stops waiting for a rotation and closes its dialog
        self.policy.clear()
        self.roles.clear()
        self.influence.clear()
