"""``liandang vetting …`` through the real console script: a letter in, a signed reply out.

One prepared vault per module (a copy of the session's e2e vault plus a few dossiers made
in-process: unlocking costs half a second per command). The flow test owns the request it
registers; the bad-input tests use the drafts the fixture made, which nothing decides.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.own_account import OwnAccountService
from records.services.vetting import VettingService
from records.vault import unlock_vault
from tests.e2e.cli import PASSWORDS, CliVault, Result, folder_digest, run
from tests.e2e.unchanged import Snapshot, one_line
from tests.records.support import make_id, official_values

TODAY = date.today()
CLUE_SUMMARY = "群众反映其配偶违规经商办企业"
UNIT = "中共青山县委组织部"


@dataclass(frozen=True)
class World:
    vault: CliVault
    clean: int  # the session vault's official: no clue, no sanction
    clue: int  # a clue in 初步核实
    clue_record: int
    sanctioned: int  # a Party warning two months ago: its period runs ten more months
    sanction_record: int
    recused: int  # vet1 declared a relation to this official
    spare: int  # the only candidate of ``draft``
    draft: int  # a draft request about ``spare``
    undecided: int  # a draft request about ``clean``, never decided

    @property
    def path(self) -> Path:
        return self.vault.path


def _add(officials: OfficialService, name: str, first17: str) -> int:
    return officials.add(official_values(name=name, id_number=make_id(first17))).id


@pytest.fixture(scope="module")
def world(cli_vault: CliVault, tmp_path_factory: pytest.TempPathFactory) -> World:
    path = tmp_path_factory.mktemp("vetting") / "vault"
    shutil.copytree(cli_vault.path, path)
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"]) as clerk:
        officials, records = OfficialService(clerk), RecordService(clerk)
        clue = _add(officials, "林晓燕", "31010419751102002")
        sanctioned = _add(officials, "张三", "11010519750101003")
        recused = _add(officials, "李四", "11010519760202005")
        spare = _add(officials, "王五", "11010519770303007")
        clue_record = records.add(
            clue,
            "clue",
            (TODAY - timedelta(days=30)).isoformat(),
            {"summary": CLUE_SUMMARY, "custodian": "clerk1", "disposal": "初步核实",
             "status": "处置中"},
        ).id  # fmt: skip
        sanction_record = records.add(
            sanctioned,
            "sanction",
            (TODAY - timedelta(days=60)).isoformat(),
            {"system": "党纪处分", "kind": "警告", "decision_number": "青纪发〔2026〕3号"},
        ).id
    with unlock_vault(path, "vet1", PASSWORDS["vet1"]) as vet:
        OwnAccountService(vet).declare_relation(recused, "同学")
        service = VettingService(vet)
        letter = {"letter_date": TODAY.isoformat(), "requesting_unit": UNIT, "purpose": "后备干部"}
        draft = service.create("青组函〔2026〕90号", candidate_ids=[spare], **letter).id
        undecided = service.create("青组函〔2026〕91号", candidate_ids=[cli_vault.official_id],
                                   **letter).id  # fmt: skip
    vault = CliVault(path, cli_vault.root_pem, cli_vault.official_id, cli_vault.pdf)
    return World(vault, cli_vault.official_id, clue, clue_record, sanctioned, sanction_record,
                 recused, spare, draft, undecided)  # fmt: skip


def act(world: World, user: str, *args: str) -> Result:
    return run(*world.vault.as_user(user, *args), stdin=PASSWORDS[user] + "\n")


def ok(world: World, *args: str, user: str = "vet1") -> str:
    result = act(world, user, *args)
    assert result.code == 0, result.err
    assert result.err == "", result.err
    return result.out


def ok_json(world: World, *args: str, user: str = "vet1") -> Any:
    return json.loads(ok(world, *args, "--json", user=user))


def days(n: int) -> str:
    """Today plus ``n`` days, as the command line takes dates."""
    return (TODAY + timedelta(days=n)).isoformat()


def letter(
    number: str, *candidates: int, when: str = "", purpose: str = "拟提拔", due: str = ""
) -> tuple[str, ...]:
    """``vetting new`` with a letter of three days ago, unless told otherwise."""
    args = ["vetting", "new", "--number", number, "--date", when or days(-3), "--unit", UNIT]
    args += ["--purpose", purpose]
    for official_id in candidates:
        args += ["--candidate", str(official_id)]
    return (*args, *(("--due", due) if due else ()))


def _nss_db(directory: Path, root_pem: Path) -> Path | None:
    """A throw-away NSS database trusting only the unit root (as tests/exports does)."""
    if shutil.which("certutil") is None:
        return None
    directory.mkdir()
    shutil.copy(root_pem, directory / "root.pem")
    for args in (
        ["-N", "--empty-password", "-d", str(directory)],
        ["-A", "-d", str(directory), "-n", "root", "-t", "CT,C,C", "-i", "root.pem"],
    ):
        subprocess.run(["certutil", *args], cwd=directory, check=True, capture_output=True)
    return directory


def pdfsig(pdf: Path, root_pem: Path, tmp_path: Path) -> str:
    if shutil.which("pdfsig") is None:
        pytest.skip("pdfsig is not installed (Debian: poppler-utils)")
    nss = _nss_db(tmp_path / "nss", root_pem)
    if nss is None:
        pytest.skip("certutil is not installed (Debian: libnss3-tools)")
    done = subprocess.run(["pdfsig", "-nssdir", str(nss), str(pdf)], capture_output=True,
                          text=True, timeout=60, check=False)  # fmt: skip
    return done.stdout + done.stderr


# ---- the flow ---------------------------------------------------------------------------------


def test_a_letter_from_registration_to_the_signed_reply(world: World, tmp_path: Path) -> None:
    candidates = (world.clean, world.clue, world.sanctioned)
    created = ok_json(world, *letter("青组函〔2026〕12号", *candidates, due=days(10)))
    rid = str(created["id"])
    assert created["state"] == "draft" and created["purpose"] == "promotion"
    assert created["candidate_ids"] == [world.clean, world.clue, world.sanctioned]

    # show: every candidate's proposal with reasons citing records, and the checklist.
    shown = ok_json(world, "vetting", "show", rid)
    clean, clue, sanctioned = shown["candidates"]
    assert clean["proposal"]["category"] == 1
    assert [r["code"] for r in clean["proposal"]["reasons"]] == ["no_clue"]
    assert clue["proposal"]["category"] == 5
    first = clue["proposal"]["reasons"][0]
    assert first["code"] == "clue_preliminary_verification"
    assert first["record_ids"] == [world.clue_record]
    assert sanctioned["proposal"]["category"] == 5
    running = [r for r in sanctioned["proposal"]["reasons"] if r["code"] == "influence_running"]
    assert running and running[0]["record_ids"] == [world.sanction_record]
    for candidate in (clean, clue, sanctioned):
        assert [i["code"] for i in candidate["checklist"]] == [
            "personnel_file", "personal_report", "discipline_opinion", "petitions"]  # fmt: skip
        assert candidate["decision"] is None and candidate["stale"] is False
    assert clue["checklist"][3]["done"] is False
    assert clue["checklist"][3]["record_ids"] == [world.clue_record]
    text = ok(world, "vetting", "show", rid)
    assert "凡提四必" in text and f"记录#{world.clue_record}" in text and "第5类" in text
    assert CLUE_SUMMARY not in text + json.dumps(shown, ensure_ascii=False)  # need-to-know

    # decide: confirm, override with a justification, confirm.
    confirmed = ok_json(world, "vetting", "decide", rid, str(world.clean), "--confirm")
    assert (confirmed["decision"], confirmed["category"]) == ("confirmed", 1)
    out = ok(world, "vetting", "decide", rid, str(world.clue), "--category", "4",
             "--justification", "线索反映内容已初步排除")  # fmt: skip
    assert "第4类" in out and "改定" in out
    ok(world, "vetting", "decide", rid, str(world.sanctioned), "--confirm")
    ok(world, "vetting", "attest", rid, str(world.clean), "--note", "干部人事档案已审核,无异常")

    shown = ok_json(world, "vetting", "show", rid)
    clean, clue, sanctioned = shown["candidates"]
    assert clue["decision"]["decision"] == "overridden"
    assert (clue["decision"]["category"], clue["decision"]["proposed"]) == (4, 5)
    assert clue["decision"]["justification"] == "线索反映内容已初步排除"
    assert clean["checklist"][0]["done"] is True
    assert "无异常" in clean["checklist"][0]["evidence_zh"]
    assert clean["checklist"][2]["done"] is True  # the opinion is decided
    assert not any(c["stale"] for c in (clean, clue, sanctioned))

    submitted = ok_json(world, "vetting", "submit", rid)
    assert submitted["state"] == "reviewing"

    # reply: signed, filed in every dossier, verifiable.
    reply = tmp_path / "reply.pdf"
    saved = ok_json(world, "vetting", "reply", rid, "--out", str(reply))
    assert str(saved["document_number"]).startswith("LD-VET-")
    assert len(saved["record_ids"]) == 3 and saved["reissued"] is False
    verified = run("verify", str(reply), "--trust", str(world.vault.root_pem))
    assert verified.code == 0, verified.out + verified.err
    assert "有效 / VALID" in verified.out

    # A second reply writes the very same signed letter, never a new signature.
    copy = tmp_path / "copy.pdf"
    again = ok_json(world, "vetting", "reply", rid, "--out", str(copy))
    assert again["reissued"] is True and copy.read_bytes() == reply.read_bytes()

    shown = ok_json(world, "vetting", "show", rid)
    assert shown["request"]["state"] == "replied"
    filed = [c["reply_record_id"] for c in shown["candidates"]]
    assert filed == saved["record_ids"]
    copies = json.loads(ok(world, "record", "list", str(world.clue), "--type", "vetting_reply",
                           "--json"))  # fmt: skip
    assert [c["id"] for c in copies] == [filed[1]]
    assert copies[0]["fields"]["category"].startswith("第4类")
    listed = json.loads(ok(world, "vetting", "list", "--json"))
    assert next(r for r in listed if r["id"] == int(rid))["state"] == "replied"

    late = act(world, "vet1", "vetting", "decide", rid, str(world.clean), "--confirm")
    assert late.code == 1 and "已回复" in one_line(late.err)

    # Cross-checked by an independent implementation last (it skips where poppler is absent).
    report = pdfsig(reply, world.vault.root_pem, tmp_path)
    assert "Signature is Valid." in report
    assert "Certificate is Trusted." in report
    assert "Total document signed" in report and "Not total document signed" not in report


def test_a_decision_goes_stale_when_the_dossier_changes(world: World) -> None:
    rid, oid = str(world.draft), str(world.spare)
    ok(world, "vetting", "decide", rid, oid, "--confirm")
    with unlock_vault(world.path, "clerk1", PASSWORDS["clerk1"]) as clerk:
        RecordService(clerk).add(world.spare, "clue", TODAY.isoformat(),
                                 {"summary": "新收到的反映", "custodian": "clerk1",
                                  "status": "处置中"})  # fmt: skip
    shown = ok_json(world, "vetting", "show", rid)
    (candidate,) = shown["candidates"]
    assert candidate["stale"] is True and candidate["proposal"]["category"] == 4
    assert "请重新确定" in ok(world, "vetting", "show", rid)
    before = Snapshot.of(world.path)
    refused = act(world, "vet1", "vetting", "submit", rid)
    assert refused.code == 1 and "重新确定" in one_line(refused.err)
    before.assert_unchanged(world.path)


# ---- bad input --------------------------------------------------------------------------------

Case = Callable[["World"], tuple[tuple[str, ...], str]]

#: Mistakes the command sees without the vault: exit 2, the vault folder untouched.
BEFORE_UNLOCK: dict[str, Case] = {
    "no candidates": lambda w: (letter("20号"), "--candidate"),
    "reply due before the letter": lambda w: (letter("21号", w.spare, due=days(-4)), "回复期限"),
    "unknown purpose": lambda w: (letter("22号", w.spare, purpose="提拔"), "来函事由"),
    "malformed letter date": lambda w: (letter("23号", w.spare, when="2026/11/20"), "来函日期"),
    "a candidate twice": lambda w: (letter("24号", w.spare, w.spare), "重复"),
    "override without justification": lambda w: (
        ("vetting", "decide", str(w.draft), str(w.spare), "--category", "3"),
        "改定理由",
    ),
    "no such category": lambda w: (
        (
            "vetting",
            "decide",
            str(w.draft),
            str(w.spare),
            "--category",
            "7",
            "--justification",
            "x",
        ),
        "意见类别",
    ),
    "confirm and override at once": lambda w: (
        ("vetting", "decide", str(w.draft), str(w.spare), "--confirm", "--category", "3"),
        "--category",
    ),
    "attest without a note": lambda w: (
        ("vetting", "attest", str(w.draft), str(w.spare), "--note", " "),
        "审核说明",
    ),
    "reply into a missing folder": lambda w: (
        ("vetting", "reply", str(w.draft), "--out", str(w.path.parent / "nowhere" / "r.pdf")),
        "--out",
    ),
}


@pytest.mark.parametrize("case", list(BEFORE_UNLOCK))
def test_a_mistake_seen_before_unlocking_leaves_the_folder_untouched(
    world: World, case: str
) -> None:
    args, named = BEFORE_UNLOCK[case](world)
    before = folder_digest(world.path)
    result = act(world, "vet1", *args)
    assert result.code == 2, result.err
    assert named in one_line(result.err)
    assert result.out == ""
    assert folder_digest(world.path) == before


#: Mistakes only the vault can tell: (arguments, words of the message, exit code, the
#: action whose refusal is audited). No data changes; the trail gains only the login.
IN_VAULT: dict[str, Callable[[World, Path], tuple[tuple[str, ...], str, int, str]]] = {
    "a candidate who does not exist": lambda w, _: (letter("30号", w.clean, 99999), "99999", 1, ""),
    "a candidate the user is recused from": lambda w, _: (
        letter("31号", w.recused),
        "回避",
        3,
        "vetting.create",
    ),
    "a letter dated in the future": lambda w, _: (
        letter("32号", w.clean, when=days(5)),
        "不能晚于今天",
        2,
        "",
    ),
    "a letter registered already": lambda w, _: (
        letter("青组函〔2026〕90号", w.clean),
        "已登记",
        1,
        "",
    ),
    "submitting with a candidate undecided": lambda w, _: (
        ("vetting", "submit", str(w.undecided)),
        "未确定意见",
        1,
        "",
    ),
    "replying to a draft": lambda w, tmp: (
        ("vetting", "reply", str(w.undecided), "--out", str(tmp / "r.pdf")),
        "vetting submit",
        1,
        "",
    ),
    "deciding for someone not a candidate": lambda w, _: (
        ("vetting", "decide", str(w.draft), str(w.clean), "--confirm"),
        "人选",
        1,
        "",
    ),
    "no such request": lambda w, _: (("vetting", "show", "99999"), "未找到", 1, ""),
}


@pytest.mark.parametrize("case", list(IN_VAULT))
def test_a_mistake_seen_in_the_vault_changes_no_data(
    world: World, tmp_path: Path, case: str
) -> None:
    args, named, code, refused = IN_VAULT[case](world, tmp_path)
    before = Snapshot.of(world.path)
    result = act(world, "vet1", *args)
    assert result.code == code, result.err
    assert named in one_line(result.err)
    before.assert_unchanged(world.path, *([refused] if refused else []))
    assert not (tmp_path / "r.pdf").exists()


def test_only_the_vetting_officer_registers_letters(world: World) -> None:
    before = Snapshot.of(world.path)
    result = act(world, "clerk1", *letter("40号", world.clean))
    assert result.code == 3 and "权限不足" in one_line(result.err)
    before.assert_unchanged(world.path, "vetting.create")
