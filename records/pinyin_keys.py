"""Pinyin search keys of a name: full pinyin and initials (``张三`` → ``zhangsan``, ``zs``).

Stored in ``officials.name_pinyin`` / ``officials.name_initials`` as space-separated
readings, the preferred one first (it is also the sort key of "by name"):

- the surname is read as a surname: 单 ``shan``, 曾 ``zeng``, 解 ``xie``, 尉迟 ``yuchi``
  (pypinyin reads 单 alone as ``dan``);
- for the surnames of :data:`SURNAME_READINGS`, every other reading pypinyin knows is kept
  as an alternative (``单军`` → ``shanjun danjun chanjun``, ``sj dj cj``), because clerks
  type what they say, and some say ``dan``. Other characters get pypinyin's reading in
  context only: alternatives for every character would flood short queries with noise
  (叶 has ``xie``, 石 has ``dan``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin, pinyin

#: Surname readings that differ from pypinyin's default or that have several readings
#: (《百家姓》 usage). Two-character surnames first: they are matched before one character.
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
    "令狐": ("ling", "hu"),
    "欧阳": ("ou", "yang"),
    "东方": ("dong", "fang"),
    "司马": ("si", "ma"),
    "上官": ("shang", "guan"),
    "诸葛": ("zhu", "ge"),
}
SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "解": "xie", "曾": "zeng", "查": "zha", "仇": "qiu", "区": "ou",
    "朴": "piao", "盖": "ge", "乐": "yue", "覃": "qin", "缪": "miao", "召": "shao",
    "秘": "bi", "种": "chong", "翟": "zhai", "尉": "wei", "黑": "he", "隗": "wei",
    "折": "she", "员": "yun", "繁": "po", "冼": "xian", "洗": "xian", "祭": "zhai",
    "都": "du", "柏": "bai", "薄": "bo", "华": "hua", "任": "ren", "过": "guo",
    "宁": "ning", "莘": "shen", "句": "gou", "郇": "xun", "逄": "pang", "燕": "yan",
    "相": "xiang", "应": "ying", "车": "che", "长": "chang", "晁": "chao", "纪": "ji",
}  # fmt: skip


@dataclass(frozen=True)
class NameKeys:
    """The stored search keys of one name."""

    pinyin: str
    initials: str


def _plain(text: str) -> list[str]:
    """Syllables of ``text`` in context; letters and digits kept, other marks dropped."""
    syllables: list[str] = []
    for item in lazy_pinyin(text, style=Style.NORMAL, errors="default"):
        cleaned = "".join(ch for ch in item.lower() if ch.isascii() and ch.isalnum())
        if cleaned:
            syllables.append(cleaned)
    return syllables


def _surname_readings(name: str) -> tuple[list[list[str]], str]:
    """The readings of the surname (each a list of syllables, preferred first) and the rest."""
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound is not None:
        return [list(compound)], name[2:]
    first = name[:1]
    preferred = SURNAME_READINGS.get(first)
    if preferred is None:
        return [], name
    others = [r for r in pinyin(first, style=Style.NORMAL, heteronym=True)[0] if r != preferred]
    return [[preferred]] + [[r] for r in dict.fromkeys(others)], name[1:]


def name_keys(name: str) -> NameKeys:
    """The pinyin and initials keys of ``name`` (never empty for a non-empty name)."""
    text = unicodedata.normalize("NFKC", name).strip()
    surnames, rest = _surname_readings(text)
    given = _plain(rest)
    readings = [s + given for s in surnames] if surnames else [given]
    fulls: list[str] = []
    initials: list[str] = []
    for syllables in readings:
        fulls.append("".join(syllables))
        initials.append("".join(s[0] for s in syllables))
    full_text = " ".join(dict.fromkeys(f for f in fulls if f))
    initials_text = " ".join(dict.fromkeys(i for i in initials if i))
    if not full_text:
        # A name with no letter pypinyin knows: the name itself keeps the row searchable
        # and, more importantly, non-empty (empty means "not filled yet" to the backfill).
        full_text = initials_text = text.lower() or "?"
    return NameKeys(full_text, initials_text)


__all__ = ["COMPOUND_SURNAMES", "SURNAME_READINGS", "NameKeys", "name_keys"]
