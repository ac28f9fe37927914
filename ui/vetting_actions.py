"""The vetting window's actions, and which of them a request's state allows.

草稿: decide, attest, submit. 审核中: decisions may still be revised (the service allows
it) and the reply may be signed. 已回复: nothing changes any more; only a copy of the
signed letter can be saved again. :func:`allowed_steps` is that table, as a pure function
of the state, so the rule is in one place and tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStyle, QToolBar, QWidget

from records.vetting_terms import RequestState
from ui.i18n import tr


@dataclass(frozen=True)
class AllowedSteps:
    """What may be done to a request now (before looking at the selection or busyness)."""

    decide: bool = False
    submit: bool = False
    reply: bool = False
    save_copy: bool = False


def allowed_steps(state: RequestState | None) -> AllowedSteps:
    """The steps ``state`` permits; ``None`` (no request on screen) permits none."""
    if state is RequestState.DRAFT:
        return AllowedSteps(decide=True, submit=True)
    if state is RequestState.REVIEWING:
        return AllowedSteps(decide=True, reply=True)
    if state is RequestState.REPLIED:
        return AllowedSteps(save_copy=True)
    return AllowedSteps()


@dataclass(frozen=True)
class VettingActions:
    new_request: QAction
    refresh: QAction
    #: Act on the candidate selected in the request's detail.
    confirm: QAction
    override: QAction
    attest: QAction
    #: Act on the request.
    submit: QAction
    reply: QAction
    save_copy: QAction

    def candidate_actions(self) -> tuple[QAction, ...]:
        return (self.confirm, self.override, self.attest)


def _action(parent: QWidget, text: str, tip: str, icon: QStyle.StandardPixmap | None) -> QAction:
    action = QAction(text, parent)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if icon is not None:
        action.setIcon(parent.style().standardIcon(icon))
    return action


def create_actions(parent: QWidget, toolbar: QToolBar) -> VettingActions:
    pixmap = QStyle.StandardPixmap
    actions = VettingActions(
        new_request=_action(
            parent, tr("登记来函…"), tr("登记一份党风廉政意见来函及其人选"), pixmap.SP_FileIcon
        ),
        refresh=_action(parent, tr("刷新"), tr("重新读取来函及系统建议"), pixmap.SP_BrowserReload),
        confirm=_action(
            parent, tr("确认建议"), tr("确认所选人选的系统建议类别"), pixmap.SP_DialogApplyButton
        ),
        override=_action(parent, tr("改定类别…"), tr("改定所选人选的意见类别(须说明理由)"), None),
        attest=_action(parent, tr("确认已审档案…"), tr("确认已审核所选人选的干部人事档案"), None),
        submit=_action(parent, tr("提交审核"), tr("全部人选确定意见后,将草稿提交审核"), None),
        reply=_action(
            parent,
            tr("签发回复…"),
            tr("生成并签章党风廉政意见回复PDF"),
            pixmap.SP_DialogSaveButton,
        ),
        save_copy=_action(parent, tr("另存回复…"), tr("将已签发的回复另存一份"), None),
    )
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addAction(actions.new_request)
    toolbar.addAction(actions.refresh)
    toolbar.addSeparator()
    for action in actions.candidate_actions():
        toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addAction(actions.submit)
    toolbar.addAction(actions.reply)
    toolbar.addAction(actions.save_copy)
    return actions
