"""The English translation: every ``tr()`` string translated, the ``.qm`` built from the
``.ts``, placeholders kept, the language chosen by ``--lang`` / ``LIANDANG_LANG`` / the
system, and the real windows in English with the translator installed (Chinese without).

The translator is installed only inside the tests that need it and removed afterwards, so
every other GUI test keeps seeing the Chinese source texts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from string import Formatter

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

import main
from records.errors import ValidationError
from records.model import User
from ui.error_messages import INTERNAL_ERROR_ZH, message_for
from ui.i18n import (
    CHINESE,
    CONTEXT,
    ENGLISH,
    ENV_VAR,
    choose_language,
    install_qt_translations,
    install_translator,
    normalize_language,
    tr,
    translation_file,
)
from ui.i18n_catalog import Catalogue, read_ts, render_ts
from ui.i18n_extract import QM_PATH, TS_PATH, UPDATE_HINT, Extraction, extract
from ui.main_window import MainWindow
from ui.vault_worker import VaultWorker

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
LRELEASE = shutil.which(
    "pyside6-lrelease",
    path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", os.defpath)]),
)


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract()


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return read_ts(TS_PATH)


# ---- the catalogue ---------------------------------------------------------------------


def test_every_tr_call_reads_a_known_text(extraction: Extraction) -> None:
    unresolved = "\n".join(str(u) for u in extraction.unresolved)
    assert not extraction.unresolved, (
        f"tr() of a text the extractor cannot know:\n{unresolved}\n"
        "Pass a literal (with {placeholders} filled by .format()), a module constant or a "
        "constant table; for a records/ value add the call to DYNAMIC_SOURCES in "
        "ui/i18n_extract.py. Then " + UPDATE_HINT
    )
    assert not extraction.unused_sources, (
        f"DYNAMIC_SOURCES names calls that no longer exist: {extraction.unused_sources}"
    )
    assert len(extraction.messages) > 400  # the parser did find the GUI's strings


def test_every_string_has_a_finished_english_translation(
    extraction: Extraction, catalogue: Catalogue
) -> None:
    active = catalogue.active()
    missing = [s for s in extraction.sources if s not in active]
    unfinished = [s for s in extraction.sources if s in active and not active[s].is_finished]
    assert not missing, f"{len(missing)} new GUI string(s) not in the .ts: {missing[:10]}; " + (
        UPDATE_HINT
    )
    assert not unfinished, (
        f"{len(unfinished)} GUI string(s) without a finished English translation: "
        f"{unfinished[:10]}; " + UPDATE_HINT
    )


def test_the_catalogue_holds_no_string_the_gui_no_longer_uses(
    extraction: Extraction, catalogue: Catalogue
) -> None:
    stale = set(catalogue.active()) - set(extraction.sources)
    assert not stale, f"strings no longer in the GUI: {sorted(stale)[:10]}; " + UPDATE_HINT
    assert catalogue.language == "en_US"


def test_writing_the_catalogue_back_changes_nothing(catalogue: Catalogue) -> None:
    # The file is in the extractor's own layout, so --update rewrites it only when the GUI's
    # strings (or their places) change.
    assert render_ts(TS_PATH, catalogue) == TS_PATH.read_text(encoding="utf-8")


def _fields(text: str) -> Counter[str]:
    return Counter(name for _lit, name, _spec, _conv in Formatter().parse(text) if name is not None)


def test_placeholders_ellipses_and_accelerators_are_kept(catalogue: Catalogue) -> None:
    problems = []
    for entry in catalogue.active().values():
        source, english = entry.source, entry.translation
        if _fields(source) != _fields(english):
            problems.append(f"placeholders differ: {source!r} → {english!r}")
        if source.endswith("…") != english.endswith("…"):
            problems.append(f"'…' (opens a dialog) not kept: {source!r} → {english!r}")
        if "&" in source and len(re.findall(r"&\w", english)) != 1:
            problems.append(f"accelerator not kept: {source!r} → {english!r}")
        if CJK.search(english) and not re.search(r"“[^”]*[\u3400-\u9fff][^”]*”", english):
            # Chinese is allowed only quoted: a value the user types or sees in the data.
            problems.append(f"Chinese left in the translation: {english!r}")
    assert not problems, "\n".join(problems)


def test_the_qm_translates_every_entry_of_the_ts(qapp: QApplication, catalogue: Catalogue) -> None:
    translator = QTranslator()
    assert translator.load(str(QM_PATH)), f"{QM_PATH} is missing; " + UPDATE_HINT
    stale = [
        e.source
        for e in catalogue.active().values()
        if translator.translate(CONTEXT, e.source) != e.translation
    ]
    assert not stale, f"the .qm is older than the .ts ({stale[:5]}); " + UPDATE_HINT
    assert translation_file(ENGLISH) == QM_PATH


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease is not installed")
def test_the_qm_is_exactly_what_lrelease_builds_from_the_ts(tmp_path: Path) -> None:
    assert LRELEASE is not None
    rebuilt = tmp_path / "liandang_en.qm"
    subprocess.run([LRELEASE, "-silent", str(TS_PATH), "-qm", str(rebuilt)], check=True, timeout=60)
    assert rebuilt.read_bytes() == QM_PATH.read_bytes(), UPDATE_HINT


def test_the_translations_are_shipped_as_package_data() -> None:
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert re.search(r"^resources = .*translations/\*", setup, re.MULTILINE)
    assert TS_PATH.parent == ROOT / "resources" / "translations"


# ---- choosing the language -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("en", ENGLISH),
        ("EN", ENGLISH),
        ("en_US", ENGLISH),
        ("en-GB", ENGLISH),
        ("en_US.UTF-8", ENGLISH),
        ("en-Latn-US", ENGLISH),
        ("zh", CHINESE),
        ("zh_CN", CHINESE),
        ("zh-Hans-CN", CHINESE),
        ("fr", None),
        ("C", None),
        ("", None),
        ("english", None),
    ],
)
def test_language_names(name: str, language: str | None) -> None:
    assert normalize_language(name) == language


def test_the_option_beats_the_environment_which_beats_the_system() -> None:
    english_env = {ENV_VAR: "en"}
    assert choose_language("zh_CN", english_env, ["en-US"]) == CHINESE
    assert choose_language("en", {}, ["zh-CN"]) == ENGLISH
    assert choose_language(None, english_env, ["zh-CN"]) == ENGLISH
    assert choose_language(None, {ENV_VAR: "zh_CN"}, ["en-US"]) == CHINESE
    assert choose_language(None, {}, ["en-Latn-US", "en"]) == ENGLISH
    assert choose_language(None, {}, ["de-DE", "en-US"]) == CHINESE  # the first one counts
    assert choose_language(None, {}, ["C"]) == CHINESE
    assert choose_language(None, {}, []) == CHINESE


def test_a_wrong_environment_value_is_ignored_but_a_wrong_option_refused(
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert choose_language(None, {ENV_VAR: "klingon"}, ["en-US"]) == ENGLISH
    assert "klingon" in caplog.text
    with pytest.raises(ValueError, match="fr"):
        choose_language("fr", {}, [])


def test_lang_is_a_gui_option_and_the_command_line_is_unaffected() -> None:
    assert main._gui_request(["--lang", "en"]) == {"lang": "en"}
    assert main._gui_request(["--vault", "v", "--lang=en", "--user", "u"]) == {
        "vault": "v",
        "lang": "en",
        "user": "u",
    }
    assert main._gui_request(["--lang", "en", "user", "list"]) is None  # a command: the CLI
    assert main._gui_request(["user", "list"]) is None


def test_an_unsupported_lang_exits_with_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.run(["--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert "--lang" in err and "fr" in err and "unsupported language" in err


def test_chinese_needs_no_translator(qapp: QApplication) -> None:
    assert install_translator(qapp, CHINESE) is None
    with pytest.raises(ValueError):
        install_translator(qapp, "fr")


def test_error_messages_follow_the_gui_language(english: QTranslator) -> None:
    error = ValidationError("area", "面积", "必须为正数", "must be positive")
    assert message_for(error) == error.en
    internal = message_for(RuntimeError("SELECT … secret"))
    assert internal == tr(INTERNAL_ERROR_ZH) != INTERNAL_ERROR_ZH


def test_error_messages_are_chinese_by_default() -> None:
    error = ValidationError("area", "面积", "必须为正数", "must be positive")
    assert message_for(error) == error.zh


def test_qts_own_buttons_speak_chinese_in_the_chinese_gui(qapp: QApplication) -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == ["Cancel", "OK"]  # Qt untranslated
    translator = install_qt_translations(qapp, CHINESE)
    assert translator is not None
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消"])
        assert install_qt_translations(qapp, ENGLISH) is None  # Qt is English already
    finally:
        qapp.removeTranslator(translator)
        translator.deleteLater()


# ---- the real windows ------------------------------------------------------------------


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    translator = install_translator(qapp, ENGLISH)
    assert translator is not None and translator.parent() is qapp
    yield translator
    qapp.removeTranslator(translator)
    translator.deleteLater()


def _main_window(qtbot: QtBot, worker: VaultWorker, user: User, file_dialogs, notices):
    window = MainWindow(worker, user, file_dialogs=file_dialogs, notices=notices)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)
    return window


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _menu_entries(window: MainWindow) -> list[str]:
    menus = [a.menu() for a in window.menuBar().actions()]
    return [
        a.text()
        for menu in menus
        if isinstance(menu, QMenu)
        for a in menu.actions()
        if not a.isSeparator()
    ]


def test_the_main_window_in_english(
    qtbot: QtBot,
    english: QTranslator,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    file_dialogs,
    notices,
    vault,
) -> None:
    window = _main_window(qtbot, worker, unlock_as("clerk1"), file_dialogs, notices)
    assert window.windowTitle() == "LianDang — Electronic Integrity Files"
    assert _menu_titles(window) == ["&Dossier", "&Edit", "&Vault"]
    entries = _menu_entries(window)
    assert "New dossier" in entries and "Add record" in entries and "Lock" in entries
    assert "Version history…" in entries and "Withdraw record…" in entries
    chinese = [text for text in entries if CJK.search(text)]
    assert not chinese, f"menu entries left in Chinese: {chinese}"
    actions = window.menu_actions
    assert actions.export_pdf.text() == "Export signed PDF"
    assert actions.vetting.text() == "Integrity opinion replies…"
    assert actions.new_official.toolTip() == "New dossier (Ctrl+N)"
    buttons = [b.text() for b in window.findChildren(QAbstractButton) if b.text()]
    assert "Filters" in buttons
    chinese = [text for text in buttons if CJK.search(text)]
    assert not chinese, f"buttons left in Chinese: {chinese}"
    assert window.search.search_edit.placeholderText() == "Search by name, unit, post or ID number"
    assert window.search.count_label.text() == "3 officials"
    model = window.search.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Name" in headers and "Work unit" in headers
    # Data stays as the records layer gives it.
    names = [model.official_at(r).name for r in range(model.rowCount())]
    assert "张建国" in names

    row = model.row_of(vault.official_ids["张建国"])
    assert row is not None
    window.search.select_row(row)
    qtbot.waitUntil(lambda: window.dossier_view.title.text() == "张建国")
    assert window.dossier_view.info_box.title() == "Basic information"
    tabs = window.dossier_view.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert any(t.startswith("Records") for t in titles), titles
    assert "Attachments" in titles and "Positions" in titles and "Personal matters" in titles


def test_the_main_window_stays_chinese_without_the_translator(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    file_dialogs,
    notices,
) -> None:
    window = _main_window(qtbot, worker, unlock_as("clerk1"), file_dialogs, notices)
    assert window.windowTitle() == "廉档 — 电子廉政档案"
    assert _menu_titles(window) == ["档案(&D)", "编辑(&E)", "档案库(&V)"]
    assert window.menu_actions.export_pdf.text() == "导出签章PDF"


def test_removing_the_translator_brings_chinese_back(qapp: QApplication) -> None:
    translator = install_translator(qapp, ENGLISH)
    assert translator is not None
    assert tr("锁定") == "Lock"
    qapp.removeTranslator(translator)
    translator.deleteLater()
    assert tr("锁定") == "锁定"


# ---- the start path (its own QApplication, in a subprocess) ----------------------------

# Prints the unlock dialog's title once it is up, then leaves it.
SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import main
from ui.unlock_dialog import UnlockDialog

def leave():
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, UnlockDialog) and w.isVisible()]
    if not dialogs:
        QTimer.singleShot(20, leave)
        return
    print("title", dialogs[0].windowTitle())
    dialogs[0].reject()

QTimer.singleShot(0, leave)
print("exit", main.run(sys.argv[1:]))
"""


def _start(args: list[str], **env: str) -> list[str]:
    environ = dict(os.environ)
    environ.pop(ENV_VAR, None)  # only what the test sets
    environ.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **env)
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.splitlines()


def test_the_app_starts_in_english_with_lang_en(vault) -> None:
    lines = _start(["--vault", str(vault.path), "--lang", "en"], LANG="zh_CN.UTF-8")
    assert "title LianDang — Unlock vault" in lines
    assert lines[-1] == "exit 0"


def test_the_environment_chooses_english_and_the_option_overrides_it(vault) -> None:
    assert "title LianDang — Unlock vault" in _start(
        ["--vault", str(vault.path)], **{ENV_VAR: "en"}
    )
    lines = _start(["--vault", str(vault.path), "--lang", "zh_CN"], **{ENV_VAR: "en"})
    assert "title 廉档 — 解锁档案库" in lines


# ---- the extractor and the merge on their own ------------------------------------------

SAMPLE = """
from dataclasses import dataclass
from records.roles import Role
from ui.i18n import tr

TITLE = "标题"
HEADERS = ("甲", "乙")
HINTS = {"a": "提示一", "b": "提示二"}


@dataclass(frozen=True)
class Column:
    title: str
    width: int = 0


COLUMNS = (Column("列一"), Column(title="列二"))


class Form:
    _PLACEHOLDERS = {1: "占位"}

    def build(self, name, kind):
        placeholder = self._PLACEHOLDERS.get(kind)
        texts = [tr("字面"), tr(TITLE), tr(placeholder), tr(HINTS.get(name, "缺省"))]
        texts += [tr(h) for h in HEADERS] + [tr(c.title) for c in COLUMNS]
        texts += [tr(role.label_zh) for role in Role]
        for _key, label in (("x", "循环"),):
            texts.append(tr(label))
        texts.append(tr(f"{name}条"))
        texts.append(tr(name))
        return texts
"""


def test_the_extractor_follows_constants_and_reports_the_rest(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "sample.py").write_text(SAMPLE, encoding="utf-8")
    result = extract(tmp_path)
    found = set(result.sources)
    assert {"字面", "标题", "占位", "提示一", "提示二", "缺省", "甲", "乙", "列一", "列二"} <= found
    assert {"循环", "录入员", "安全审计员"} <= found
    assert len(found) == 16  # and nothing else
    assert sorted(u.code for u in result.unresolved) == ["f'{name}条'", "name"]
    literal = next(m for m in result.messages if m.source == "字面")
    assert literal.origin == "" and literal.locations[0][0] == "ui/sample.py"
    assert next(m for m in result.messages if m.source == "甲").origin == "tr(h)"


def test_the_extractor_runs_without_qt() -> None:
    code = (
        "import sys, ui.i18n_extract as x; x.extract(); "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_merging_keeps_translations_and_marks_vanished_strings(tmp_path: Path) -> None:
    from ui.i18n_catalog import FINISHED, UNFINISHED, VANISHED, Entry, Message, merge, write_ts

    old = Catalogue(
        "en_US",
        (
            Entry("保留", "Kept", FINISHED),
            Entry("消失", "Gone", FINISHED),
            Entry("未译消失", "", UNFINISHED),
            Entry("回来", "Back", VANISHED),
        ),
    )
    where = (("ui/x.py", 3),)
    new = merge(old, [Message("保留", where), Message("新", where), Message("回来", where)])
    states = {e.source: (e.translation, e.state) for e in new.entries}
    assert states == {
        "保留": ("Kept", FINISHED),
        "新": ("", UNFINISHED),
        "回来": ("Back", FINISHED),
        "消失": ("Gone", VANISHED),
    }
    path = tmp_path / "resources" / "translations" / "x_en.ts"
    assert write_ts(path, new) and not write_ts(path, new)
    again = read_ts(path)
    assert again == new
    assert '<location filename="../../ui/x.py" line="3"/>' in path.read_text(encoding="utf-8")
