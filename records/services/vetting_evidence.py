"""Gathering one candidate's :class:`~records.vetting_proposal.CandidateEvidence` from the vault.

Callers have checked the role and recusal already; nothing here is audited on its own: the
vetting action that needs the evidence writes the one audit entry of the user's action
(as a dossier export reads the dossier unaudited inside its own audited grant). Hence the
checks are read through :class:`~records.services.checks.CheckService`'s unaudited reader,
not its audited ``findings`` (which would add one entry, and one commit, per candidate).
Withdrawn records are never evidence. A clue's summary is not read at all: the proposal
must not be able to quote it.

The Art. 24 items (:mod:`records.eligibility`) are evidence too: a candidate who may not be
a 考察对象 (spouse emigrated, last year's appraisal 基本称职 …) must not get an opinion that
raises no objection. Two of those items are left out because the proposal states them from
their own evidence already, with the same or a more severe category: an influence period not
over (every such period is an ``influence_running``, ``permanent_influence`` or ``expulsion``
reason) and the 瞒报 of the latest completed check (a ``concealment`` reason).
"""

from __future__ import annotations

import json
from datetime import date

from records.eligibility import CHECK_CONCEALED, INFLUENCE_PERIOD
from records.influence import record_influence_periods
from records.report_check import Check, CheckStatus
from records.services.checks import CheckService
from records.services.eligibility import assess_official
from records.session import Session
from records.vetting_proposal import (
    CandidateEvidence,
    CheckEvidence,
    ClueEvidence,
    FindingEvidence,
    IneligibilityEvidence,
    InfluenceEvidence,
)

#: Art. 24 reasons the proposal states from their own evidence (see the module docstring).
_STATED_ELSEWHERE = frozenset({INFLUENCE_PERIOD, CHECK_CONCEALED})


def _clues(session: Session, official_id: int) -> tuple[ClueEvidence, ...]:
    rows = session.conn.execute(
        "SELECT id, record_date, json_extract(fields_json, '$.disposal'),"
        " json_extract(fields_json, '$.status'), json_extract(fields_json, '$.conclusion')"
        " FROM records WHERE official_id = ? AND type = 'clue' AND withdrawn_at IS NULL"
        " ORDER BY record_date, id",
        (official_id,),
    ).fetchall()
    return tuple(
        ClueEvidence(
            int(row[0]), date.fromisoformat(str(row[1])), str(row[2] or ""), str(row[3] or ""),
            str(row[4] or ""),
        )
        for row in rows
    )  # fmt: skip


def _influence(session: Session, official_id: int) -> tuple[InfluenceEvidence, ...]:
    # Every period (not only the one that counts for Art. 24): each sanction is a reason.
    periods = record_influence_periods(session.conn, official_id=official_id)
    if not periods:
        return ()
    ids = [p.record_id for p in periods]
    rows = session.conn.execute(
        f"SELECT id, type, fields_json FROM records WHERE id IN ({','.join('?' for _ in ids)})",
        ids,
    ).fetchall()
    kinds: dict[int, tuple[str, str]] = {}
    for record_id, type_code, fields_json in rows:
        fields = json.loads(str(fields_json))
        system = str(fields.get("system") or "") if type_code == "sanction" else ""
        kinds[int(record_id)] = (system, str(fields.get("kind") or ""))
    return tuple(
        InfluenceEvidence(p.record_id, *kinds[p.record_id], start=p.start, end=p.end)
        for p in periods
    )


def _checks(session: Session, official_id: int) -> list[Check]:
    """Every check of the official, newest year first."""
    service = CheckService(session)
    ids = [
        int(row[0])
        for row in session.conn.execute(
            "SELECT id FROM checks WHERE official_id = ? ORDER BY year DESC, id", (official_id,)
        )
    ]
    return [service._read(check_id) for check_id in ids]


def _findings(checks: list[Check]) -> tuple[FindingEvidence, ...]:
    """Every verified item of every check, in the checks' order."""
    found: list[FindingEvidence] = []
    for check in checks:
        handling = check.decision.text_zh if check.decision else ""
        completed = check.status is CheckStatus.COMPLETED
        found += [
            FindingEvidence(check.id, check.year, item.label_zh, item.finding.value, handling,
                            completed)
            for item in check.items
        ]  # fmt: skip
    return tuple(found)


def _ineligibility(
    session: Session, official_id: int, today: date
) -> tuple[IneligibilityEvidence, ...]:
    assessed = assess_official(session.conn, official_id, today)
    return tuple(
        IneligibilityEvidence(r.code, r.text_zh, r.text_en, r.record_ids)
        for r in assessed.reasons
        if r.code not in _STATED_ELSEWHERE
    )


def gather_evidence(session: Session, official_id: int, today: date) -> CandidateEvidence:
    """The evidence of one candidate as of ``today`` (the day Art. 24 is assessed on)."""
    checks = _checks(session, official_id)
    return CandidateEvidence(
        official_id=official_id,
        clues=_clues(session, official_id),
        influence=_influence(session, official_id),
        findings=_findings(checks),
        ineligibility=_ineligibility(session, official_id, today),
        checks=tuple(
            CheckEvidence(c.id, c.year, c.status is CheckStatus.COMPLETED) for c in checks
        ),
    )
