"""Position history (任职经历): unit, post and rank with dates (DOMAIN.md §2).

Long tenure in one important post triggers rotation (004:31), so the dates matter and are
validated: an end never precedes its start, no date lies in the future. Positions that
overlap are allowed — concurrent posts (兼任) are common — but two *open* positions at the
same unit and post would be the same post filed twice, and are refused.
Entries are never deleted; a position ends with :meth:`PositionService.end`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from records.errors import ConflictError, NotFoundError, ValidationError
from records.fields import FieldKind, FieldSpec, parse_date
from records.roles import Action
from records.services.officials import OfficialService, official_object
from records.session import Session

_COLUMNS = (
    "id, official_id, unit, position, rank, start_date, end_date, note, created_by, created_at"
)
_START = FieldSpec("start_date", "任职时间", "start date", FieldKind.DATE, required=True)
_END = FieldSpec("end_date", "免职时间", "end date", FieldKind.DATE, required=True)


@dataclass(frozen=True)
class Position:
    """One post held; ``end_date`` is ``None`` while it is held."""

    id: int
    official_id: int
    unit: str
    position: str
    rank: str
    start_date: date
    end_date: date | None
    note: str
    created_by: str
    created_at: datetime

    @property
    def is_current(self) -> bool:
        return self.end_date is None


def _from_row(row: tuple[object, ...]) -> Position:
    return Position(
        id=int(str(row[0])),
        official_id=int(str(row[1])),
        unit=str(row[2]),
        position=str(row[3]),
        rank=str(row[4]),
        start_date=date.fromisoformat(str(row[5])),
        end_date=None if row[6] is None else date.fromisoformat(str(row[6])),
        note=str(row[7]),
        created_by=str(row[8]),
        created_at=datetime.fromisoformat(str(row[9])),
    )


def _required_text(value: str, field: str, label: str, limit: int = 200) -> str:
    text = value.strip()
    if not text:
        raise ValidationError(field, label, "不能为空", "must not be empty")
    if len(text) > limit:
        raise ValidationError(field, label, f"不能超过{limit}字", f"must be at most {limit} chars")
    return text


class PositionService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._officials = OfficialService(session)

    def add(
        self,
        official_id: int,
        unit: str,
        position: str,
        rank: str,
        start_date: date | str,
        end_date: date | str | None = None,
        note: str = "",
    ) -> Position:
        """File one post held (``end_date`` ``None``: still held).

        :raises ValidationError: empty unit or post, a future date, an end before the start.
        :raises ConflictError: the same unit and post is already open.
        """
        session = self._session
        session.require(Action.POSITION_ADD, official_object(official_id))
        clean_unit = _required_text(unit, "unit", "任职单位")
        clean_post = _required_text(position, "position", "职务")
        start = self._date(_START, start_date)
        end = None if end_date in (None, "") else self._date(_END, end_date)
        if end is not None and end < start:
            raise _END.invalid("不能早于任职时间", "must not be before the start date")
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.POSITION_ADD)
        if (
            end is None
            and session.conn.execute(
                "SELECT 1 FROM position_history WHERE official_id = ? AND unit = ? AND position = ?"
                " AND end_date IS NULL",
                (official_id, clean_unit, clean_post),
            ).fetchone()
        ):
            raise ConflictError(
                f"该人员已有在任的“{clean_unit}{clean_post}”,请先登记其免职时间",
                f"an open position '{clean_unit} {clean_post}' exists: end it first",
            )
        with session.transaction() as conn:
            cursor = conn.execute(
                f"INSERT INTO position_history ({_COLUMNS.removeprefix('id, ')})"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    official_id,
                    clean_unit,
                    clean_post,
                    rank.strip(),
                    start.isoformat(),
                    None if end is None else end.isoformat(),
                    note.strip(),
                    session.user.name,
                    session.now().isoformat(),
                ),
            )
            new_id = int(cursor.lastrowid or 0)
            session.log("position.add", official_object(official_id), detail=f"position:{new_id}")
        return self._load(new_id)

    def list(self, official_id: int) -> list[Position]:
        """The official's positions, earliest first (audited: dossier content)."""
        session = self._session
        session.require(Action.POSITION_LIST, official_object(official_id))
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.POSITION_LIST)
        with session.transaction() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM position_history WHERE official_id = ?"
                " ORDER BY start_date, id",
                (official_id,),
            ).fetchall()
            session.log("position.list", official_object(official_id))
        return [_from_row(row) for row in rows]

    def end(self, position_id: int, end_date: date | str) -> Position:
        """Record when a post was left.

        :raises ConflictError: the position has already ended.
        :raises ValidationError: the date is in the future or before the start.
        """
        session = self._session
        session.require(Action.POSITION_END, f"position:{position_id}")
        current = self._load(position_id)
        obj = official_object(current.official_id)
        end = self._date(_END, end_date)
        if end < current.start_date:
            raise _END.invalid("不能早于任职时间", "must not be before the start date")
        session.require_not_recused(current.official_id, Action.POSITION_END)
        if current.end_date is not None:
            raise ConflictError(
                f"该任职经历已于{current.end_date}结束",
                f"position already ended {current.end_date}",
            )
        with session.transaction() as conn:
            conn.execute(
                "UPDATE position_history SET end_date = ? WHERE id = ?",
                (end.isoformat(), position_id),
            )
            session.log("position.end", obj, detail=f"position:{position_id} {end.isoformat()}")
        return self._load(position_id)

    def _date(self, spec: FieldSpec, value: date | str) -> date:
        parsed = parse_date(spec, value)
        if parsed > self._session.now().date():
            raise spec.invalid("不能晚于今天", "must not be in the future")
        return parsed

    def _load(self, position_id: int) -> Position:
        row = self._session.conn.execute(
            f"SELECT {_COLUMNS} FROM position_history WHERE id = ?", (position_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("任职经历", "position", position_id)
        return _from_row(row)
