"""Open the real main window on a vault and save a screenshot of the X screen.

The window is the one the application gives the account: the dossier window, or for an
administrator the administration window (the security officer's shows the 安全 tab). For
the vetting officer, the 党风廉政意见回复 window is opened over it on the first request.

Run by tests/ui/test_screenshot.py in a subprocess with ``DISPLAY`` set to an Xvfb server
and ``QT_QPA_PLATFORM=xcb`` (the test process itself is offscreen). The password comes on
standard input, never on the command line.

Usage: ``python screenshot_main_window.py VAULT USER OUT.png < password``
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from records.model import User  # noqa: E402
from ui.admin_window import AdminWindow, opens_admin_window  # noqa: E402
from ui.error_messages import UserError, message_for  # noqa: E402
from ui.fonts import ensure_cjk_font  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.vault_worker import VaultWorker  # noqa: E402
from ui.vetting_window import open_vetting_window  # noqa: E402

#: After the dossier is on screen, time for the X server to finish drawing it.
SETTLE_MS = 400
#: Give up (exit 1) if nothing has been saved by then.
DEADLINE_MS = 60_000


def main(argv: list[str]) -> int:
    vault, user_name, out = Path(argv[1]), argv[2], Path(argv[3])
    password = sys.stdin.readline().rstrip("\n")
    app = QApplication(argv[:1])
    app.setApplicationName("LianDang")
    app.setOrganizationName("LianDang")
    ensure_cjk_font(app)
    worker = VaultWorker()
    state: dict[str, object] = {"code": 1}

    def grab() -> None:
        image = QGuiApplication.primaryScreen().grabWindow(0)
        out.parent.mkdir(parents=True, exist_ok=True)
        state["code"] = 0 if image.save(str(out), "PNG") else 1
        app.quit()

    def failed(error: UserError) -> None:
        print(f"screenshot: {message_for(error)}", file=sys.stderr)
        app.quit()

    def show_first_record(window: MainWindow, user: User) -> None:
        window.dossier_view.record_table.selectRow(0)  # the detail pane shows a record too
        if window.menu_actions.vetting.isVisible():
            if "vetting" not in state:
                show_vetting(window, user)
            return
        QTimer.singleShot(SETTLE_MS, grab)

    def show_vetting(window: MainWindow, user: User) -> None:
        vetting = open_vetting_window(window, worker, user)
        vetting.setGeometry(0, 0, 1280, 800)
        state["vetting"] = vetting

        def listed(count: int) -> None:
            if count:
                vetting.request_table.selectRow(0)
            else:
                QTimer.singleShot(SETTLE_MS, grab)

        def detailed(_request_id: int) -> None:
            vetting.detail_panel.candidate_table.selectRow(2)  # one with reasons to show
            QTimer.singleShot(SETTLE_MS, grab)

        vetting.requestsShown.connect(listed)
        vetting.detailShown.connect(detailed)

    def show_admin(user: User) -> None:
        window = AdminWindow(worker, user)
        state["window"] = window
        window.setGeometry(0, 0, 1280, 800)
        window.show()

        def loaded(_none: None) -> None:
            # Every listing the window asked for has arrived (jobs run in order).
            if window.security_panel is not None:
                window.security_panel.roles.accounts.select_name("clerk")
            elif window.accounts_panel is not None:
                window.accounts_panel.accounts.select_name("clerk")
            QTimer.singleShot(SETTLE_MS, grab)

        worker.submit(lambda _session: None, loaded, failed)

    def unlocked(user: User) -> None:
        if opens_admin_window(user):
            show_admin(user)
            return
        window = MainWindow(worker, user)
        state["window"] = window
        window.setGeometry(0, 0, 1280, 800)  # no window manager: place it on the screen
        window.search.listRefreshed.connect(lambda _n: window.search.select_row(0))
        window.dossierShown.connect(lambda _id: show_first_record(window, user))
        window.show()

    worker.unlock(vault, user_name, password, unlocked, failed)
    QTimer.singleShot(DEADLINE_MS, app.quit)
    app.exec()
    worker.shutdown()
    return int(state["code"])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
