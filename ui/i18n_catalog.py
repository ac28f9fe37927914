"""The English translation catalogue: reading, merging and writing Qt Linguist ``.ts`` files.

One context (:data:`ui.i18n.CONTEXT`), Chinese sources, no plural forms. The file is written
in the layout ``lupdate`` uses, so Qt Linguist and ``pyside6-lrelease`` read it unchanged and
a rewrite that changes nothing leaves the file byte for byte as it was. No Qt import: the
extractor (:mod:`ui.i18n_extract`) runs without a display or a Qt installation.

States, as Qt Linguist shows them: *finished* (no ``type`` attribute; compiled into the
``.qm``), *unfinished* (``type="unfinished"``: new, or not yet reviewed), *vanished*
(``type="vanished"``: the GUI no longer uses the string; kept so its translation comes back
if the string does, and left out of the ``.qm``).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

CONTEXT = "LianDang"  # the same as ui.i18n.CONTEXT (that module imports Qt)
SOURCE_LANGUAGE = "zh_CN"

FINISHED = "finished"
UNFINISHED = "unfinished"
VANISHED = "vanished"

#: A place in the GUI's sources that shows the string: (path relative to the repository, line).
Location = tuple[str, int]


@dataclass(frozen=True)
class Message:
    """A string the GUI passes to ``tr()``, as the extractor found it."""

    source: str
    locations: tuple[Location, ...]
    #: Where a string that is not a literal comes from (``records.roles.Role.label_zh``), for
    #: the translator; empty for a literal.
    origin: str = ""


@dataclass(frozen=True)
class Entry:
    """One ``<message>`` of the catalogue."""

    source: str
    translation: str
    state: str
    locations: tuple[Location, ...] = ()
    note: str = ""

    @property
    def is_finished(self) -> bool:
        return self.state == FINISHED and bool(self.translation.strip())


@dataclass(frozen=True)
class Catalogue:
    language: str
    entries: tuple[Entry, ...]

    def active(self) -> dict[str, Entry]:
        """Every entry that is not vanished, by source."""
        return {e.source: e for e in self.entries if e.state != VANISHED}


def read_ts(path: Path) -> Catalogue:
    """Read a ``.ts`` file (only the :data:`CONTEXT` context; Qt's others are ignored).

    :raises ValueError: the file is not a Qt Linguist file.
    """
    root = ET.parse(path).getroot()
    if root.tag != "TS":
        raise ValueError(f"{path} is not a Qt Linguist .ts file")
    entries: list[Entry] = []
    for context in root.iter("context"):
        if (context.findtext("name") or "") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else UNFINISHED
            state = {"": FINISHED, "obsolete": VANISHED}.get(kind, kind)
            locations = tuple(
                (_from_ts_dir(path, loc.get("filename", "")), int(loc.get("line", "0")))
                for loc in message.iter("location")
            )
            entries.append(
                Entry(
                    source=message.findtext("source") or "",
                    translation=(translation.text or "") if translation is not None else "",
                    state=state if state in (FINISHED, UNFINISHED, VANISHED) else UNFINISHED,
                    locations=locations,
                    note=message.findtext("extracomment") or "",
                )
            )
    return Catalogue(root.get("language", ""), tuple(entries))


def merge(old: Catalogue, messages: Iterable[Message]) -> Catalogue:
    """The catalogue for ``messages``: existing translations kept, new strings unfinished,
    strings no longer found marked vanished (a vanished string that returns gets its old
    translation and state back)."""
    previous = {e.source: e for e in old.entries}
    current: list[Entry] = []
    for message in messages:
        known = previous.pop(message.source, None)
        if known is None:
            entry = Entry(message.source, "", UNFINISHED)
        elif known.state == VANISHED:
            entry = replace(known, state=FINISHED if known.translation.strip() else UNFINISHED)
        else:
            entry = known
        current.append(replace(entry, locations=message.locations, note=message.origin))
    current.sort(key=lambda e: (e.locations[:1], e.source))
    gone = [
        replace(e, state=VANISHED, locations=())
        for e in previous.values()
        if e.translation.strip()  # an untranslated string that vanished is simply dropped
    ]
    return Catalogue(old.language, (*current, *gone))


def write_ts(path: Path, catalogue: Catalogue) -> bool:
    """Write ``catalogue`` to ``path``; return whether the file changed."""
    text = render_ts(path, catalogue)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


def render_ts(path: Path, catalogue: Catalogue) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{catalogue.language}" sourcelanguage="{SOURCE_LANGUAGE}">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for entry in catalogue.entries:
        lines.append("    <message>")
        for file, line in entry.locations:
            lines.append(
                f'        <location filename="{_escape(_to_ts_dir(path, file))}" line="{line}"/>'
            )
        if entry.note:
            lines.append(f"        <extracomment>{_escape(entry.note)}</extracomment>")
        lines.append(f"        <source>{_escape(entry.source)}</source>")
        kind = "" if entry.state == FINISHED else f' type="{entry.state}"'
        lines.append(f"        <translation{kind}>{_escape(entry.translation)}</translation>")
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def unfinished(catalogue: Catalogue, sources: Sequence[str]) -> list[str]:
    """The ``sources`` with no finished, non-empty translation in ``catalogue``."""
    active = catalogue.active()
    return [s for s in sources if s not in active or not active[s].is_finished]


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def _to_ts_dir(ts_path: Path, file: str) -> str:
    """A repository-relative path as ``lupdate`` writes it: relative to the ``.ts`` file."""
    folder = ts_path.resolve().parent
    return Path(os.path.relpath(_repository_of(ts_path) / file, folder)).as_posix()


def _from_ts_dir(ts_path: Path, file: str) -> str:
    folder = ts_path.resolve().parent
    return Path(os.path.relpath(folder / file, _repository_of(ts_path))).as_posix()


def _repository_of(ts_path: Path) -> Path:
    # resources/translations/liandang_en.ts → the repository (or site-packages) root.
    return ts_path.resolve().parent.parent.parent
