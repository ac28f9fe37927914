"""The main window's actions: one place for their texts, shortcuts and menus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle

from ui.i18n import tr


@dataclass(frozen=True)
class MainActions:
    new_official: QAction
    add_record: QAction
    add_family: QAction
    export_pdf: QAction
    change_password: QAction
    #: 系统管理…: shown only to an account that also holds an administrator role.
    administration: QAction
    lock: QAction
    quit: QAction


def _action(
    window: QMainWindow,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    icon: QStyle.StandardPixmap | None,
) -> QAction:
    action = QAction(text, window)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text} ({QKeySequence(shortcut).toString()})")
    return action


def create_actions(window: QMainWindow) -> MainActions:
    """Create the actions and put them in the menu bar and the tool bar."""
    pixmap = QStyle.StandardPixmap
    actions = MainActions(
        new_official=_action(window, tr("新建档案"), "Ctrl+N", pixmap.SP_FileIcon),
        add_record=_action(window, tr("登记记录"), "Ctrl+R", pixmap.SP_FileDialogDetailedView),
        add_family=_action(window, tr("添加家庭成员"), None, pixmap.SP_DirHomeIcon),
        export_pdf=_action(window, tr("导出签章PDF"), "Ctrl+E", pixmap.SP_DialogSaveButton),
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
    dossier_menu.addSeparator()
    dossier_menu.addAction(actions.export_pdf)
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
    toolbar.addSeparator()
    toolbar.addAction(actions.lock)
    return actions
