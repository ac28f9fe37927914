"""Find every string the GUI passes to ``ui.i18n.tr`` and merge them into the English catalogue.

``pyside6-lupdate`` does not know our ``tr()`` wrapper, hence this script. It parses
``ui/**/*.py`` with :mod:`ast` (no Qt import), in each module that imports ``tr`` from
:mod:`ui.i18n`:

- ``tr("…")``: the literal;
- ``tr(NAME)``, ``tr(x) for x in TABLE``, ``tr(TABLE.get(key, "…"))``, ``tr(c.title) for c in
  COLUMNS``, ``tr(self._TABLE.get(k))``: the constant tables they read, followed statically
  through ``ui`` modules, and into :mod:`records` and :mod:`exports` (which never import Qt)
  by importing them — ``tr(role.label_zh) for role in Role`` gives every role's label;
- ``tr(check.kind.label_zh)`` and other attributes of objects whose type a parser cannot
  know: :data:`DYNAMIC_SOURCES` names the table they come from.

Anything else (an f-string, a computed text) is *unresolved*: reported here, and
``tests/ui/test_i18n.py`` fails on it — translate a fixed text with placeholders instead
(``tr("共{n}条").format(n=…)``), or add the call to :data:`DYNAMIC_SOURCES`.

Usage (from the repository root)::

    python -m ui.i18n_extract            # report; exit 1: unresolved call or untranslated
    python -m ui.i18n_extract --update   # merge into resources/translations/liandang_en.ts
    pyside6-lrelease resources/translations/liandang_en.ts -qm resources/translations/liandang_en.qm

``--update`` keeps every existing translation, adds new strings as unfinished and marks
strings no longer used as vanished. Translate the unfinished ones (in the file, or with Qt
Linguist), remove their ``type="unfinished"``, then rebuild the ``.qm`` with the last command.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from resources import resource_path
from ui.i18n_catalog import (
    VANISHED,
    Catalogue,
    Location,
    Message,
    merge,
    read_ts,
    render_ts,
    unfinished,
    write_ts,
)
from ui.i18n_resolver import Module, Node, Resolver

ROOT = Path(__file__).resolve().parents[1]
TS_PATH = resource_path("translations", "liandang_en.ts")
QM_PATH = resource_path("translations", "liandang_en.qm")
LANGUAGE = "en_US"
UPDATE_HINT = (
    "run `python -m ui.i18n_extract --update`, translate the unfinished strings in "
    "resources/translations/liandang_en.ts, then `pyside6-lrelease "
    "resources/translations/liandang_en.ts -qm resources/translations/liandang_en.qm`"
)


def _members(module: str, table: str, attr: str) -> Callable[[], list[str]]:
    def values() -> list[str]:
        return [str(getattr(m, attr)) for m in getattr(importlib.import_module(module), table)]

    return values


def _policy_labels() -> list[str]:
    from records.policy import SecurityPolicy, policy_label_zh

    return [policy_label_zh(spec.name) for spec in fields(SecurityPolicy)]


_CHECK_KINDS = _members("records.report_check", "CheckKind", "label_zh")
_CHECK_STATES = _members("records.report_check", "CheckStatus", "label_zh")
_FINDINGS = _members("records.check_rules", "Finding", "value")
_DECISIONS = _members("records.vetting_terms", "Decision", "label_zh")

#: ``tr()`` arguments read from an object whose type only the code's author knows:
#: (module, the argument as written) → every value it can take.
DYNAMIC_SOURCES: dict[tuple[str, str], Callable[[], list[str]]] = {
    ("ui.check_decision_dialog", "check.kind.label_zh"): _CHECK_KINDS,
    ("ui.check_decision_dialog", "check.finding.value"): _FINDINGS,
    ("ui.check_models", "finding.value"): _FINDINGS,
    ("ui.check_models", "c.kind.label_zh"): _CHECK_KINDS,
    ("ui.check_models", "c.status.label_zh"): _CHECK_STATES,
    ("ui.check_panel", "check.kind.label_zh"): _CHECK_KINDS,
    ("ui.check_panel", "check.status.label_zh"): _CHECK_STATES,
    ("ui.check_rows", "row.finding.value"): _FINDINGS,
    ("ui.policy_form", "policy_label_zh(name)"): _policy_labels,
    ("ui.record_history_dialog", "version.event.label_zh"): _members(
        "records.record_history", "VersionEvent", "label_zh"
    ),
    ("ui.report_tab", "report.status.label_zh"): _members(
        "records.annual_report", "ReportStatus", "label_zh"
    ),
    ("ui.report_tab", "r.status.label_zh"): _members(
        "records.annual_report", "ReportStatus", "label_zh"
    ),
    ("ui.role_grant_box", "role.label_zh"): _members("records.roles", "Role", "label_zh"),
    ("ui.vetting_detail_panel", "decision.decision.label_zh"): _DECISIONS,
    ("ui.vetting_models", "i.label_zh"): _members(
        "records.vetting_checklist", "ChecklistCode", "label_zh"
    ),
    ("ui.vetting_text", "purpose.label_zh"): _members(
        "records.vetting_terms", "Purpose", "label_zh"
    ),
    ("ui.vetting_text", "state.label_zh"): _members(
        "records.vetting_terms", "RequestState", "label_zh"
    ),
    ("ui.vetting_text", "decision.decision.label_zh"): _DECISIONS,
    ("ui.vetting_text", "category.label_zh"): _members(
        "records.vetting_terms", "Category", "label_zh"
    ),
}


@dataclass(frozen=True)
class Unresolved:
    """A ``tr()`` call whose argument is not a known constant."""

    path: str
    line: int
    code: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: tr({self.code}) reads no known constant"


@dataclass(frozen=True)
class Extraction:
    messages: tuple[Message, ...]
    unresolved: tuple[Unresolved, ...]
    #: Keys of :data:`DYNAMIC_SOURCES` no call needed any more (the table is out of date).
    unused_sources: tuple[tuple[str, str], ...] = ()

    @property
    def sources(self) -> list[str]:
        return [m.source for m in self.messages]


def extract(root: Path = ROOT) -> Extraction:
    """Every string the GUI under ``root / "ui"`` passes to ``tr()``."""
    resolver = Resolver(root)
    used: set[tuple[str, str]] = set()
    found: dict[str, tuple[set[Location], set[str]]] = {}
    unresolved: list[Unresolved] = []
    for path in sorted((root / "ui").rglob("*.py")):
        name = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        module = resolver.module(name)
        if module is None or not module.imports_tr():
            continue
        relative = path.relative_to(root).as_posix()
        for call in ast.walk(module.tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                continue
            if call.func.id != "tr":
                continue
            texts, note = _texts_of(resolver, module, call, used)
            if texts is None:
                code = ", ".join(ast.unparse(a) for a in call.args)
                unresolved.append(Unresolved(relative, call.lineno, code))
                continue
            for text in texts:
                if text.strip():
                    locations, notes = found.setdefault(text, (set(), set()))
                    locations.add((relative, call.lineno))
                    if note:
                        notes.add(note)
    messages = [
        Message(text, tuple(sorted(locations)), "; ".join(sorted(notes)))
        for text, (locations, notes) in found.items()
    ]
    messages.sort(key=lambda m: (m.locations[0], m.source))
    unused = tuple(key for key in DYNAMIC_SOURCES if key not in used)
    return Extraction(tuple(messages), tuple(unresolved), unused)


def _texts_of(
    resolver: Resolver, module: Module, call: ast.Call, used: set[tuple[str, str]]
) -> tuple[list[str] | None, str]:
    """The texts a ``tr()`` call can translate, and a note for the translator."""
    if len(call.args) != 1 or call.keywords:
        return None, ""
    arg = call.args[0]
    if isinstance(arg, ast.Constant):
        return ([arg.value] if isinstance(arg.value, str) else None), ""
    code = ast.unparse(arg)
    note = f"tr({code})"
    texts = resolver.strings(Node(arg, module))
    if texts is not None:
        return texts, note
    source = DYNAMIC_SOURCES.get((module.name, code))
    if source is None:
        return None, note
    used.add((module.name, code))
    return source(), note


# ---- command line ------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ui.i18n_extract",
        description="Collect the GUI's tr() strings and merge them into the English .ts file.",
    )
    parser.add_argument("--update", action="store_true", help="write the merged .ts file")
    parser.add_argument(
        "--ts", type=Path, default=TS_PATH, help="the .ts file (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    result = extract()
    for problem in result.unresolved:
        print(problem, file=sys.stderr)
    for module, code in result.unused_sources:
        print(f"DYNAMIC_SOURCES: {module}: tr({code}) is no longer called", file=sys.stderr)
    ts_path: Path = args.ts
    old = read_ts(ts_path) if ts_path.exists() else Catalogue(LANGUAGE, ())
    new = merge(old, result.messages)
    if args.update:
        changed = write_ts(ts_path, new)
        print(f"{ts_path}: {'updated' if changed else 'unchanged'}")
    elif ts_path.exists() and render_ts(ts_path, new) != ts_path.read_text(encoding="utf-8"):
        print(f"{ts_path} differs from the sources (run with --update)")
    missing = unfinished(new, result.sources)
    vanished = sum(1 for e in new.entries if e.state == VANISHED)
    print(
        f"{len(result.messages)} strings, {len(missing)} untranslated, {vanished} vanished, "
        f"{len(result.unresolved)} unresolved tr() calls"
    )
    for source in missing[:20]:
        print(f"  untranslated: {source!r}")
    if len(missing) > 20:
        print(f"  … and {len(missing) - 20} more")
    return 1 if result.unresolved or missing else 0


if __name__ == "__main__":
    sys.exit(main())
