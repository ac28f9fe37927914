"""The one translation hook of the GUI, and the choice of its language.

Source strings are Chinese; the English ``.qm`` (``resources/translations/liandang_en.qm``,
built from ``liandang_en.ts``: see :mod:`ui.i18n_extract`) translates them. A fixed context
keeps every string in one place for the extractor and the translators.

The language is chosen once, before the first widget exists: ``liandang --lang en``, else
``LIANDANG_LANG``, else the system's UI language if it is English, else Chinese (zh_CN, the
source language, which needs no translator).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import resource_path

CONTEXT = "LianDang"

CHINESE = "zh_CN"
ENGLISH = "en"
#: The languages the GUI speaks, the default first.
LANGUAGES = (CHINESE, ENGLISH)
ENV_VAR = "LIANDANG_LANG"

log = logging.getLogger("liandang.ui.i18n")


def tr(text: str) -> str:
    """Translate a visible string (call at display time, never at import time)."""
    return QCoreApplication.translate(CONTEXT, text)


def normalize_language(name: str) -> str | None:
    """The supported language ``name`` asks for, or ``None``.

    Accepts the spellings of locales and of the ``LANG`` variable: ``en``, ``en_US``,
    ``en-GB``, ``en_US.UTF-8``, ``zh``, ``zh_CN``, ``zh-Hans-CN``; case does not matter.
    """
    base = name.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if base == "en" or base.startswith("en_"):
        return ENGLISH
    if base == "zh" or base.startswith("zh_"):
        return CHINESE
    return None


def choose_language(
    requested: str | None, environ: Mapping[str, str], system_languages: Sequence[str]
) -> str:
    """The GUI's language: ``--lang``, else :data:`ENV_VAR`, else the system's first UI
    language if it is English, else Chinese.

    :param requested: the ``--lang`` option, ``None`` when not given.
    :param system_languages: the system's UI languages, preferred first
        (:func:`system_languages`).
    :raises ValueError: ``requested`` is not a supported language (the user asked for it
        explicitly; a wrong environment variable is only logged).
    """
    if requested is not None:
        chosen = normalize_language(requested)
        if chosen is None:
            raise ValueError(requested)
        return chosen
    from_env = environ.get(ENV_VAR, "").strip()
    if from_env:
        chosen = normalize_language(from_env)
        if chosen is not None:
            return chosen
        log.warning("%s=%r is not a supported language (zh_CN, en): ignored", ENV_VAR, from_env)
    if system_languages and normalize_language(system_languages[0]) == ENGLISH:
        return ENGLISH
    return CHINESE


def system_languages() -> list[str]:
    """The system's UI languages, preferred first (``en-US``, ``zh-CN`` …)."""
    return list(QLocale.system().uiLanguages())


def translation_file(language: str) -> Path:
    """The compiled catalogue of ``language`` (it need not exist)."""
    return resource_path("translations", f"liandang_{language}.qm")


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Make :func:`tr` answer in ``language``; call before any widget is created.

    Chinese needs nothing (``None`` is returned). For English, a :class:`QTranslator`
    parented to ``app`` is installed and returned (pass it to
    ``app.removeTranslator`` to go back). A missing or unreadable ``.qm`` is logged and the
    GUI stays Chinese rather than failing to start.

    :raises ValueError: ``language`` is not one of :data:`LANGUAGES`.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    if language == CHINESE:
        return None
    translator = QTranslator(app)
    path = translation_file(language)
    if not translator.load(str(path)):
        log.warning("cannot load the %s translation %s: the GUI stays Chinese", language, path)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


#: Qt's own catalogue of each language: the standard buttons (确定, 取消), file dialogs and
#: context menus are Qt's strings, not ours; English needs none.
_QT_CATALOGUES = {CHINESE: "qtbase_zh_CN"}


def install_qt_translations(app: QCoreApplication, language: str) -> QTranslator | None:
    """Translate Qt's own strings into ``language`` (PySide6 ships the catalogues).

    Without this a Chinese window shows "OK" and "Cancel". A missing catalogue is logged
    and Qt stays English.
    """
    name = _QT_CATALOGUES.get(language)
    if name is None:
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(name, folder):
        log.warning("cannot load Qt's %s catalogue from %s", language, folder)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
