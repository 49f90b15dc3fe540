"""Eligibility: track requirements and the round's region rule (DESIGN §3.8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.domain import eligibility, scoring, totals
from reviewer.domain.config import Criterion, Track
from reviewer.domain.eligibility import check_eligibility, in_region
from reviewer.domain.model import Application
from reviewer.i18n import render
from reviewer.i18n.scoring import MESSAGES

RUBRIC = (Criterion(id="tech", name="기술성", weight=100, max=100),)
OPEN = Track(id="open", name="테스트베드 서울", seats=5, criteria=RUBRIC)
TIPS = Track(
    id="tips", name="서울형 TIPS", seats=5, criteria=RUBRIC, requires=("investment_commitment",)
)
BOTH = Track(
    id="both",
    name="both",
    seats=5,
    criteria=RUBRIC,
    requires=("guarantee", "investment_commitment"),
)


def app(**facts: object) -> Application:
    fields: dict[str, object] = {"id": "A", "track": "open", "title": "t", "company": "c"}
    fields.update(facts)
    return Application(**fields)  # type: ignore[arg-type]


class TestRegion:
    @pytest.mark.parametrize(
        "region",
        [
            "서울특별시 강남구",
            "서울 강남구",
            "서울",
            " 서울시 마포구",
            "서 울 특별시",
            "서울\t강남구",
        ],
    )
    def test_prefix_after_removing_spaces_is_inside(self, region: str) -> None:
        assert in_region(region, "서울")

    @pytest.mark.parametrize("region", ["경기도 성남시", "인천광역시", "강남구 서울", "", "   "])
    def test_other_regions_are_outside(self, region: str) -> None:
        assert not in_region(region, "서울")

    def test_missing_region_is_outside(self) -> None:
        assert not in_region(None, "서울")

    def test_spaces_in_the_rule_are_ignored_too(self) -> None:
        assert in_region("서울특별시 강남구", "서울 특별시")
        assert not in_region("서울 강남구", "서울특별시")

    def test_case_and_width_are_ignored(self) -> None:
        assert in_region("ＳＥＯＵＬ Gangnam", "seoul")


class TestRequirements:
    @pytest.mark.parametrize("value", [False, None])
    def test_investment_not_affirmed_is_ineligible(self, value: bool | None) -> None:
        verdict = check_eligibility(app(investment_commitment=value), TIPS, None)
        assert verdict is not None
        assert verdict.key == "scoring.requires_investment"
        assert verdict.params == {"track": "서울형 TIPS"}

    def test_investment_affirmed_is_eligible(self) -> None:
        assert check_eligibility(app(investment_commitment=True), TIPS, None) is None

    def test_guarantee(self) -> None:
        both = app(guarantee=False, investment_commitment=True)
        verdict = check_eligibility(both, BOTH, None)
        assert verdict is not None and verdict.key == "scoring.requires_guarantee"
        assert (
            check_eligibility(app(guarantee=True, investment_commitment=True), BOTH, None) is None
        )

    def test_first_unmet_requirement_in_configured_order(self) -> None:
        verdict = check_eligibility(app(), BOTH, None)
        assert verdict is not None and verdict.key == "scoring.requires_guarantee"

    def test_track_without_requirements_ignores_the_facts(self) -> None:
        assert (
            check_eligibility(app(investment_commitment=False, guarantee=False), OPEN, None) is None
        )


class TestRegionRule:
    def test_inside(self) -> None:
        assert check_eligibility(app(region="서울 강남구"), OPEN, "서울") is None

    def test_outside(self) -> None:
        verdict = check_eligibility(app(region="경기도 성남시 "), OPEN, "서울")
        assert verdict is not None
        assert verdict.key == "scoring.outside_region"
        assert verdict.params == {"region": "경기도 성남시", "required": "서울"}

    @pytest.mark.parametrize("region", [None, "", "  "])
    def test_missing_region_with_a_rule(self, region: str | None) -> None:
        verdict = check_eligibility(app(region=region), OPEN, "서울")
        assert verdict is not None and verdict.key == "scoring.region_missing"

    def test_no_rule_accepts_any_region(self) -> None:
        assert check_eligibility(app(region=None), OPEN, None) is None
        assert check_eligibility(app(region="부산"), OPEN, None) is None

    def test_requirements_are_reported_before_the_region(self) -> None:
        verdict = check_eligibility(app(region="부산"), TIPS, "서울")
        assert verdict is not None and verdict.key == "scoring.requires_investment"


class TestMessages:
    def test_every_key_is_prefixed_and_has_both_languages(self) -> None:
        for key, (korean, english) in MESSAGES.items():
            assert key.startswith("scoring.")
            assert korean and english and korean != english
            fields = re.compile(r"{(\w+)")
            assert set(fields.findall(korean)) == set(fields.findall(english)), key

    def test_every_key_the_rules_use_is_in_the_catalog(self) -> None:
        used: set[str] = set()
        for module in (scoring, totals, eligibility):
            source = Path(module.__file__ or "").read_text(encoding="utf-8")
            used.update(re.findall(r'"(scoring\.\w+)"', source))
        assert len(used) >= 10
        assert used <= set(MESSAGES)

    def test_reasons_render_in_both_languages(self) -> None:
        params = {"region": "경기도 성남시", "required": "서울"}
        assert render("scoring.outside_region", "en", **params) == (
            "region 경기도 성남시 is outside 서울"
        )
        assert "경기도 성남시" in render("scoring.outside_region", "ko", **params)
        assert "서울형 TIPS" in render("scoring.requires_investment", "ko", track="서울형 TIPS")
