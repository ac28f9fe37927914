"""Attachments in the GUI: images and PDFs open in the viewer from memory (no file is
written anywhere), 另存为… is the audited export, clerks add files, and the dossier shows
the photo and the position history."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from records import audit
from records.model import User
from records.services.attachments import Attachment, AttachmentService
from records.services.positions import PositionService
from records.vault import unlock_vault
from tests.records.attachment_support import png_bytes
from tests.ui.conftest import WAIT_MS, AnsweringFileDialogs, RecordingNotices, Vault
from ui.attachment_viewer import AttachmentViewer
from ui.attachments_tab import AttachmentsTab
from ui.main_window import MainWindow
from ui.vault_worker import VaultWorker


def small_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "LianDang attachment test")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@dataclass
class OpeningFileDialogs(AnsweringFileDialogs):
    """Also answers 添加附件's open dialog."""

    to_open: Path | None = None

    def open_file(
        self, parent: QWidget | None, title: str, start: Path, file_filter: str
    ) -> Path | None:
        return self.to_open


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temp folder of our own for Python and Qt, so "nothing written" is exact."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    assert Path(QDir.tempPath()).resolve() == folder.resolve()
    assert Path(tempfile.gettempdir()).resolve() == folder.resolve()
    yield folder


def _listing(*folders: Path) -> list[str]:
    return sorted(str(p) for folder in folders for p in folder.rglob("*"))


def _file(vault: Vault, name: str, content: bytes) -> tuple[int, Attachment]:
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as session:
        official_id = vault.official_ids["张建国"]
        return official_id, AttachmentService(session).add(official_id, name, content)


def _tab(
    qtbot: QtBot, worker: VaultWorker, user: User, dialogs: AnsweringFileDialogs, notices
) -> AttachmentsTab:
    tab = AttachmentsTab(worker, user, dialogs, notices)
    qtbot.addWidget(tab)
    return tab


def _open_viewer(qtbot: QtBot, tab: AttachmentsTab, official_id: int) -> AttachmentViewer:
    tab.show_official(official_id)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT_MS)
    with qtbot.waitSignal(tab.viewerOpened, timeout=WAIT_MS) as opened:
        tab.open_attachment(tab.model.row_at(0))
    viewer = opened.args[0]
    assert isinstance(viewer, AttachmentViewer)
    return viewer


def test_a_png_opens_from_memory(
    qtbot: QtBot,
    vault: Vault,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
    private_tmp: Path,
) -> None:
    official_id, _added = _file(vault, "扫描件.png", png_bytes(40, 30))
    user = unlock_as("vetting1")
    before = _listing(private_tmp, vault.path)
    tab = _tab(qtbot, worker, user, file_dialogs, notices)
    assert not tab.add_button.isVisibleTo(tab)  # vetting may not add
    viewer = _open_viewer(qtbot, tab, official_id)
    assert tab.model.data(tab.model.index(0, 0)) == "扫描件.png"
    assert viewer.image_label is not None
    pixmap = viewer.image_label.pixmap()
    assert (pixmap.width(), pixmap.height()) == (40, 30)
    viewer.close()
    assert _listing(private_tmp, vault.path) == before
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as session:
        actions = [e.action for e in audit.entries(session.conn) if e.user_name == "vetting1"]
    assert actions[-2:] == ["attachment.list", "attachment.read"]


def test_a_pdf_opens_through_qtpdf_from_memory(
    qtbot: QtBot,
    vault: Vault,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
    private_tmp: Path,
) -> None:
    official_id, _added = _file(vault, "函询回复.pdf", small_pdf())
    user = unlock_as("clerk1")
    before = _listing(private_tmp, vault.path)
    tab = _tab(qtbot, worker, user, file_dialogs, notices)
    viewer = _open_viewer(qtbot, tab, official_id)
    document = viewer.pdf_document
    assert document is not None and viewer.pdf_view is not None
    qtbot.waitUntil(lambda: document.status() == QPdfDocument.Status.Ready, timeout=WAIT_MS)
    assert document.pageCount() == 1
    assert viewer.pdf_view.document() is document
    viewer.show()
    qtbot.wait(50)  # let the view render a page
    viewer.close()
    assert _listing(private_tmp, vault.path) == before
    assert not notices.errors


def test_save_as_is_the_audited_export(
    qtbot: QtBot,
    vault: Vault,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
    tmp_path: Path,
) -> None:
    official_id, added = _file(vault, "a.png", png_bytes())
    user = unlock_as("vetting1")
    tab = _tab(qtbot, worker, user, file_dialogs, notices)
    viewer = _open_viewer(qtbot, tab, official_id)
    file_dialogs.answer = None
    viewer.save_as()  # cancelled: nothing happens
    file_dialogs.answer = tmp_path / "copy.png"
    with qtbot.waitSignal(viewer.saved, timeout=WAIT_MS):
        viewer.save_as()
    assert (tmp_path / "copy.png").read_bytes() == png_bytes()
    assert file_dialogs.suggested[-1].name == "a.png"
    assert notices.infos and "审计" in notices.infos[-1]
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as session:
        exports = [e for e in audit.entries(session.conn) if e.action == "attachment.export"]
    assert [(e.user_name, e.detail.split()[0]) for e in exports] == [
        ("vetting1", f"attachment:{added.id}")
    ]


def test_a_clerk_adds_a_file_and_a_wrong_one_is_refused(
    qtbot: QtBot,
    vault: Vault,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    notices: RecordingNotices,
    tmp_path: Path,
) -> None:
    good, bad = tmp_path / "scan.png", tmp_path / "fake.pdf"
    good.write_bytes(png_bytes())
    bad.write_bytes(png_bytes())
    dialogs = OpeningFileDialogs(to_open=bad)
    user = unlock_as("clerk1")
    tab = _tab(qtbot, worker, user, dialogs, notices)
    tab.show_official(vault.official_ids["李秀英"])
    assert tab.add_button.isVisibleTo(tab)
    tab.add_attachment()
    qtbot.waitUntil(lambda: bool(notices.errors), timeout=WAIT_MS)
    assert "与扩展名.pdf不符" in notices.errors[-1]
    dialogs.to_open = good
    tab.add_attachment()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT_MS)
    assert tab.model.data(tab.model.index(0, 3)) == tab.model.row_at(0).sha256[:12]


def test_the_dossier_shows_photo_attachments_and_positions(
    qtbot: QtBot,
    vault: Vault,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
) -> None:
    official_id = vault.official_ids["张建国"]
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as session:
        AttachmentService(session).set_photo(official_id, "照片.png", png_bytes(60, 80))
        PositionService(session).add(official_id, "青山县财政局", "局长", "正处级", "2020-03-01")
    user = unlock_as("clerk1")
    window = MainWindow(worker, user, file_dialogs=file_dialogs, notices=notices)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3, timeout=WAIT_MS)
    window.search.select_row(window.search.model.row_of(official_id) or 0)
    view = window.dossier_view
    qtbot.waitUntil(lambda: view.photo.isVisibleTo(window), timeout=WAIT_MS)
    photo = view.photo.pixmap()
    assert (photo.width(), photo.height()) == (96, 128)  # scaled, aspect kept
    qtbot.waitUntil(lambda: window.positions_tab.model.rowCount() == 1, timeout=WAIT_MS)
    assert window.positions_tab.model.data(window.positions_tab.model.index(0, 4)) == "至今"
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert "附件" in titles and "任职经历" in titles
    assert window.attachments_tab.model.rowCount() == 1  # the photo itself
    window.lock()
    assert not view.photo.isVisibleTo(window)
    assert window.attachments_tab.model.rowCount() == 0
    assert window.positions_tab.model.rowCount() == 0
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen"
