"""How ``liandang check`` prints checks (查核) and draws (随机抽查)."""

from __future__ import annotations

from collections.abc import Sequence

from records.report_check import Check, SampleResult
from ui.cli.formatting import jsonable, table


def check_json(check: Check) -> dict[str, object]:
    data: dict[str, object] = jsonable(check)
    data["kind_zh"] = check.kind.label_zh
    data["status_zh"] = check.status.label_zh
    data["finding"] = check.finding.value
    data["blocks_promotion"] = check.blocks_promotion
    return data


def checks_table(checks: Sequence[Check]) -> str:
    rows = [
        (
            c.id,
            c.official_id,
            c.year,
            c.kind.label_zh,
            c.status.label_zh,
            c.finding.value if c.items else "",
            c.decision.text_zh if c.decision else "",
        )
        for c in checks
    ]
    return table(["ID", "人员ID", "年度", "方式", "状态", "结论", "处理"], rows)


def check_text(check: Check) -> str:
    head = (
        f"查核 #{check.id}  人员ID {check.official_id}  {check.year}年度报告"
        f"  {check.kind.label_zh}  {check.status.label_zh}  查核日期 {check.opened_date}"
    )
    if check.completed_date:
        head += f"  完成日期 {check.completed_date}"
    lines = [head]
    if check.reason:
        lines.append(f"事由:{check.reason}")
    if check.sample_seed is not None:
        lines.append(f"随机种子 / seed:{check.sample_seed}")
    if check.items:
        rows = [(i.label_zh, i.code, i.finding.value, i.reason_zh) for i in check.items]
        lines.append(table(["事项", "代码", "结论", "说明"], rows))
        lines.append(f"结论 / finding:{check.finding.value}({check.finding.label_en})")
    else:
        lines.append("尚未登记任何事项的查实情况 / no item verified yet")
    if check.unverified:
        count = len(check.unverified)
        lines.append(f"未登记查实情况的事项({count}):" + "、".join(check.unverified))
    decision = check.decision
    if decision is not None:
        lines.append(f"处理决定:{decision.text_zh}({decision.decided_by} {decision.decided_date})")
        if decision.note:
            lines.append(f"  说明:{decision.note}")
    if check.blocks_promotion:
        lines.append("瞒报:不得提拔使用,不得列为后备干部人选 / concealment: not promotable")
    return "\n".join(lines)


def sample_json(result: SampleResult) -> dict[str, object]:
    data: dict[str, object] = jsonable(result)
    data["population_size"] = len(result.population)
    return data


def sample_text(result: SampleResult) -> str:
    drawn = "、".join(map(str, result.drawn)) or "无"
    lines = [
        f"{result.year}年度随机抽查  比例 {result.percent}%  种子 / seed:{result.seed}",
        f"应查核人数 / population:{len(result.population)}  SHA-256:{result.population_digest}",
        f"抽中人员ID / drawn:{drawn}",
    ]
    if result.dry_run:
        lines.append("(试抽,未建立查核 / dry run: no check was opened)")
    else:
        opened = "、".join(map(str, result.check_ids)) or "无"
        lines.append(f"已建立查核 / checks opened:{opened}")
    return "\n".join(lines)
