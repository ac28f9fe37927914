"""Cross-check with an independent implementation: poppler's ``pdfsig`` over NSS.

``pdfsig`` gets a throw-away NSS database trusting only the unit root. Its wording on
poppler 22.12 (Debian 12): "Signature Validation: Signature is Valid.", "Certificate
Validation: Certificate is Trusted." (or "Certificate issuer isn't Trusted."), and "Total
document signed" (or "Not total document signed").
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from exports.certificates import SigningIdentity
from exports.verify import verify_pdf

Poppler = Callable[..., str]

pytestmark = pytest.mark.skipif(
    shutil.which("pdfsig") is None, reason="pdfsig is not installed (Debian: poppler-utils)"
)


def _nss_db(directory: Path, root_pem: bytes) -> Path:
    if shutil.which("certutil") is None:
        pytest.skip("certutil is not installed (Debian: libnss3-tools)")
    directory.mkdir()
    (directory / "root.pem").write_bytes(root_pem)
    for args in (
        ["-N", "--empty-password", "-d", str(directory)],
        ["-A", "-d", str(directory), "-n", "root", "-t", "CT,C,C", "-i", "root.pem"],
    ):
        subprocess.run(["certutil", *args], cwd=directory, check=True, capture_output=True)
    return directory


def _pdfsig(poppler: Poppler, nss: Path, data: bytes, path: Path) -> str:
    path.write_bytes(data)
    return poppler("pdfsig", "-nssdir", nss, path)


def test_pdfsig_accepts_the_signed_export(
    signed_pdf: bytes, identity: SigningIdentity, tmp_path: Path, poppler: Poppler
) -> None:
    nss = _nss_db(tmp_path / "nss", identity.root_cert_pem)

    report = _pdfsig(poppler, nss, signed_pdf, tmp_path / "signed.pdf")

    assert "Signature is Valid." in report
    assert "Certificate is Trusted." in report
    assert "Total document signed" in report
    assert "Not total document signed" not in report


def test_pdfsig_rejects_a_flipped_byte(
    signed_pdf: bytes, identity: SigningIdentity, tmp_path: Path, poppler: Poppler
) -> None:
    nss = _nss_db(tmp_path / "nss", identity.root_cert_pem)
    signature = PdfFileReader(io.BytesIO(signed_pdf)).embedded_signatures[0]
    changed = bytearray(signed_pdf)
    changed[int(signature.byte_range[1]) // 2] ^= 0x01

    report = _pdfsig(poppler, nss, bytes(changed), tmp_path / "flipped.pdf")

    assert "Signature is Valid." not in report
    assert not verify_pdf(bytes(changed), [identity.root_cert_pem]).ok


def test_pdfsig_does_not_trust_another_units_root(
    signed_pdf: bytes, other_identity: SigningIdentity, tmp_path: Path, poppler: Poppler
) -> None:
    nss = _nss_db(tmp_path / "nss", other_identity.root_cert_pem)

    report = _pdfsig(poppler, nss, signed_pdf, tmp_path / "signed.pdf")

    assert "Certificate is Trusted." not in report


def test_appended_bytes_pass_pdfsig_but_not_our_verifier(
    signed_pdf: bytes, identity: SigningIdentity, tmp_path: Path, poppler: Poppler
) -> None:
    """Why verify.py checks coverage itself: pdfsig only hints at the appended data."""
    nss = _nss_db(tmp_path / "nss", identity.root_cert_pem)
    appended = signed_pdf + b"\n% appended after signing\n"

    report = _pdfsig(poppler, nss, appended, tmp_path / "appended.pdf")

    assert "Not total document signed" in report
    result = verify_pdf(appended, [identity.root_cert_pem])
    assert "not_covering_whole_file" in {p.code for p in result.problems}
