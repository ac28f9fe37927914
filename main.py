"""LianDang (廉档) entry point.

``python main.py`` (or ``liandang``) with no command opens the desktop app;
``python main.py COMMAND …`` runs the command line. Both go through :func:`run`.
``--lang en`` (or ``LIANDANG_LANG=en``) chooses the GUI's language; the command line is
bilingual in every message and takes no language option.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

_GUI_OPTIONS = {"--vault", "--user", "--lang"}


def _gui_request(argv: Sequence[str]) -> dict[str, str] | None:
    """The GUI's prefill options when ``argv`` names no command, else ``None``."""
    options: dict[str, str] = {}
    items = list(argv)
    while items:
        option = items.pop(0)
        name, sep, value = option.partition("=")
        if name not in _GUI_OPTIONS:
            return None
        if not sep:
            if not items:
                return None
            value = items.pop(0)
        options[name[2:]] = value
    return options


def run(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    gui = _gui_request(args)
    if gui is not None:
        # Imported here so the command line never loads Qt.
        from ui.app import run_gui

        vault = gui.get("vault")
        return run_gui(Path(vault) if vault else None, gui.get("user"), gui.get("lang"))
    from ui.cli.main import run_command

    return run_command(args)


if __name__ == "__main__":
    sys.exit(run())
