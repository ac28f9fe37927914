"""登记记录 and 修改记录 as undoable steps (QUndoCommand), run on the vault worker.

"History, never deletion" decides what undo means:
- undoing 登记记录 withdraws the record with the reason 撤消登记(误录) (it stays in the
  dossier and its history); redoing it files the same content again as a new record;
- undoing 修改记录 edits the record back to its previous values, which is one more
  version (so the history shows the mistake and its correction); redoing re-applies;
- 撤销记录 (withdrawal) is *not* a step here: nothing can reinstate a withdrawn record.

A step only applies to the record as the step left it: each job first reads the record
and refuses (ConflictError) if it was changed or withdrawn since — by another step that
failed, or from the command line. The steps are done before they are pushed (the dialog
saved them), so the redo() that QUndoStack.push() calls does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from records.errors import ConflictError
from records.model import Disclosure, Record, Source
from records.services.dossier_records import RecordService
from records.session import Session
from ui.i18n import tr
from ui.record_columns import record_type_label

#: The reason stored when 登记记录 is undone (data, not a screen text: not translated).
UNDO_ADD_REASON_ZH = "撤消登记(误录)"

Job = Callable[[Session], Record]


@dataclass(frozen=True)
class RecordContent:
    """What a step sets: the record's date, source, disclosure and fields."""

    record_date: date
    source: Source
    disclosure: Disclosure
    fields: Mapping[str, object]

    @classmethod
    def of(cls, record: Record) -> RecordContent:
        return cls(record.record_date, record.source, record.disclosure, dict(record.fields))

    def matches(self, record: Record) -> bool:
        common = (record.record_date, record.source, record.disclosure)
        if common != (self.record_date, self.source, self.disclosure):
            return False
        # A reader who may not see the content cannot compare it; the service refuses
        # them the change anyway (need-to-know).
        return record.content_hidden or dict(record.fields) == dict(self.fields)


class RecordIds:
    """Which record stands for a step's record now.

    Redoing 登记记录 files the record again under a new id, and the steps above it (a
    修改记录 of that record) must follow. Only jobs read and write this, so only the vault
    worker's thread, one job at a time: a step submitted right after a re-add sees the
    new id when it runs, without waiting for the GUI thread to hear of it.
    """

    def __init__(self) -> None:
        self._now: dict[int, int] = {}

    def current(self, record_id: int) -> int:
        return self._now.get(record_id, record_id)

    def moved(self, record_id: int, new_id: int) -> None:
        self._now[record_id] = new_id


class StepRunner(Protocol):
    def run(self, job: Job, done_text: str) -> None:
        """Run ``job`` on the vault worker; say ``done_text`` when it has succeeded."""


def changed_since() -> ConflictError:
    return ConflictError(
        "该记录此后已被修改或撤销,不能撤消或重做这一步",
        "the record has changed since: this step cannot be undone or redone",
    )


def _current(service: RecordService, record_id: int, expected: RecordContent) -> Record:
    """The record, if it is still as ``expected`` (read as opening it would: audited)."""
    record = service.get(record_id)
    if record.withdrawn or not expected.matches(record):
        raise changed_since()
    return record


class RecordCommand(QUndoCommand):
    """Base of the steps. Jobs capture plain values, never the command: the stack may
    delete a command (clear()) while its job is still queued."""

    def __init__(self, runner: StepRunner, ids: RecordIds, text: str) -> None:
        super().__init__(text)
        self._runner = runner
        self._ids = ids
        self._pushed = False

    def undo_job(self) -> Job:
        raise NotImplementedError

    def redo_job(self) -> Job:
        raise NotImplementedError

    def undo(self) -> None:
        self._runner.run(self.undo_job(), tr("已撤消:") + self.text())

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # push() calls redo(); the dialog has already saved
            return
        self._runner.run(self.redo_job(), tr("已重做:") + self.text())


class AddRecordCommand(RecordCommand):
    def __init__(self, runner: StepRunner, ids: RecordIds, record: Record) -> None:
        text = tr("登记记录「{type}」").format(type=record_type_label(record))
        super().__init__(runner, ids, text)
        self.record_id = record.id
        self._official_id = record.official_id
        self._type = record.type
        self._content = RecordContent.of(record)

    def undo_job(self) -> Job:
        ids, record_id, content = self._ids, self.record_id, self._content

        def withdraw(session: Session) -> Record:
            service = RecordService(session)
            now = ids.current(record_id)
            _current(service, now, content)
            return service.withdraw(now, UNDO_ADD_REASON_ZH)

        return withdraw

    def redo_job(self) -> Job:
        ids, record_id, content = self._ids, self.record_id, self._content
        official_id, type_code = self._official_id, self._type

        def add_again(session: Session) -> Record:
            record = RecordService(session).add(
                official_id,
                type_code,
                content.record_date,
                dict(content.fields),
                source=content.source.value,
                disclosure=content.disclosure.value,
            )
            ids.moved(record_id, record.id)
            return record

        return add_again


class EditRecordCommand(RecordCommand):
    def __init__(self, runner: StepRunner, ids: RecordIds, before: Record, after: Record) -> None:
        text = tr("修改记录「{type}」").format(type=record_type_label(after))
        super().__init__(runner, ids, text)
        self.record_id = after.id
        self._before = RecordContent.of(before)
        self._after = RecordContent.of(after)

    def undo_job(self) -> Job:
        return _set_content(self._ids, self.record_id, expected=self._after, target=self._before)

    def redo_job(self) -> Job:
        return _set_content(self._ids, self.record_id, expected=self._before, target=self._after)


def _set_content(
    ids: RecordIds, record_id: int, *, expected: RecordContent, target: RecordContent
) -> Job:
    def edit(session: Session) -> Record:
        service = RecordService(session)
        now = ids.current(record_id)
        current = _current(service, now, expected)
        # edit() merges over the current fields: blank each one the target does not have.
        fields = {name: "" for name in current.fields} | dict(target.fields)
        return service.edit(
            now,
            fields=fields,
            record_date=target.record_date,
            source=target.source.value,
            disclosure=target.disclosure.value,
        )

    return edit
