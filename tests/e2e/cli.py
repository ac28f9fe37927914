"""Run the real ``liandang`` console script in a subprocess, as an administrator would."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


def liandang_command() -> list[str]:
    """The installed console script next to this interpreter (``pip install .`` made it)."""
    beside = Path(sys.executable).with_name("liandang")
    found = str(beside) if beside.exists() else shutil.which("liandang")
    if not found:
        raise AssertionError("the liandang command is not installed: run ./run test (pip install)")
    return [found]


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(*args: str, stdin: str = "", cwd: Path | None = None, main_py: bool = False) -> Result:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIANDANG_")}
    env["PYTHONIOENCODING"] = "utf-8"
    command = (
        [sys.executable, str(Path(__file__).resolve().parents[2] / "main.py")]
        if main_py
        else liandang_command()
    )
    proc = subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def folder_digest(path: Path) -> dict[str, str]:
    """SHA-256 of every file below ``path``: equal digests mean byte-for-byte unchanged."""
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*"))
        if p.is_file()
    }


PASSWORDS = {
    "admin": "admin-pass-1",
    "sec": "sec-pass-123",
    "clerk1": "clerk-pass-1",
    "vet1": "vet-pass-123",
}


@dataclass(frozen=True)
class CliVault:
    path: Path
    root_pem: Path
    official_id: int
    pdf: Path

    def as_user(self, user: str, *args: str) -> tuple[str, ...]:
        """Global options to act as ``user`` with the password on standard input."""
        return ("--vault", str(self.path), "--user", user, "--password-stdin", *args)
