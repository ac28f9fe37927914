"""Schema migrations: a genuine version-1 vault opens with current code; newer ones are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from crypto.keyfile import KeyFile
from records import audit, migrations
from records.database import Connection, open_database
from records.errors import NewerVaultError, VaultCorruptError
from records.migrations import LATEST_VERSION, migrate, run_script, schema_version
from records.report_schema import load_schema
from records.search import OfficialQuery
from records.services.annual_reports import AnnualReportService
from records.services.officials import OfficialService
from records.vault import unlock_vault
from records.vault_layout import DB_FILE, KEY_FILE
from tests.records.support import (
    ADMIN,
    ID_MALE,
    NOW,
    PASSWORDS,
    fixed_clock,
    folder_bytes,
)

V1_CREATED = "2024-03-01T09:30:00+08:00"


def tables(conn: Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def build_version_1_vault(path: Path) -> None:
    """A vault as release 1 wrote it: schema 1 only, no audit trail, no audit key."""
    path.mkdir()
    keyfile, data_key = KeyFile.create(ADMIN, PASSWORDS[ADMIN], cost=FAST_COST)
    keyfile = keyfile.with_account("clerk1", PASSWORDS["clerk1"], cost=FAST_COST)
    keyfile = keyfile.with_seal(1, data_key, "clerk1")
    conn = open_database(path / DB_FILE, data_key, create=True)
    try:
        assert migrate(conn, target=1) == 0
        assert schema_version(conn) == 1
        assert "audit_log" not in tables(conn)
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO users (name, display_name, role, enabled, created_at) VALUES"
            " (?, '系统管理员', 'sysadmin', 1, ?), (?, '录入员甲', 'clerk', 1, ?)",
            (ADMIN, V1_CREATED, "clerk1", V1_CREATED),
        )
        conn.execute(
            "INSERT INTO officials (id, name, id_number, gender, birth_date, ethnicity, unit,"
            " position, rank, party_join_date, category, is_leading, created_at, created_by)"
            " VALUES (7, '欧阳明远', ?, '男', '1980-03-15', '汉族', '青山县财政局', '局长',"
            " '正科级', '2003-07-01', 1, 1, ?, 'clerk1')",
            (ID_MALE, V1_CREATED),
        )
        conn.execute(
            "INSERT INTO family_members (official_id, relation, name, birth_date)"
            " VALUES (7, '妻子', '林静', '1982-06-01')"
        )
        conn.execute(
            "INSERT INTO records (official_id, type, record_date, fields_json, source,"
            " disclosure, created_by, created_at) VALUES (7, 'major_matter', '2024-02-10', ?,"
            " 'self', 'internal', 'clerk1', ?)",
            (
                json.dumps({"title": "操办婚礼", "detail": "宴请八桌"}, ensure_ascii=False),
                V1_CREATED,
            ),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    keyfile.save(path / KEY_FILE)


def test_a_version_1_vault_opens_with_current_code(tmp_path: Path) -> None:
    path = tmp_path / "v1"
    build_version_1_vault(path)
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as session:
        conn = session.conn
        assert schema_version(conn) == LATEST_VERSION
        assert {"audit_log", "signing_identity"} <= tables(conn)
        key = audit.audit_key(conn)
        assert len(key) == 32

        officials = OfficialService(session)
        [listed] = officials.list()
        assert (listed.id, listed.name, listed.id_number) == (7, "欧阳明远", ID_MALE)
        dossier = officials.dossier(7)
        official = dossier.official
        assert official.gender == "男"
        assert str(official.birth_date) == "1980-03-15"
        assert str(official.party_join_date) == "2003-07-01"
        assert official.category == 1
        assert official.is_leading is True
        assert official.ethnicity == "汉族"
        assert [(m.relation, m.name) for m in dossier.family] == [("妻子", "林静")]
        [record] = dossier.records
        assert record.fields == {"title": "操办婚礼", "detail": "宴请八桌"}

        entries = audit.entries(conn)
        assert [(e.action, e.object, e.user_name, e.at) for e in entries] == [
            ("login", "clerk1", "clerk1", NOW),
            ("official.read", "official:7", "clerk1", NOW),
        ]
        report = session.verify_audit_chain()
        assert report.ok
        assert report.entries == 2
    # The migration is done once: the audit key survives the next unlock.
    with unlock_vault(path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock) as session:
        assert audit.audit_key(session.conn) == key
        assert schema_version(session.conn) == LATEST_VERSION
        assert session.verify_audit_chain().ok


def build_vault_before_change_notes(path: Path) -> None:
    """A vault as the release before 说明 wrote it: a change report without a note."""
    path.mkdir()
    before = migrations.MIGRATIONS.index(migrations._change_report_notes)  # its version - 1
    keyfile, data_key = KeyFile.create(ADMIN, PASSWORDS[ADMIN], cost=FAST_COST)
    keyfile = keyfile.with_account("clerk1", PASSWORDS["clerk1"], cost=FAST_COST)
    keyfile = keyfile.with_seal(1, data_key, "clerk1")
    conn = open_database(path / DB_FILE, data_key, create=True)
    try:
        migrate(conn, target=before)
        assert schema_version(conn) == before
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO users (id, name, display_name, enabled, created_at) VALUES"
            " (1, ?, '系统管理员', 1, ?), (2, 'clerk1', '录入员甲', 1, ?)",
            (ADMIN, V1_CREATED, V1_CREATED),
        )
        conn.execute("INSERT INTO user_roles VALUES (1, 'sysadmin'), (2, 'clerk')")
        conn.execute(
            "INSERT INTO officials (id, name, id_number, gender, birth_date, unit, position,"
            " rank, created_at, created_by) VALUES (7, '欧阳明远', ?, '男', '1980-03-15',"
            " '青山县财政局', '局长', '正科级', ?, 'clerk1')",
            (ID_MALE, V1_CREATED),
        )
        conn.execute(
            "INSERT INTO annual_reports (id, official_id, year, schema_version, status,"
            " submitted_date, created_by, created_at) VALUES (3, 7, 2024, '2017', 'submitted',"
            " '2025-01-20', 'clerk1', ?)",
            (V1_CREATED,),
        )
        for position, item in enumerate(load_schema("2017").items, start=1):
            conn.execute(
                "INSERT INTO report_items (report_id, item_code, position, nothing_to_report)"
                " VALUES (3, ?, ?, 1)",
                (item.code, position),
            )
        conn.execute(
            "INSERT INTO change_reports (id, official_id, report_id, item_code, change_date,"
            " reported_date, entries_json, created_by, created_at) VALUES (5, 7, 3,"
            " 'family_employment', '2025-03-01', '2025-03-20', ?, 'clerk1', ?)",
            (
                json.dumps(
                    [{"person": "欧阳小明", "relation": "子女", "employer": "青山县第一中学"}],
                    ensure_ascii=False,
                ),
                V1_CREATED,
            ),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    keyfile.save(path / KEY_FILE)


def test_a_change_report_from_before_notes_opens_and_can_be_withdrawn(tmp_path: Path) -> None:
    path = tmp_path / "before-notes"
    build_vault_before_change_notes(path)
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as session:
        assert schema_version(session.conn) == LATEST_VERSION
        service = AnnualReportService(session)
        [report] = service.for_official(7)
        answer = report.item("family_employment")
        assert answer is not None
        [change] = answer.changes
        assert (change.id, change.note, change.withdrawn) == (5, "", False)
        assert change.entries[0]["employer"] == "青山县第一中学"
        withdrawn = service.withdraw_change(5, "重复登记")
        assert (withdrawn.withdrawn, withdrawn.withdraw_reason, withdrawn.note) == (
            True,
            "重复登记",
            "",
        )
        added = service.add_change(
            7, "family_employment", "2026-11-01", "2026-11-10", change.entries, note="更正后重报"
        )
        assert added.note == "更正后重报"
        assert session.verify_audit_chain().ok


def build_vault_before_filter_indexes(path: Path, *, extra_records: tuple[str, ...] = ()) -> None:
    """A vault as the release before the filter indexes wrote it: clues open, closed and
    withdrawn, a sanction in its influence period and a talk past it, reports submitted
    and drafted; ``extra_records`` are more clue fields_json, stored as given."""
    path.mkdir()
    before = migrations.MIGRATIONS.index(migrations._filter_indexes)  # its version - 1
    keyfile, data_key = KeyFile.create(ADMIN, PASSWORDS[ADMIN], cost=FAST_COST)
    keyfile = keyfile.with_account("clerk1", PASSWORDS["clerk1"], cost=FAST_COST)
    keyfile = keyfile.with_seal(1, data_key, "clerk1")
    conn = open_database(path / DB_FILE, data_key, create=True)
    try:
        migrate(conn, target=before)
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO users (id, name, display_name, enabled, created_at) VALUES"
            " (1, ?, '系统管理员', 1, ?), (2, 'clerk1', '录入员甲', 1, ?)",
            (ADMIN, V1_CREATED, V1_CREATED),
        )
        conn.execute("INSERT INTO user_roles VALUES (1, 'sysadmin'), (2, 'clerk')")
        for official_id, name, category in ((7, "欧阳明远", 1), (8, "林静", 3), (9, "张三", 3)):
            conn.execute(
                "INSERT INTO officials (id, name, id_number, gender, birth_date, unit, position,"
                " rank, category, created_at, created_by) VALUES (?, ?, ?, '男', '1980-03-15',"
                " '青山县财政局', '科员', '正科级', ?, ?, 'clerk1')",
                (official_id, name, f"{ID_MALE[:-3]}{official_id:02d}X", category, V1_CREATED),
            )
        clue = {"summary": "反映", "custodian": "clerk1"}
        records = (
            (7, "clue", "2026-05-01", clue | {"status": "处置中"}),
            (8, "clue", "2026-05-01", clue | {"status": "已了结"}),
            (7, "sanction", "2026-03-01",
             {"system": "党纪处分", "kind": "警告", "decision_number": "青纪〔2026〕1号"}),
            (9, "talk", "2025-01-10", {"kind": "诫勉"}),
        )  # fmt: skip
        for official_id, type_code, day, fields in records:
            conn.execute(
                "INSERT INTO records (official_id, type, record_date, fields_json, source,"
                " disclosure, created_by, created_at) VALUES (?, ?, ?, ?, 'discipline',"
                " 'internal', 'clerk1', ?)",
                (official_id, type_code, day, json.dumps(fields, ensure_ascii=False), V1_CREATED),
            )
        conn.execute(
            "INSERT INTO records (official_id, type, record_date, fields_json, source,"
            " disclosure, created_by, created_at, withdrawn_at, withdrawn_by, withdraw_reason)"
            " VALUES (9, 'clue', '2026-05-01', ?, 'petition', 'secret', 'clerk1', ?, ?,"
            " 'clerk1', '录入错误')",
            ('{"summary": "反映", "custodian": "clerk1", "status": "待处置"}', V1_CREATED,
             V1_CREATED),
        )  # fmt: skip
        for fields_json in extra_records:
            conn.execute(
                "INSERT INTO records (official_id, type, record_date, fields_json, source,"
                " disclosure, created_by, created_at) VALUES (8, 'clue', '2026-05-01', ?,"
                " 'petition', 'secret', 'clerk1', ?)",
                (fields_json, V1_CREATED),
            )
        for official_id, status in ((7, "submitted"), (8, "draft")):
            conn.execute(
                "INSERT INTO annual_reports (official_id, year, schema_version, status,"
                " created_by, created_at) VALUES (?, 2025, '2017', ?, 'clerk1', ?)",
                (official_id, status, V1_CREATED),
            )
        conn.execute("COMMIT")
    finally:
        conn.close()
    keyfile.save(path / KEY_FILE)


FILTER_INDEXES = {
    "officials_by_name",
    "officials_by_unit",
    "records_clues",
    "records_influence",
    "annual_reports_year",
    "officials_ids",
}


def indexes(conn: Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}


def test_a_vault_from_before_the_filter_indexes_gets_them_and_filters_the_same(
    tmp_path: Path,
) -> None:
    path = tmp_path / "before-filter-indexes"
    build_vault_before_filter_indexes(path)
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as session:
        assert schema_version(session.conn) == LATEST_VERSION
        assert indexes(session.conn) >= FILTER_INDEXES
        service = OfficialService(session)

        def ids(**filters: object) -> list[int]:
            return [o.id for o in service.search(OfficialQuery(sort="unit", **filters))]  # type: ignore[arg-type]

        assert ids(has_open_clue=True) == [7]  # 8's is closed, 9's withdrawn
        assert ids(has_open_clue=False) == [8, 9]
        assert ids(in_influence_period=True) == [7]  # 9's 诫勉 ended 2025-07-10
        assert ids(annual_report_missing_year=2025) == [8, 9]  # 8's is a draft
        assert ids(category=3, annual_report_missing_year=2025, has_open_clue=False) == [8, 9]
        assert session.verify_audit_chain().ok


def test_a_malformed_record_does_not_stop_the_filter_indexes(tmp_path: Path) -> None:
    """No JSON function is in an index: rows are copied, never parsed, by this step."""
    path = tmp_path / "malformed"
    build_vault_before_filter_indexes(path, extra_records=("not json", "[1, 2]"))
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as session:
        assert schema_version(session.conn) == LATEST_VERSION
        assert indexes(session.conn) >= FILTER_INDEXES
        assert [o.id for o in OfficialService(session).search(OfficialQuery(category=1))] == [7]


def test_migrate_reports_the_previous_version(tmp_path: Path) -> None:
    _, data_key = KeyFile.create(ADMIN, PASSWORDS[ADMIN], cost=FAST_COST)
    conn = open_database(tmp_path / DB_FILE, data_key, create=True)
    try:
        assert schema_version(conn) == 0
        assert migrate(conn, target=1) == 0
        assert migrate(conn) == 1
        assert schema_version(conn) == LATEST_VERSION
        assert migrate(conn) == LATEST_VERSION  # nothing left to do
        assert conn.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_failing_step_leaves_the_previous_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_step(conn: Connection) -> None:
        run_script(conn, "CREATE TABLE half_done (x);\nCREATE TABLE also_half_done (y);\n")
        raise RuntimeError("step failed midway")

    _, data_key = KeyFile.create(ADMIN, PASSWORDS[ADMIN], cost=FAST_COST)
    conn = open_database(tmp_path / DB_FILE, data_key, create=True)
    try:
        migrate(conn)
        before = tables(conn)
        monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, broken_step))
        monkeypatch.setattr(migrations, "LATEST_VERSION", LATEST_VERSION + 1)
        with pytest.raises(RuntimeError, match="midway"):
            migrations.migrate(conn, target=LATEST_VERSION + 1)
        assert schema_version(conn) == LATEST_VERSION
        assert tables(conn) == before
    finally:
        conn.close()


def test_run_script_rejects_an_incomplete_statement(tmp_path: Path) -> None:
    _, data_key = KeyFile.create(ADMIN, PASSWORDS[ADMIN], cost=FAST_COST)
    conn = open_database(tmp_path / DB_FILE, data_key, create=True)
    try:
        with pytest.raises(ValueError, match="incomplete"):
            run_script(conn, "CREATE TABLE a (x);\nCREATE TABLE b (y\n")
    finally:
        conn.close()


def test_a_newer_vault_is_refused_and_left_alone(vault_path: Path) -> None:
    with unlock_vault(vault_path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock) as session:
        session.conn.execute("UPDATE schema_version SET version = ?", (LATEST_VERSION + 1,))
    before = folder_bytes(vault_path)
    with pytest.raises(NewerVaultError):
        unlock_vault(vault_path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock)
    assert folder_bytes(vault_path) == before


def test_a_missing_schema_version_row_is_corrupt(vault_path: Path) -> None:
    with unlock_vault(vault_path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock) as session:
        session.conn.execute("DELETE FROM schema_version")
    with pytest.raises(VaultCorruptError):
        unlock_vault(vault_path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock)
