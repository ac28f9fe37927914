"""What the argument of a ``tr()`` call can be, worked out from the source without running it.

The static half of :mod:`ui.i18n_extract`: names are followed to the constants they are
bound to — module constants (across ``ui`` modules), loop variables over constant
collections, ``TABLE.get(key, "…")``, ``self._TABLE``, fields of a dataclass built in place
(``Column("文件名", …).title``) — and, for :mod:`records` and :mod:`exports` (which never
import Qt), into the imported objects themselves (``role.label_zh for role in Role``).
Anything else resolves to ``None``: the caller reports it.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Packages whose tables are read by importing them (they never import Qt).
LIVE_PACKAGES = frozenset({"records", "exports"})
_MAX_DEPTH = 40


class Module:
    """A parsed ``ui`` module: its tree, each node's parent, its imports and globals."""

    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        self.parents: dict[ast.AST, ast.AST] = {}
        self.imports: dict[str, tuple[str, str]] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (node.module, alias.name)
        self.globals = _assignments(self.tree.body)

    def imports_tr(self) -> bool:
        return self.imports.get("tr") == ("ui.i18n", "tr")


@dataclass(frozen=True)
class Node:
    """An expression of a parsed module."""

    expr: ast.expr
    module: Module


@dataclass(frozen=True)
class Live:
    """An object of an imported ``records`` / ``exports`` module."""

    obj: Any


Value = Node | Live | tuple[Any, ...]


class Resolver:
    """Works out, for expressions of the modules under ``root``, the texts they can be."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._modules: dict[str, Module | None] = {}

    def module(self, name: str) -> Module | None:
        if name not in self._modules:
            base = self._root.joinpath(*name.split("."))
            path = next(
                (p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()), None
            )
            self._modules[name] = Module(name, path) if path else None
        return self._modules[name]

    # ---- strings --------------------------------------------------------------------

    def strings(self, value: Value, depth: int = 0) -> list[str] | None:
        """Every text ``value`` can be, or ``None`` if that cannot be known statically."""
        if depth > _MAX_DEPTH:
            return None
        resolved = self.resolve(value, depth)
        if resolved is None:
            return None
        found: list[str] = []
        for item in resolved:
            texts = self._texts(item, depth)
            if texts is None:
                return None
            found += texts
        return found

    def _texts(self, item: Value, depth: int) -> list[str] | None:
        if isinstance(item, Live):
            return [item.obj] if isinstance(item.obj, str) else None
        if not isinstance(item, Node):
            return None
        expr, module = item.expr, item.module
        if isinstance(expr, ast.Constant):
            return [expr.value] if isinstance(expr.value, str) else None
        if isinstance(expr, ast.IfExp):
            return self._all([Node(expr.body, module), Node(expr.orelse, module)], depth)
        if isinstance(expr, ast.BoolOp) and isinstance(expr.op, ast.Or):
            return self._all([Node(v, module) for v in expr.values], depth)
        if _is_method(expr, "get") and isinstance(expr, ast.Call):
            assert isinstance(expr.func, ast.Attribute)
            pairs = self.pairs(Node(expr.func.value, module), depth + 1)
            if pairs is None:
                return None
            texts = self._all([v for _k, v in pairs], depth)
            if texts is None:
                return None
            if len(expr.args) > 1:
                # A fallback that is not a constant is the raw value itself (data, shown
                # as it is); a constant fallback is a text like the others.
                texts += self.strings(Node(expr.args[1], module), depth + 1) or []
            return texts
        return None

    def _all(self, values: Iterable[Value], depth: int) -> list[str] | None:
        found: list[str] = []
        for value in values:
            texts = self.strings(value, depth + 1)
            if texts is None:
                return None
            found += texts
        return found

    # ---- values ---------------------------------------------------------------------

    def resolve(self, value: Value, depth: int) -> list[Value] | None:
        """``value`` with names and attributes replaced by what they are bound to."""
        if depth > _MAX_DEPTH:
            return None
        if not isinstance(value, Node):
            return [value]
        expr, module = value.expr, value.module
        if isinstance(expr, ast.Name):
            bound = self.lookup(expr.id, expr, module, depth)
        elif isinstance(expr, ast.Attribute):
            bound = self._attribute_of(expr, module, depth)
        else:
            return [value]
        if bound is None:
            return None
        resolved: list[Value] = []
        for item in bound:
            more = self.resolve(item, depth + 1)
            if more is None:
                return None
            resolved += more
        return resolved

    def lookup(self, name: str, at: ast.AST, module: Module, depth: int) -> list[Value] | None:
        """What ``name`` is bound to where ``at`` uses it."""
        child: ast.AST = at
        parent = module.parents.get(at)
        while parent is not None:
            if isinstance(parent, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
                for generator in parent.generators:
                    if generator is not child and name in _names(generator.target):
                        return self._iterated(generator.target, generator.iter, name, module, depth)
            elif isinstance(parent, ast.For) and child in (*parent.body, *parent.orelse):
                if name in _names(parent.target):
                    return self._iterated(parent.target, parent.iter, name, module, depth)
            elif isinstance(parent, ast.Lambda):
                if name in _parameters(parent.args):
                    return None
            elif isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef):
                if name in _parameters(parent.args):
                    return None
                local = _assignments(_function_body(parent)).get(name)
                if local is not None:
                    return [Node(local, module)]
            child, parent = parent, module.parents.get(parent)
        return self._global(name, module, depth)

    def _global(self, name: str, module: Module, depth: int) -> list[Value] | None:
        if name in module.globals:
            return [Node(module.globals[name], module)]
        if name not in module.imports:
            return None
        source, attr = module.imports[name]
        if source.split(".")[0] == "ui":
            other = self.module(source)
            return self._global(attr, other, depth + 1) if other is not None else None
        if source.split(".")[0] in LIVE_PACKAGES:
            try:
                return [Live(getattr(importlib.import_module(source), attr))]
            except (ImportError, AttributeError):
                return None
        return None

    def _attribute_of(self, expr: ast.Attribute, module: Module, depth: int) -> list[Value] | None:
        base = expr.value
        if isinstance(base, ast.Name) and base.id in ("self", "cls"):
            owner = _enclosing_class(expr, module)
            assigned = _assignments(owner.body).get(expr.attr) if owner is not None else None
            return [Node(assigned, module)] if assigned is not None else None
        bases = self.resolve(Node(base, module), depth + 1)
        if bases is None:
            return None
        found: list[Value] = []
        for item in bases:
            value = self.attribute(item, expr.attr, depth + 1)
            if value is None:
                return None
            found.append(value)
        return found

    def attribute(self, value: Value, attr: str, depth: int) -> Value | None:
        if isinstance(value, Live):
            try:
                return Live(getattr(value.obj, attr))
            except AttributeError:
                return None
        if not isinstance(value, Node) or not isinstance(value.expr, ast.Call):
            return None
        call, module = value.expr, value.module
        # A dataclass built in place: Column("文件名", …).title is its first argument.
        if not isinstance(call.func, ast.Name):
            return None
        field_names = self._dataclass_fields(call.func.id, module, depth)
        if field_names is None or attr not in field_names:
            return None
        for keyword in call.keywords:
            if keyword.arg == attr:
                return Node(keyword.value, module)
        index = field_names.index(attr)
        return Node(call.args[index], module) if index < len(call.args) else None

    def _dataclass_fields(self, name: str, module: Module, depth: int) -> list[str] | None:
        for node in module.tree.body:
            if isinstance(node, ast.ClassDef) and node.name == name:
                if not any("dataclass" in ast.unparse(d) for d in node.decorator_list):
                    return None
                return [
                    s.target.id
                    for s in node.body
                    if isinstance(s, ast.AnnAssign)
                    and isinstance(s.target, ast.Name)
                    and "ClassVar" not in ast.unparse(s.annotation)
                ]
        source = module.imports.get(name)
        if source is None or source[0].split(".")[0] != "ui" or depth > _MAX_DEPTH:
            return None
        other = self.module(source[0])
        return self._dataclass_fields(source[1], other, depth + 1) if other else None

    # ---- collections ----------------------------------------------------------------

    def elements(self, value: Value, depth: int) -> list[Value] | None:
        """The items iterating over ``value`` gives."""
        resolved = self.resolve(value, depth)
        if resolved is None:
            return None
        found: list[Value] = []
        for item in resolved:
            items = self._items(item, depth)
            if items is None:
                return None
            found += items
        return found

    def _items(self, item: Value, depth: int) -> list[Value] | None:
        if isinstance(item, tuple):
            return list(item)
        if isinstance(item, Live):
            if isinstance(item.obj, str | bytes):
                return None
            try:
                return [Live(x) for x in item.obj]
            except TypeError:
                return None
        if not isinstance(item, Node):
            return None
        expr, module = item.expr, item.module
        if isinstance(expr, ast.Tuple | ast.List | ast.Set):
            if any(isinstance(e, ast.Starred) for e in expr.elts):
                return None
            return [Node(e, module) for e in expr.elts]
        if isinstance(expr, ast.Dict):
            return [Node(k, module) for k in expr.keys if k is not None]
        if isinstance(expr, ast.Call):
            for method, pick in (("items", None), ("values", 1), ("keys", 0)):
                if _is_method(expr, method) and not expr.args:
                    assert isinstance(expr.func, ast.Attribute)
                    pairs = self.pairs(Node(expr.func.value, module), depth + 1)
                    if pairs is None:
                        return None
                    return [p if pick is None else p[pick] for p in pairs]
            func = expr.func
            if isinstance(func, ast.Name) and func.id in ("sorted", "tuple", "list", "reversed"):
                return self.elements(Node(expr.args[0], module), depth + 1) if expr.args else None
        return None

    def pairs(self, value: Value, depth: int) -> list[tuple[Value, Value]] | None:
        """The (key, value) pairs of a mapping."""
        resolved = self.resolve(value, depth)
        if resolved is None:
            return None
        found: list[tuple[Value, Value]] = []
        for item in resolved:
            if isinstance(item, Live) and isinstance(item.obj, dict):
                found += [(Live(k), Live(v)) for k, v in item.obj.items()]
            elif isinstance(item, Node) and isinstance(item.expr, ast.Dict):
                if any(k is None for k in item.expr.keys):
                    return None
                found += [
                    (Node(k, item.module), Node(v, item.module))
                    for k, v in zip(item.expr.keys, item.expr.values, strict=True)
                    if k is not None
                ]
            else:
                return None
        return found

    def _iterated(
        self, target: ast.expr, iterable: ast.expr, name: str, module: Module, depth: int
    ) -> list[Value] | None:
        """What ``name`` in the loop target ``target`` takes, looping over ``iterable``."""
        path = _path_of(name, target)
        items = self.elements(Node(iterable, module), depth + 1)
        if path is None or items is None:
            return None
        found: list[Value] = []
        for item in items:
            picked: Value | None = item
            for index in path:
                picked = self._nth(picked, index, depth) if picked is not None else None
            if picked is None:
                return None
            found.append(picked)
        return found

    def _nth(self, value: Value, index: int, depth: int) -> Value | None:
        items = self.elements(value, depth + 1)
        return items[index] if items is not None and index < len(items) else None


def _assignments(body: Sequence[ast.stmt]) -> dict[str, ast.expr]:
    """``NAME = value`` (and ``NAME: T = value``) statements of ``body``, the last one kept."""
    found: dict[str, ast.expr] = {}
    for statement in body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = statement.value
        elif (
            isinstance(statement, ast.AnnAssign)
            and statement.value is not None
            and isinstance(statement.target, ast.Name)
        ):
            found[statement.target.id] = statement.value
    return found


def _function_body(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """Every statement of ``function``, nested blocks included, nested scopes left out."""
    statements: list[ast.stmt] = []
    pending: list[ast.stmt] = list(function.body)
    while pending:
        statement = pending.pop(0)
        statements.append(statement)
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for child in ast.iter_child_nodes(statement):
            if isinstance(child, ast.stmt):
                pending.append(child)
            elif isinstance(child, ast.ExceptHandler | ast.match_case):
                pending += child.body
    return statements


def _enclosing_class(node: ast.AST, module: Module) -> ast.ClassDef | None:
    parent = module.parents.get(node)
    while parent is not None and not isinstance(parent, ast.ClassDef):
        parent = module.parents.get(parent)
    return parent


def _parameters(args: ast.arguments) -> set[str]:
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    every += [a for a in (args.vararg, args.kwarg) if a is not None]
    return {a.arg for a in every}


def _names(target: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}


def _path_of(name: str, target: ast.expr) -> tuple[int, ...] | None:
    """Where ``name`` sits in a loop target: ``()`` for ``x``, ``(1,)`` for ``k, x``."""
    if isinstance(target, ast.Name):
        return () if target.id == name else None
    if isinstance(target, ast.Tuple | ast.List):
        for index, element in enumerate(target.elts):
            inner = _path_of(name, element)
            if inner is not None:
                return (index, *inner)
    return None


def _is_method(expr: ast.expr, method: str) -> bool:
    return (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == method
    )
