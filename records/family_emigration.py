"""Whether an official's spouse, or (with no spouse) every child, has emigrated.

选拔任用工作条例 (2019) Art. 24 bars a cadre whose spouse has emigrated (移居国(境)外), or
who has no spouse and all of whose children have. The dossier says so in two places, and
both count, so that neither a stale family table nor a missing report hides it:

- the latest submitted annual report: item 1 (婚姻: is there a spouse?) and item 6 (配偶、子女
  移居国(境)外: who emigrated), with the change reports filed on them since — a change
  report on the marriage replaces the status, emigration entries add up;
- the family table (:class:`records.model.FamilyMember`): ``relation`` names spouses and
  children, and an ``abroad_status`` saying 移居/定居 (without 未) marks an emigrant.

The report's marital status wins over the family table when there is one (it is the
official's own, dated statement). Only 移居 counts: "连续在国(境)外工作生活一年以上" is
reported under the same item but is not emigration. Children are known by name, from the
family table and from the 子女 entries of report items 6 and 7; names are compared with
:func:`records.check_rules.norm`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from records.check_rules import norm
from records.model import FamilyMember

SPOUSE_RELATIONS = frozenset({"配偶", "妻子", "丈夫", "爱人", "妻", "夫"})
CHILD_RELATIONS = frozenset(
    {"子女", "儿子", "女儿", "子", "女", "长子", "次子", "三子", "幼子", "长女", "次女",
     "三女", "幼女", "独子", "独女", "养子", "养女", "继子", "继女"}
)  # fmt: skip
EMIGRATED = "移居国(境)外"
MARRIED = "已婚"


def emigrated_by_status(abroad_status: str) -> bool:
    """A free-text 出国(境)情况 that says the person emigrated (已移居加拿大, 定居澳大利亚)."""
    text = norm(abroad_status)
    return ("移居" in text or "定居" in text) and "未" not in text


@dataclass(frozen=True)
class ReportFacts:
    """What the latest submitted report (and its change reports) says.

    :param marriage: the marital-status entries in force (``None``: no report).
    :param emigration: item 6 entries (with change reports' entries added).
    :param employment: item 7 entries (children named there are children too).
    :param evidence: ``report:ID`` / ``change_report:ID`` of what was read.
    """

    marriage: tuple[Mapping[str, object], ...] | None
    emigration: tuple[Mapping[str, object], ...]
    employment: tuple[Mapping[str, object], ...]
    evidence: tuple[str, ...]


NO_REPORT = ReportFacts(None, (), (), ())


@dataclass(frozen=True)
class FamilyFacts:
    """:param evidence: the objects the conclusion rests on (``family_member:ID``, …)."""

    has_spouse: bool
    spouse_emigrated: bool
    children: frozenset[str]
    emigrated_children: frozenset[str]
    evidence: tuple[str, ...]

    @property
    def all_children_emigrated(self) -> bool:
        return bool(self.children) and self.children <= self.emigrated_children


def _is(relation: str, names: frozenset[str]) -> bool:
    return relation.strip() in names


def family_facts(family: Sequence[FamilyMember], report: ReportFacts) -> FamilyFacts:
    spouses = [m for m in family if _is(m.relation, SPOUSE_RELATIONS)]
    children_rows = [m for m in family if _is(m.relation, CHILD_RELATIONS)]
    evidence = list(report.evidence)

    if report.marriage is not None and report.marriage:
        has_spouse = str(report.marriage[-1].get("status") or "") == MARRIED
    else:
        has_spouse = bool(spouses)

    emigrants = [e for e in report.emigration if str(e.get("situation") or "") == EMIGRATED]
    spouse_emigrated = any(str(e.get("relation")) == "配偶" for e in emigrants)
    for member in spouses:
        if emigrated_by_status(member.abroad_status):
            spouse_emigrated = True
            evidence.append(f"family_member:{member.id}")

    children = {norm(m.name) for m in children_rows}
    children |= {
        norm(e.get("person"))
        for e in (*report.emigration, *report.employment)
        if str(e.get("relation")) == "子女"
    }
    emigrated_children = {norm(e.get("person")) for e in emigrants if e.get("relation") == "子女"}
    for member in children_rows:
        if emigrated_by_status(member.abroad_status):
            emigrated_children.add(norm(member.name))
            evidence.append(f"family_member:{member.id}")
    return FamilyFacts(
        has_spouse=has_spouse,
        spouse_emigrated=has_spouse and spouse_emigrated,
        children=frozenset(children - {""}),
        emigrated_children=frozenset(emigrated_children - {""}),
        evidence=tuple(dict.fromkeys(evidence)),
    )
