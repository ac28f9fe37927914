"""Classifying one checked item of a personal-matters report: 一致 / 漏报 / 瞒报.

The rules are those of the 2017 《领导干部个人有关事项报告查核结果处理办法》 Arts. 3–4
(DOMAIN.md §4):

- **漏报** (reported, but less than verified): HK/Macao/Taiwan permits or trips missing;
  property area under-reported, or a garage, parking space or storage room missing;
  amounts of shares, funds, investment insurance or business investment under-reported.
- **瞒报** (not reported at all): marriage; a passport or a private trip abroad; a child's
  marriage to a foreigner or an HK/Macao/Taiwan resident; emigration or a year abroad;
  employment; criminal liability; one or more flats; any share/fund/insurance holding; one
  or more businesses.

Items the articles do not name (salary, service income, assets abroad, items of a later
schema version) fall back to the same two definitions: something verified where nothing was
reported is 瞒报, fewer entries or smaller amounts than verified is 漏报.

Declared and verified facts use the entry structure of the report schema
(:mod:`records.report_schema`), so a rule compares field by field: it matches entries by
the fields that identify them (a passport by its number, a flat by its address), counts
them, and sums areas and amounts. Over-reporting is never a finding. Every function here is
pure: the service (:mod:`records.services.checks`) stores what it returns.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

Entries = Sequence[Mapping[str, object]]


class Finding(StrEnum):
    CONSISTENT = "一致"
    UNDER_REPORTED = "漏报"
    CONCEALED = "瞒报"

    @property
    def label_en(self) -> str:
        return _FINDING_EN[self]

    @property
    def severity(self) -> int:
        """0, 1, 2: the worst finding of several is the one with the highest severity."""
        return _SEVERITY[self]


_FINDING_EN = {
    Finding.CONSISTENT: "consistent",
    Finding.UNDER_REPORTED: "under-reported",
    Finding.CONCEALED: "concealed",
}
_SEVERITY = {Finding.CONSISTENT: 0, Finding.UNDER_REPORTED: 1, Finding.CONCEALED: 2}

#: What a rule returns: the finding and why, in Chinese (shown to the clerk and vetting).
Outcome = tuple[Finding, str]
ItemRule = Callable[[Entries, Entries], Outcome]

CONSISTENT_REASON = "报告与查实情况一致"


def worst(outcomes: Sequence[Outcome]) -> Outcome:
    """The most severe finding, with the reasons of every non-consistent part joined."""
    problems = [o for o in outcomes if o[0] is not Finding.CONSISTENT]
    if not problems:
        return Finding.CONSISTENT, CONSISTENT_REASON
    finding = max((o[0] for o in problems), key=lambda f: f.severity)
    return finding, ";".join(o[1] for o in problems)


# ---- comparing values ------------------------------------------------------------------------


def norm(value: object) -> str:
    """Text as compared: full-width folded to half-width (NFKC), no spaces, case-folded.

    "幸福路8号 501室" and "幸福路8号501室" are one address; a clerk's spacing is no finding.
    """
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    return "".join(text.split()).casefold()


def amount(value: object) -> Decimal:
    """A stored amount or area (two-decimal text); missing or unreadable counts as 0."""
    try:
        number = Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)
    return number if number.is_finite() else Decimal(0)


def _kind_of(entries: Entries, kind: str | None) -> list[Mapping[str, object]]:
    if kind is None:
        return list(entries)
    return [e for e in entries if e.get("kind") == kind]


def _key(entry: Mapping[str, object], fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(norm(entry.get(name)) for name in fields)


def _shown(entry: Mapping[str, object], fields: tuple[str, ...]) -> str:
    return " ".join(str(entry.get(name)) for name in fields if entry.get(name) not in (None, ""))


def _money(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'))}"


# ---- rule parts (the vocabulary the table below is written in) ------------------------------


@dataclass(frozen=True)
class Missing:
    """Entries verified but not declared (matched by ``key``, counted per key).

    :param kind: the schema's entry kind (``None``: an item with one kind).
    :param unit_zh: the measure word in the reason (本, 次, 套 …).
    """

    kind: str | None
    key: tuple[str, ...]
    finding: Finding
    what_zh: str
    unit_zh: str = "项"

    def __call__(self, declared: Entries, verified: Entries) -> Outcome:
        have = Counter(_key(e, self.key) for e in _kind_of(declared, self.kind))
        missing: list[str] = []
        for entry in _kind_of(verified, self.kind):
            key = _key(entry, self.key)
            if have[key] > 0:
                have[key] -= 1
            else:
                missing.append(_shown(entry, self.key))
        if not missing:
            return Finding.CONSISTENT, CONSISTENT_REASON
        return (
            self.finding,
            f"未报告{self.what_zh}{len(missing)}{self.unit_zh}(" + "、".join(missing) + ")",
        )


@dataclass(frozen=True)
class Shortfall:
    """For entries present on both sides (same ``key``), the declared sum of ``field`` is less
    than the verified sum: the amount was under-reported."""

    kind: str | None
    key: tuple[str, ...]
    field: str
    finding: Finding
    what_zh: str

    def __call__(self, declared: Entries, verified: Entries) -> Outcome:
        declared_sums = _sums(_kind_of(declared, self.kind), self.key, self.field)
        verified_sums = _sums(_kind_of(verified, self.kind), self.key, self.field)
        short = [
            f"{shown}报告{_money(declared_sums[key][1])},查实{_money(total)}"
            for key, (shown, total) in verified_sums.items()
            if key in declared_sums and declared_sums[key][1] < total
        ]
        if not short:
            return Finding.CONSISTENT, CONSISTENT_REASON
        return self.finding, f"{self.what_zh}少报(" + ";".join(short) + ")"


def _sums(
    entries: Entries, key: tuple[str, ...], field: str
) -> dict[tuple[str, ...], tuple[str, Decimal]]:
    sums: dict[tuple[str, ...], tuple[str, Decimal]] = {}
    for entry in entries:
        k = _key(entry, key)
        shown, total = sums.get(k, (_shown(entry, key), Decimal(0)))
        sums[k] = (shown, total + amount(entry.get(field)))
    return sums


def all_of(*parts: ItemRule) -> ItemRule:
    """An item rule made of parts; the worst part wins."""

    def rule(declared: Entries, verified: Entries) -> Outcome:
        return worst([part(declared, verified) for part in parts])

    return rule


# ---- items that need more than the vocabulary ----------------------------------------------


def marriage_rule(declared: Entries, verified: Entries) -> Outcome:
    """本人婚姻情况: a status (or spouse) other than the one reported was not reported: 瞒报."""
    if not verified:
        return Finding.CONSISTENT, CONSISTENT_REASON
    fact = verified[-1]
    if not declared:
        return Finding.CONCEALED, f"未报告婚姻情况,查实为{fact.get('status')}"
    said = declared[-1]
    if norm(said.get("status")) != norm(fact.get("status")):
        return (
            Finding.CONCEALED,
            f"婚姻状况报告为{said.get('status')},查实为{fact.get('status')}",
        )
    spouse_said, spouse_found = norm(said.get("spouse_name")), norm(fact.get("spouse_name"))
    if spouse_said and spouse_found and spouse_said != spouse_found:
        return (
            Finding.CONCEALED,
            f"配偶报告为{said.get('spouse_name')},查实为{fact.get('spouse_name')}",
        )
    return Finding.CONSISTENT, CONSISTENT_REASON


#: Garages, parking spaces and storage rooms: missing ones are 漏报, missing flats 瞒报.
ANCILLARY_USES = frozenset({"车库", "车位", "储藏间"})


@dataclass
class _Premises:
    shown: str
    flats: int = 0
    flat_area: Decimal = Decimal(0)
    ancillary: int = 0
    ancillary_area: Decimal = Decimal(0)


def _by_address(entries: Entries) -> dict[str, _Premises]:
    found: dict[str, _Premises] = {}
    for entry in entries:
        address = norm(entry.get("address"))
        premises = found.setdefault(address, _Premises(str(entry.get("address") or "")))
        area = amount(entry.get("area"))
        if str(entry.get("use") or "") in ANCILLARY_USES:
            premises.ancillary += 1
            premises.ancillary_area += area
        else:
            premises.flats += 1
            premises.flat_area += area
    return found


def real_estate_rule(declared: Entries, verified: Entries) -> Outcome:
    """房产, per address: more flats than reported → 瞒报; a smaller area, or a garage,
    parking space or storage room missing → 漏报."""
    said = _by_address(declared)
    outcomes: list[Outcome] = []
    for address, fact in _by_address(verified).items():
        told = said.get(address, _Premises(fact.shown))
        if fact.flats > told.flats:
            outcomes.append(
                (Finding.CONCEALED, f"未报告房产{fact.flats - told.flats}套({fact.shown})")
            )
        elif fact.flat_area > told.flat_area:
            outcomes.append(
                (Finding.UNDER_REPORTED, f"房产面积少报({fact.shown}报告"
                 f"{_money(told.flat_area)}㎡,查实{_money(fact.flat_area)}㎡)")
            )  # fmt: skip
        if fact.ancillary > told.ancillary:
            outcomes.append(
                (Finding.UNDER_REPORTED, f"未报告车库、车位或储藏间"
                 f"{fact.ancillary - told.ancillary}处({fact.shown})")
            )  # fmt: skip
        elif fact.ancillary_area > told.ancillary_area:
            outcomes.append(
                (Finding.UNDER_REPORTED, f"车库、车位或储藏间面积少报({fact.shown}报告"
                 f"{_money(told.ancillary_area)}㎡,查实{_money(fact.ancillary_area)}㎡)")
            )  # fmt: skip
    return worst(outcomes)


def general_rule(declared: Entries, verified: Entries) -> Outcome:
    """Items the 办法 does not name: nothing reported → 瞒报; fewer entries or a smaller
    total ``amount`` than verified → 漏报."""
    if not verified:
        return Finding.CONSISTENT, CONSISTENT_REASON
    if not declared:
        return Finding.CONCEALED, f"未报告,查实{len(verified)}项"
    if len(verified) > len(declared):
        return Finding.UNDER_REPORTED, f"报告{len(declared)}项,查实{len(verified)}项"
    said = sum((amount(e.get("amount")) for e in declared), Decimal(0))
    found = sum((amount(e.get("amount")) for e in verified), Decimal(0))
    if found > said:
        return Finding.UNDER_REPORTED, f"金额少报(报告{_money(said)},查实{_money(found)})"
    return Finding.CONSISTENT, CONSISTENT_REASON


# ---- the table -------------------------------------------------------------------------------

C, U = Finding.CONCEALED, Finding.UNDER_REPORTED

#: Item code (2017 schema) → rule. Multi-kind items combine one part per entry kind.
RULES: dict[str, ItemRule] = {
    "marriage": marriage_rule,
    "passport_private_travel": all_of(
        Missing("passport", ("number",), C, "普通护照", "本"),
        Missing("trip", ("start_date",), C, "因私出国", "次"),
    ),
    "hk_macao_taiwan": all_of(
        Missing("permit", ("permit_kind", "number"), U, "港澳台通行证", "本"),
        Missing("trip", ("start_date",), U, "因私往来港澳台", "次"),
    ),
    "child_foreign_marriage": Missing(
        None, ("child_name", "spouse_name"), C, "子女与外国人、无国籍人通婚", "起"
    ),
    "child_hmt_marriage": Missing(
        None, ("child_name", "spouse_name"), C, "子女与港澳台居民通婚", "起"
    ),
    "family_emigration": Missing(
        None, ("person", "situation"), C, "配偶、子女移居或长期在国(境)外", "人"
    ),
    "family_employment": Missing(None, ("person", "employer"), C, "配偶、子女及其配偶从业", "项"),
    "family_criminal": Missing(None, ("person",), C, "配偶、子女及其配偶被追究刑事责任", "起"),
    "real_estate": real_estate_rule,
    "securities": all_of(
        Missing(None, ("category", "name"), C, "股票、基金、投资型保险", "项"),
        Shortfall(None, ("category", "name"), "amount", U, "股票、基金、投资型保险金额"),
    ),
    "business": all_of(
        Missing(None, ("name",), C, "经商办企业", "个"),
        Shortfall(None, ("name",), "capital", U, "经商办企业出资额"),
    ),
}


def rule_for(item_code: str) -> ItemRule:
    """The item's rule; :func:`general_rule` for an item the table does not name."""
    return RULES.get(item_code, general_rule)


def classify(item_code: str, declared: Entries, verified: Entries) -> Outcome:
    """Compare one item: what the official reported against what the check verified."""
    return rule_for(item_code)(declared, verified)
