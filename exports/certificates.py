"""A unit's signing identity: its root certificate and the certificate + key that sign.

Units without a CA of their own get a two-level hierarchy made here
(:func:`create_unit_identity`); units with one import a PKCS#12 bundle
(:func:`identity_from_pkcs12`). Either way the verifier pins the *root*, so the signing
certificate can be renewed without redistributing trust.

The extensions are chosen so that both pyHanko and poppler (NSS) accept the signature:
the signing certificate has KeyUsage digitalSignature + nonRepudiation (pyHanko requires
nonRepudiation by default) and no ExtendedKeyUsage (NSS checks signatures for the e-mail
signer usage, and an EKU list without emailProtection would make it refuse the certificate).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from exports.errors import CertificateError
from records.services.signing_identity import StoredIdentity

ROOT_KEY_BITS = 3072
SIGNING_KEY_BITS = 2048
ROOT_VALIDITY = timedelta(days=20 * 365 + 5)  # 20 years, leap days included
SIGNING_VALIDITY = timedelta(days=5 * 365 + 1)  # 5 years
# Certificates start a little in the past so a machine whose clock is slightly behind
# the one that issued them does not reject them as "not yet valid".
CLOCK_SKEW = timedelta(minutes=10)
# X.520 upper bound for commonName and organizationName.
_MAX_NAME_LENGTH = 64


@dataclass(frozen=True)
class SigningIdentity:
    """What a unit signs exports with.

    :param unit: the unit's name, as shown to users.
    :param root_cert_pem: the unit's root certificate; verifiers pin it.
    :param signing_cert_pem: the certificate that signs, issued directly by the root.
    :param signing_key_pem: the signing key, unencrypted PKCS#8 PEM. It only ever lives
        inside the encrypted vault and in memory; it is kept out of ``repr``.
    """

    unit: str
    root_cert_pem: bytes
    signing_cert_pem: bytes
    signing_key_pem: bytes = field(repr=False)


def identity_from_vault(stored: StoredIdentity) -> SigningIdentity:
    """The signing identity as the vault keeps it (PEM blobs in the encrypted database)."""
    return SigningIdentity(
        stored.unit, stored.root_cert_pem, stored.signing_cert_pem, stored.signing_key_pem
    )


def identity_for_vault(identity: SigningIdentity) -> StoredIdentity:
    """What the vault stores of ``identity`` (inside the encrypted database only)."""
    return StoredIdentity(
        identity.unit, identity.root_cert_pem, identity.signing_cert_pem, identity.signing_key_pem
    )


def create_unit_identity(unit: str, *, now: datetime | None = None) -> SigningIdentity:
    """Create a self-signed unit root CA (RSA-3072, 20 years) and a signing certificate
    (RSA-2048, 5 years) issued by it.

    :param unit: the unit's name; becomes the organisation and part of the common names.
    :param now: the issuing time (timezone-aware); the current time when omitted.
    :raises CertificateError: if the unit name is empty or too long for a certificate.
    """
    unit = unit.strip()
    root_cn = f"{unit} 廉政档案根证书"
    signing_cn = f"{unit} 廉政档案签章"
    if not unit or max(len(root_cn), len(signing_cn)) > _MAX_NAME_LENGTH:
        raise CertificateError(
            "单位名称为空或过长,无法生成证书",
            "the unit name is empty or too long for a certificate",
        )
    issued = (now or datetime.now(UTC)) - CLOCK_SKEW

    root_key = rsa.generate_private_key(public_exponent=65537, key_size=ROOT_KEY_BITS)
    root_name = _name(root_cn, unit)
    root_ski = x509.SubjectKeyIdentifier.from_public_key(root_key.public_key())
    root_cert = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(issued)
        .not_valid_after(issued + ROOT_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(root_ski, critical=False)
        .sign(root_key, hashes.SHA256())
    )

    signing_key = rsa.generate_private_key(public_exponent=65537, key_size=SIGNING_KEY_BITS)
    signing_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(signing_cn, unit))
        .issuer_name(root_name)
        .public_key(signing_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(issued)
        .not_valid_after(issued + SIGNING_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True, content_commitment=True), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(signing_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(root_ski),
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )
    return SigningIdentity(
        unit=unit,
        root_cert_pem=root_cert.public_bytes(serialization.Encoding.PEM),
        signing_cert_pem=signing_cert.public_bytes(serialization.Encoding.PEM),
        signing_key_pem=_pkcs8_pem(signing_key),
    )


def load_pem_certificate(data: bytes) -> x509.Certificate:
    """Parse one PEM certificate.

    :raises CertificateError: if ``data`` is not a PEM certificate.
    """
    try:
        return x509.load_pem_x509_certificate(data)
    except (ValueError, TypeError) as exc:
        raise CertificateError("无法读取证书(需要 PEM 格式)", "not a PEM certificate") from exc


def identity_from_pkcs12(data: bytes, password: bytes | None, unit: str) -> SigningIdentity:
    """Build an identity from a PKCS#12 bundle issued by a unit's own CA.

    The bundle must hold the key, its certificate and the issuing CA certificate, which
    becomes the pinned root ("the top of the chain"). Chains with intermediate CAs are
    refused: :class:`SigningIdentity` has no place for intermediates, and a signature
    whose chain cannot be completed would not verify elsewhere.

    :param data: the ``.p12`` / ``.pfx`` file.
    :param password: its password, ``None`` when it has none.
    :param unit: the unit's name.
    :raises CertificateError: wrong password or damaged file, no key or certificate, no
        chain, a chain that does not issue the certificate, or an unsupported key type.
    """
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise CertificateError(
            "无法打开 PKCS#12 文件(密码错误或文件损坏)",
            "cannot open the PKCS#12 file (wrong password or damaged file)",
        ) from exc
    if key is None or cert is None:
        raise CertificateError(
            "PKCS#12 文件中没有私钥或证书", "the PKCS#12 file holds no key or certificate"
        )
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise CertificateError("不支持的密钥类型(需要 RSA 或 ECDSA)", "unsupported key type")
    if key.public_key() != cert.public_key():
        raise CertificateError(
            "PKCS#12 文件中的私钥与证书不匹配", "the key does not match the certificate"
        )
    root = _issuer_in(cert, extra)
    return SigningIdentity(
        unit=unit.strip(),
        root_cert_pem=root.public_bytes(serialization.Encoding.PEM),
        signing_cert_pem=cert.public_bytes(serialization.Encoding.PEM),
        signing_key_pem=_pkcs8_pem(key),
    )


def _issuer_in(cert: x509.Certificate, candidates: Sequence[x509.Certificate]) -> x509.Certificate:
    """The certificate among ``candidates`` that issued ``cert``; it must be the top."""
    others = [c for c in candidates if c != cert]
    if not others:
        raise CertificateError(
            "PKCS#12 文件中没有根证书(证书链)", "the PKCS#12 file holds no CA chain"
        )
    for candidate in others:
        try:
            cert.verify_directly_issued_by(candidate)
        except (ValueError, TypeError, InvalidSignature):
            continue
        if candidate.subject != candidate.issuer and len(others) > 1:
            # The issuer is itself issued by something in the bundle: an intermediate.
            raise CertificateError(
                "暂不支持含中间证书的证书链", "chains with intermediate CAs are not supported"
            )
        return candidate
    raise CertificateError(
        "证书链中没有签发该证书的根证书", "no certificate in the chain issued the certificate"
    )


def _name(common_name: str, unit: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, unit[:_MAX_NAME_LENGTH]),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key_usage(
    *,
    digital_signature: bool = False,
    content_commitment: bool = False,
    key_cert_sign: bool = False,
    crl_sign: bool = False,
) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=content_commitment,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=crl_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _pkcs8_pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )
