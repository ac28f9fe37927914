"""Run one command: parse, dispatch, and turn every error into one line and an exit code."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from records.errors import LianDangError
from ui.cli import exit_codes
from ui.cli.context import CliContext
from ui.cli.parser import build_parser

log = logging.getLogger("liandang.cli")


def run_command(argv: Sequence[str]) -> int:
    """Run ``liandang ARGV``; never lets a traceback reach the user."""
    try:
        args = build_parser().parse_args(list(argv))
        if getattr(args, "handler", None) is None:
            build_parser().print_help()
            return exit_codes.USAGE
        result: int = args.handler(CliContext(args))
        return result
    except LianDangError as error:
        print(str(error), file=sys.stderr)
        return exit_codes.exit_code_for(error)
    except BrokenPipeError:
        # The reader stopped early (`liandang official list | head`): not worth a message.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return exit_codes.FAILURE
    except KeyboardInterrupt:
        print("已中断 / interrupted", file=sys.stderr)
        return exit_codes.FAILURE
    except Exception as error:  # the last line of defence: one line, no traceback
        if os.environ.get("LIANDANG_DEBUG"):
            raise
        log.debug("unexpected error", exc_info=True)
        kind = type(error).__name__
        print(f"内部错误({kind}),请联系系统管理员 / internal error ({kind})", file=sys.stderr)
        return exit_codes.FAILURE
