"""Organisation names, expertise fit, shortfall reasons and the solver's rules."""

from __future__ import annotations

import pytest

from reviewer.domain.assignment import (
    CONFLICTS,
    MAX_LOAD,
    PANEL_TOO_SMALL,
    AssignApplication,
    AssignmentProblem,
    AssignReviewer,
    expertise_fit,
    organisation_conflicts,
    organisation_key,
    same_organisation,
)
from reviewer.domain.assignment_solver import solve_assignment
from reviewer.domain.stopping import CancelToken, Stop
from reviewer.errors import SolverCancelled


@pytest.mark.parametrize(
    "spelling",
    [
        "㈜한빛로보틱스",
        "(주)한빛로보틱스",
        "( 주 ) 한빛로보틱스",
        "주식회사 한빛로보틱스",
        "주식회사한빛 로보틱스",
        "한빛로보틱스(주)",
        "한빛로보틱스 주식회사",
        "（주）한빛로보틱스",
        "주)한빛로보틱스",
        "한빛-로보틱스",
    ],
)
def test_korean_legal_forms_spaces_and_width_do_not_matter(spelling: str) -> None:
    assert organisation_key(spelling) == "한빛로보틱스"


@pytest.mark.parametrize(
    "spelling",
    [
        "Hanbit Robotics Co., Ltd.",
        "HANBIT ROBOTICS INC",
        "ＨＡＮＢＩＴ Robotics",
        "hanbit robotics",
    ],
)
def test_english_legal_forms_and_case_do_not_matter(spelling: str) -> None:
    assert organisation_key(spelling) == "hanbitrobotics"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("(유)누리바이오", "누리바이오"),
        ("유한회사 누리바이오", "누리바이오"),
        ("㈔한국로봇협회", "한국로봇협회"),
        ("사단법인 한국로봇협회", "한국로봇협회"),
        ("재단법인 서울디지털재단", "서울디지털재단"),
        ("Zinc Labs", "zinclabs"),  # "inc" is dropped as a word only
        ("", ""),
        ("㈜", ""),
    ],
)
def test_other_legal_forms(name: str, key: str) -> None:
    assert organisation_key(name) == key


def test_an_affiliation_matches_by_its_organisation_before_the_unit() -> None:
    assert same_organisation("서울대학교", "서울대학교 컴퓨터공학과")
    assert same_organisation("㈜한빛로보틱스", "한빛로보틱스 연구소")
    assert same_organisation("주식회사 한빛로보틱스", "한빛 로보틱스(주)")
    assert not same_organisation("한빛로보틱스", "한빛전자")
    assert not same_organisation("서울 바이오", "서울 로봇")  # first words alone are not enough
    assert not same_organisation("", "")
    assert not same_organisation("㈜", "(주)")


def test_organisation_conflicts_are_found_between_companies_and_affiliations() -> None:
    apps = [
        AssignApplication("A2", "t", company="㈜한빛로보틱스"),
        AssignApplication("A1", "t", company="누리바이오"),
    ]
    reviewers = [
        AssignReviewer("R1", ("t",), affiliation="주식회사 한빛 로보틱스"),
        AssignReviewer("R2", ("t",), affiliation="서울대학교"),
        AssignReviewer("R3", ("u",), affiliation="한빛로보틱스 기술연구소"),
    ]
    assert organisation_conflicts(apps, reviewers) == [("A2", "R1"), ("A2", "R3")]


def test_expertise_fit_counts_the_fields_words_found_in_the_expertise() -> None:
    assert expertise_fit("AI", "서울대학교 AI융합연구소") == 1
    assert expertise_fit("AI 로봇", "한국로봇융합연구원 ai") == 2
    assert expertise_fit("바이오", "한국전자통신연구원") == 0
    assert expertise_fit("", "AI") == 0
    assert expertise_fit("A", "A") == 0  # single characters are not words


def _problem(**kwargs: object) -> AssignmentProblem:
    apps = (
        AssignApplication("A1", "t", "AI"),
        AssignApplication("A2", "t", "바이오"),
        AssignApplication("A3", "u", ""),
    )
    reviewers = (
        AssignReviewer("R1", ("t",), expertise="AI"),
        AssignReviewer("R2", ("t",), expertise="바이오"),
        AssignReviewer("R3", ("t", "u"), expertise="AI 바이오"),
    )
    defaults: dict[str, object] = {"per_application": 2}
    defaults.update(kwargs)
    return AssignmentProblem(apps, reviewers, **defaults)  # type: ignore[arg-type]


def test_each_application_gets_its_reviewers_from_its_tracks_panel() -> None:
    result = solve_assignment(_problem())
    for app_id, reviewer_id in result.pairs:
        if app_id == "A3":
            assert reviewer_id == "R3"
    assert [(s.application_id, s.reason, s.panel) for s in result.shortfalls] == [
        ("A3", PANEL_TOO_SMALL, 1)
    ]


def test_expertise_decides_between_equal_panels() -> None:
    result = solve_assignment(_problem(per_application=1, max_load=1))
    assert ("A1", "R1") in result.pairs and ("A2", "R2") in result.pairs
    assert ("A3", "R3") in result.pairs


def test_a_conflicted_pair_is_never_assigned_and_says_so() -> None:
    forbidden = frozenset({("A1", "R1"), ("A1", "R2")})
    result = solve_assignment(_problem(forbidden=forbidden))
    assert not set(result.pairs) & forbidden
    short = {s.application_id: s for s in result.shortfalls}
    assert short["A1"].reason == CONFLICTS
    assert (short["A1"].assigned, short["A1"].eligible) == (1, 1)


def test_the_maximum_load_is_kept_and_named_as_the_reason() -> None:
    result = solve_assignment(_problem(max_load=1))
    assert max(result.loads.values()) == 1
    assert {s.reason for s in result.shortfalls if s.application_id != "A3"} == {MAX_LOAD}
    assert len(result.pairs) == 3  # the most pairs three reviewers with one each can give


def test_kept_pairs_count_towards_the_need_and_the_load() -> None:
    kept = frozenset({("A1", "R3"), ("A2", "R3")})
    result = solve_assignment(_problem(kept=kept, max_load=2))
    assert set(kept) <= set(result.pairs)
    assert result.kept == tuple(sorted(kept))
    assert result.loads["R3"] == 2
    assert ("A3", "R3") not in result.pairs  # R3 is full with the kept pairs
    assert sum(1 for a, _ in result.pairs if a == "A1") == 2


def test_base_load_from_other_tracks_counts_towards_the_maximum() -> None:
    result = solve_assignment(_problem(base_load={"R3": 3}, max_load=3))
    assert all(r != "R3" for _, r in result.added)
    assert result.loads["R3"] == 3


def test_loads_are_balanced() -> None:
    apps = tuple(AssignApplication(f"A{i}", "t") for i in range(6))
    reviewers = tuple(AssignReviewer(f"R{j}", ("t",)) for j in range(4))
    result = solve_assignment(AssignmentProblem(apps, reviewers, per_application=2))
    assert sorted(result.loads.values()) == [3, 3, 3, 3]
    assert result.squares == 36


def test_ties_are_broken_by_ids() -> None:
    apps = (AssignApplication("A1", "t"),)
    reviewers = tuple(AssignReviewer(f"R{j}", ("t",)) for j in (3, 1, 2))
    result = solve_assignment(AssignmentProblem(apps, reviewers, per_application=2))
    assert result.pairs == (("A1", "R1"), ("A1", "R2"))


def test_a_cancelled_assignment_raises() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(SolverCancelled):
        solve_assignment(_problem(), Stop(cancel=token))


def test_nothing_to_assign_gives_an_empty_result() -> None:
    result = solve_assignment(
        AssignmentProblem((AssignApplication("A1", "t"),), (), per_application=3)
    )
    assert result.pairs == ()
    assert result.shortfalls[0].reason == PANEL_TOO_SMALL
    assert result.load_range is None


def test_the_problem_refuses_impossible_settings() -> None:
    with pytest.raises(ValueError):
        AssignmentProblem((), (), per_application=0)
    with pytest.raises(ValueError):
        AssignmentProblem((), (), per_application=1, max_load=-1)


def test_the_units_of_one_university_are_the_university() -> None:
    assert same_organisation("서울대학교 산학협력단", "서울대학교 공과대학")
    assert same_organisation("서울대학교산학협력단", "서울대학교")
    assert same_organisation("고려대학교 산학협력단", "고려대학교 의과대학 교수")
    assert not same_organisation("서울대학교 산학협력단", "서울시립대학교")
    assert not same_organisation("서울대학교산학협력단", "연세대학교 공과대학")


def test_underscores_and_spaced_legal_forms_do_not_matter() -> None:
    assert same_organisation("한빛_로보틱스", "한빛로보틱스")
    assert same_organisation("주식 회사 한빛", "한빛")
    assert same_organisation("(주) 한빛", "유한 회사 한빛")
