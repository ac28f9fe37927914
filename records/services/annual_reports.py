"""个人有关事项年度报告 and 事项变化报告: filing, pre-filling, submitting, reading.

A report is started for an official and a year (the year whose matters it reports; due
1月31日 of the next year), with one answer per item of the newest schema version — copied
from the official's last submitted report unless asked not to (as OGE *Integrity* does).
Items are answered one at a time (entries, or 无此情况); a report is submitted once every
item is answered and is then fixed: later changes are change reports attached to the item
of the latest submitted report, late when filed after ``change_report_days``. A change
report filed in error is withdrawn with a reason, never deleted (DOMAIN §3): it stays
attached to its item, marked, and no rule counts it any more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from records.annual_report import (
    CHANGE_COLUMNS,
    REPORT_COLUMNS,
    AnnualReport,
    ChangeReport,
    Entry,
    ItemAnswer,
    ReportStatus,
    change_from_row,
    entries_from_json,
    entries_to_json,
    report_from_row,
)
from records.errors import ConflictError, NotFoundError, ValidationError
from records.fields import FieldKind, FieldSpec, parse_date, parse_for_storage, parse_value
from records.policy import load_policy
from records.report_entries import validate_entries
from records.report_schema import SCHEMA_DIR, ReportItem, ReportSchema, load_schema
from records.roles import Action
from records.services.dossier_records import REASON_SPEC
from records.services.officials import OfficialService, official_object
from records.session import Session

_YEAR = FieldSpec("year", "报告年度", "year", FieldKind.INTEGER, required=True)
_SUBMITTED = FieldSpec("submitted_date", "报告日期", "submitted date", FieldKind.DATE, True)
_CHANGED = FieldSpec("change_date", "变化日期", "change date", FieldKind.DATE, required=True)
_REPORTED = FieldSpec("reported_date", "报告日期", "reported date", FieldKind.DATE, True)
#: 说明 of a change report: what changed, in the filer's words (optional).
CHANGE_NOTE = FieldSpec("note", "说明", "note", FieldKind.LONG_TEXT, max_length=500)
#: Reports before the 2010 rules are not kept in this system; a typo guard more than a rule.
FIRST_YEAR = 2000


def report_object(report_id: int) -> str:
    """How a report is named in the audit trail."""
    return f"report:{report_id}"


def change_object(change_id: int) -> str:
    """How a change report is named in the audit trail (and in eligibility evidence)."""
    return f"change_report:{change_id}"


def _unknown_item(schema: ReportSchema) -> ValidationError:
    codes = "、".join(f"{i.code}({i.short_zh})" for i in schema.items)
    return ValidationError(
        "item_code", "报告事项", f"未知事项,可用:{codes}",
        "unknown item; known: " + ", ".join(schema.codes),
    )  # fmt: skip


def _carried(item: ReportItem, entries: Sequence[Entry]) -> list[Entry]:
    """Entries of an earlier report, reduced to what ``item`` (perhaps a newer version) knows."""
    carried: list[Entry] = []
    for entry in entries:
        kind = item.kind(str(entry.get("kind", ""))) if len(item.kinds) > 1 else item.kinds[0]
        if kind is None:
            continue
        known = {f.name for f in kind.fields} | {"kind"}
        carried.append({k: v for k, v in entry.items() if k in known})
    return carried


class AnnualReportService:
    """:param schema_dir: where the schema versions live (tests point it at a copy)."""

    def __init__(self, session: Session, *, schema_dir: Path = SCHEMA_DIR) -> None:
        self._session = session
        self._officials = OfficialService(session)
        self._schema_dir = schema_dir

    # ---- the annual report -------------------------------------------------------------------

    def start(
        self, official_id: int, year: int | str, *, prefill_from_previous: bool = True
    ) -> AnnualReport:
        """A new draft report on ``year``'s matters, pre-filled from the last submitted one.

        :raises ConflictError: the official already has a report for that year.
        """
        session = self._session
        session.require(Action.REPORT_EDIT, official_object(official_id))
        value = _parse_year(year, session.now().date())
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.REPORT_EDIT)
        conn = session.conn
        if conn.execute(
            "SELECT 1 FROM annual_reports WHERE official_id = ? AND year = ?", (official_id, value)
        ).fetchone():
            raise ConflictError(
                f"该人员{value}年度的个人有关事项报告已存在",
                f"the official already has a report for {value}",
            )
        schema = load_schema(directory=self._schema_dir)
        previous = self._previous_answers(official_id, value) if prefill_from_previous else None
        source_id, answers = previous if previous is not None else (None, {})
        now = session.now().isoformat()
        with session.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO annual_reports (official_id, year, schema_version, status,"
                " prefilled_from, created_by, created_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)",
                (official_id, value, schema.version, source_id, session.user.name, now),
            )
            report_id = int(cursor.lastrowid or 0)
            for position, item in enumerate(schema.items, start=1):
                entries, nothing = answers.get(item.code, ((), False))
                conn.execute(
                    "INSERT INTO report_items (report_id, item_code, position, entries_json,"
                    " nothing_to_report) VALUES (?, ?, ?, ?, ?)",
                    (report_id, item.code, position, entries_to_json(_carried(item, entries)),
                     int(nothing)),
                )  # fmt: skip
            detail = f"{report_object(report_id)} year:{value} schema:{schema.version}"
            if source_id is not None:
                detail += f" prefilled_from:{source_id}"
            session.log("report.start", official_object(official_id), detail=detail)
        return self._read(report_id)

    def set_item(
        self,
        report_id: int,
        item_code: str,
        entries: Sequence[Mapping[str, object]],
        nothing_to_report: bool = False,
    ) -> AnnualReport:
        """Replace one item's answer of a draft report with ``entries`` (or 无此情况).

        :raises ValidationError: naming ``item[n].field`` and the rule.
        """
        session = self._session
        session.require(Action.REPORT_EDIT, report_object(report_id))
        report = self._load(report_id)
        session.require_not_recused(report.official_id, Action.REPORT_EDIT)
        _require_draft(report)
        item = self._item(report.schema_version, item_code)
        if nothing_to_report and entries:
            raise ValidationError(
                item.code, item.short_zh, "选择“无此情况”时不能填写具体条目",
                "entries given together with nothing-to-report",
            )  # fmt: skip
        if nothing_to_report and not item.allow_nothing:
            raise ValidationError(
                item.code, item.short_zh, "此项必须如实填写,不能报“无”",
                "this item cannot be reported as nothing",
            )  # fmt: skip
        cleaned = validate_entries(item, entries)
        with session.transaction() as conn:
            conn.execute(
                "UPDATE report_items SET entries_json = ?, nothing_to_report = ?"
                " WHERE report_id = ? AND item_code = ?",
                (entries_to_json(cleaned), int(nothing_to_report), report_id, item.code),
            )
            self._touch(report_id)
            session.log(
                "report.item",
                official_object(report.official_id),
                detail=f"{report_object(report_id)} item:{item.code} entries:{len(cleaned)}",
            )
        return self._read(report_id)

    def submit(self, report_id: int, submitted_date: date | str) -> AnnualReport:
        """Mark a complete draft as reported on ``submitted_date``; it is fixed from then on."""
        session = self._session
        session.require(Action.REPORT_EDIT, report_object(report_id))
        report = self._load(report_id)
        session.require_not_recused(report.official_id, Action.REPORT_EDIT)
        _require_draft(report)
        when = parse_date(_SUBMITTED, submitted_date)
        if when > session.now().date():
            raise _SUBMITTED.invalid("不能晚于今天", "must not be in the future")
        if when.year < report.year:
            raise _SUBMITTED.invalid(
                f"不能早于{report.year}年", f"must not be before {report.year}"
            )
        schema = load_schema(report.schema_version, directory=self._schema_dir)
        for answer in report.items:
            if not answer.answered:
                item = schema.item(answer.code)
                label = item.short_zh if item else answer.code
                raise ValidationError(
                    answer.code, label, "尚未填写(没有此类情况请报“无”)", "not answered yet"
                )
        with session.transaction() as conn:
            conn.execute(
                "UPDATE annual_reports SET status = 'submitted', submitted_date = ? WHERE id = ?",
                (when.isoformat(), report_id),
            )
            self._touch(report_id)
            session.log(
                "report.submit",
                official_object(report.official_id),
                detail=f"{report_object(report_id)} date:{when.isoformat()}",
            )
        return self._read(report_id)

    def get(self, report_id: int) -> AnnualReport:
        """One report with its items and change reports (an audited read)."""
        session = self._session
        session.require(Action.REPORT_READ, report_object(report_id))
        report = self._load(report_id)
        session.require_not_recused(report.official_id, Action.REPORT_READ)
        with session.transaction():
            session.log(
                "report.read", official_object(report.official_id), detail=report_object(report_id)
            )
        return report

    def for_official(self, official_id: int) -> list[AnnualReport]:
        """Every report of an official, newest year first (an audited read)."""
        session = self._session
        session.require(Action.REPORT_READ, official_object(official_id))
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.REPORT_READ)
        ids = [
            int(row[0])
            for row in session.conn.execute(
                "SELECT id FROM annual_reports WHERE official_id = ? ORDER BY year DESC",
                (official_id,),
            )
        ]
        with session.transaction():
            session.log("report.read", official_object(official_id), detail=f"reports:{len(ids)}")
        return [self._read(report_id) for report_id in ids]

    def schema(self, version: str | None = None) -> ReportSchema:
        """The item definitions (newest version by default); not dossier content."""
        return load_schema(version, directory=self._schema_dir)

    # ---- change reports --------------------------------------------------------------------

    def add_change(
        self,
        official_id: int,
        item_code: str,
        change_date: date | str,
        reported_date: date | str,
        entries: Sequence[Mapping[str, object]],
        *,
        note: str = "",
    ) -> ChangeReport:
        """A 事项变化报告 on one item, attached to the latest submitted annual report.

        :param note: 说明, what changed (optional, at most 500 characters).
        :raises ConflictError: the official has no submitted report to attach it to.
        """
        session = self._session
        session.require(Action.REPORT_EDIT, official_object(official_id))
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.REPORT_EDIT)
        row = session.conn.execute(
            "SELECT id, schema_version FROM annual_reports WHERE official_id = ?"
            " AND status = 'submitted' ORDER BY year DESC LIMIT 1",
            (official_id,),
        ).fetchone()
        if row is None:
            raise ConflictError(
                "该人员尚无已报告的年度个人有关事项报告,变化事项请在年度报告中填报",
                "the official has no submitted annual report to attach a change report to",
            )
        report_id = int(row[0])
        item = self._item(str(row[1]), item_code)
        if not item.change_report:
            raise ValidationError(
                "item_code", "报告事项", f"“{item.short_zh}”不适用事项变化报告",
                f"{item.code} does not take change reports",
            )  # fmt: skip
        changed = parse_date(_CHANGED, change_date)
        reported = parse_date(_REPORTED, reported_date)
        if reported > session.now().date():
            raise _REPORTED.invalid("不能晚于今天", "must not be in the future")
        if reported < changed:
            raise _REPORTED.invalid("不能早于变化日期", "must not be before the change date")
        if not entries:
            raise ValidationError(
                item.code, item.short_zh, "至少填写一条变化后的情况", "at least one entry"
            )
        cleaned = validate_entries(item, entries)
        text = str(parse_for_storage(CHANGE_NOTE, note))
        days = load_policy(session.conn).change_report_days
        with session.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO change_reports (official_id, report_id, item_code, change_date,"
                " reported_date, entries_json, note, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (official_id, report_id, item.code, changed.isoformat(), reported.isoformat(),
                 entries_to_json(cleaned), text, session.user.name, session.now().isoformat()),
            )  # fmt: skip
            change_id = int(cursor.lastrowid or 0)
            change = change_from_row(
                conn.execute(
                    f"SELECT {CHANGE_COLUMNS} FROM change_reports WHERE id = ?", (change_id,)
                ).fetchone(),
                days,
            )
            detail = f"{report_object(report_id)} item:{item.code} change:{change_id}"
            if change.late:
                detail += f" late:{change.days_late}d"
            session.log("report.change", official_object(official_id), detail=detail)
        return change

    def withdraw_change(self, change_id: int, reason: str) -> ChangeReport:
        """Mark a change report withdrawn with ``reason``; it stays attached to its item.

        From then on no rule counts it: not the deadline list, not eligibility, not the
        declared side of a check. Nothing reinstates it: file a new change report instead.

        :raises NotFoundError: no such change report.
        :raises ValidationError: no reason given (field ``reason``, 撤销理由).
        :raises ConflictError: already withdrawn.
        """
        session = self._session
        session.require(Action.REPORT_CHANGE_WITHDRAW, change_object(change_id))
        current = self._load_change(change_id)
        session.require_not_recused(current.official_id, Action.REPORT_CHANGE_WITHDRAW)
        text = str(parse_value(REASON_SPEC, reason))
        if current.withdrawn:
            raise ConflictError(
                f"事项变化报告已撤销:{change_id}", f"change report {change_id} is already withdrawn"
            )
        with session.transaction() as conn:
            conn.execute(
                "UPDATE change_reports SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?"
                " WHERE id = ?",
                (session.now().isoformat(), session.user.name, text, change_id),
            )
            # Ids and the item code only: the reason is dossier content, the auditor sees none.
            detail = (
                f"{report_object(current.report_id)} item:{current.item_code} change:{change_id}"
            )
            session.log(
                "report.change_withdraw", official_object(current.official_id), detail=detail
            )
        return self._load_change(change_id)

    # ---- shared ------------------------------------------------------------------------------

    def _item(self, version: str, code: str) -> ReportItem:
        schema = load_schema(version, directory=self._schema_dir)
        item = schema.item(code)
        if item is None:
            raise _unknown_item(schema)
        return item

    def _touch(self, report_id: int) -> None:
        self._session.conn.execute(
            "UPDATE annual_reports SET updated_by = ?, updated_at = ? WHERE id = ?",
            (self._session.user.name, self._session.now().isoformat(), report_id),
        )

    def _previous_answers(
        self, official_id: int, year: int
    ) -> tuple[int, dict[str, tuple[tuple[Entry, ...], bool]]] | None:
        row = self._session.conn.execute(
            "SELECT id FROM annual_reports WHERE official_id = ? AND status = 'submitted'"
            " AND year < ? ORDER BY year DESC LIMIT 1",
            (official_id, year),
        ).fetchone()
        if row is None:
            return None
        answers = {
            str(code): (entries_from_json(entries), bool(nothing))
            for code, entries, nothing in self._session.conn.execute(
                "SELECT item_code, entries_json, nothing_to_report FROM report_items"
                " WHERE report_id = ?",
                (row[0],),
            )
        }
        return int(row[0]), answers

    def _load_change(self, change_id: int) -> ChangeReport:
        conn = self._session.conn
        row = conn.execute(
            f"SELECT {CHANGE_COLUMNS} FROM change_reports WHERE id = ?", (change_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("事项变化报告", "change report", change_id)
        return change_from_row(row, load_policy(conn).change_report_days)

    def _load(self, report_id: int) -> AnnualReport:
        try:
            return self._read(report_id)
        except LookupError:
            raise NotFoundError("年度报告", "annual report", report_id) from None

    def _read(self, report_id: int) -> AnnualReport:
        conn = self._session.conn
        row = conn.execute(
            f"SELECT {REPORT_COLUMNS} FROM annual_reports WHERE id = ?", (report_id,)
        ).fetchone()
        if row is None:
            raise LookupError(report_id)
        days = load_policy(conn).change_report_days
        changes = [
            change_from_row(r, days)
            for r in conn.execute(
                f"SELECT {CHANGE_COLUMNS} FROM change_reports WHERE report_id = ?"
                " ORDER BY change_date, id",
                (report_id,),
            )
        ]
        items = tuple(
            ItemAnswer(
                code=str(code),
                position=int(position),
                entries=entries_from_json(entries),
                nothing_to_report=bool(nothing),
                changes=tuple(c for c in changes if c.item_code == code),
            )
            for code, position, entries, nothing in conn.execute(
                "SELECT item_code, position, entries_json, nothing_to_report FROM report_items"
                " WHERE report_id = ? ORDER BY position",
                (report_id,),
            )
        )
        return report_from_row(row, items)


def _parse_year(raw: int | str, today: date) -> int:
    value = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if value is None:
        try:
            value = int(str(raw).strip())
        except ValueError:
            raise _YEAR.invalid("应为四位年份", "must be a four-digit year") from None
    if not FIRST_YEAR <= value <= today.year:
        raise _YEAR.invalid(
            f"应在{FIRST_YEAR}到{today.year}之间", f"must be between {FIRST_YEAR} and {today.year}"
        )
    return value


def _require_draft(report: AnnualReport) -> None:
    if report.status is not ReportStatus.DRAFT:
        raise ConflictError(
            f"{report.year}年度报告已报告,不能再修改;变化情况请登记事项变化报告",
            f"the {report.year} report was submitted and is fixed: file a change report",
        )
