"""Strict verification of a signed export, used by the command line and the GUI alike.

A file passes only if all of these hold (ARCHITECTURE §6):

- it holds exactly one signature, and that signature certifies the document with DocMDP
  "no changes allowed";
- the signature is cryptographically intact;
- the signer's chain ends in one of the pinned unit roots (offline: nothing is fetched);
- the signer's certificate was valid at the (self-reported) signing time;
- the signature covers every byte of the file: ``/ByteRange`` is ``[0 a b c]``, the gap
  ``a..b`` is exactly the ``/Contents`` hex string, and ``b + c`` is the file length.

The last rule is checked here, byte by byte, because neither tool does it fully: pyHanko's
validator accepts bytes appended after ``%%EOF``, and poppler's ``pdfsig`` reports an
incremental update (a forged edit appended after signing) as a valid signature.
"""

from __future__ import annotations

import binascii
import io
import logging
import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import MDPPerm, enumerate_sig_fields
from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from exports.certificates import load_pem_certificate
from exports.errors import NotAPdfError

MAX_PDF_BYTES = 200 * 1024 * 1024
"""Larger inputs are refused before parsing; a dossier export is well under 10 MB."""

_HEX_DIGITS = frozenset(string.hexdigits.encode())

# pyHanko logs every untrusted chain as a WARNING with a full traceback. With no logging
# configured, Python's last-resort handler prints that to stderr, which in the command
# line looks like a crash. A NullHandler (the standard setup for library loggers) stops
# that, while an application that configures logging still receives the records.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Problem:
    """One reason a file fails verification.

    :param code: stable machine-readable code (see :data:`PROBLEMS`).
    :param zh: one-line explanation in Chinese.
    :param en: the same in English.
    """

    code: str
    zh: str
    en: str


def _problem_table(*rows: tuple[str, str, str]) -> dict[str, Problem]:
    return {code: Problem(code, zh, en) for code, zh, en in rows}


PROBLEMS: dict[str, Problem] = _problem_table(
    ("no_signature", "文件没有数字签章", "the file has no signature"),
    ("several_signatures", "文件含有多个签章", "the file holds more than one signature"),
    (
        "not_certification",
        "签章不是文档认证(DocMDP)签章",
        "the signature is not a certification (DocMDP) signature",
    ),
    (
        "changes_allowed",
        "认证签章允许修改文档(应为禁止任何修改)",
        "the certification allows changes (expected: no changes allowed)",
    ),
    (
        "not_covering_whole_file",
        "签章未覆盖整个文件(签章后有追加内容或增量更新)",
        "the signature does not cover the whole file (data appended or updated after signing)",
    ),
    ("modified", "签章校验失败:文件内容已被修改", "the signature does not match: file modified"),
    ("malformed_signature", "签章数据损坏,无法校验", "the signature data is damaged"),
    (
        "untrusted",
        "签章证书不是由受信任的单位根证书签发",
        "the signing certificate does not chain to a trusted unit root",
    ),
    ("no_signing_time", "签章中没有签章时间", "the signature has no signing time"),
    (
        "cert_not_valid_at_signing_time",
        "签章时证书不在有效期内",
        "the signing certificate was not valid at signing time",
    ),
    (
        "validation_failed",
        "签章未通过校验",
        "the signature failed validation",
    ),
)


@dataclass(frozen=True)
class VerificationResult:
    """Outcome of :func:`verify_pdf`.

    :param intact: the signed bytes match the signature.
    :param covers_whole_file: the signature covers every byte of the file.
    :param trusted: the signer chains to a pinned root.
    :param certification: the signature is the document's DocMDP certification.
    :param signer: the signing certificate's common name, ``""`` if there is none.
    :param signing_time: the signer's own claim of when it signed (no timestamp authority
        vouches for it), ``None`` if absent.
    :param problems: every rule that failed; empty when the file passes.
    """

    intact: bool
    covers_whole_file: bool
    trusted: bool
    certification: bool
    signer: str
    signing_time: datetime | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """``True`` when no rule failed."""
        return not self.problems

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict, e.g. for ``liandang verify --json``."""
        return {
            "ok": self.ok,
            "intact": self.intact,
            "covers_whole_file": self.covers_whole_file,
            "trusted": self.trusted,
            "certification": self.certification,
            "signer": self.signer,
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
            "problems": [{"code": p.code, "zh": p.zh, "en": p.en} for p in self.problems],
        }


def verify_pdf(data: bytes, trusted_roots_pem: Sequence[bytes]) -> VerificationResult:
    """Verify a signed export strictly (see the module documentation for the rules).

    :param data: the whole file.
    :param trusted_roots_pem: the pinned unit root certificates (PEM). With none, no
        signature can be trusted; the operating system's store is never consulted.
    :return: the result; a PDF without a signature gives the problem ``no_signature``.
    :raises NotAPdfError: the data is too large, has no ``%PDF-`` header, or cannot be
        parsed as a PDF.
    :raises CertificateError: a pinned root is not a PEM certificate.
    """
    if len(data) > MAX_PDF_BYTES:
        raise NotAPdfError(
            f"文件过大(超过 {MAX_PDF_BYTES // (1024 * 1024)} MB),拒绝校验",
            f"file too large (over {MAX_PDF_BYTES // (1024 * 1024)} MB); not verified",
        )
    if not data.startswith(b"%PDF-"):
        raise NotAPdfError("不是 PDF 文件(缺少 %PDF- 文件头)", "not a PDF file (no %PDF- header)")
    roots = [_to_asn1(pem) for pem in trusted_roots_pem]
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=True)
        signature_count = sum(1 for _ in enumerate_sig_fields(reader, filled_status=True))
    except Exception as exc:
        # The parser meets attacker-controlled bytes and fails with many exception types
        # (PdfReadError, KeyError, ValueError, ...); all of them mean "unreadable PDF".
        raise NotAPdfError("PDF 文件已损坏或无法解析", "damaged or unparsable PDF") from exc
    if signature_count == 0:
        return _failed("no_signature")
    try:
        embedded: list[EmbeddedPdfSignature] = list(reader.embedded_signatures)
    except Exception:
        # Same boundary as above: a damaged signature dictionary or CMS blob.
        return _failed("malformed_signature")
    if not embedded:
        # Signature fields exist, but none pyHanko can read (e.g. an unknown SubFilter).
        return _failed("malformed_signature")
    return _verify_signature(data, reader, embedded[0], signature_count, roots)


def _verify_signature(
    data: bytes,
    reader: PdfFileReader,
    signature: EmbeddedPdfSignature,
    signature_count: int,
    roots: list[asn1_x509.Certificate],
) -> VerificationResult:
    problems: list[str] = []
    if signature_count > 1:
        problems.append("several_signatures")

    covers = covers_whole_file(data, signature)
    if not covers:
        problems.append("not_covering_whole_file")

    certification, no_changes = _certification(reader, signature)
    if not certification:
        problems.append("not_certification")
    elif not no_changes:
        problems.append("changes_allowed")

    signer = ""
    signing_time: datetime | None = None
    intact = trusted = False
    try:
        signer = _common_name(signature.signer_cert)
        signing_time = _aware(signature.self_reported_timestamp)
        context = ValidationContext(
            trust_roots=roots,
            allow_fetching=False,  # offline by design; also keeps verification fast
            revocation_mode="soft-fail",  # unit CAs publish no CRL/OCSP
            # Judge the chain as of the signing time: an export stays valid after its
            # signing certificate expires, as long as it was signed while it was valid.
            moment=signing_time,
        )
        status = validate_pdf_signature(signature, signer_validation_context=context)
    except Exception:
        # pyHanko raises on damaged CMS data, unsupported algorithms and the like.
        problems.append("malformed_signature")
    else:
        intact = bool(status.intact and status.valid)
        trusted = bool(status.trusted)
        if not intact:
            problems.append("modified")
        elif not trusted:
            problems.append("untrusted")
        if signing_time is None:
            problems.append("no_signing_time")
        elif not _valid_at(signature.signer_cert, signing_time):
            problems.append("cert_not_valid_at_signing_time")
        if not problems and not status.bottom_line:
            # Anything pyHanko rejects that none of our rules named (e.g. seed values).
            problems.append("validation_failed")

    return VerificationResult(
        intact=intact,
        covers_whole_file=covers,
        trusted=trusted,
        certification=certification,
        signer=signer,
        signing_time=signing_time,
        problems=tuple(PROBLEMS[code] for code in dict.fromkeys(problems)),
    )


def covers_whole_file(data: bytes, signature: EmbeddedPdfSignature) -> bool:
    """Whether ``signature`` covers every byte of ``data``.

    ``/ByteRange`` must be ``[0 a b c]`` with ``data[a:b]`` exactly ``<hex>`` of the
    signature's ``/Contents`` and ``b + c == len(data)``: no byte outside the signed
    ranges except the signature itself, and nothing after them.
    """
    byte_range: Any = signature.byte_range
    try:
        start, first_len, second_start, second_len = (int(v) for v in byte_range)
    except (TypeError, ValueError):
        return False
    if start != 0 or not 0 < first_len < second_start <= len(data) or second_len < 0:
        return False
    if second_start + second_len != len(data):
        return False
    gap = data[first_len:second_start]
    if len(gap) < 2 or gap[:1] != b"<" or gap[-1:] != b">":
        return False
    hex_digits = gap[1:-1]
    if len(hex_digits) % 2 or not set(hex_digits) <= _HEX_DIGITS:
        return False
    # The gap must be the very /Contents pyHanko checked, not some other hex string.
    return binascii.unhexlify(hex_digits) == signature.pkcs7_content


def _certification(reader: PdfFileReader, signature: EmbeddedPdfSignature) -> tuple[bool, bool]:
    """(is the document's certification signature, with "no changes allowed")."""
    try:
        perms = reader.root["/Perms"]
        certifying_ref = perms.raw_get("/DocMDP").reference
        signature_ref = signature.sig_field.raw_get("/V").reference
    except (KeyError, AttributeError, TypeError):
        return False, False
    level = signature.docmdp_level
    if certifying_ref != signature_ref or level is None:
        return False, False
    return True, level == MDPPerm.NO_CHANGES


def _failed(code: str) -> VerificationResult:
    return VerificationResult(
        intact=False,
        covers_whole_file=False,
        trusted=False,
        certification=False,
        signer="",
        signing_time=None,
        problems=(PROBLEMS[code],),
    )


def _to_asn1(pem: bytes) -> asn1_x509.Certificate:
    cert = load_pem_certificate(pem)  # CertificateError on garbage
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _common_name(cert: asn1_x509.Certificate) -> str:
    value = cert.subject.native.get("common_name", "")
    if isinstance(value, list):  # several CN attributes: show them all
        return " / ".join(str(v) for v in value)
    return str(value)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        # A PDF date without an offset; read it as UTC rather than as local time.
        return moment.replace(tzinfo=UTC)
    return moment


def _valid_at(cert: asn1_x509.Certificate, moment: datetime) -> bool:
    validity = cert["tbs_certificate"]["validity"]
    not_before: datetime = validity["not_before"].native
    not_after: datetime = validity["not_after"].native
    return not_before <= moment <= not_after
