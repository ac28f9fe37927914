"""What a search text means: FTS5 queries over the search index and ID-number prefixes.

- ``110105`` (digits, optionally ending in X): an ID-number prefix;
- ``zhangsan``, ``zs``, ``zhang san`` (only Latin letters, spaces, apostrophes): a prefix of
  any pinyin reading or of the initials of a name;
- anything else (``张三``, ``财政``, ``三``): a substring of name, unit or position;
- several words separated by spaces (``张 财政局``): every word must match.

See :mod:`records.search_index` for how the index answers each of these exactly.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

_ID_PREFIX = re.compile(r"\d{1,18}|\d{17}[Xx]")
_PINYIN_TEXT = re.compile(r"[A-Za-z' ]+")
_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class TextMatch:
    """A parsed search text.

    :param fts: an FTS5 MATCH expression over :data:`records.search_index.TABLE`, or ``""``.
    :param id_prefixes: ID-number prefixes every result must start with.
    """

    fts: str = ""
    id_prefixes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.fts and not self.id_prefixes


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _substring(term: str) -> str:
    chars = [ch for ch in term.lower() if ch.isalnum()]
    if not chars:
        return ""
    if len(chars) == 1:
        return "{name unit position} : " + _quoted(chars[0]) + "*"
    pairs = " ".join(map("".join, itertools.pairwise(chars)))
    return "{name unit position} : " + _quoted(pairs)


def _pinyin(term: str) -> str:
    return "{pinyin initials} : " + _quoted(term.lower()) + "*"


def _combined(parts: list[str], prefixes: list[str]) -> TextMatch:
    return TextMatch(" AND ".join(f"({p})" for p in parts), tuple(prefixes))


def parse_search_text(text: str) -> TextMatch:
    """The meaning of ``text`` as typed into the search box."""
    normalized = unicodedata.normalize("NFKC", text).strip()
    if not normalized:
        return TextMatch()
    if _PINYIN_TEXT.fullmatch(normalized):
        joined = "".join(_LETTERS.findall(normalized))
        return _combined([_pinyin(joined)], []) if joined else TextMatch()
    parts: list[str] = []
    prefixes: list[str] = []
    for term in normalized.split():
        if _ID_PREFIX.fullmatch(term):
            prefixes.append(term.upper())
        elif _LETTERS.fullmatch(term):
            parts.append(_pinyin(term))
        elif part := _substring(term):
            parts.append(part)
    return _combined(parts, prefixes)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest text above every text that starts with ``prefix`` (for range scans)."""
    return prefix + "\U0010ffff"
