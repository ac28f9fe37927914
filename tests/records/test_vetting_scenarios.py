"""The scenario suite: every candidate of :mod:`tests.records.vetting_scenarios` filed in one
real vault through the real services, then their proposed category, its reasons and their
Art. 24 eligibility checked against the table, and one vetting request decided over all.

One vault per module (building it is the slow part); the clock is the fixed ``NOW`` of
tests.records.support, so no outcome depends on today's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from records import eligibility
from records.roles import Role
from records.services.eligibility import EligibilityService
from records.services.influence_rules import InfluenceRuleService
from records.services.officials import OfficialService
from records.services.users import UserService
from records.services.vetting import VettingService
from records.services.vetting_evidence import gather_evidence
from records.services.vetting_store import latest_decision
from records.session import Session
from records.vault import create_vault, unlock_vault
from records.vetting_proposal import REASONS, propose
from records.vetting_terms import Category, Decision, RequestState
from tests.records.support import (
    ADMIN,
    PASSWORDS,
    TODAY,
    USER_OF_ROLE,
    fixed_clock,
    make_id,
    official_values,
)
from tests.records.vetting_scenarios import LOCAL_RULES, SCENARIOS, Scenario

#: Every reason code of Art. 24 the software decides: the upper-case string constants of
#: records.eligibility (that is how the module names its codes), so a rule added there
#: without a scenario here fails :func:`test_the_table_covers_every_category_and_rule`.
ELIGIBILITY_CODES = frozenset(
    value
    for name, value in vars(eligibility).items()
    if name.isupper() and isinstance(value, str) and re.fullmatch("[a-z_]+", value)
)


@dataclass(frozen=True)
class World:
    vet: Session
    ids: dict[str, int]  # scenario key → official id


def _open(path: Path, user: str) -> Session:
    return unlock_vault(path, user, PASSWORDS[user], clock=fixed_clock)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    path = tmp_path_factory.mktemp("scenarios") / "vault"
    with create_vault(
        path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock
    ) as admin:
        for role in (Role.SECADMIN, Role.CLERK, Role.VETTING):
            UserService(admin).add(USER_OF_ROLE[role], role, PASSWORDS[USER_OF_ROLE[role]])
    with _open(path, USER_OF_ROLE[Role.SECADMIN]) as sec:
        InfluenceRuleService(sec).set_values(LOCAL_RULES)
    ids: dict[str, int] = {}
    with _open(path, USER_OF_ROLE[Role.CLERK]) as clerk:
        for n, scenario in enumerate(SCENARIOS, start=1):
            values = official_values(
                name=f"人选{n:02d}", id_number=make_id(f"11010519800315{n + 100:03d}")
            )
            official_id = OfficialService(clerk).add(values).id
            for fact in scenario.facts:
                fact.file(clerk, official_id)
            ids[scenario.key] = official_id
    vet = _open(path, USER_OF_ROLE[Role.VETTING])
    yield World(vet, ids)
    vet.close()


def test_the_table_covers_every_category_and_rule() -> None:
    assert len(SCENARIOS) >= 30
    keys = [s.key for s in SCENARIOS]
    assert len(set(keys)) == len(keys)
    assert {s.category for s in SCENARIOS} == set(Category)
    assert {code for s in SCENARIOS for code in s.ineligible} == ELIGIBILITY_CODES
    assert {code for s in SCENARIOS for code in s.reasons} == set(REASONS)
    assert {s.eligible for s in SCENARIOS} == {True, False}
    for scenario in SCENARIOS:
        # The end date is stated exactly when an influence period bars the candidate.
        assert bool(scenario.until) == ("influence_period" in scenario.ineligible), scenario.key


def test_the_clock_is_fixed(world: World) -> None:
    assert world.vet.now().date() == TODAY


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.key for s in SCENARIOS])
def test_scenario(world: World, scenario: Scenario) -> None:
    official_id = world.ids[scenario.key]
    proposal = propose(gather_evidence(world.vet, official_id, TODAY), TODAY)
    assert (proposal.category, tuple(r.code for r in proposal.reasons)) == (
        scenario.category,
        scenario.reasons,
    ), scenario.zh

    assessed = EligibilityService(world.vet).assess(official_id)  # as of the session's clock
    assert (assessed.eligible, tuple(r.code for r in assessed.reasons)) == (
        scenario.eligible,
        scenario.ineligible,
    ), scenario.zh
    if scenario.until:
        [period] = [r for r in assessed.reasons if r.code == eligibility.INFLUENCE_PERIOD]
        expected = "永久" if scenario.until == "永久" else f"至{scenario.until}止"
        assert expected in period.text_zh, period.text_zh

    # Whoever may not be a 考察对象 may not get an opinion that raises no objection.
    if not assessed.eligible:
        assert proposal.category >= Category.DEFER_USE, scenario.zh


def test_one_vetting_request_over_every_candidate(world: World) -> None:
    """创建 → 逐一确认系统建议 → 提交: the categories stored are the table's."""
    service = VettingService(world.vet)
    ids = [world.ids[s.key] for s in SCENARIOS]
    request = service.create(
        "青组函〔2026〕30号", "2026-11-20", "中共青山县委组织部", "拟提拔", ids
    )
    for official_id in ids:
        service.decide(request.id, official_id, confirm=True)
    assert service.submit(request.id).state is RequestState.REVIEWING

    stored = {}
    for scenario in SCENARIOS:
        decision = latest_decision(world.vet.conn, request.id, world.ids[scenario.key])
        assert decision is not None, scenario.key
        assert (decision.decision, decision.proposed) == (Decision.CONFIRMED, decision.category)
        assert tuple(r.code for r in decision.reasons) == scenario.reasons, scenario.key
        stored[scenario.key] = decision.category
    assert stored == {s.key: s.category for s in SCENARIOS}
