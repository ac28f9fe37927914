"""The deadline list of the home screen and ``liandang due``, role-checked and audited."""

from __future__ import annotations

from datetime import date

from records.deadlines import DEFAULT_HORIZON_DAYS, DueItem, due_items
from records.errors import ValidationError
from records.roles import Action
from records.session import Session

#: The longest look ahead a user may ask for (a year and a day, for leap years).
MAX_HORIZON_DAYS = 366


class DeadlineService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def due(
        self, today: date | None = None, *, horizon_days: int = DEFAULT_HORIZON_DAYS
    ) -> list[DueItem]:
        """What is overdue or due by ``today + horizon_days`` (``today``: the session clock).

        Officials the user declared a relation to (回避) are left out rather than refused:
        the list is across dossiers, and what someone owes is dossier content.
        """
        session = self._session
        session.require(Action.DUE_LIST)
        if not 0 <= horizon_days <= MAX_HORIZON_DAYS:
            raise ValidationError(
                "days", "天数", f"应在0到{MAX_HORIZON_DAYS}之间",
                f"must be between 0 and {MAX_HORIZON_DAYS}",
            )  # fmt: skip
        when = today or session.now().date()
        recused = {
            int(row[0])
            for row in session.conn.execute(
                "SELECT official_id FROM user_relations WHERE user_id = ?", (session.user.id,)
            )
        }
        with session.transaction() as conn:
            items = [
                item
                for item in due_items(conn, when, horizon_days=horizon_days)
                if item.official_id not in recused
            ]
            overdue = sum(item.overdue for item in items)
            session.log(
                "due.list",
                "deadlines",
                detail=f"today:{when.isoformat()} days:{horizon_days} items:{len(items)}"
                f" overdue:{overdue}",
            )
        return items
