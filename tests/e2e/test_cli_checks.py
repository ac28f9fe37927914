"""``liandang check …``, ``official eligibility`` and ``policy influence|handlings`` through
the real console script.

One prepared vault per module: the session's e2e vault plus, made in-process, the reports
the checks need (year ``LAST``: the flow's official; year ``SAMPLED``: the population of
the random draw, which nothing else touches) and a sanctioned official.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from records.services.checks import CheckService
from records.services.dossier_records import RecordService
from records.vault import unlock_vault
from tests.e2e.cli import PASSWORDS, CliVault, Result, folder_digest, run
from tests.e2e.unchanged import Snapshot, one_line
from tests.records.check_support import FLAT, GARAGE, add_official, file_report, insert_report

TODAY = date.today()
LAST = TODAY.year - 1  # the flow's report
SAMPLED = TODAY.year - 2  # the random draw's population
POPULATION = 8
PASSWORDS = {**PASSWORDS, "aud1": "auditor-pass-9"}
BUSINESS = "owner=配偶,name=青山县明远商贸有限公司,form=有限责任公司,capital=500000"


@dataclass(frozen=True)
class World:
    vault: CliVault
    reporter: int  # reported one flat for LAST and no business
    sanctioned: int  # a Party warning a month ago, report for LAST, nothing else
    sampled: tuple[int, ...]  # reports for SAMPLED
    no_report: int  # no report at all
    unchecked: int  # a report for LAST that nothing checks
    open_check: int  # a check opened today, left open
    submitted: date  # when the LAST reports were submitted

    @property
    def path(self) -> Path:
        return self.vault.path


@pytest.fixture(scope="module")
def world(cli_vault: CliVault, tmp_path_factory: pytest.TempPathFactory) -> World:
    path = tmp_path_factory.mktemp("checks") / "vault"
    shutil.copytree(cli_vault.path, path)
    submitted = min(date(TODAY.year, 1, 20), TODAY).isoformat()
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"]) as clerk:
        reporter = cli_vault.official_id
        file_report(clerk, reporter, LAST, {"real_estate": [FLAT]}, submitted=submitted)
        sanctioned = add_official(clerk, 101)
        file_report(clerk, sanctioned, LAST, {}, submitted=submitted)
        RecordService(clerk).add(
            sanctioned,
            "sanction",
            (TODAY - timedelta(days=30)).isoformat(),
            {"system": "党纪处分", "kind": "警告", "decision_number": "青纪发〔2026〕7号"},
        )
        sampled = tuple(add_official(clerk, 200 + n) for n in range(POPULATION))
        for official_id in sampled:
            insert_report(clerk, official_id, SAMPLED)
        no_report = add_official(clerk, 300)
        unchecked = add_official(clerk, 301)
        file_report(clerk, unchecked, LAST, {}, submitted=submitted)
        checked = add_official(clerk, 302)
        file_report(clerk, checked, LAST, {}, submitted=submitted)
        open_check = CheckService(clerk).new(checked, LAST, "targeted").id
    vault = CliVault(path, cli_vault.root_pem, cli_vault.official_id, cli_vault.pdf)
    admin = run(*vault.as_user("admin", "user", "add", "aud1", "--role", "auditor"),
                stdin=f"{PASSWORDS['admin']}\n{PASSWORDS['aud1']}\n")  # fmt: skip
    assert admin.code == 0, admin.err
    return World(vault, reporter, sanctioned, sampled, no_report, unchecked, open_check,
                 date.fromisoformat(submitted))  # fmt: skip


def act(world: World, user: str, *args: str) -> Result:
    return run(*world.vault.as_user(user, *args), stdin=PASSWORDS[user] + "\n")


def ok(world: World, *args: str, user: str = "clerk1") -> str:
    result = act(world, user, *args)
    assert result.code == 0, result.err
    assert result.err == "", result.err
    return result.out


def ok_json(world: World, *args: str, user: str = "clerk1") -> Any:
    return json.loads(ok(world, *args, "--json", user=user))


def entry(values: dict[str, str]) -> str:
    return ",".join(f"{k}={v}" for k, v in values.items())


# ---- a check from opening to the decision ---------------------------------------------------


def test_a_check_finds_under_reporting_and_concealment(world: World) -> None:
    oid = str(world.reporter)
    opened = ok_json(world, "check", "new", oid, "--year", str(LAST), "--kind", "targeted",
                     "--reason", "拟提拔人选,凡提必查")  # fmt: skip
    cid = str(opened["id"])
    assert (opened["kind"], opened["status"], opened["year"]) == ("targeted", "open", LAST)

    # The flat was reported, its garage was not: 漏报.
    out = ok(world, "check", "record", cid, "--item", "real_estate",
             "--entry", entry(FLAT), "--entry", entry(GARAGE))  # fmt: skip
    assert out.startswith("real_estate: 漏报") and "车库" in out
    # A business reported as none: 瞒报.
    out = ok(world, "check", "record", cid, "--item", "business", "--entry", BUSINESS)
    assert out.startswith("business: 瞒报")
    out = ok(world, "check", "record", cid, "--item", "family_criminal", "--none")
    assert out.startswith("family_criminal: 一致")

    shown = ok_json(world, "check", "show", cid, user="vet1")  # the vetting officer reads
    findings = {i["code"]: i["finding"] for i in shown["items"]}
    assert findings == {"real_estate": "漏报", "business": "瞒报", "family_criminal": "一致"}
    assert shown["finding"] == "瞒报" and len(shown["unverified"]) == 11
    text = ok(world, "check", "show", cid)
    assert "漏报" in text and "瞒报" in text and "未登记查实情况的事项(11)" in text

    early = act(world, "clerk1", "check", "decide", cid, "--handling", "批评教育")
    assert early.code == 1 and "尚未完成" in one_line(early.err)
    done = ok_json(world, "check", "complete", cid)
    assert done["status"] == "completed" and done["blocks_promotion"] is True
    closed = act(world, "clerk1", "check", "record", cid, "--item", "salary", "--none")
    assert closed.code == 1 and "已完成" in one_line(closed.err)

    decided = ok_json(world, "check", "decide", cid, "--handling", "批评教育、责令作出检查",
                      "--note", "本人已作书面说明")  # fmt: skip
    decision = decided["decision"]
    assert decision["handling"] == ["批评教育", "责令作出检查"]
    assert decision["builtin"] == ["不得提拔使用", "不得列为后备干部人选"]  # 瞒报, built in
    listed = ok_json(world, "check", "list", oid, user="vet1")
    assert [c["id"] for c in listed] == [int(cid)]
    assert "不得提拔使用" in ok(world, "check", "list")

    # The concealment bars the official as a 考察对象, citing the check.
    assessed = ok_json(world, "official", "eligibility", oid, user="vet1")
    assert assessed["eligible"] is False
    assert [(r["code"], r["evidence"]) for r in assessed["reasons"]] == [
        ("check_concealed", [f"check:{cid}"])
    ]
    refused = act(world, "vet1", "check", "record", cid, "--item", "salary", "--none")
    assert refused.code == 3  # the clerk records checks; the vetting officer reads them


def test_the_vetting_officer_asks_for_the_targeted_check(world: World) -> None:
    oid = str(world.sanctioned)
    asked = ok_json(world, "check", "require", oid, "--year", str(LAST), "--reason", "拟提拔",
                    user="vet1")  # fmt: skip
    assert (asked["kind"], asked["status"]) == ("targeted", "open")
    again = ok_json(world, "check", "require", oid, "--year", str(LAST), "--reason", "拟提拔",
                    user="vet1")  # fmt: skip
    assert again["id"] == asked["id"]  # the existing check, not a second one


# ---- the random draw ------------------------------------------------------------------------


def test_the_draw_is_reproducible_from_its_seed(world: World) -> None:
    draw = ("check", "sample", "--year", str(SAMPLED), "--percent", "30", "--seed", "青山-2026")
    first = ok_json(world, *draw, "--dry-run")
    second = ok_json(world, *draw, "--dry-run")
    assert first["drawn"] == second["drawn"] and len(first["drawn"]) == 3  # ceil(8 × 30 %)
    assert sorted(first["population"]) == sorted(world.sampled)
    assert first["check_ids"] == [] and first["dry_run"] is True

    real = ok_json(world, *draw)
    assert real["drawn"] == first["drawn"]
    assert real["population_digest"] == first["population_digest"]
    assert len(real["check_ids"]) == 3
    checks = ok_json(world, "check", "list", "--year", str(SAMPLED))
    assert sorted(c["official_id"] for c in checks) == sorted(first["drawn"])
    assert {(c["kind"], c["sample_seed"]) for c in checks} == {("random", "青山-2026")}

    again = act(world, "clerk1", *draw)
    assert again.code == 1 and "已随机抽取过" in one_line(again.err)

    trail = ok_json(world, "audit", "list", "--action", "check.sample", user="aud1")
    details = [e["detail"] for e in trail]
    assert all("seed:青山-2026" in d and first["population_digest"] in d for d in details)
    assert sum("dry-run" in d for d in details) == 2 and len(details) == 3

    made_up = ok_json(world, "check", "sample", "--year", str(SAMPLED), "--dry-run")
    assert len(made_up["seed"]) == 16  # printed, and audited like a chosen one


# ---- eligibility and the influence-period table ---------------------------------------------


def test_an_influence_period_bars_and_the_security_officer_sets_it(world: World) -> None:
    oid = str(world.sanctioned)
    assessed = ok_json(world, "official", "eligibility", oid)
    assert assessed["eligible"] is False
    (reason,) = assessed["reasons"]
    assert reason["code"] == "influence_period" and len(reason["record_ids"]) == 1
    text = ok(world, "official", "eligibility", oid)
    assert "不得列为考察对象" in text and f"记录#{reason['record_ids'][0]}" in text
    later = ok_json(world, "official", "eligibility", oid, "--today",
                    (TODAY + timedelta(days=400)).isoformat())  # fmt: skip
    assert later["eligible"] is True

    before = Snapshot.of(world.path)
    refused = act(world, "clerk1", "policy", "influence", "set", "党纪处分:警告=0")
    assert refused.code == 3 and "权限不足" in one_line(refused.err)
    before.assert_unchanged(world.path, "policy.set")

    changed = ok_json(world, "policy", "influence", "set", "党纪处分:警告=0", user="sec")
    assert changed["changed"]["党纪处分:警告"]["new"].startswith("0个月")
    rules = {r["key"]: r for r in ok_json(world, "policy", "influence", user="clerk1")}
    assert rules["党纪处分:警告"]["months"] == 0 and rules["党纪处分:警告"]["overridden"]
    assert ok_json(world, "official", "eligibility", oid)["eligible"] is True

    ok(world, "policy", "influence", "reset", "党纪处分:警告", user="sec")
    assert "12个月" in ok(world, "policy", "influence", "list", user="sec")
    assert ok_json(world, "official", "eligibility", oid)["eligible"] is False


def test_the_security_officer_sets_the_handling_ladder(world: World) -> None:
    ladder = ok_json(world, "policy", "handlings", "set", "提醒谈话", "批评教育", user="sec")
    assert ladder["handlings"] == ["提醒谈话", "批评教育"]
    assert ok_json(world, "policy", "handlings")["handlings"] == ["提醒谈话", "批评教育"]
    assert act(world, "clerk1", "policy", "handlings", "reset").code == 3
    restored = ok_json(world, "policy", "handlings", "reset", user="sec")
    assert "移送纪检监察机关" in restored["handlings"]


# ---- bad input --------------------------------------------------------------------------------

#: Mistakes seen before unlocking: exit 2, the vault folder untouched.
BEFORE_UNLOCK: dict[str, tuple[tuple[str, ...], str]] = {
    "an unknown kind of check": (
        ("check", "new", "1", "--year", "2025", "--kind", "抽"),
        "查核方式",
    ),
    "an item with no facts": (("check", "record", "1", "--item", "real_estate"), "--entry"),
    "facts and none at once": (
        ("check", "record", "1", "--item", "business", "--none", "--entry", BUSINESS),
        "--none",
    ),
    "a malformed entry": (
        ("check", "record", "1", "--item", "business", "--entry", "x"),
        "--entry",
    ),
    "a share over 100 per cent": (
        ("check", "sample", "--year", "2025", "--percent", "150", "--seed", "s"),
        "抽查比例",
    ),
    "an unknown influence kind": (("policy", "influence", "set", "党纪处分:罚款=6"), "影响期种类"),
    "months out of range": (("policy", "influence", "set", "诫勉=999"), "影响期(诫勉)"),
    "a key given twice": (("policy", "influence", "set", "诫勉=6", "诫勉=7"), "诫勉"),
    "an empty handling": (("policy", "handlings", "set", " "), "处理方式"),
    "a malformed date": (("official", "eligibility", "1", "--today", "2026-13-01"), "日期"),
}


@pytest.mark.parametrize("case", list(BEFORE_UNLOCK))
def test_a_mistake_seen_before_unlocking_leaves_the_folder_untouched(
    world: World, case: str
) -> None:
    args, named = BEFORE_UNLOCK[case]
    user = "sec" if args[0] == "policy" else "clerk1"
    before = folder_digest(world.path)
    result = act(world, user, *args)
    assert result.code == 2, result.err
    assert named in one_line(result.err)
    assert folder_digest(world.path) == before


def test_a_check_of_a_year_with_no_report_changes_no_data(world: World) -> None:
    before = Snapshot.of(world.path)
    result = act(world, "clerk1", "check", "new", str(world.no_report), "--year", str(LAST),
                 "--kind", "random")  # fmt: skip
    assert result.code == 2
    assert "报告年度" in one_line(result.err) and str(LAST) in result.err
    before.assert_unchanged(world.path)


def test_dates_in_the_wrong_order_change_no_data(world: World) -> None:
    before = Snapshot.of(world.path)
    day_before = str(world.submitted - timedelta(days=1))
    opened = act(world, "clerk1", "check", "new", str(world.unchecked), "--year", str(LAST),
                 "--kind", "targeted", "--date", day_before)  # fmt: skip
    assert opened.code == 2
    assert "查核日期" in one_line(opened.err) and "报告日期" in opened.err
    completed = act(world, "clerk1", "check", "complete", str(world.open_check), "--date",
                    str(TODAY - timedelta(days=1)))  # fmt: skip
    assert completed.code == 2
    assert "完成日期" in one_line(completed.err) and "查核日期" in completed.err
    before.assert_unchanged(world.path)


def test_an_unknown_check_or_measure_changes_no_data(world: World) -> None:
    before = Snapshot.of(world.path)
    unknown = act(world, "clerk1", "check", "show", "99999")
    assert unknown.code == 1 and "未找到" in one_line(unknown.err)
    item = act(world, "clerk1", "check", "record", str(world.open_check), "--item", "pets",
               "--none")  # fmt: skip
    assert item.code == 2 and "报告事项" in one_line(item.err)
    flat = "owner=本人,address=幸福路8号,use=住宅,area=很大"
    bad = act(world, "clerk1", "check", "record", str(world.open_check), "--item",
              "real_estate", "--entry", flat)  # fmt: skip
    assert bad.code == 2 and "real_estate[1].area" in one_line(bad.err)
    before.assert_unchanged(world.path)
