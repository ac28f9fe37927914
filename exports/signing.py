"""Sign an export: a PAdES baseline B-B *certification* signature that allows no changes.

Everything happens in memory: the signing key comes from the vault as PEM bytes and is
never written to a file, not even a temporary one. There is no time-stamp authority (the
machines are offline), so the signing time is the signer's own claim; the signature's
reason says so, so a reader of the PDF is not misled into thinking it is time-stamped.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pyhanko.keys import load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko_certvalidator.registry import SimpleCertificateStore

from exports.certificates import SigningIdentity, load_pem_certificate
from exports.errors import CertificateError, SigningError

DEFAULT_REASON = (
    "廉政档案导出 (离线签章,无时间戳) / dossier export, offline signature without timestamp"
)
"""Reason written into every signature unless the caller gives another."""

SIGNATURE_FIELD = "LianDangSignature"
"""Name of the (invisible) signature field."""


def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity,
    *,
    signer_name: str,
    reason: str = DEFAULT_REASON,
    location: str = "",
) -> bytes:
    """Certify ``pdf`` with ``identity``: PAdES B-B, SHA-256, DocMDP "no changes allowed".

    The signature's chain embeds the signing certificate and the unit root, so a verifier
    that pins the root needs nothing else.

    :param pdf: an unsigned PDF, e.g. from :func:`exports.dossier_pdf.render_dossier_pdf`.
    :param identity: the unit's signing identity.
    :param signer_name: the person signing, recorded as the signature's ``/Name``.
    :param reason: the signature's reason; the default states that there is no timestamp.
    :param location: where it was signed, e.g. the unit's city; omitted when empty.
    :return: the signed PDF (the input plus one incremental update).
    :raises SigningError: if the PDF cannot be read or signed, or the signing certificate
        is not valid now or does not match the key.
    """
    signer = _signer(identity)
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
        reason=reason or None,
        location=location or None,
        name=signer_name or None,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        output = signers.sign_pdf(writer, metadata, signer=signer, output=io.BytesIO())
    except (PdfError, PyHankoSigningError, ValueError, KeyError, TypeError) as exc:
        raise SigningError(
            "PDF 签章失败(文件无法读取或签章出错)", "could not sign the PDF"
        ) from exc
    signed: bytes = output.getvalue()
    return signed


def _signer(identity: SigningIdentity) -> signers.SimpleSigner:
    """An in-memory pyHanko signer for ``identity``, after checking key and certificate."""
    try:
        cert = load_pem_certificate(identity.signing_cert_pem)
        root = load_pem_certificate(identity.root_cert_pem)
    except CertificateError as exc:
        raise SigningError("签章证书无法读取", "the signing certificate is unreadable") from exc
    _check_usable_now(cert)
    try:
        private_key = serialization.load_pem_private_key(identity.signing_key_pem, None)
        key: asn1_keys.PrivateKeyInfo = load_private_key_from_pemder_data(
            identity.signing_key_pem, passphrase=None
        )
    except (ValueError, TypeError, UnsupportedAlgorithm):
        # "from None": the loader's own error is of no use to the user and is best kept
        # away from logs when the input is key material.
        raise SigningError("签章私钥无法读取", "the signing key is unreadable") from None
    if not isinstance(private_key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise SigningError("不支持的签章密钥类型", "unsupported signing key type")
    if private_key.public_key() != cert.public_key():
        raise SigningError("签章私钥与证书不匹配", "the signing key does not match the certificate")
    # The root goes into the CMS too, so the chain is complete for any verifier.
    chain = SimpleCertificateStore.from_certs([_to_asn1(root)])  # type: ignore[no-untyped-call]
    return signers.SimpleSigner(signing_cert=_to_asn1(cert), signing_key=key, cert_registry=chain)


def _to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _check_usable_now(cert: x509.Certificate) -> None:
    # pyHanko would happily sign with an expired certificate; the result would then fail
    # every verification, so refuse up front with a message the user can act on.
    now = datetime.now(UTC)
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise SigningError(
            "签章证书不在有效期内,请更新单位签章证书",
            "the signing certificate is not valid now; renew the unit's signing certificate",
        )
