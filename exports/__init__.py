"""Signed PDF exports of dossiers, and their strict verification.

Runs without Qt. Depends on :mod:`records` (the domain model) and on reportlab, pyHanko
and cryptography; never on :mod:`ui`.

Modules, one concept each:

- :mod:`exports.errors` — typed errors carrying a Chinese and an English message.
- :mod:`exports.stamp` — what is printed on every page of one export.
- :mod:`exports.fonts` — the embedded CJK font.
- :mod:`exports.page_furniture` — classification mark, number, page X / Y, watermark.
- :mod:`exports.pdf_text` — escaping and formatting of values for print.
- :mod:`exports.export_profiles` — 涉密 / 内部 / 公开 profiles: what a dossier export carries.
- :mod:`exports.dossier_pdf` — the dossier document itself.
- :mod:`exports.certificates` — a unit's signing identity (root CA + signing certificate).
- :mod:`exports.signing` — PAdES B-B certification signature.
- :mod:`exports.verify` — strict verification against pinned roots.
"""
