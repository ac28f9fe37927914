"""Loading one record for a service, with the checks every per-record action needs.

Order matters: the role check (done by the caller) comes first, then existence, then
recusal, then need-to-know — so a refused role learns nothing, not even whether the record
exists.
"""

from __future__ import annotations

from records import audit
from records.errors import LianDangError, NotFoundError, PermissionDeniedError
from records.model import Record
from records.need_to_know import may_read_content
from records.roles import ACTION_LABELS_ZH, Action
from records.rows import RECORD_COLUMNS, record_from_row
from records.session import Session


class NotCustodianError(PermissionDeniedError):
    """A clue's content (and what derives from it) is for its custodian and vetting only."""

    def __init__(self, action: Action) -> None:
        LianDangError.__init__(
            self,
            f"权限不足:问题线索仅承办人和审核员可以{ACTION_LABELS_ZH[action]}",
            f"permission denied: only the clue's custodian or a vetting officer may {action}",
        )


def record_object(record_id: int) -> str:
    return f"record:{record_id}"


def load_record(session: Session, record_id: int, action: Action) -> Record:
    """The stored (unmasked) record, after the recusal check for its dossier.

    :raises NotFoundError:
    :raises RecusalError:
    """
    row = session.conn.execute(
        f"SELECT {RECORD_COLUMNS} FROM records WHERE id = ?", (record_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError("记录", "record", record_id)
    record = record_from_row(row)
    session.require_not_recused(record.official_id, action)
    return record


def require_content_access(session: Session, record: Record, action: Action) -> None:
    """Refuse (and audit) ``action`` on a record whose content the user may not read.

    :raises NotCustodianError:
    """
    if may_read_content(record, session.user):
        return
    with session.transaction():
        session.log(
            action,
            record_object(record.id),
            outcome=audit.Outcome.REFUSED,
            detail="need-to-know: not the custodian",
        )
    raise NotCustodianError(action)
