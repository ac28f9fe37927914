"""Unit signing identities: the generated hierarchy, PEM loading and PKCS#12 import."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from exports.certificates import (
    CLOCK_SKEW,
    SigningIdentity,
    create_unit_identity,
    identity_from_pkcs12,
    load_pem_certificate,
)
from exports.errors import CertificateError


def _cn(cert: x509.Certificate) -> str:
    return str(cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)


def test_root_is_a_ca(identity: SigningIdentity, unit: str) -> None:
    root = load_pem_certificate(identity.root_cert_pem)

    assert _cn(root) == f"{unit} 廉政档案根证书"
    assert root.subject == root.issuer
    assert root.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == unit
    assert root.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = root.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign and usage.crl_sign
    root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
    key = root.public_key()
    assert isinstance(key, rsa.RSAPublicKey) and key.key_size == 3072
    years = (root.not_valid_after_utc - root.not_valid_before_utc).days / 365
    assert 19.9 < years < 20.1


def test_signing_certificate_is_issued_by_the_root(identity: SigningIdentity, unit: str) -> None:
    root = load_pem_certificate(identity.root_cert_pem)
    cert = load_pem_certificate(identity.signing_cert_pem)

    cert.verify_directly_issued_by(root)
    assert _cn(cert) == f"{unit} 廉政档案签章"
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == ski.digest
    key = cert.public_key()
    assert isinstance(key, rsa.RSAPublicKey) and key.key_size == 2048
    assert cert.not_valid_before_utc < datetime.now(UTC)
    assert cert.not_valid_after_utc <= root.not_valid_after_utc


def test_key_is_unencrypted_pkcs8_and_kept_out_of_repr(identity: SigningIdentity) -> None:
    assert identity.signing_key_pem.startswith(b"-----BEGIN PRIVATE KEY-----")
    key = serialization.load_pem_private_key(identity.signing_key_pem, password=None)
    assert key.public_key() == load_pem_certificate(identity.signing_cert_pem).public_key()
    assert b"PRIVATE" not in repr(identity).encode()


def test_validity_starts_before_the_injected_time(expired_identity: SigningIdentity) -> None:
    cert = load_pem_certificate(expired_identity.signing_cert_pem)

    assert cert.not_valid_before_utc == datetime(2000, 1, 1, tzinfo=UTC) - CLOCK_SKEW


@pytest.mark.parametrize("unit", ["", "   ", "纪" * 60])
def test_unusable_unit_names_are_refused(unit: str) -> None:
    with pytest.raises(CertificateError):
        create_unit_identity(unit)


@pytest.mark.parametrize("data", [b"", b"garbage", b"-----BEGIN CERTIFICATE-----\nAAAA\n"])
def test_bad_pem_raises_certificate_error(data: bytes) -> None:
    with pytest.raises(CertificateError) as caught:
        load_pem_certificate(data)
    assert caught.value.zh and caught.value.en
    assert str(caught.value) == f"{caught.value.zh} / {caught.value.en}"


def _p12(identity: SigningIdentity, cas: list[x509.Certificate], password: bytes) -> bytes:
    key = serialization.load_pem_private_key(identity.signing_key_pem, password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return pkcs12.serialize_key_and_certificates(
        b"signing",
        key,
        load_pem_certificate(identity.signing_cert_pem),
        cas or None,
        serialization.BestAvailableEncryption(password),
    )


def test_pkcs12_round_trip(identity: SigningIdentity, unit: str) -> None:
    root = load_pem_certificate(identity.root_cert_pem)
    data = _p12(identity, [root], b"p12-pass")

    imported = identity_from_pkcs12(data, b"p12-pass", unit)

    assert imported == identity  # same certificates, and the key re-encoded identically


def test_pkcs12_with_a_wrong_password_is_refused(identity: SigningIdentity) -> None:
    data = _p12(identity, [load_pem_certificate(identity.root_cert_pem)], b"right")

    with pytest.raises(CertificateError):
        identity_from_pkcs12(data, b"wrong", "单位")


def test_pkcs12_without_a_chain_is_refused(identity: SigningIdentity) -> None:
    with pytest.raises(CertificateError, match="chain"):
        identity_from_pkcs12(_p12(identity, [], b"pw"), b"pw", "单位")


def test_pkcs12_whose_chain_did_not_issue_the_certificate_is_refused(
    identity: SigningIdentity, other_identity: SigningIdentity
) -> None:
    foreign_root = load_pem_certificate(other_identity.root_cert_pem)

    with pytest.raises(CertificateError):
        identity_from_pkcs12(_p12(identity, [foreign_root], b"pw"), b"pw", "单位")


def _ec_cert(
    subject: str, issuer: str, key: ec.EllipticCurvePrivateKey, signer: ec.EllipticCurvePrivateKey
) -> x509.Certificate:
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now.replace(year=now.year + 1))
        .sign(signer, hashes.SHA256())
    )


def test_pkcs12_with_an_intermediate_ca_is_refused() -> None:
    root_key, mid_key, leaf_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    root = _ec_cert("root", "root", root_key, root_key)
    mid = _ec_cert("mid", "root", mid_key, root_key)
    leaf = _ec_cert("leaf", "mid", leaf_key, mid_key)
    data = pkcs12.serialize_key_and_certificates(
        b"x", leaf_key, leaf, [mid, root], serialization.NoEncryption()
    )

    with pytest.raises(CertificateError, match="intermediate"):
        identity_from_pkcs12(data, None, "单位")
