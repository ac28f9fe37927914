"""What an eligibility reason rests on, named the way the dossier shows it.

:class:`records.eligibility.IneligibilityReason` cites dossier records by id and other
objects as the audit trail names them (``report:7``, ``change_report:3``,
``family_member:2``, ``check:4``). On screen each becomes a short text, and a link where the
dossier can show the object (the record in 记录, the relative in 家庭成员, the check in 查核).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from records.eligibility import IneligibilityReason
from records.model import Dossier
from ui.display_text import EMPTY, date_text, field_text
from ui.i18n import tr
from ui.record_columns import HIDDEN_CONTENT_ZH, key_fields, record_type_label

#: Link schemes the dossier view can follow (``record:12``).
RECORD, FAMILY_MEMBER, CHECK = "record", "family_member", "check"
_LINKED = frozenset({RECORD, FAMILY_MEMBER, CHECK})


@dataclass(frozen=True)
class Citation:
    """:param href: ``scheme:id`` when the dossier can show it, ``""`` otherwise."""

    text: str
    href: str = ""


def record_citation(dossier: Dossier | None, record_id: int) -> Citation:
    record = None if dossier is None else next(
        (r for r in dossier.records if r.id == record_id), None
    )  # fmt: skip
    href = f"{RECORD}:{record_id}"
    if record is None:
        return Citation(tr("记录(编号{id})").format(id=record_id), href)
    parts = [record_type_label(record), date_text(record.record_date)]
    if record.content_hidden:
        parts.append(tr(HIDDEN_CONTENT_ZH))
    else:
        for spec in key_fields(record.type):
            text = field_text(spec, record.fields.get(spec.name))
            if text != EMPTY:
                parts.append(text)
    return Citation(" ".join(parts), href)


def evidence_citation(dossier: Dossier | None, evidence: str) -> Citation:
    scheme, _, key = evidence.partition(":")
    if not key.isdigit():
        return Citation(evidence)
    number = int(key)
    if scheme == "report":
        return Citation(tr("个人有关事项报告(编号{id})").format(id=number))
    if scheme == "change_report":
        return Citation(tr("事项变化报告(编号{id})").format(id=number))
    if scheme == FAMILY_MEMBER:
        member = None if dossier is None else next(
            (m for m in dossier.family if m.id == number), None
        )  # fmt: skip
        text = (
            tr("家庭成员(编号{id})").format(id=number)
            if member is None
            else tr("家庭成员:{relation} {name}").format(relation=member.relation, name=member.name)
        )
        return Citation(text, evidence)
    if scheme == CHECK:
        return Citation(tr("查核(编号{id})").format(id=number), evidence)
    return Citation(evidence)


def citations(reason: IneligibilityReason, dossier: Dossier | None) -> list[Citation]:
    """Records first (the reason's own facts), then the other objects, each once."""
    found = [record_citation(dossier, record_id) for record_id in reason.record_ids]
    found += [evidence_citation(dossier, e) for e in dict.fromkeys(reason.evidence)]
    return found


def citation_html(citation: Citation) -> str:
    text = escape(citation.text)
    scheme = citation.href.partition(":")[0]
    return f'<a href="{escape(citation.href)}">{text}</a>' if scheme in _LINKED else text


def parse_href(href: str) -> tuple[str, int] | None:
    """``("record", 12)`` for ``record:12``; ``None`` for anything else."""
    scheme, _, key = href.partition(":")
    return (scheme, int(key)) if scheme in _LINKED and key.isdigit() else None
