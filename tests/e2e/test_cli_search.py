"""``liandang official list --search … --filter … --sort … --desc`` through the real command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli import PASSWORDS, CliVault, Result, folder_digest, run


@pytest.fixture(scope="module")
def vault(cli_vault: CliVault, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shared vault with two more officials and an open clue."""
    path = tmp_path_factory.mktemp("search") / "vault"
    shutil.copytree(cli_vault.path, path)
    for name, id_number, unit, flags in (
        ("张三", "35020319850101001X", "北塔镇审计所", ("--is-reserve",)),
        ("单军", "350203198602020030", "北塔镇审计所", ()),
    ):
        added = clerk(path, "official", "add", "--name", name, "--id-number", id_number,
                      "--unit", unit, "--position", "科长", "--rank", "正科级",
                      "--category", "3", *flags, "--json")  # fmt: skip
        assert added.code == 0, added.err
    zhang = ids(clerk(path, "official", "list", "--search", "zhangsan", "--json"))[0]
    clue = clerk(path, "record", "add", str(zhang), "--type", "clue", "--date", "2026-01-05",
                 "--field", "summary=反映问题", "--field", "custodian=clerk1",
                 "--field", "status=待处置")  # fmt: skip
    assert clue.code == 0, clue.err
    return path


def clerk(path: Path, *args: str) -> Result:
    return run("--vault", str(path), "--user", "clerk1", "--password-stdin", *args,
               stdin=PASSWORDS["clerk1"] + "\n")  # fmt: skip


def ids(result: Result) -> list[int]:
    assert result.code == 0, result.err
    return [row["id"] for row in json.loads(result.out)]


def names(result: Result) -> list[str]:
    assert result.code == 0, result.err
    return [row["name"] for row in json.loads(result.out)]


def listing(path: Path, *args: str) -> Result:
    return clerk(path, "official", "list", *args, "--json")


def test_search_by_pinyin_initials_id_prefix_and_unit(vault: Path) -> None:
    assert names(listing(vault, "--search", "zhangsan")) == ["张三"]
    assert names(listing(vault, "--search", "zs")) == ["张三"]
    assert names(listing(vault, "--search", "dan")) == ["单军"]  # 单's other reading
    assert names(listing(vault, "--search", "3502031985")) == ["张三"]
    assert names(listing(vault, "--search", "审计")) == ["单军", "张三"]  # pinyin order


def test_filters_and_sort(vault: Path) -> None:
    assert names(listing(vault, "--filter", "flag=后备干部")) == ["张三"]
    assert names(listing(vault, "--filter", "category=3", "--filter", "unit=北塔镇")) == [
        "单军",
        "张三",
    ]
    assert names(listing(vault, "--filter", "open_clue=yes")) == ["张三"]
    assert "张三" not in names(listing(vault, "--filter", "open_clue=no"))
    assert len(names(listing(vault, "--filter", "report_missing=2025"))) == 3
    assert names(listing(vault, "--sort", "name", "--desc")) == ["张三", "单军", "欧阳明远"]
    # Same unit: the order of filing (id) breaks the tie.
    assert names(listing(vault, "--sort", "unit")) == ["张三", "单军", "欧阳明远"]
    assert names(listing(vault, "--sort", "name", "--limit", "1")) == ["欧阳明远"]


def test_no_match_exits_1(vault: Path) -> None:
    assert listing(vault, "--search", "不存在的人").code == 1
    assert listing(vault, "--filter", "influence=yes").code == 1


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--filter", "colour=red"), "colour"),
        (("--filter", "open_clue=maybe"), "open_clue"),
        (("--filter", "flag=党员"), "flag"),
        (("--filter", "rank"), "rank"),
    ],
)
def test_a_bad_filter_exits_2_naming_it(vault: Path, args: tuple[str, ...], named: str) -> None:
    before = folder_digest(vault)
    result = listing(vault, *args)
    assert result.code == 2, result.err
    assert named in result.err and result.err.count("\n") == 1
    assert result.out == ""
    assert folder_digest(vault) == before
