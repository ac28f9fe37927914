"""查核: checking officials' personal-matters reports, from the draw to the decision.

A check is opened on one official's submitted report for one year — drawn at random
(:meth:`CheckService.sample`), by hand (:meth:`CheckService.new`) or because the official is
a promotion candidate (:meth:`CheckService.require_targeted_check`, 凡提必查). The clerk
records the verified facts of each item in the report's entry structure; each recorded
item is classified at once (:mod:`records.check_rules`) and can be re-classified while the
check is open (a change report filed meanwhile counts as reported). Completing the check
freezes its findings; a handling decision follows (the latest counts, earlier ones stay).

Every call checks the role, then the dossier's recusal, then the input; every read and
change is one transaction with its audit entry. Audit details name items and counts, never
what was found: the auditor sees no dossier content.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from records.annual_report import Entry, entries_from_json, entries_to_json
from records.check_handling import load_handlings, parse_handling
from records.check_rules import Finding, classify
from records.check_sampling import draw, population_digest
from records.errors import ConflictError, NotFoundError, ValidationError
from records.fields import FieldKind, FieldSpec, parse_date, parse_value
from records.policy import load_policy, policy_limits
from records.report_check import (
    CHECK_COLUMNS,
    CONCEALED_CONSEQUENCES,
    DECISION_COLUMNS,
    ITEM_COLUMNS,
    Check,
    CheckFindingSummary,
    CheckKind,
    CheckStatus,
    SampleResult,
    check_from_row,
    decision_from_row,
    item_from_row,
)
from records.report_entries import validate_entries
from records.report_schema import SCHEMA_DIR, ReportItem, ReportSchema, load_schema
from records.roles import Action
from records.services.annual_reports import FIRST_YEAR
from records.services.officials import OfficialService, official_object
from records.session import Session

_YEAR = FieldSpec("year", "报告年度", "year", FieldKind.INTEGER, required=True)
_KIND = FieldSpec("kind", "查核方式", "kind", FieldKind.TEXT, required=True)
_REASON = FieldSpec("reason", "查核事由", "reason", FieldKind.LONG_TEXT, max_length=500)
_REQUEST_REASON = FieldSpec("reason", "查核事由", "reason", FieldKind.LONG_TEXT, True, 500)
_OPENED = FieldSpec("opened_date", "查核日期", "opened date", FieldKind.DATE, required=True)
_COMPLETED = FieldSpec("completed_date", "完成日期", "completed date", FieldKind.DATE, True)
_DECIDED = FieldSpec("decided_date", "处理日期", "decided date", FieldKind.DATE, required=True)
_NOTE = FieldSpec("note", "处理说明", "note", FieldKind.LONG_TEXT, max_length=2000)
_SEED = FieldSpec("seed", "随机种子", "seed", FieldKind.TEXT, required=True, max_length=64)
_PERCENT = FieldSpec("percent", "抽查比例(%)", "percent", FieldKind.INTEGER, required=True)

_KIND_WORDS = {
    "random": CheckKind.RANDOM, "随机抽查": CheckKind.RANDOM, "随机": CheckKind.RANDOM,
    "targeted": CheckKind.TARGETED, "重点抽查": CheckKind.TARGETED, "重点": CheckKind.TARGETED,
}  # fmt: skip


def check_object(check_id: int) -> str:
    """How a check is named in the audit trail."""
    return f"check:{check_id}"


def parse_kind(raw: object) -> CheckKind:
    if isinstance(raw, CheckKind):
        return raw
    kind = _KIND_WORDS.get(str(raw).strip().lower())
    if kind is None:
        raise _KIND.invalid(
            "应为 random(随机抽查)或 targeted(重点抽查)", "must be random or targeted"
        )
    return kind


def parse_year(raw: object, today: date) -> int:
    value = parse_value(_YEAR, raw)
    assert isinstance(value, int)  # required INTEGER
    if not FIRST_YEAR <= value <= today.year:
        raise _YEAR.invalid(
            f"应在{FIRST_YEAR}到{today.year}之间", f"must be between {FIRST_YEAR} and {today.year}"
        )
    return value


def parse_percent(raw: object) -> int:
    value = parse_value(_PERCENT, raw)
    assert isinstance(value, int)
    low, high = policy_limits("check_sample_percent") or (1, 100)
    if not low <= value <= high:
        raise _PERCENT.invalid(f"应在{low}到{high}之间", f"must be between {low} and {high}")
    return value


class CheckService:
    """:param schema_dir: where the report schema versions live (tests point it at a copy)."""

    def __init__(self, session: Session, *, schema_dir: Path = SCHEMA_DIR) -> None:
        self._session = session
        self._officials = OfficialService(session)
        self._schema_dir = schema_dir

    # ---- opening checks --------------------------------------------------------------------

    def new(
        self,
        official_id: int,
        year: int | str,
        kind: CheckKind | str,
        *,
        reason: str = "",
        opened_date: date | str | None = None,
    ) -> Check:
        """Open a check of the official's submitted report on ``year``.

        :raises ValidationError: ``year`` (年度) has no submitted report, a bad kind or date.
        :raises ConflictError: the report of that year already has a check.
        """
        session = self._session
        session.require(Action.CHECK_EDIT, official_object(official_id))
        today = session.now().date()
        check_kind, value = parse_kind(kind), parse_year(year, today)
        text = str(parse_value(_REASON, reason) or "")
        opened = today if opened_date is None else parse_date(_OPENED, opened_date)
        if opened > today:
            raise _OPENED.invalid("不能晚于今天", "must not be in the future")
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.CHECK_EDIT)
        existing = self._existing(official_id, value)
        if existing is not None:
            raise ConflictError(
                f"该人员{value}年度的报告已有查核(编号{existing})",
                f"the official's {value} report already has check {existing}",
            )
        report_id, submitted = self._submitted_report(official_id, value)
        if opened < submitted:
            raise _OPENED.invalid(
                f"不能早于报告日期{submitted.isoformat()}", "must not be before the report date"
            )
        with session.transaction():
            check_id = self._insert(official_id, report_id, value, check_kind, text, opened, None)
            session.log(
                "check.new",
                official_object(official_id),
                detail=f"{check_object(check_id)} year:{value} kind:{check_kind.value}",
            )
        return self._read(check_id)

    def require_targeted_check(self, official_id: int, year: int | str, reason: str) -> Check:
        """凡提必查: the check of the candidate's ``year`` report, opened as a 重点抽查 if the
        report has none yet (an existing check of either kind is returned as it is).

        For the vetting workflow: both business roles may call it.

        :raises ValidationError: no reason, or no submitted report for ``year`` (年度).
        """
        session = self._session
        session.require(Action.CHECK_REQUEST, official_object(official_id))
        value = parse_year(year, session.now().date())
        text = str(parse_value(_REQUEST_REASON, reason))
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.CHECK_REQUEST)
        existing = self._existing(official_id, value)
        if existing is not None:
            with session.transaction():
                session.log(
                    "check.require",
                    official_object(official_id),
                    detail=f"{check_object(existing)} year:{value} existing",
                )
            return self._read(existing)
        report_id, _submitted = self._submitted_report(official_id, value)
        with session.transaction():
            check_id = self._insert(
                official_id, report_id, value, CheckKind.TARGETED, text,
                session.now().date(), None,
            )  # fmt: skip
            session.log(
                "check.require",
                official_object(official_id),
                detail=f"{check_object(check_id)} year:{value} kind:targeted new",
            )
        return self._read(check_id)

    def open_for_candidate(self, official_id: int, reason: str) -> int | None:
        """凡提必查 as part of registering a vetting request, *inside the caller's
        transaction*: the check of the candidate's latest submitted report, opened as a
        重点抽查 (with its own ``check.require`` entry) if that report has none yet.

        The caller has checked role and recusal. :return: the check, ``None`` when the
        candidate has no submitted report (the 凡提四必 checklist then says so).
        """
        session = self._session
        session.require(Action.CHECK_REQUEST, official_object(official_id))
        row = session.conn.execute(
            "SELECT id, year FROM annual_reports WHERE official_id = ? AND status = 'submitted'"
            " ORDER BY year DESC LIMIT 1",
            (official_id,),
        ).fetchone()
        if row is None:
            return None
        year = int(row[1])
        existing = self._existing(official_id, year)
        if existing is not None:
            return existing
        check_id = self._insert(
            official_id, int(row[0]), year, CheckKind.TARGETED, reason, session.now().date(), None
        )
        session.log(
            "check.require",
            official_object(official_id),
            detail=f"{check_object(check_id)} year:{year} kind:targeted new",
        )
        return check_id

    def sample(
        self,
        percent: int | str | None,
        seed: str | int,
        year: int | str,
        today: date | None = None,
        *,
        dry_run: bool = False,
    ) -> SampleResult:
        """随机抽查: draw ``percent`` (default: the policy's) of the officials due a check.

        Due: in service, a submitted report for ``year``, no check of it yet. The draw
        (:mod:`records.check_sampling`) depends only on the seed, the year and that
        population; the seed and the population's digest go into the audit trail. One draw
        per year: a second one is refused (a dry run is always allowed, and writes only its
        audit entry).

        :raises ValidationError: percent outside 1–100, no seed, a bad year.
        :raises ConflictError: the year was drawn already.
        """
        session = self._session
        session.require(Action.CHECK_EDIT, "checks")
        day = today or session.now().date()
        share = (
            load_policy(session.conn).check_sample_percent
            if percent is None
            else parse_percent(percent)
        )
        seed_text = str(parse_value(_SEED, seed))
        value = parse_year(year, day)
        if not dry_run:
            drawn_before = session.conn.execute(
                "SELECT count(*) FROM checks WHERE year = ? AND sample_seed IS NOT NULL", (value,)
            ).fetchone()[0]
            if drawn_before:
                raise ConflictError(
                    f"{value}年度已随机抽取过查核对象({drawn_before}人)",
                    f"the random checks of {value} were drawn already ({drawn_before})",
                )
        population = self._due_for_check(value)
        drawn = draw(population, share, seed_text, value)
        digest = population_digest(population)
        created: list[int] = []
        with session.transaction():
            if not dry_run:
                for official_id in drawn:
                    report_id = self._submitted_report(official_id, value)[0]
                    created.append(
                        self._insert(
                            official_id, report_id, value, CheckKind.RANDOM, "随机抽查",
                            day, seed_text,
                        )
                    )  # fmt: skip
            session.log(
                "check.sample",
                "checks",
                detail=(
                    f"year:{value} percent:{share} seed:{seed_text} population:{len(population)}"
                    f" sha256:{digest} drawn:{len(drawn)}" + (" dry-run" if dry_run else "")
                ),
            )
        return SampleResult(
            value, share, seed_text, tuple(population), digest, drawn, tuple(created), dry_run
        )

    # ---- verifying ---------------------------------------------------------------------------

    def record_verified(
        self,
        check_id: int,
        item_code: str,
        entries: Sequence[Mapping[str, object]] | None,
    ) -> Check:
        """Record what the check verified for one item (``None`` or ``[]``: 无此情况) and
        classify it against the report; recording an item again replaces it.

        :raises ValidationError: an unknown item code, or an entry breaking the schema
            (naming ``item[n].field``); nothing is saved.
        :raises ConflictError: the check is completed.
        """
        session = self._session
        session.require(Action.CHECK_EDIT, check_object(check_id))
        check = self._load(check_id, Action.CHECK_EDIT)
        _require_open(check)
        schema = self._schema_of(check.report_id)
        item = _item(schema, item_code)
        facts = list(entries or [])
        if not facts and not item.allow_nothing:
            raise ValidationError(
                item.code, item.short_zh, "此项须登记查实的具体情况,不能为“无”",
                "this item needs the verified facts, not nothing",
            )  # fmt: skip
        cleaned = validate_entries(item, facts)
        declared = self._declared(check.report_id, item.code)
        finding, reason = classify(item.code, declared, cleaned)
        with session.transaction() as conn:
            conn.execute(
                "INSERT INTO check_items (check_id, item_code, declared_json, verified_json,"
                " finding, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (check_id, item_code) DO UPDATE SET"
                " declared_json = excluded.declared_json, verified_json = excluded.verified_json,"
                " finding = excluded.finding, reason = excluded.reason,"
                " recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
                (check_id, item.code, entries_to_json(declared), entries_to_json(cleaned),
                 finding.value, reason, session.user.name, session.now().isoformat()),
            )  # fmt: skip
            self._touch(check_id)
            session.log(
                "check.record",
                official_object(check.official_id),
                detail=f"{check_object(check_id)} item:{item.code} entries:{len(cleaned)}",
            )
        return self._read(check_id)

    def classify(self, check_id: int) -> Check:
        """Classify every recorded item again against the report as it now stands."""
        session = self._session
        session.require(Action.CHECK_EDIT, check_object(check_id))
        check = self._load(check_id, Action.CHECK_EDIT)
        _require_open(check)
        with session.transaction():
            self._reclassify(check)
            session.log(
                "check.classify",
                official_object(check.official_id),
                detail=f"{check_object(check_id)} items:{len(check.items)}",
            )
        return self._read(check_id)

    def complete(self, check_id: int, completed_date: date | str | None = None) -> Check:
        """Classify once more and close the check; its findings are fixed from then on.

        :raises ValidationError: no item verified yet, or a date before the check's opening.
        :raises ConflictError: already completed.
        """
        session = self._session
        session.require(Action.CHECK_EDIT, check_object(check_id))
        check = self._load(check_id, Action.CHECK_EDIT)
        _require_open(check)
        today = session.now().date()
        when = today if completed_date is None else parse_date(_COMPLETED, completed_date)
        if when > today:
            raise _COMPLETED.invalid("不能晚于今天", "must not be in the future")
        if when < check.opened_date:
            raise _COMPLETED.invalid(
                f"不能早于查核日期{check.opened_date.isoformat()}",
                "must not be before the opened date",
            )
        if not check.items:
            raise ValidationError(
                "items", "查核事项", "尚未登记任何事项的查实情况", "no item has verified facts yet"
            )
        with session.transaction() as conn:
            self._reclassify(check)
            conn.execute(
                "UPDATE checks SET status = 'completed', completed_date = ? WHERE id = ?",
                (when.isoformat(), check_id),
            )
            self._touch(check_id)
            session.log(
                "check.complete",
                official_object(check.official_id),
                detail=f"{check_object(check_id)} items:{len(check.items)}"
                f" unverified:{len(check.unverified)}",
            )
        return self._read(check_id)

    def decide(
        self,
        check_id: int,
        handling: str | Sequence[str],
        note: str = "",
        *,
        decided_date: date | str | None = None,
    ) -> Check:
        """Record the handling decision of a completed check (measures from the ladder).

        A check that found 瞒报 always carries :data:`CONCEALED_CONSEQUENCES` as well. A new
        decision supersedes the previous one, which stays on file.

        :raises ValidationError: a measure not on the ladder, or a date before completion.
        :raises ConflictError: the check is not completed yet.
        """
        session = self._session
        session.require(Action.CHECK_EDIT, check_object(check_id))
        check = self._load(check_id, Action.CHECK_EDIT)
        if check.status is not CheckStatus.COMPLETED or check.completed_date is None:
            raise ConflictError(
                "查核尚未完成,不能作出处理决定", "the check is not completed: no decision yet"
            )
        chosen = parse_handling(load_handlings(session.conn), handling)
        text = str(parse_value(_NOTE, note) or "")
        today = session.now().date()
        when = today if decided_date is None else parse_date(_DECIDED, decided_date)
        if when > today:
            raise _DECIDED.invalid("不能晚于今天", "must not be in the future")
        if when < check.completed_date:
            raise _DECIDED.invalid(
                f"不能早于查核完成日期{check.completed_date.isoformat()}",
                "must not be before the completed date",
            )
        builtin = CONCEALED_CONSEQUENCES if check.finding is Finding.CONCEALED else ()
        with session.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO check_decisions (check_id, handling_json, builtin_json, note,"
                " decided_date, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (check_id, _json(chosen), _json(builtin), text, when.isoformat(),
                 session.user.name, session.now().isoformat()),
            )  # fmt: skip
            session.log(
                "check.decide",
                official_object(check.official_id),
                detail=f"{check_object(check_id)} decision:{int(cursor.lastrowid or 0)}",
            )
        return self._read(check_id)

    # ---- reading -------------------------------------------------------------------------------

    def get(self, check_id: int) -> Check:
        """One check with its items and decision (an audited read)."""
        session = self._session
        session.require(Action.CHECK_READ, check_object(check_id))
        check = self._load(check_id, Action.CHECK_READ)
        with session.transaction():
            session.log(
                "check.read", official_object(check.official_id), detail=check_object(check_id)
            )
        return check

    def list(
        self, official_id: int | None = None, *, year: int | str | None = None
    ) -> builtins.list[Check]:
        """Checks, newest year first; of one official, or of every official the user is not
        recused from (an audited read)."""
        session = self._session
        target = "checks" if official_id is None else official_object(official_id)
        session.require(Action.CHECK_READ, target)
        value = None if year is None else parse_year(year, session.now().date())
        sql, params = "SELECT c.id FROM checks c WHERE 1 = 1", []
        if official_id is not None:
            self._officials._load(official_id)
            session.require_not_recused(official_id, Action.CHECK_READ)
            sql += " AND c.official_id = ?"
            params.append(official_id)
        else:
            sql += (
                " AND c.official_id NOT IN (SELECT official_id FROM user_relations"
                " WHERE user_id = ?)"
            )
            params.append(session.user.id)
        if value is not None:
            sql += " AND c.year = ?"
            params.append(value)
        ids = [int(r[0]) for r in session.conn.execute(sql + " ORDER BY c.year DESC, c.id", params)]
        with session.transaction():
            detail = f"checks:{len(ids)}" + ("" if value is None else f" year:{value}")
            session.log("check.list", target, detail=detail)
        return [self._read(check_id) for check_id in ids]

    def findings(self, official_id: int) -> builtins.list[CheckFindingSummary]:
        """Every classified item of every check of the official, newest year first, with the
        check's current handling — what the vetting workflow shows (an audited read)."""
        session = self._session
        session.require(Action.CHECK_READ, official_object(official_id))
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.CHECK_READ)
        ids = [
            int(r[0])
            for r in session.conn.execute(
                "SELECT id FROM checks WHERE official_id = ? ORDER BY year DESC, id",
                (official_id,),
            )
        ]
        checks = [self._read(check_id) for check_id in ids]
        with session.transaction():
            session.log("check.findings", official_object(official_id), detail=f"checks:{len(ids)}")
        return [
            CheckFindingSummary(
                check_id=check.id,
                year=check.year,
                kind=check.kind,
                item_code=item.code,
                item_label_zh=item.label_zh,
                finding=item.finding,
                reason_zh=item.reason_zh,
                handling=check.decision.text_zh if check.decision else "",
                completed=check.status is CheckStatus.COMPLETED,
                blocks_promotion=check.blocks_promotion,
            )
            for check in checks
            for item in check.items
        ]

    # ---- shared ------------------------------------------------------------------------------

    def _existing(self, official_id: int, year: int) -> int | None:
        row = self._session.conn.execute(
            "SELECT id FROM checks WHERE official_id = ? AND year = ?", (official_id, year)
        ).fetchone()
        return None if row is None else int(row[0])

    def _submitted_report(self, official_id: int, year: int) -> tuple[int, date]:
        row = self._session.conn.execute(
            "SELECT id, status, submitted_date FROM annual_reports"
            " WHERE official_id = ? AND year = ?",
            (official_id, year),
        ).fetchone()
        if row is None or row[1] != "submitted":
            reason = (
                f"该人员{year}年度个人有关事项报告尚未报告(草稿),不能查核"
                if row is not None
                else f"该人员没有{year}年度个人有关事项报告,不能查核"
            )
            raise _YEAR.invalid(
                reason,
                f"the official has no submitted report for {year} to check",
            )
        return int(row[0]), date.fromisoformat(str(row[2]))

    def _due_for_check(self, year: int) -> builtins.list[int]:
        return [
            int(r[0])
            for r in self._session.conn.execute(
                "SELECT o.id FROM officials o JOIN annual_reports r ON r.official_id = o.id"
                " WHERE o.status = 'serving' AND r.year = ? AND r.status = 'submitted'"
                " AND NOT EXISTS (SELECT 1 FROM checks c WHERE c.official_id = o.id"
                " AND c.year = r.year) ORDER BY o.id",
                (year,),
            )
        ]

    def _insert(
        self,
        official_id: int,
        report_id: int,
        year: int,
        kind: CheckKind,
        reason: str,
        opened: date,
        seed: str | None,
    ) -> int:
        session = self._session
        cursor = session.conn.execute(
            "INSERT INTO checks (official_id, report_id, year, kind, reason, sample_seed,"
            " opened_date, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (official_id, report_id, year, kind.value, reason, seed, opened.isoformat(),
             session.user.name, session.now().isoformat()),
        )  # fmt: skip
        return int(cursor.lastrowid or 0)

    def _declared(self, report_id: int, item_code: str) -> builtins.list[Entry]:
        """What was reported on the item: the annual report's entries, then those of its
        change reports (not withdrawn) — a change reported in time is not concealed."""
        conn = self._session.conn
        row = conn.execute(
            "SELECT entries_json FROM report_items WHERE report_id = ? AND item_code = ?",
            (report_id, item_code),
        ).fetchone()
        declared = list(entries_from_json(row[0])) if row else []
        for (entries,) in conn.execute(
            "SELECT entries_json FROM change_reports WHERE report_id = ? AND item_code = ?"
            " AND withdrawn_at IS NULL ORDER BY change_date, id",
            (report_id, item_code),
        ):
            declared.extend(entries_from_json(entries))
        return declared

    def _reclassify(self, check: Check) -> None:
        conn = self._session.conn
        for item in check.items:
            declared = self._declared(check.report_id, item.code)
            finding, reason = classify(item.code, declared, item.verified)
            conn.execute(
                "UPDATE check_items SET declared_json = ?, finding = ?, reason = ?"
                " WHERE check_id = ? AND item_code = ?",
                (entries_to_json(declared), finding.value, reason, check.id, item.code),
            )

    def _touch(self, check_id: int) -> None:
        self._session.conn.execute(
            "UPDATE checks SET updated_by = ?, updated_at = ? WHERE id = ?",
            (self._session.user.name, self._session.now().isoformat(), check_id),
        )

    def _schema_of(self, report_id: int) -> ReportSchema:
        row = self._session.conn.execute(
            "SELECT schema_version FROM annual_reports WHERE id = ?", (report_id,)
        ).fetchone()
        return load_schema(str(row[0]), directory=self._schema_dir)

    def _load(self, check_id: int, action: Action) -> Check:
        """The check, after existence and the recusal check of its dossier."""
        row = self._session.conn.execute(
            "SELECT official_id FROM checks WHERE id = ?", (check_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("查核", "check", check_id)
        self._session.require_not_recused(int(row[0]), action)
        return self._read(check_id)

    def _read(self, check_id: int) -> Check:
        conn = self._session.conn
        row = conn.execute(
            f"SELECT {CHECK_COLUMNS} FROM checks WHERE id = ?", (check_id,)
        ).fetchone()
        schema = self._schema_of(int(row[2]))
        recorded = {
            str(r[0]): r
            for r in conn.execute(
                f"SELECT {ITEM_COLUMNS} FROM check_items WHERE check_id = ?", (check_id,)
            )
        }
        items = tuple(
            item_from_row(recorded[item.code], item.short_zh)
            for item in schema.items
            if item.code in recorded
        )
        # Items of an older schema version the report no longer lists still show, last.
        items += tuple(
            item_from_row(r, code) for code, r in recorded.items() if schema.item(code) is None
        )
        unverified = tuple(code for code in schema.codes if code not in recorded)
        decision = conn.execute(
            f"SELECT {DECISION_COLUMNS} FROM check_decisions WHERE check_id = ?"
            " ORDER BY id DESC LIMIT 1",
            (check_id,),
        ).fetchone()
        return check_from_row(
            row, items, unverified, None if decision is None else decision_from_row(decision)
        )


def _item(schema: ReportSchema, code: str) -> ReportItem:
    item = schema.item(code)
    if item is None:
        codes = "、".join(f"{i.code}({i.short_zh})" for i in schema.items)
        raise ValidationError(
            "item_code", "报告事项", f"未知事项,可用:{codes}",
            "unknown item; known: " + ", ".join(schema.codes),
        )  # fmt: skip
    return item


def _json(words: Sequence[str]) -> str:
    return json.dumps(list(words), ensure_ascii=False)


def _require_open(check: Check) -> None:
    if check.status is not CheckStatus.OPEN:
        raise ConflictError(
            f"查核(编号{check.id})已完成,查实情况和结论不能再修改",
            f"check {check.id} is completed: its facts and findings are fixed",
        )
