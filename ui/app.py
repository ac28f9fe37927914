"""Starting the desktop application (``python main.py`` with no command)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from ui.app_controller import AppController
from ui.cli.exit_codes import USAGE
from ui.emit_refcount import guard_booleans
from ui.error_messages import log_unexpected
from ui.fonts import ensure_cjk_font
from ui.i18n import (
    LANGUAGES,
    choose_language,
    install_qt_translations,
    install_translator,
    system_languages,
)
from ui.vault_worker import VaultWorker


def _log_uncaught(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    # A bug in a slot must not put a traceback on screen; it is logged by type and stack
    # (never its message), like the worker's unexpected errors.
    error.__traceback__ = tb
    log_unexpected(error, where="the GUI")


def run_gui(vault: Path | None = None, user: str | None = None, language: str | None = None) -> int:
    """Show the unlock dialog (prefilled with ``vault`` and ``user``), then the main window.

    :param language: ``--lang`` (``en``, ``zh_CN``); ``None``: ``LIANDANG_LANG``, else the
        system's UI language if it is English, else Chinese (:func:`ui.i18n.choose_language`).
    :return: the application's exit code (2 for an unsupported ``language``).
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        chosen = choose_language(language, os.environ, system_languages())
    except ValueError:
        supported = "、".join(LANGUAGES)
        print(
            f"--lang:不支持的界面语言 {language}(可用:{supported}) / "
            f"--lang: unsupported language {language} (use {' or '.join(LANGUAGES)})",
            file=sys.stderr,
        )
        return USAGE
    guard_booleans()  # PySide6 6.12 on Python 3.11: see ui/emit_refcount.py
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("LianDang")
    app.setOrganizationName("LianDang")
    # Before any widget exists: texts are translated when widgets are built.
    install_translator(app, chosen)
    install_qt_translations(app, chosen)
    # The controller quits explicitly; hiding the unlock dialog must not end the app.
    app.setQuitOnLastWindowClosed(False)
    ensure_cjk_font(app)
    sys.excepthook = _log_uncaught

    worker = VaultWorker()
    controller = AppController(worker, vault=vault, user=user)
    controller.finished.connect(app.quit)
    app.aboutToQuit.connect(worker.shutdown)
    controller.start()
    try:
        return app.exec()
    finally:
        worker.shutdown()
