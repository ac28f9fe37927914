"""Schema versions and the steps between them.

A migration is never edited once released: a new version appends a step. Each step runs in
the same transaction as the version bump, so a crash leaves the old or the new schema.
tests/records/test_migrations.py creates a version-1 vault and opens it with current code.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from records.database import Connection, complete_statement
from records.errors import NewerVaultError, VaultCorruptError

Migration = Callable[[Connection], None]


def run_script(conn: Connection, script: str) -> None:
    """Execute ``script`` statement by statement inside the caller's transaction.

    ``executescript`` is not used: it commits any open transaction first (seen with
    sqlcipher3 0.6.4), which would split a migration from its version bump.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError("incomplete SQL statement at end of script")


def _v1_base(conn: Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE officials (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            id_number TEXT NOT NULL UNIQUE,
            gender TEXT NOT NULL,
            birth_date TEXT NOT NULL,
            ethnicity TEXT NOT NULL DEFAULT '',
            native_place TEXT NOT NULL DEFAULT '',
            upbringing_place TEXT NOT NULL DEFAULT '',
            political_status TEXT NOT NULL DEFAULT '',
            party_join_date TEXT,
            education TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL,
            position TEXT NOT NULL,
            rank TEXT NOT NULL,
            appointed_date TEXT,
            management_level TEXT NOT NULL DEFAULT '',
            category INTEGER,
            is_leading INTEGER NOT NULL DEFAULT 0,
            is_reserve INTEGER NOT NULL DEFAULT 0,
            is_top_leader INTEGER NOT NULL DEFAULT 0,
            is_dual_role INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'serving',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        );
        CREATE INDEX officials_name ON officials(name);
        CREATE INDEX officials_unit ON officials(unit);
        CREATE TABLE family_members (
            id INTEGER PRIMARY KEY,
            official_id INTEGER NOT NULL REFERENCES officials(id),
            relation TEXT NOT NULL,
            name TEXT NOT NULL,
            birth_date TEXT,
            id_number TEXT NOT NULL DEFAULT '',
            employer TEXT NOT NULL DEFAULT '',
            post TEXT NOT NULL DEFAULT '',
            political_status TEXT NOT NULL DEFAULT '',
            abroad_status TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX family_members_official ON family_members(official_id);
        CREATE TABLE records (
            id INTEGER PRIMARY KEY,
            official_id INTEGER NOT NULL REFERENCES officials(id),
            type TEXT NOT NULL,
            record_date TEXT NOT NULL,
            fields_json TEXT NOT NULL,
            source TEXT NOT NULL,
            disclosure TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX records_official ON records(official_id, record_date);
        """,
    )


def _v2_audit_and_signing(conn: Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_name TEXT NOT NULL,
            role TEXT NOT NULL,
            action TEXT NOT NULL,
            object TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            entry_hash TEXT NOT NULL,
            mac TEXT NOT NULL
        );
        -- Append-only in SQL too; the hash chain and HMAC catch what these cannot.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TABLE signing_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            unit TEXT NOT NULL,
            root_cert_pem BLOB NOT NULL,
            signing_cert_pem BLOB NOT NULL,
            signing_key_pem BLOB NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        );
        """,
    )
    # The audit key is random, not derived from the data key, so it survives rotation.
    conn.execute(
        "INSERT OR IGNORE INTO vault_meta (key, value) VALUES ('audit_key', ?)", (os.urandom(32),)
    )


def _v3_roles_policy_relations(conn: Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE user_roles (
            user_id INTEGER NOT NULL REFERENCES users(id),
            role TEXT NOT NULL,
            PRIMARY KEY (user_id, role)
        );
        INSERT INTO user_roles (user_id, role) SELECT id, role FROM users;
        ALTER TABLE users DROP COLUMN role;
        CREATE TABLE security_policy (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE user_relations (
            user_id INTEGER NOT NULL REFERENCES users(id),
            official_id INTEGER NOT NULL REFERENCES officials(id),
            relation TEXT NOT NULL,
            declared_at TEXT NOT NULL,
            PRIMARY KEY (user_id, official_id)
        );
        """,
    )


def _v4_history_attachments_positions_search(conn: Connection) -> None:
    run_script(
        conn,
        """
        -- History, never deletion: the records row is the current version; every earlier
        -- version is kept in record_history. A withdrawal marks the row, with its reason.
        ALTER TABLE records ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE records ADD COLUMN updated_by TEXT;
        ALTER TABLE records ADD COLUMN updated_at TEXT;
        ALTER TABLE records ADD COLUMN withdrawn_at TEXT;
        ALTER TABLE records ADD COLUMN withdrawn_by TEXT;
        ALTER TABLE records ADD COLUMN withdraw_reason TEXT;
        CREATE INDEX records_type ON records(type, record_date);
        CREATE TABLE record_history (
            id INTEGER PRIMARY KEY,
            record_id INTEGER NOT NULL REFERENCES records(id),
            version INTEGER NOT NULL,
            record_date TEXT NOT NULL,
            fields_json TEXT NOT NULL,
            source TEXT NOT NULL,
            disclosure TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            UNIQUE (record_id, version)
        );
        -- Whistle-blower protection (004:89): the informant is kept apart from the clue and
        -- never printed in any export.
        CREATE TABLE clue_informants (
            record_id INTEGER PRIMARY KEY REFERENCES records(id),
            name TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        );
        -- Scans and photos as BLOBs: encrypted with the database, written transactionally.
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            official_id INTEGER NOT NULL REFERENCES officials(id),
            record_id INTEGER REFERENCES records(id),
            purpose TEXT NOT NULL DEFAULT 'scan',
            file_name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            withdrawn_at TEXT,
            withdrawn_by TEXT,
            withdraw_reason TEXT
        );
        CREATE INDEX attachments_owner ON attachments(official_id, record_id);
        ALTER TABLE officials ADD COLUMN photo_attachment_id INTEGER REFERENCES attachments(id);
        CREATE TABLE position_history (
            id INTEGER PRIMARY KEY,
            official_id INTEGER NOT NULL REFERENCES officials(id),
            unit TEXT NOT NULL,
            position TEXT NOT NULL,
            rank TEXT NOT NULL DEFAULT '',
            start_date TEXT NOT NULL,
            end_date TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX position_history_official ON position_history(official_id, start_date);
        -- Search as you type: pinyin columns (filled by the search module) and prefix indexes.
        ALTER TABLE officials ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT '';
        ALTER TABLE officials ADD COLUMN name_initials TEXT NOT NULL DEFAULT '';
        CREATE INDEX officials_pinyin ON officials(name_pinyin);
        CREATE INDEX officials_initials ON officials(name_initials);
        CREATE INDEX officials_id_number ON officials(id_number);
        """,
    )


def _v5_annual_reports(conn: Connection) -> None:
    run_script(
        conn,
        """
        -- 个人有关事项年度报告: one per official and year (the year whose matters it reports;
        -- due 1月31日 of the next year). The item schema is versioned data: a report keeps
        -- the version it was started with.
        CREATE TABLE annual_reports (
            id INTEGER PRIMARY KEY,
            official_id INTEGER NOT NULL REFERENCES officials(id),
            year INTEGER NOT NULL,
            schema_version TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
            submitted_date TEXT,
            prefilled_from INTEGER REFERENCES annual_reports(id),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_by TEXT,
            updated_at TEXT,
            UNIQUE (official_id, year)
        );
        -- One row per schema item; its sub-records (entries) as a JSON list. Unanswered =
        -- no entries and nothing_to_report = 0.
        CREATE TABLE report_items (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES annual_reports(id),
            item_code TEXT NOT NULL,
            position INTEGER NOT NULL,
            entries_json TEXT NOT NULL DEFAULT '[]',
            nothing_to_report INTEGER NOT NULL DEFAULT 0,
            UNIQUE (report_id, item_code)
        );
        -- 事项变化报告, attached to the item of the latest submitted report it changes.
        CREATE TABLE change_reports (
            id INTEGER PRIMARY KEY,
            official_id INTEGER NOT NULL REFERENCES officials(id),
            report_id INTEGER NOT NULL REFERENCES annual_reports(id),
            item_code TEXT NOT NULL,
            change_date TEXT NOT NULL,
            reported_date TEXT NOT NULL,
            entries_json TEXT NOT NULL DEFAULT '[]',
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            withdrawn_at TEXT,
            withdrawn_by TEXT,
            withdraw_reason TEXT
        );
        CREATE INDEX change_reports_official ON change_reports(official_id, change_date);
        CREATE INDEX change_reports_report ON change_reports(report_id, item_code);
        """,
    )


def _vetting_requests(conn: Connection) -> None:
    run_script(
        conn,
        """
        -- 党风廉政意见回复: a request (来函) and its candidates. State 草稿 → 审核中 → 已回复;
        -- the signed reply is kept with the request, each candidate's copy is a record.
        CREATE TABLE vetting_requests (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL,
            letter_date TEXT NOT NULL,
            requesting_unit TEXT NOT NULL,
            purpose TEXT NOT NULL,
            due_date TEXT,
            state TEXT NOT NULL DEFAULT 'draft'
                CHECK (state IN ('draft', 'reviewing', 'replied')),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            submitted_by TEXT,
            submitted_at TEXT,
            replied_by TEXT,
            replied_at TEXT,
            reply_document_number TEXT,
            reply_sha256 TEXT,
            reply_pdf BLOB,
            UNIQUE (requesting_unit, number)
        );
        CREATE TABLE vetting_candidates (
            request_id INTEGER NOT NULL REFERENCES vetting_requests(id),
            official_id INTEGER NOT NULL REFERENCES officials(id),
            position INTEGER NOT NULL,
            -- 干部档案必审 happens outside the vault: the officer attests it.
            file_reviewed_by TEXT,
            file_reviewed_at TEXT,
            file_review_note TEXT NOT NULL DEFAULT '',
            reply_record_id INTEGER REFERENCES records(id),
            PRIMARY KEY (request_id, official_id)
        );
        CREATE INDEX vetting_candidates_official ON vetting_candidates(official_id);
        -- Every decision ever taken (the latest counts), with the proposal it was taken on:
        -- an override without a justification cannot be stored, and none is ever changed.
        CREATE TABLE vetting_decisions (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL,
            official_id INTEGER NOT NULL,
            proposed_category INTEGER NOT NULL CHECK (proposed_category BETWEEN 1 AND 6),
            proposal_json TEXT NOT NULL,
            category INTEGER NOT NULL CHECK (category BETWEEN 1 AND 6),
            overridden INTEGER NOT NULL CHECK (overridden IN (0, 1)),
            justification TEXT NOT NULL DEFAULT '',
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            CHECK (overridden = 0 OR length(trim(justification)) > 0),
            FOREIGN KEY (request_id, official_id)
                REFERENCES vetting_candidates(request_id, official_id)
        );
        CREATE INDEX vetting_decisions_candidate ON vetting_decisions(request_id, official_id);
        CREATE TRIGGER vetting_decisions_no_update BEFORE UPDATE ON vetting_decisions
            BEGIN SELECT RAISE(ABORT, 'vetting decisions are append-only'); END;
        CREATE TRIGGER vetting_decisions_no_delete BEFORE DELETE ON vetting_decisions
            BEGIN SELECT RAISE(ABORT, 'vetting decisions are append-only'); END;
        """,
    )


def _checks_and_influence_rules(conn: Connection) -> None:
    run_script(
        conn,
        """
        -- 查核 (DOMAIN §3 #7): one check per official and report year, random or targeted.
        -- sample_seed: the seed of the random draw that created it (NULL: made by hand).
        CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            official_id INTEGER NOT NULL REFERENCES officials(id),
            report_id INTEGER NOT NULL REFERENCES annual_reports(id),
            year INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('random', 'targeted')),
            reason TEXT NOT NULL DEFAULT '',
            sample_seed TEXT,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
            opened_date TEXT NOT NULL,
            completed_date TEXT,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_by TEXT,
            updated_at TEXT,
            UNIQUE (official_id, year)
        );
        CREATE INDEX checks_year ON checks(year, kind);
        -- The verified facts of one item, the declared entries they were compared with and
        -- the finding: the evidence stays with the finding even if the report gains change
        -- reports later.
        CREATE TABLE check_items (
            id INTEGER PRIMARY KEY,
            check_id INTEGER NOT NULL REFERENCES checks(id),
            item_code TEXT NOT NULL,
            declared_json TEXT NOT NULL DEFAULT '[]',
            verified_json TEXT NOT NULL DEFAULT '[]',
            finding TEXT NOT NULL CHECK (finding IN ('一致', '漏报', '瞒报')),
            reason TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            UNIQUE (check_id, item_code)
        );
        -- Every handling decision ever taken (the latest counts); none is changed or removed.
        CREATE TABLE check_decisions (
            id INTEGER PRIMARY KEY,
            check_id INTEGER NOT NULL REFERENCES checks(id),
            handling_json TEXT NOT NULL,
            builtin_json TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            decided_date TEXT NOT NULL,
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL
        );
        CREATE INDEX check_decisions_check ON check_decisions(check_id, id);
        CREATE TRIGGER check_decisions_no_update BEFORE UPDATE ON check_decisions
            BEGIN SELECT RAISE(ABORT, 'check decisions are append-only'); END;
        CREATE TRIGGER check_decisions_no_delete BEFORE DELETE ON check_decisions
            BEGIN SELECT RAISE(ABORT, 'check decisions are append-only'); END;
        -- The security officer's handling ladder (empty: the built-in default list).
        CREATE TABLE check_handlings (
            position INTEGER PRIMARY KEY,
            label TEXT NOT NULL UNIQUE
        );
        -- The security officer's influence-period overrides (DOMAIN §4 [configurable]);
        -- a kind without a row keeps records/influence.py's default. months NULL: permanent.
        CREATE TABLE influence_rules (
            record_type TEXT NOT NULL,
            system TEXT NOT NULL,
            kind TEXT NOT NULL,
            months INTEGER CHECK (months IS NULL OR months >= 0),
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            PRIMARY KEY (record_type, system, kind)
        );
        """,
    )


def _change_report_notes(conn: Connection) -> None:
    run_script(
        conn,
        """
        -- 说明: what changed, in the filer's words (optional). A change report is withdrawn,
        -- never deleted: the withdrawal columns have been there since the table was made.
        ALTER TABLE change_reports ADD COLUMN note TEXT NOT NULL DEFAULT '';
        """,
    )


def _filter_indexes(conn: Connection) -> None:
    run_script(
        conn,
        """
        -- The official-list filters (docs/decisions/0021-filter-performance.md): indexes only,
        -- no data changes. Each holds what its query reads, so a filter reads no table row:
        -- the sort orders of the list with the basic-information filters (and the unit), so
        -- a walk in sort order tests them without reading the rows it passes ...
        CREATE INDEX officials_by_name ON officials(
            name_pinyin, id, category, rank, is_leading, is_reserve, is_top_leader,
            is_dual_role, unit
        );
        CREATE INDEX officials_by_unit ON officials(
            unit, id, category, rank, is_leading, is_reserve, is_top_leader, is_dual_role
        );
        -- ... the clues, whose status is read from fields_json (copied here: no JSON
        -- function in an index, so no stored row can make this step or a later write fail) ...
        CREATE INDEX records_clues ON records(type, withdrawn_at, official_id, fields_json)
            WHERE type = 'clue';
        -- ... the sanctions and talks that set influence periods, by date ...
        CREATE INDEX records_influence
            ON records(type, withdrawn_at, record_date, official_id, fields_json)
            WHERE type IN ('sanction', 'talk');
        -- ... who submitted the report on a year, and the ids alone in order (1 MB, not
        -- the table), merged with it to list the few who did not.
        CREATE INDEX annual_reports_year ON annual_reports(year, status, official_id);
        CREATE INDEX officials_ids ON officials(id);
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    _v1_base,
    _v2_audit_and_signing,
    _v3_roles_policy_relations,
    _v4_history_attachments_positions_search,
    _v5_annual_reports,
    _vetting_requests,
    _checks_and_influence_rules,
    _change_report_notes,
    _filter_indexes,
)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    if row is None:
        raise VaultCorruptError("缺少架构版本", "schema version missing")
    return int(row[0])


def migrate(conn: Connection, *, target: int = LATEST_VERSION) -> int:
    """Bring the schema to ``target``; return the version it had before.

    :raises NewerVaultError: the database is newer than this program.
    """
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise NewerVaultError()
    for version in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version == 1:
                conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                conn.execute("INSERT INTO schema_version VALUES (0)")
            MIGRATIONS[version - 1](conn)
            conn.execute("UPDATE schema_version SET version = ?", (version,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current
