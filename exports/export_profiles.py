"""Export profiles: what a dossier PDF carries and how it is marked.

Three profiles, held as data:

- ``secret`` (涉密, the full dossier): every record, withdrawn ones marked 已撤销 with the
  reason; the document is classified 涉密.
- ``internal`` (内部): 公开 and 内部 records, withdrawn ones marked; no 问题线索 (clues are
  "专人负责、专人管理,不外传、不扩散", 003:97, so their content leaves the vault only in
  the full dossier); classified 内部.
- ``public`` (公开, for 任前公示): 公开 records only, no withdrawn record, no clue. A
  任前公示 publishes the name, 出生年月, unit and post, never the identity-card number or
  the family, so this profile also prints the 公民身份号码 with all but its last four
  characters masked, the birth date as year and month, and no family member details.

The sections kept outside the records (:class:`~records.services.dossier_sections.DossierSections`):

- 任职经历 (positions): in every profile — the 任前公示 shows the résumé — but the public one
  leaves out the 备注 (a note may say why a post ended).
- 个人有关事项年度报告 and 事项变化报告: 内部 — in ``secret`` and ``internal``, never in
  ``public`` (they hold the family's flats, shares and businesses). Drafts are listed by year,
  marked 草稿, without their content: a draft is not what the official declared.
- 查核 (checks of the reports, findings, handling): 内部 as well.
- 附件目录 (attachments: name, type, size, SHA-256, date — never the content): an attachment
  of a record goes wherever its record goes (so a clue's scans only into ``secret``, and a
  涉密 record's scans nowhere else); attachments of the dossier as a whole (the photo, general
  scans) carry no level of their own and count as 内部; withdrawn ones are marked 已撤回
  where the profile marks withdrawn records, and left out where it leaves those out.

Informants' identities are never in a record's fields (they are kept in
``clue_informants``), so no profile can print one; a clue attachment's file name has its
informant masked when gathered (:mod:`records.services.dossier_sections`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from records.annual_report import AnnualReport
from records.model import Disclosure, Dossier, Official, Record
from records.record_types import NEED_TO_KNOW_TYPES
from records.services.attachments import Attachment
from records.services.dossier_sections import DossierSections

#: Printed in place of the family table when a profile leaves family details out.
FAMILY_OMITTED = "(本公开版不载家庭成员及主要社会关系信息)"

_ID_VISIBLE_TAIL = 4
_MASK = "*"


@dataclass(frozen=True)
class ExportProfile:
    """One way of exporting a dossier.

    :param code: stable name used by the CLI (``--profile``) and in the audit trail.
    :param label_zh: shown in the GUI and printed under the title.
    :param classification_label: the marking printed on every page.
    :param includes: disclosure levels of the records it carries.
    :param family_detail: print family members (else a one-line note).
    :param need_to_know: carry need-to-know records (clues).
    :param withdrawn: carry withdrawn records (marked 已撤销 with the reason).
    :param mask_identity: mask the 公民身份号码 and print the birth date as year-month.
    :param reports: print the annual personal-matters reports and their change reports.
    :param checks: print the checks of the reports (findings and handling).
    :param position_notes: print the 备注 of the position history (the positions themselves
        are in every profile).
    :param dossier_attachments: list the attachments of the dossier as a whole (the photo,
        general scans); a record's attachments follow their record.
    """

    code: str
    label_zh: str
    classification_label: str
    includes: frozenset[Disclosure]
    family_detail: bool
    need_to_know: bool
    withdrawn: bool
    mask_identity: bool
    reports: bool
    checks: bool
    position_notes: bool
    dossier_attachments: bool

    def keeps(self, record: Record) -> bool:
        """Whether a record of the dossier goes into this profile's export."""
        if record.disclosure not in self.includes:
            return False
        if record.type in NEED_TO_KNOW_TYPES and not self.need_to_know:
            return False
        return self.withdrawn or not record.withdrawn


FULL = ExportProfile(
    code="secret",
    label_zh="涉密完整版",
    classification_label=Disclosure.SECRET.label_zh,
    includes=frozenset(Disclosure),
    family_detail=True,
    need_to_know=True,
    withdrawn=True,
    mask_identity=False,
    reports=True,
    checks=True,
    position_notes=True,
    dossier_attachments=True,
)
INTERNAL = ExportProfile(
    code="internal",
    label_zh="内部版",
    classification_label=Disclosure.INTERNAL.label_zh,
    includes=frozenset({Disclosure.PUBLIC, Disclosure.INTERNAL}),
    family_detail=True,
    need_to_know=False,
    withdrawn=True,
    mask_identity=False,
    reports=True,
    checks=True,
    position_notes=True,
    dossier_attachments=True,
)
PUBLIC = ExportProfile(
    code="public",
    label_zh="公开版(任前公示)",
    classification_label=Disclosure.PUBLIC.label_zh,
    includes=frozenset({Disclosure.PUBLIC}),
    family_detail=False,
    need_to_know=False,
    withdrawn=False,
    mask_identity=True,
    reports=False,
    checks=False,
    position_notes=False,
    dossier_attachments=False,
)

#: Every profile by code, most complete first (the order the GUI offers them in).
PROFILES: dict[str, ExportProfile] = {p.code: p for p in (FULL, INTERNAL, PUBLIC)}
DEFAULT_PROFILE = FULL.code


def profile_by_code(code: str) -> ExportProfile:
    """The profile named ``code``.

    :raises ValueError: no such profile.
    """
    try:
        return PROFILES[code]
    except KeyError:
        raise ValueError(f"unknown export profile: {code!r}") from None


def mask_id_number(id_number: str) -> str:
    """All but the last four characters as ``*``: ``"**************1237"``."""
    if len(id_number) <= _ID_VISIBLE_TAIL:
        return _MASK * len(id_number)
    return _MASK * (len(id_number) - _ID_VISIBLE_TAIL) + id_number[-_ID_VISIBLE_TAIL:]


def birth_month_text(birth_date: date) -> str:
    """``"1970年01月"``: the 出生年月 a 任前公示 prints."""
    return f"{birth_date.year}年{birth_date.month:02d}月"


def apply_profile(dossier: Dossier, profile: ExportProfile) -> Dossier:
    """The part of ``dossier`` that ``profile`` exports (records filtered, family dropped
    when the profile has no family detail). Masking of the official's own fields is done
    when printing, as the masked text does not fit the model's types."""
    records = tuple(r for r in dossier.records if profile.keeps(r))
    family = dossier.family if profile.family_detail else ()
    return replace(dossier, family=family, records=records)


def apply_sections_profile(
    sections: DossierSections, kept: Dossier, profile: ExportProfile
) -> DossierSections:
    """The part of ``sections`` that ``profile`` exports.

    :param kept: the dossier as :func:`apply_profile` left it: an attachment of a record goes
        in only if its record did.
    """
    kept_ids = {record.id for record in kept.records}

    def keeps(attachment: Attachment) -> bool:
        if attachment.withdrawn and not profile.withdrawn:
            return False
        if attachment.record_id is None:
            return profile.dossier_attachments
        return attachment.record_id in kept_ids

    reports = sections.reports if profile.reports else ()
    if not profile.withdrawn:
        reports = tuple(_without_withdrawn_changes(r) for r in reports)
    positions = sections.positions
    if not profile.position_notes:
        positions = tuple(replace(p, note="") for p in positions)
    return DossierSections(
        reports=reports,
        schemas=sections.schemas if profile.reports or profile.checks else {},
        positions=positions,
        checks=sections.checks if profile.checks else (),
        attachments=tuple(a for a in sections.attachments if keeps(a)),
    )


def _without_withdrawn_changes(report: AnnualReport) -> AnnualReport:
    items = tuple(
        replace(item, changes=tuple(c for c in item.changes if not c.withdrawn))
        for item in report.items
    )
    return replace(report, items=items)


def masked_official_values(official: Official, profile: ExportProfile) -> dict[str, str]:
    """Printed replacements for the official's fields under ``profile`` (by field name)."""
    if not profile.mask_identity:
        return {}
    return {
        "id_number": mask_id_number(official.id_number),
        "birth_date": birth_month_text(official.birth_date),
    }
