"""The security auditor's view of the audit trail: filtered listing and full verification.

Reading the trail is itself audited (``audit.list``, ``audit.verify``); each call is one
transaction whose entry is written *after* the query, so a listing shows the trail as it
was when asked and a verification's entry records its verdict.

Order: :meth:`AuditService.list` returns the newest entries first, and ``limit`` keeps the
newest ones — an auditor usually asks "what happened lately" (exports print the same
selection oldest first, see :mod:`records.services.audit_export_grant`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from records import audit
from records.audit import AuditEntry, ChainHead, Outcome
from records.audit_head import HeadCheck
from records.errors import ValidationError
from records.roles import Action
from records.session import Session
from records.vault_state import RecordedHead

DEFAULT_LIMIT = 1000
MAX_LIMIT = 100_000
AUDIT_OBJECT = "audit_log"

_HEAD_PATTERN = re.compile(r"^\s*(?:审计链[::])?\s*(\d{1,12}):([0-9a-fA-F]{64})\s*$")


@dataclass(frozen=True)
class AuditQuery:
    """Filters of a listing or an export; ``None`` means "any".

    :param user: exact account name.
    :param action: exact action (``official.read``), or a prefix when it ends with ``.``
        (``official.`` matches every official action).
    :param obj: substring of the object (``official:7``, an account name, …).
    :param since: first day included (the local date the entry was written).
    :param until: last day included.
    :param limit: at most this many entries, the newest ones.
    """

    user: str | None = None
    action: str | None = None
    obj: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ValidationError(
                "limit", "条数上限", f"应在 1 到 {MAX_LIMIT} 之间", f"must be 1 to {MAX_LIMIT}"
            )
        if self.since and self.until and self.since > self.until:
            raise ValidationError(
                "since", "起始日期", "晚于截止日期", "is after the end date (--until)"
            )

    def describe(self) -> str:
        """The filters as one line, for the audit entry and the export's heading."""
        parts = [
            f"{name}={value}"
            for name, value in (
                ("user", self.user),
                ("action", self.action),
                ("object", self.obj),
                ("since", self.since),
                ("until", self.until),
            )
            if value
        ]
        return " ".join([*parts, f"limit={self.limit}"])


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def select_entries(session: Session, query: AuditQuery) -> list[AuditEntry]:
    """The entries matching ``query``, newest first (no permission check, no audit entry)."""
    where: list[str] = []
    params: list[object] = []
    if query.user:
        where.append("user_name = ?")
        params.append(query.user)
    if query.action:
        if query.action.endswith("."):
            where.append("action LIKE ? ESCAPE '\\'")
            params.append(_like_escape(query.action) + "%")
        else:
            where.append("action = ?")
            params.append(query.action)
    if query.obj:
        where.append("object LIKE ? ESCAPE '\\'")
        params.append("%" + _like_escape(query.obj) + "%")
    # Times are stored as ISO text with their own offset; the first ten characters are the
    # local date the entry was written, which is what an auditor means by "on that day"
    # (SQLite's date() would convert to UTC and move evening entries to the next day).
    if query.since:
        where.append("substr(at, 1, 10) >= ?")
        params.append(query.since.isoformat())
    if query.until:
        where.append("substr(at, 1, 10) <= ?")
        params.append(query.until.isoformat())
    sql = f"SELECT {audit.COLUMNS} FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(query.limit)
    return [audit.row_to_entry(row) for row in session.conn.execute(sql, params)]


def parse_head(text: str) -> ChainHead:
    """``SEQ:HASH`` as printed in an export's footer (``审计链:`` in front is accepted).

    :raises ValidationError: not of that form.
    """
    match = _HEAD_PATTERN.match(text)
    if match is None or int(match.group(1)) < 1:
        raise ValidationError(
            "--head",
            "审计链头",
            "格式应为 序号:64位十六进制哈希",
            "must be SEQ:HASH (a sequence number and 64 hex digits)",
        )
    return ChainHead(int(match.group(1)), match.group(2).lower())


# ---- verification ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditProblem:
    """One reason the trail fails verification.

    :param code: ``altered``, ``link_broken``, ``sequence``, ``hmac`` (from the chain walk),
        ``truncated`` or ``rewritten`` (against a recorded or exported head).
    :param seq: the entry at fault.
    """

    code: str
    seq: int
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


_CHAIN_REASONS: dict[str, tuple[str, str]] = {
    "entry content altered": ("altered", "条目内容被修改"),
    "previous-hash link broken": ("link_broken", "与前一条的哈希链接断裂(条目被删除、插入或调换)"),
    "sequence gap or reordering": ("sequence", "序号不连续或顺序被调换(条目被删除、插入或调换)"),
    "HMAC does not match": ("hmac", "HMAC 校验不符(条目不是用本库审计密钥写入的)"),
}

_RECORDED_NOTES: dict[str, tuple[str, str]] = {
    "absent": (
        "未记录链头(vault.state 缺失或损坏):末尾截断只能用导出文件中的链头核对",
        "no recorded head (vault.state missing or damaged): truncation at the end can only"
        " be checked against heads from exports",
    ),
    "not_authentic": (
        "vault.state 中记录的链头无效(被改动或来自其他档案库),已忽略",
        "the head recorded in vault.state is not authentic (edited or from another vault); ignored",
    ),
    "checked": ("", ""),
}


@dataclass(frozen=True)
class AuditVerification:
    """The chain walk plus the heads kept outside the database.

    :param entries: entries walked until the first failure (all of them when intact).
    :param head: the last entry that adds up.
    :param recorded_head: the head read from ``vault.state`` (authentic or not).
    :param checked_heads: heads from exports that were checked.
    :param note_zh: a remark that does not fail verification (e.g. no recorded head).
    """

    entries: int
    head: ChainHead
    recorded_head: RecordedHead | None
    recorded_status: str
    checked_heads: tuple[ChainHead, ...]
    problems: tuple[AuditProblem, ...]
    note_zh: str
    note_en: str

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_seq(self) -> int | None:
        return min((p.seq for p in self.problems), default=None)

    def summary_en(self) -> str:
        if self.ok:
            return f"intact: {self.entries} entries, head {self.head}"
        first = min(self.problems, key=lambda p: p.seq)
        return f"first bad entry {first.seq}: {first.en}"

    def summary_zh(self) -> str:
        if self.ok:
            return f"审计日志完整:共 {self.entries} 条,链头 {self.head}"
        first = min(self.problems, key=lambda p: p.seq)
        return f"审计日志校验失败:第一条有问题的是第 {first.seq} 条:{first.zh}"

    def to_json(self) -> dict[str, object]:
        recorded = self.recorded_head
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head": str(self.head),
            "first_bad_seq": self.first_bad_seq,
            "recorded_head": None if recorded is None else f"{recorded.seq}:{recorded.entry_hash}",
            "recorded_head_status": self.recorded_status,
            "checked_heads": [str(h) for h in self.checked_heads],
            "problems": [
                {"seq": p.seq, "code": p.code, "zh": p.zh, "en": p.en} for p in self.problems
            ],
            "note": {"zh": self.note_zh, "en": self.note_en} if self.note_en else None,
        }


def combine(
    chain: audit.ChainReport, heads: HeadCheck, expected: Sequence[ChainHead]
) -> AuditVerification:
    problems: list[AuditProblem] = []
    if chain.first_bad_seq is not None:
        code, zh = _CHAIN_REASONS.get(chain.reason, ("altered", chain.reason))
        seq = chain.first_bad_seq
        problems.append(
            AuditProblem(code, seq, f"第 {seq} 条:{zh}", f"entry {seq}: {chain.reason}")
        )
    problems += [AuditProblem(p.code, p.seq, p.zh, p.en) for p in heads.problems]
    note_zh, note_en = _RECORDED_NOTES[heads.recorded_status]
    return AuditVerification(
        entries=chain.entries,
        head=chain.head,
        recorded_head=heads.recorded,
        recorded_status=heads.recorded_status,
        checked_heads=tuple(dict.fromkeys(expected)),
        problems=tuple(sorted(problems, key=lambda p: p.seq)),
        note_zh=note_zh,
        note_en=note_en,
    )


def record_pdf_verification(
    session: Session, file_name: str, sha256: str, problem_codes: Sequence[str]
) -> None:
    """Log a signed-PDF verification made against this vault (``liandang verify`` with a
    vault): which file (name and SHA-256) and the verdict. Any role may check a file: it
    reads nothing from the vault.
    """
    verdict = "valid" if not problem_codes else "invalid: " + ",".join(problem_codes)
    with session.transaction():
        session.log(
            "verify",
            file_name,
            outcome=Outcome.FAILED if problem_codes else Outcome.OK,
            detail=f"{verdict}; sha256={sha256}",
        )


class AuditService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def query(self, query: AuditQuery) -> list[AuditEntry]:
        """:meth:`list` with the filters as one :class:`AuditQuery` (the CLI and GUI build one)."""
        session = self._session
        session.require(Action.AUDIT_LIST, AUDIT_OBJECT)
        with session.transaction():
            found = select_entries(session, query)
            session.log(Action.AUDIT_LIST, AUDIT_OBJECT, detail=query.describe())
        return found

    def verify(self, expected_heads: Sequence[ChainHead] = ()) -> AuditVerification:
        """Walk the chain and check the recorded head and ``expected_heads`` (from exports).

        The verification's own entry records the verdict (outcome ``failed`` when the trail
        does not verify); it is written after the check and is not part of it.

        :raises PermissionDeniedError: neither auditor nor security officer (refusal audited).
        """
        session = self._session
        session.require(Action.AUDIT_VERIFY, AUDIT_OBJECT)
        with session.transaction():
            result = combine(
                session.verify_audit_chain(),
                session.check_audit_heads(expected_heads),
                expected_heads,
            )
            session.log(
                Action.AUDIT_VERIFY,
                AUDIT_OBJECT,
                outcome=Outcome.OK if result.ok else Outcome.FAILED,
                detail=result.summary_en(),
            )
        return result

    def list(
        self,
        user: str | None = None,
        action: str | None = None,
        obj: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> list[AuditEntry]:
        """Entries matching the filters, newest first (see :class:`AuditQuery`).

        Last in the class: its name would shadow ``list`` in the annotations below it.

        :raises PermissionDeniedError: not the security auditor (refusal audited).
        :raises ValidationError: a bad limit or date range.
        """
        return self.query(AuditQuery(user, action, obj, since, until, limit))
