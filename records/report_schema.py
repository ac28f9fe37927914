"""The items of the annual personal-matters report (个人有关事项报告), held as data.

Each version of the reporting rules is one JSON file in ``records/report_schemas/`` named
after its version (``2017.json`` is the baseline, 《领导干部报告个人有关事项规定》 Arts. 3–4).
A revision (the 2023 one, once published) is a new file: the newest version is used for new
reports, and every report keeps the version it was started with. No code changes.

A schema lists items (8 家事, 6 家产 in 2017); an item lists the kinds of sub-record it holds
(a passport and a trip are two kinds of the same item); a kind lists its fields as
:class:`records.fields.FieldSpec` plus two rules a spec cannot say: ``positive`` (an area
must be > 0) and ``not_before`` (an end date not before its start).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from records.errors import LianDangError
from records.fields import FieldKind, FieldSpec

#: Where the shipped schema files live (package data, see setup.cfg).
SCHEMA_DIR = Path(__file__).resolve().parent / "report_schemas"
#: The layout of a schema file this code reads; a different layout is refused.
SCHEMA_FORMAT = 1
GROUPS = ("家事", "家产")
#: The key naming an entry's kind when an item has more than one kind of sub-record.
KIND_KEY = "kind"
#: Upper bound on a schema file: it is data shipped with the program, never user input.
_MAX_SCHEMA_BYTES = 1_000_000


class ReportSchemaError(LianDangError):
    """A schema file is missing or malformed: the program's data is broken, not the input."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(
            f"年度报告事项定义有误({where}):{problem}",
            f"annual report schema is malformed ({where}): {problem}",
        )


@dataclass(frozen=True)
class ReportField:
    """One field of a sub-record.

    :param positive: the value (an amount-like decimal) must be greater than zero.
    :param not_before: the name of a date field this date may not precede.
    """

    spec: FieldSpec
    positive: bool = False
    not_before: str | None = None

    @property
    def name(self) -> str:
        return self.spec.name


@dataclass(frozen=True)
class EntryKind:
    """A kind of sub-record of an item (普通护照, 因私出国, 房产 …)."""

    code: str
    label_zh: str
    label_en: str
    fields: tuple[ReportField, ...]

    def field(self, name: str) -> ReportField | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class ReportItem:
    """One item of the report.

    :param short_zh: the short name used in messages (房产 → "房产面积:必须为正数").
    :param allow_nothing: whether "无此情况" is an answer (not for marriage or salary).
    :param change_report: whether a change after the annual report is reported within the
        policy's deadline (事项变化报告; the 家事 items in 2017).
    """

    code: str
    group: str
    number: int
    label_zh: str
    short_zh: str
    label_en: str
    kinds: tuple[EntryKind, ...]
    allow_nothing: bool = True
    change_report: bool = False

    def kind(self, code: str) -> EntryKind | None:
        return next((k for k in self.kinds if k.code == code), None)


@dataclass(frozen=True)
class ReportSchema:
    version: str
    title_zh: str
    items: tuple[ReportItem, ...]

    def item(self, code: str) -> ReportItem | None:
        return next((i for i in self.items if i.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)


# ---- loading ---------------------------------------------------------------------------------


def available_versions(directory: Path = SCHEMA_DIR) -> list[str]:
    """The versions in ``directory``, oldest first (numeric versions sort as numbers)."""
    names = [p.stem for p in directory.glob("*.json") if p.is_file()]
    return sorted(names, key=lambda v: (len(v), v))


def latest_version(directory: Path = SCHEMA_DIR) -> str:
    versions = available_versions(directory)
    if not versions:
        raise ReportSchemaError(str(directory), "没有事项定义文件 / no schema file")
    return versions[-1]


def load_schema(version: str | None = None, *, directory: Path = SCHEMA_DIR) -> ReportSchema:
    """The schema of ``version`` (the newest when ``None``), validated and cached.

    :raises ReportSchemaError: the file is missing or does not describe a valid schema.
    """
    return _load(directory.resolve(), version or latest_version(directory))


@lru_cache(maxsize=16)
def _load(directory: Path, version: str) -> ReportSchema:
    path = directory / f"{version}.json"
    if not path.is_file() or path.stat().st_size > _MAX_SCHEMA_BYTES:
        raise ReportSchemaError(path.name, "文件不存在或过大 / missing or too large")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ReportSchemaError(path.name, f"不是有效的 JSON / not JSON: {exc}") from None
    return parse_schema(data, where=path.name, expected_version=version)


def parse_schema(data: Any, *, where: str, expected_version: str | None = None) -> ReportSchema:
    """Check and convert the decoded JSON of a schema file."""
    doc = _mapping(data, where)
    if doc.get("format") != SCHEMA_FORMAT:
        raise ReportSchemaError(where, f"format 应为 {SCHEMA_FORMAT}")
    version = _text(doc, "version", where)
    if expected_version is not None and version != expected_version:
        raise ReportSchemaError(where, f"version {version!r} 与文件名不符 / does not match name")
    lists = _mapping(doc.get("choice_lists", {}), f"{where}: choice_lists")
    items_raw = doc.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        raise ReportSchemaError(where, "items 应为非空列表")
    items = tuple(_item(raw, lists, f"{where}: items[{n}]") for n, raw in enumerate(items_raw))
    _unique([i.code for i in items], f"{where}: items")
    return ReportSchema(version, _text(doc, "title_zh", where), items)


def _item(raw: Any, lists: Mapping[str, Any], where: str) -> ReportItem:
    doc = _mapping(raw, where)
    code = _text(doc, "code", where)
    where = f"{where} ({code})"
    group = _text(doc, "group", where)
    if group not in GROUPS:
        raise ReportSchemaError(where, "group 应为 家事 或 家产")
    number = doc.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ReportSchemaError(where, "number 应为正整数")
    kinds_raw = doc.get("entry_kinds")
    if not isinstance(kinds_raw, list) or not kinds_raw:
        raise ReportSchemaError(where, "entry_kinds 应为非空列表")
    kinds = tuple(_kind(k, lists, f"{where}.entry_kinds[{n}]") for n, k in enumerate(kinds_raw))
    _unique([k.code for k in kinds], f"{where}.entry_kinds")
    return ReportItem(
        code=code,
        group=group,
        number=number,
        label_zh=_text(doc, "label_zh", where),
        short_zh=_text(doc, "short_zh", where),
        label_en=_text(doc, "label_en", where),
        kinds=kinds,
        allow_nothing=_flag(doc, "allow_nothing", where, default=True),
        change_report=_flag(doc, "change_report", where, default=False),
    )


def _kind(raw: Any, lists: Mapping[str, Any], where: str) -> EntryKind:
    doc = _mapping(raw, where)
    fields_raw = doc.get("fields")
    if not isinstance(fields_raw, list) or not fields_raw:
        raise ReportSchemaError(where, "fields 应为非空列表")
    fields = tuple(_field(f, lists, f"{where}.fields[{n}]") for n, f in enumerate(fields_raw))
    names = [f.name for f in fields]
    _unique(names, f"{where}.fields")
    if KIND_KEY in names:
        raise ReportSchemaError(where, f"字段名 {KIND_KEY} 保留 / reserved field name")
    for f in fields:
        if f.not_before is not None:
            other = next((g for g in fields if g.name == f.not_before), None)
            if other is None or other.spec.kind is not FieldKind.DATE:
                raise ReportSchemaError(where, f"{f.name}.not_before 应指向日期字段")
    return EntryKind(
        _text(doc, "code", where), _text(doc, "label_zh", where), _text(doc, "label_en", where),
        fields,
    )  # fmt: skip


def _field(raw: Any, lists: Mapping[str, Any], where: str) -> ReportField:
    doc = _mapping(raw, where)
    name = _text(doc, "name", where)
    try:
        kind = FieldKind(doc.get("kind", "text"))
    except ValueError:
        raise ReportSchemaError(where, f"未知字段类型 / unknown kind {doc.get('kind')!r}") from None
    choices_raw = doc.get("choices", [])
    if isinstance(choices_raw, str):
        choices_raw = lists.get(choices_raw)
    if not isinstance(choices_raw, list) or not all(isinstance(c, str) for c in choices_raw):
        raise ReportSchemaError(where, "choices 应为文字列表或 choice_lists 中的名称")
    if (kind is FieldKind.CHOICE) != bool(choices_raw):
        raise ReportSchemaError(where, "只有 choice 字段有 choices,且不能为空")
    max_length = doc.get("max_length", 200)
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise ReportSchemaError(where, "max_length 应为正整数")
    positive = _flag(doc, "positive", where, default=False)
    if positive and kind not in (FieldKind.MONEY, FieldKind.DECIMAL, FieldKind.INTEGER):
        raise ReportSchemaError(where, "positive 只用于数值字段")
    not_before = doc.get("not_before")
    if not_before is not None and (kind is not FieldKind.DATE or not isinstance(not_before, str)):
        raise ReportSchemaError(where, "not_before 只用于日期字段")
    spec = FieldSpec(
        name,
        _text(doc, "label_zh", where),
        _text(doc, "label_en", where),
        kind,
        required=_flag(doc, "required", where, default=False),
        max_length=max_length,
        choices=tuple(choices_raw),
    )
    return ReportField(spec, positive=positive, not_before=not_before)


# ---- small checks --------------------------------------------------------------------------


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ReportSchemaError(where, "应为 JSON 对象 / must be an object")
    return value


def _text(doc: Mapping[str, Any], key: str, where: str) -> str:
    value = doc.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ReportSchemaError(where, f"{key} 应为非空文字 / must be non-empty text")
    return value


def _flag(doc: Mapping[str, Any], key: str, where: str, *, default: bool) -> bool:
    value = doc.get(key, default)
    if not isinstance(value, bool):
        raise ReportSchemaError(where, f"{key} 应为 true 或 false")
    return value


def _unique(values: list[str], where: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ReportSchemaError(where, f"重复的代码 / duplicate code {value!r}")
        seen.add(value)
