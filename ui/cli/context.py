"""What every command needs: where the vault is, who acts, their password, how to print.

Passwords come from (in this order) ``--password-stdin`` (line 1: the acting user's,
line 2: a new password the command needs), ``LIANDANG_PASSWORD`` /
``LIANDANG_NEW_PASSWORD``, or the terminal. They are never taken from the command line,
where other users of the PC could read them in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from records.session import Session
from records.vault import unlock_vault
from ui.cli.usage_error import UsageError


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.json: bool = bool(getattr(args, "json", False))
        self._stdin_lines: list[str] | None = None
        self._password: str | None = None

    # ---- who and where ---------------------------------------------------------------------

    def vault_path(self) -> Path:
        raw = self.args.vault or os.environ.get("LIANDANG_VAULT", "")
        if not raw:
            raise UsageError(
                "--vault", "缺少档案库路径(--vault 或 LIANDANG_VAULT)", "no vault given"
            )
        return Path(raw).expanduser()

    def user_name(self) -> str:
        name = self.args.user or os.environ.get("LIANDANG_USER", "")
        if not name:
            raise UsageError("--user", "缺少用户名(--user 或 LIANDANG_USER)", "no user given")
        return str(name)

    # ---- passwords -------------------------------------------------------------------------

    def _stdin_line(self, index: int) -> str | None:
        if not self.args.password_stdin:
            return None
        if self._stdin_lines is None:
            self._stdin_lines = sys.stdin.read().splitlines()
        if index < len(self._stdin_lines):
            return self._stdin_lines[index]
        return None

    def password(self, prompt: str = "密码 / password: ") -> str:
        """The acting user's password (asked once per command, then remembered)."""
        if self._password is None:
            self._password = self._read_password(prompt)
        return self._password

    def _read_password(self, prompt: str) -> str:
        from_stdin = self._stdin_line(0)
        if from_stdin is not None:
            return from_stdin
        if self.args.password_stdin:
            raise UsageError(
                "--password-stdin", "标准输入第一行应为密码", "line 1 must be the password"
            )
        env = os.environ.get("LIANDANG_PASSWORD")
        if env is not None:
            return env
        return self._prompt(prompt)

    def new_password(self, *, line: int = 1, what_zh: str = "新密码", what_en: str = "new") -> str:
        """A password the command sets (a new account's, a changed one)."""
        from_stdin = self._stdin_line(line)
        if from_stdin is not None:
            return from_stdin
        if self.args.password_stdin:
            raise UsageError(
                "--password-stdin",
                f"标准输入第{line + 1}行应为{what_zh}",
                f"line {line + 1} must be the {what_en} password",
            )
        env = os.environ.get("LIANDANG_NEW_PASSWORD")
        if env is not None:
            return env
        first = self._prompt(f"{what_zh} / {what_en} password: ")
        if self._prompt(f"再次输入{what_zh} / repeat: ") != first:
            raise UsageError("password", "两次输入的密码不一致", "the passwords do not match")
        return first

    def _prompt(self, prompt: str) -> str:
        if not sys.stdin.isatty():
            raise UsageError(
                "--password-stdin",
                "无终端可输入密码:请用 --password-stdin 或 LIANDANG_PASSWORD",
                "no terminal to ask for a password: use --password-stdin or LIANDANG_PASSWORD",
            )
        return getpass.getpass(prompt)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Unlock the vault as the acting user for the length of one command."""
        path, user = self.vault_path(), self.user_name()
        session = unlock_vault(path, user, self.password())
        try:
            yield session
        finally:
            session.close()

    # ---- output ------------------------------------------------------------------------------

    def emit(self, data: Any, text: str) -> None:
        """Print ``data`` as JSON with ``--json``, else ``text``."""
        if self.json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        elif text:
            print(text)
