"""Signing an export and verifying it strictly, including the attacks the rules exist for."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import read_certification_data
from pyhanko_certvalidator.registry import SimpleCertificateStore

from exports import verify
from exports.certificates import SigningIdentity
from exports.dossier_pdf import render_dossier_pdf
from exports.errors import NotAPdfError, SigningError
from exports.signing import DEFAULT_REASON, sign_pdf
from exports.stamp import ExportStamp
from exports.verify import VerificationResult, verify_pdf
from records.model import Dossier


def _codes(result: VerificationResult) -> set[str]:
    return {p.code for p in result.problems}


def _flip(data: bytes, index: int) -> bytes:
    changed = bytearray(data)
    changed[index] ^= 0x01
    return bytes(changed)


def _byte_range(data: bytes) -> list[int]:
    signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    return [int(v) for v in signature.byte_range]


def _pyhanko_signer(identity: SigningIdentity) -> signers.SimpleSigner:
    """A signer built with pyHanko alone, to make signatures our code would never make."""
    (root,) = load_certs_from_pemder_data(identity.root_cert_pem)
    (cert,) = load_certs_from_pemder_data(identity.signing_cert_pem)
    return signers.SimpleSigner(
        signing_cert=cert,
        signing_key=load_private_key_from_pemder_data(identity.signing_key_pem, None),
        cert_registry=SimpleCertificateStore.from_certs([root]),  # type: ignore[no-untyped-call]
    )


def _pyhanko_sign(
    pdf: bytes,
    identity: SigningIdentity,
    *,
    field: str,
    certify: bool,
    docmdp: fields.MDPPerm = fields.MDPPerm.FILL_FORMS,
) -> bytes:
    meta = signers.PdfSignatureMetadata(
        field_name=field,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=certify,
        docmdp_permissions=docmdp,
    )
    out = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=_pyhanko_signer(identity)
    )
    return bytes(out.getvalue())


# --- the good case ------------------------------------------------------------------------


def test_signed_export_verifies_with_the_units_root(
    signed_pdf: bytes, identity: SigningIdentity, unit: str
) -> None:
    result = verify_pdf(signed_pdf, [identity.root_cert_pem])

    assert result.ok, result.problems
    assert result.intact and result.trusted and result.certification
    assert result.covers_whole_file
    assert result.signer == f"{unit} 廉政档案签章"
    assert result.signing_time is not None
    assert abs(result.signing_time - datetime.now(UTC)) < timedelta(minutes=10)
    as_json = result.to_json()
    assert as_json["ok"] is True and as_json["problems"] == []
    json.dumps(as_json, ensure_ascii=False)


def test_signature_is_a_no_changes_certification_with_the_offline_reason(
    signed_pdf: bytes,
) -> None:
    reader = PdfFileReader(io.BytesIO(signed_pdf))
    certification = read_certification_data(reader)

    assert certification is not None
    assert certification.permission == fields.MDPPerm.NO_CHANGES
    signature = reader.embedded_signatures[0].sig_object
    assert signature["/Reason"] == DEFAULT_REASON
    assert "无时间戳" in DEFAULT_REASON and "without timestamp" in DEFAULT_REASON
    assert signature["/SubFilter"] == "/ETSI.CAdES.detached"
    byte_range = _byte_range(signed_pdf)
    assert byte_range[0] == 0 and byte_range[2] + byte_range[3] == len(signed_pdf)


def test_one_trusted_root_among_several_is_enough(
    signed_pdf: bytes, identity: SigningIdentity, other_identity: SigningIdentity
) -> None:
    roots = [other_identity.root_cert_pem, identity.root_cert_pem]

    assert verify_pdf(signed_pdf, roots).ok


# --- trust --------------------------------------------------------------------------------


def test_another_units_root_is_untrusted(
    signed_pdf: bytes, other_identity: SigningIdentity
) -> None:
    result = verify_pdf(signed_pdf, [other_identity.root_cert_pem])

    assert not result.ok
    assert _codes(result) == {"untrusted"}
    assert result.intact and not result.trusted


def test_no_pinned_roots_trusts_nothing(signed_pdf: bytes) -> None:
    # An empty list must not fall back to the operating system's trust store.
    assert _codes(verify_pdf(signed_pdf, [])) == {"untrusted"}


# --- tampering ----------------------------------------------------------------------------


def test_a_flipped_byte_in_the_signed_content_is_detected(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    _, first_len, _, _ = _byte_range(signed_pdf)

    result = verify_pdf(_flip(signed_pdf, first_len // 2), [identity.root_cert_pem])

    assert not result.ok
    assert "modified" in _codes(result)
    assert not result.intact


def test_a_flipped_byte_in_the_middle_of_the_file_is_detected(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    try:
        result = verify_pdf(_flip(signed_pdf, len(signed_pdf) // 2), [identity.root_cert_pem])
    except NotAPdfError:
        return  # also acceptable: refused as unreadable
    assert not result.ok


def test_a_damaged_signature_value_is_detected(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    _, first_len, second_start, _ = _byte_range(signed_pdf)
    # A hex digit inside the DER of the signature (not in the zero padding at its end).
    index = first_len + 1 + (second_start - first_len) // 4
    damaged = bytearray(signed_pdf)
    damaged[index] = ord("0") if damaged[index] != ord("0") else ord("1")

    result = verify_pdf(bytes(damaged), [identity.root_cert_pem])

    assert not result.ok
    assert _codes(result) & {"modified", "malformed_signature"}


@pytest.mark.parametrize("keep", [0.99, 0.9, 0.5, 0.1])
def test_a_truncated_file_never_passes(
    signed_pdf: bytes, identity: SigningIdentity, keep: float
) -> None:
    truncated = signed_pdf[: int(len(signed_pdf) * keep)]
    try:
        result = verify_pdf(truncated, [identity.root_cert_pem])
    except NotAPdfError:
        return
    assert not result.ok


def test_bytes_appended_after_eof_fail_coverage(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    result = verify_pdf(signed_pdf + b"\n% appended\n", [identity.root_cert_pem])

    assert not result.ok
    assert "not_covering_whole_file" in _codes(result)
    assert result.intact and result.trusted  # the signed part itself is fine


def _add_red_box(signed: bytes) -> bytes:
    """An incremental update drawing over page 1: a forged edit after signing."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    box = writer.add_object(generic.StreamObject(stream_data=b"q 1 0 0 rg 100 600 300 80 re f Q"))
    writer.add_stream_to_page(0, box)  # type: ignore[no-untyped-call]
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def _set_language(signed: bytes) -> bytes:
    """An incremental update changing only the document catalogue."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.root["/Lang"] = generic.pdf_string("en")
    writer.update_root()  # type: ignore[no-untyped-call]
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


@pytest.mark.parametrize("update", [_add_red_box, _set_language])
def test_an_incremental_update_after_signing_fails(
    signed_pdf: bytes, identity: SigningIdentity, update: Callable[[bytes], bytes]
) -> None:
    updated = update(signed_pdf)
    assert updated.startswith(signed_pdf)

    result = verify_pdf(updated, [identity.root_cert_pem])

    assert not result.ok
    assert "not_covering_whole_file" in _codes(result)


def test_a_certification_allowing_changes_fails(
    dossier: Dossier, stamp: ExportStamp, identity: SigningIdentity
) -> None:
    lenient = _pyhanko_sign(
        render_dossier_pdf(dossier, stamp), identity, field="Author", certify=True
    )

    assert _codes(verify_pdf(lenient, [identity.root_cert_pem])) == {"changes_allowed"}


def test_a_second_signature_fails(
    dossier: Dossier, stamp: ExportStamp, identity: SigningIdentity
) -> None:
    # pyHanko refuses to add a signature after a "no changes" certification, so the first
    # signature here allows form filling; the second is then a legitimate approval.
    pdf = render_dossier_pdf(dossier, stamp)
    certified = _pyhanko_sign(pdf, identity, field="Author", certify=True)
    twice = _pyhanko_sign(certified, identity, field="Second", certify=False)

    result = verify_pdf(twice, [identity.root_cert_pem])

    assert not result.ok
    assert {"several_signatures", "not_covering_whole_file"} <= _codes(result)


def test_an_approval_signature_is_not_a_certification(
    dossier: Dossier, stamp: ExportStamp, identity: SigningIdentity
) -> None:
    approval = _pyhanko_sign(
        render_dossier_pdf(dossier, stamp), identity, field="Approval", certify=False
    )

    result = verify_pdf(approval, [identity.root_cert_pem])

    assert _codes(result) == {"not_certification"}
    assert result.intact and result.trusted and not result.certification


# --- not signed, not a PDF ----------------------------------------------------------------


def test_an_unsigned_pdf_reports_no_signature(dossier: Dossier, stamp: ExportStamp) -> None:
    result = verify_pdf(render_dossier_pdf(dossier, stamp), [])

    assert _codes(result) == {"no_signature"}
    assert result.signer == "" and result.signing_time is None


@pytest.mark.parametrize("data", [b"", b"hello", b"%PDF-1.7\ngarbage", b"<html>%PDF-</html>"])
def test_non_pdf_input_raises_not_a_pdf(data: bytes, identity: SigningIdentity) -> None:
    with pytest.raises(NotAPdfError):
        verify_pdf(data, [identity.root_cert_pem])


def test_oversized_input_is_refused_before_parsing(
    signed_pdf: bytes, identity: SigningIdentity, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "MAX_PDF_BYTES", len(signed_pdf) - 1)

    with pytest.raises(NotAPdfError, match="too large"):
        verify_pdf(signed_pdf, [identity.root_cert_pem])


# --- signing failures ---------------------------------------------------------------------


def test_signing_garbage_raises_signing_error(identity: SigningIdentity) -> None:
    with pytest.raises(SigningError):
        sign_pdf(b"%PDF-1.4\nnot really", identity, signer_name="王审核")


def test_signing_with_an_expired_certificate_is_refused(
    dossier: Dossier, stamp: ExportStamp, expired_identity: SigningIdentity
) -> None:
    with pytest.raises(SigningError, match="not valid now"):
        sign_pdf(render_dossier_pdf(dossier, stamp), expired_identity, signer_name="王审核")


def test_a_key_that_does_not_match_the_certificate_is_refused(
    dossier: Dossier,
    stamp: ExportStamp,
    identity: SigningIdentity,
    other_identity: SigningIdentity,
) -> None:
    mismatched = replace(identity, signing_key_pem=other_identity.signing_key_pem)

    with pytest.raises(SigningError) as caught:
        sign_pdf(render_dossier_pdf(dossier, stamp), mismatched, signer_name="王审核")
    assert "PRIVATE" not in str(caught.value)


def test_signing_an_already_signed_export_is_refused(
    signed_pdf: bytes, identity: SigningIdentity
) -> None:
    with pytest.raises(SigningError):
        sign_pdf(signed_pdf, identity, signer_name="王审核")
