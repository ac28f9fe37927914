"""Whether an official may be a 考察对象 (Art. 24), from the dossier: an audited read.

Both business roles may ask (it reads the dossier, like opening it); the recusal rule
applies as everywhere. The facts are read as they stand now; ``today`` decides which
influence periods are still running and which year is "last year" for the appraisal.
The audit entry names the official and the date, not the outcome (the auditor sees no
dossier content).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from records.annual_report import entries_from_json
from records.database import Connection
from records.eligibility import ConcealedCheck, Eligibility, assess
from records.family_emigration import ReportFacts, family_facts
from records.influence import record_influence_periods
from records.roles import Action
from records.rows import FAMILY_COLUMNS, RECORD_COLUMNS, family_from_row, record_from_row
from records.services.officials import OfficialService, official_object
from records.session import Session

_ITEMS = ("marriage", "family_emigration", "family_employment")


class EligibilityService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._officials = OfficialService(session)

    def assess(self, official_id: int, today: date | None = None) -> Eligibility:
        """The Art. 24 items the data decides, with every reason and what it rests on.

        :raises PermissionDeniedError: not a business role (audited).
        :raises NotFoundError: no such official.
        :raises RecusalError: the user declared a relation to the official (audited).
        """
        session = self._session
        session.require(Action.OFFICIAL_READ, official_object(official_id))
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.OFFICIAL_READ)
        day = today or session.now().date()
        with session.transaction() as conn:
            result = assess_official(conn, official_id, day)
            session.log(
                "eligibility.assess", official_object(official_id), detail=f"date:{day.isoformat()}"
            )
        return result


def assess_official(conn: Connection, official_id: int, day: date) -> Eligibility:
    """The assessment itself, unaudited: for :meth:`EligibilityService.assess` and for the
    vetting proposal (:mod:`records.services.vetting_evidence`), whose callers have checked
    role and recusal and audit their own action."""
    family = [
        family_from_row(row)
        for row in conn.execute(
            f"SELECT {FAMILY_COLUMNS} FROM family_members WHERE official_id = ? ORDER BY id",
            (official_id,),
        )
    ]
    appraisals = [
        record_from_row(row)
        for row in conn.execute(
            f"SELECT {RECORD_COLUMNS} FROM records WHERE official_id = ?"
            " AND type = 'appraisal' AND withdrawn_at IS NULL",
            (official_id,),
        )
    ]
    return assess(
        official_id,
        day,
        family=family_facts(family, report_facts(conn, official_id)),
        periods=record_influence_periods(conn, official_id=official_id),
        appraisals=appraisals,
        concealed=latest_concealed_check(conn, official_id),
    )


def report_facts(conn: Connection, official_id: int) -> ReportFacts:
    """Items 1, 6 and 7 of the latest submitted report, with their change reports."""
    row = conn.execute(
        "SELECT id FROM annual_reports WHERE official_id = ? AND status = 'submitted'"
        " ORDER BY year DESC LIMIT 1",
        (official_id,),
    ).fetchone()
    if row is None:
        return ReportFacts(None, (), (), ())
    report_id = int(row[0])
    answers: dict[str, list[Mapping[str, object]]] = {code: [] for code in _ITEMS}
    for code, entries in conn.execute(
        "SELECT item_code, entries_json FROM report_items WHERE report_id = ?", (report_id,)
    ):
        if code in answers:
            answers[str(code)] = list(entries_from_json(entries))
    evidence = [f"report:{report_id}"]
    for change_id, code, entries in conn.execute(
        "SELECT id, item_code, entries_json FROM change_reports WHERE report_id = ?"
        " AND withdrawn_at IS NULL ORDER BY change_date, id",
        (report_id,),
    ):
        if code not in answers:
            continue
        evidence.append(f"change_report:{change_id}")
        if code == "marriage":
            answers["marriage"] = list(entries_from_json(entries))  # the status now in force
        else:
            answers[str(code)].extend(entries_from_json(entries))
    return ReportFacts(
        tuple(answers["marriage"]),
        tuple(answers["family_emigration"]),
        tuple(answers["family_employment"]),
        tuple(evidence),
    )


def latest_concealed_check(conn: Connection, official_id: int) -> ConcealedCheck | None:
    """The latest completed check, if it found 瞒报 (a later clean check lifts the bar)."""
    row = conn.execute(
        "SELECT id, year FROM checks WHERE official_id = ? AND status = 'completed'"
        " ORDER BY year DESC, id DESC LIMIT 1",
        (official_id,),
    ).fetchone()
    if row is None:
        return None
    concealed = conn.execute(
        "SELECT 1 FROM check_items WHERE check_id = ? AND finding = '瞒报'", (row[0],)
    ).fetchone()
    return None if concealed is None else ConcealedCheck(int(row[0]), int(row[1]))
