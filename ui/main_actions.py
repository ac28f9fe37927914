"""The main window's actions: one place for their texts, shortcuts and menus.

Shortcuts (shown in the menus and tool tips, and in the user guide):
Ctrl+N 新建档案, Ctrl+R 登记记录, F2 修改记录 (Ctrl+E was taken by 导出签章PDF before
records could be edited), Ctrl+D 撤销记录 (and Delete in the record table),
Ctrl+Shift+H 修改历史, Ctrl+Z / Ctrl+Shift+Z 撤消 / 重做, Ctrl+F 查找人员,
Ctrl+E 导出签章PDF, Ctrl+L 锁定.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QStyle

from ui.i18n import tr

Shortcut = QKeySequence | QKeySequence.StandardKey | str


@dataclass(frozen=True)
class MainActions:
    new_official: QAction
    add_record: QAction
    add_family: QAction
    #: 修改记录… / 撤销记录… / 修改历史…: act on the record selected in the 记录 tab.
    edit_record: QAction
    withdraw_record: QAction
    record_history: QAction
    #: 撤消 / 重做 of the last record steps; their texts name the step (QUndoStack).
    undo: QAction
    redo: QAction
    #: 查找人员: puts the cursor in the search box.
    find: QAction
    export_pdf: QAction
    #: 随机抽查…: the year's random checks; shown only to the clerk (ui/check_screens.py).
    sample_checks: QAction
    #: 党风廉政意见回复…: shown only to the vetting role (ui/vetting_window.py).
    vetting: QAction
    change_password: QAction
    #: 系统管理…: shown only to an account that also holds an administrator role.
    administration: QAction
    lock: QAction
    quit: QAction


def _tooltip(action: QAction, text: str) -> None:
    keys = " / ".join(s.toString() for s in action.shortcuts())
    action.setToolTip(f"{text} ({keys})" if keys else text)


def _action(
    window: QMainWindow,
    text: str,
    shortcut: Shortcut | None,
    icon: QStyle.StandardPixmap | None,
) -> QAction:
    action = QAction(text, window)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        _tooltip(action, text)
    return action


def _history_action(action: QAction, shortcuts: tuple[str, ...]) -> QAction:
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    # QUndoStack rewrites the text with each step ("撤消 登记记录「…」"); the tip follows it.
    action.changed.connect(lambda: _tip_with_keys(action))
    _tip_with_keys(action)
    return action


def _tip_with_keys(action: QAction) -> None:
    tip = f"{action.text()} ({action.shortcuts()[0].toString()})"
    if action.toolTip() != tip:  # setToolTip emits changed: only when it differs
        action.setToolTip(tip)


def create_actions(window: QMainWindow, undo_stack: QUndoStack) -> MainActions:
    """Create the actions and put them in the menu bar and the tool bar."""
    pixmap = QStyle.StandardPixmap
    withdraw = _action(window, tr("撤销记录…"), "Ctrl+D", None)
    withdraw.setToolTip(tr("撤销记录…") + " (Ctrl+D / Delete)")  # Delete: in the record table
    actions = MainActions(
        new_official=_action(window, tr("新建档案"), "Ctrl+N", pixmap.SP_FileIcon),
        add_record=_action(window, tr("登记记录"), "Ctrl+R", pixmap.SP_FileDialogDetailedView),
        add_family=_action(window, tr("添加家庭成员"), None, pixmap.SP_DirHomeIcon),
        edit_record=_action(window, tr("修改记录…"), "F2", None),
        withdraw_record=withdraw,
        record_history=_action(window, tr("修改历史…"), "Ctrl+Shift+H", None),
        undo=_history_action(undo_stack.createUndoAction(window, tr("撤消")), ("Ctrl+Z",)),
        redo=_history_action(
            undo_stack.createRedoAction(window, tr("重做")), ("Ctrl+Shift+Z", "Ctrl+Y")
        ),
        find=_action(window, tr("查找人员"), QKeySequence.StandardKey.Find, None),
        export_pdf=_action(window, tr("导出签章PDF"), "Ctrl+E", pixmap.SP_DialogSaveButton),
        sample_checks=_action(window, tr("随机抽查…"), None, None),
        vetting=_action(window, tr("党风廉政意见回复…"), None, pixmap.SP_FileDialogListView),
        change_password=_action(window, tr("修改密码…"), None, None),
        administration=_action(window, tr("系统管理…"), None, None),
        # No stock icon reads as "lock" (the stop sign reads as "close"): text only.
        lock=_action(window, tr("锁定"), "Ctrl+L", None),
        quit=_action(
            window, tr("退出"), QKeySequence.StandardKey.Quit, pixmap.SP_DialogCloseButton
        ),
    )
    dossier_menu = window.menuBar().addMenu(tr("档案(&D)"))
    dossier_menu.addAction(actions.new_official)
    dossier_menu.addAction(actions.add_record)
    dossier_menu.addAction(actions.add_family)
    dossier_menu.addAction(actions.sample_checks)
    dossier_menu.addSeparator()
    dossier_menu.addAction(actions.export_pdf)
    dossier_menu.addAction(actions.vetting)
    edit_menu = window.menuBar().addMenu(tr("编辑(&E)"))
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.edit_record)
    edit_menu.addAction(actions.withdraw_record)
    edit_menu.addAction(actions.record_history)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    vault_menu = window.menuBar().addMenu(tr("档案库(&V)"))
    vault_menu.addAction(actions.change_password)
    vault_menu.addAction(actions.administration)
    vault_menu.addSeparator()
    vault_menu.addAction(actions.lock)
    vault_menu.addSeparator()
    vault_menu.addAction(actions.quit)

    toolbar = window.addToolBar(tr("常用操作"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (actions.new_official, actions.add_record, actions.add_family):
        toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addAction(actions.export_pdf)
    toolbar.addAction(actions.vetting)
    toolbar.addSeparator()
    toolbar.addAction(actions.lock)
    return actions
