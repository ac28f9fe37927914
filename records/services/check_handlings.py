"""The handling ladder of check findings: read by anyone, set only by the security officer."""

from __future__ import annotations

from collections.abc import Sequence

from records.check_handling import DEFAULT_HANDLINGS, clean_ladder, load_handlings
from records.roles import Action
from records.session import Session

#: The audit trail's object for every read and change of the ladder.
LADDER_OBJECT = "check_handlings"


class HandlingLadderService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> tuple[str, ...]:
        """The measures offered, lightest first (an audited read; not dossier content)."""
        session = self._session
        with session.transaction() as conn:
            ladder = load_handlings(conn)
            session.log("check.handlings.read", LADDER_OBJECT)
        return ladder

    def set(self, labels: Sequence[str]) -> tuple[str, ...]:
        """Replace the ladder (an empty ``labels`` is refused: use :meth:`reset`).

        Decisions already taken keep the words they were taken with.

        :raises PermissionDeniedError: not the security officer (the refusal is audited).
        :raises ValidationError: the list breaks :func:`records.check_handling.clean_ladder`.
        """
        self._session.require(Action.POLICY_SET, LADDER_OBJECT)
        return self._store(clean_ladder(labels))

    def reset(self) -> tuple[str, ...]:
        """Go back to the built-in list."""
        self._session.require(Action.POLICY_SET, LADDER_OBJECT)
        return self._store(())

    def _store(self, ladder: tuple[str, ...]) -> tuple[str, ...]:
        session = self._session
        stored = tuple(
            str(row[0])
            for row in session.conn.execute("SELECT label FROM check_handlings ORDER BY position")
        )
        if stored == ladder:
            return ladder or DEFAULT_HANDLINGS  # nothing changes: nothing written or audited
        with session.transaction() as conn:
            conn.execute("DELETE FROM check_handlings")
            for position, label in enumerate(ladder, start=1):
                conn.execute(
                    "INSERT INTO check_handlings (position, label) VALUES (?, ?)", (position, label)
                )
            after = load_handlings(conn)
            session.log(
                "check.handlings.set",
                LADDER_OBJECT,
                detail=("、".join(after) if ladder else "default") + f" ({len(after)})",
            )
        return after
