"""The signing identity kept in the vault, and the audited export grant."""

from __future__ import annotations

import pytest

from records import audit
from records.errors import ConflictError, NotFoundError
from records.services.export_grants import dossier_export_grant
from records.services.signing_identity import (
    SigningIdentityService,
    StoredIdentity,
    load_identity_for_signing,
)
from records.services.users import UserService
from records.session import Session
from tests.records.support import (
    ADMIN,
    DUMMY_IDENTITY,
    PASSWORDS,
    Opener,
    audit_rows,
    business_snapshot,
)

OTHER = StoredIdentity("另一单位", b"ROOT-B", b"CERT-B", b"KEY-B")


def oid(session: Session) -> int:
    return int(session.conn.execute("SELECT min(id) FROM officials").fetchone()[0])


def test_install_then_export_the_root(open_vault: Opener) -> None:
    admin = open_vault(ADMIN)
    UserService(admin).add("sec1", "secadmin", PASSWORDS["sec1"])
    sec = open_vault("sec1")
    service = SigningIdentityService(sec)
    with pytest.raises(NotFoundError):
        service.root_certificate()
    service.install(DUMMY_IDENTITY)
    assert service.root_certificate() == DUMMY_IDENTITY.root_cert_pem
    assert load_identity_for_signing(sec) == DUMMY_IDENTITY
    actions = [(e.action, e.detail) for e in audit.entries(sec.conn)[-2:]]
    assert actions == [("cert.init", f"unit={DUMMY_IDENTITY.unit}"), ("cert.export", "")]
    assert repr(DUMMY_IDENTITY.signing_key_pem) not in repr(DUMMY_IDENTITY)  # kept out of logs


def test_installed_tells_which_unit_without_the_key_or_an_audit_entry(
    open_populated: Opener,
) -> None:
    sec = open_populated("sec1")
    service = SigningIdentityService(sec)
    installed = service.installed()
    assert installed is not None
    assert installed.unit == DUMMY_IDENTITY.unit
    trail = audit_rows(sec.conn)
    service.install(OTHER, replace=True)
    replaced = service.installed()
    assert replaced is not None
    assert (replaced.unit, replaced.created_by) == (OTHER.unit, "sec1")
    assert replaced.created_at.tzinfo is not None
    assert len(audit_rows(sec.conn)) == len(trail) + 1  # the install only, not the reads
    clerk = open_populated("clerk1")
    assert SigningIdentityService(clerk).installed() == replaced  # public: any role


def test_installed_is_none_before_cert_init(open_vault: Opener) -> None:
    assert SigningIdentityService(open_vault(ADMIN)).installed() is None


def test_a_second_install_needs_replace(open_populated: Opener) -> None:
    sec = open_populated("sec1")
    service = SigningIdentityService(sec)
    before, trail = business_snapshot(sec.conn), audit_rows(sec.conn)
    with pytest.raises(ConflictError):
        service.install(OTHER)
    assert business_snapshot(sec.conn) == before
    assert audit_rows(sec.conn) == trail
    service.install(OTHER, replace=True)
    assert load_identity_for_signing(sec) == OTHER


def test_export_grant_logs_inside_the_same_transaction(open_populated: Opener) -> None:
    vet = open_populated("vet1")
    head_before = vet.audit_head()
    with dossier_export_grant(vet, oid(vet)) as grant:
        assert grant.audit_head.seq == head_before.seq + 1
        assert grant.document_number == f"LD-20261122-{head_before.seq + 1:06d}"
        assert grant.exported_by == "vet1 (vet1)"
        assert [r.fields["title"] for r in grant.dossier.records] == ["操办婚礼"]
        assert [m.name for m in grant.dossier.family] == ["林静"]
    last = audit.entries(vet.conn)[-1]
    assert (last.action, last.detail, last.entry_hash) == (
        "dossier.export",
        f"{grant.document_number} profile=secret",
        grant.audit_head.entry_hash,
    )
    assert vet.audit_head() == grant.audit_head
    assert vet.verify_audit_chain().ok


def test_a_failed_export_leaves_no_audit_entry(open_populated: Opener) -> None:
    vet = open_populated("vet1")
    trail = audit_rows(vet.conn)
    with pytest.raises(RuntimeError), dossier_export_grant(vet, oid(vet)):
        raise RuntimeError("PDF could not be written")
    assert audit_rows(vet.conn) == trail


def test_export_needs_an_official_and_an_identity(open_populated: Opener) -> None:
    vet = open_populated("vet1")
    with pytest.raises(NotFoundError), dossier_export_grant(vet, 999):
        pass
    vet.conn.execute("DELETE FROM signing_identity")
    with pytest.raises(NotFoundError), dossier_export_grant(vet, oid(vet)):
        pass
