"""The reviewer's score form: each field checked as typed, the running total by the
scoring's formula, the comment rule and the status of a draft."""

from __future__ import annotations

import pytest

from reviewer.domain.config import Criterion
from reviewer.domain.model import Review
from reviewer.domain.score_form import (
    Draft,
    FormStatus,
    Problem,
    check_form,
    check_value,
    grade_names,
    weighted_total,
)
from reviewer.domain.totals import normalised_matrix, reviewer_totals

TECH = Criterion("tech", "기술성", 40, 0, 40)
INVEST = Criterion("invest", "투자 적정성", 20, 1, 5)
POLICY = Criterion("policy", "정책부합성", 10, grades={"탁월": 1.0, "우수": 0.8, "보통": 0.6})
RUBRIC = (TECH, INVEST, POLICY)


@pytest.mark.parametrize(
    ("text", "value"), [("0", 0), ("40", 40), (" 35 ", 35), ("35.5", 35.5), (".5", 0.5)]
)
def test_a_number_within_the_range_is_its_value(text: str, value: float) -> None:
    assert check_value(TECH, text).value == value
    assert check_value(TECH, text).problem is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("41", Problem.OUT_OF_RANGE),
        ("-1", Problem.OUT_OF_RANGE),
        ("40.01", Problem.OUT_OF_RANGE),
        ("abc", Problem.NOT_A_NUMBER),
        ("3,5", Problem.NOT_A_NUMBER),
        ("nan", Problem.NOT_A_NUMBER),
        ("inf", Problem.NOT_A_NUMBER),
        ("1e3", Problem.NOT_A_NUMBER),
    ],
)
def test_a_wrong_number_names_its_problem(text: str, problem: Problem) -> None:
    check = check_value(TECH, text)
    assert check.value is None
    assert check.problem is problem


def test_a_scale_below_one_is_refused_below_its_minimum() -> None:
    assert check_value(INVEST, "0").problem is Problem.OUT_OF_RANGE
    assert check_value(INVEST, "1").value == 1


def test_a_grade_is_chosen_by_name_or_by_its_position() -> None:
    assert check_value(POLICY, "우수").value == "우수"
    assert check_value(POLICY, "1").value == "탁월"
    assert check_value(POLICY, "3").value == "보통"
    assert check_value(POLICY, "4").problem is Problem.UNKNOWN_GRADE
    assert check_value(POLICY, "A").problem is Problem.UNKNOWN_GRADE
    assert check_value(POLICY, "").value is None


def test_the_total_is_the_scorings_own_formula() -> None:
    scores = {"tech": 30, "invest": 4, "policy": "우수"}
    review = Review("a", "r", scores)
    expected = float(reviewer_totals(RUBRIC, normalised_matrix(RUBRIC, [review]))[0])
    assert weighted_total(RUBRIC, scores) == expected
    # 100 · (40·30/40 + 20·3/4 + 10·0.8) / 70
    assert weighted_total(RUBRIC, scores) == pytest.approx(100 * (30 + 15 + 8) / 70)


def test_a_complete_form_has_its_total_and_is_complete() -> None:
    check = check_form(RUBRIC, Draft("a", {"tech": "30", "invest": "4", "policy": "2"}), 60, 95)
    assert check.status is FormStatus.COMPLETE
    assert check.total == pytest.approx(100 * 53 / 70)
    assert check.scores() == {"tech": 30, "invest": 4, "policy": "우수"}
    assert not check.comment_required


def test_the_running_total_counts_what_is_typed_so_far() -> None:
    check = check_form(RUBRIC, Draft("a", {"tech": "20"}), 60, 95)
    assert check.status is FormStatus.DRAFT
    assert check.total is None
    assert check.partial_total == pytest.approx(100 * 20 / 70)
    assert check.missing == ("invest", "policy")


def test_a_wrong_value_keeps_the_form_incomplete() -> None:
    check = check_form(RUBRIC, Draft("a", {"tech": "45", "invest": "4", "policy": "1"}), 60, 95)
    assert check.status is FormStatus.DRAFT
    assert check.problems == {"tech": Problem.OUT_OF_RANGE}
    assert check.total is None


@pytest.mark.parametrize(
    ("texts", "required"),
    [
        ({"tech": "40", "invest": "5", "policy": "1"}, True),  # 100 > 95
        ({"tech": "0", "invest": "1", "policy": "3"}, True),  # 100·6/70 < 60
        ({"tech": "30", "invest": "4", "policy": "2"}, False),  # 75.7
    ],
)
def test_a_comment_is_required_outside_the_bounds(texts: dict[str, str], required: bool) -> None:
    without = check_form(RUBRIC, Draft("a", texts), 60, 95)
    assert without.comment_required is required
    assert without.comment_missing is required
    assert without.status is (FormStatus.DRAFT if required else FormStatus.COMPLETE)
    commented = check_form(RUBRIC, Draft("a", texts, comment="근거"), 60, 95)
    assert commented.status is FormStatus.COMPLETE
    assert not commented.comment_missing


def test_the_bounds_themselves_need_no_comment() -> None:
    rubric = (TECH,)
    assert not check_form(rubric, Draft("a", {"tech": "24"}), 60, 95).comment_required  # 60
    assert not check_form(rubric, Draft("a", {"tech": "38"}), 60, 95).comment_required  # 95


def test_a_conflict_and_an_empty_draft_have_their_status() -> None:
    assert check_form(RUBRIC, Draft("a"), 60, 95).status is FormStatus.UNSCORED
    assert check_form(RUBRIC, Draft("a", {"tech": " "}), 60, 95).status is FormStatus.UNSCORED
    conflict = Draft("a", conflict=True, conflict_reason="전 직장")
    assert check_form(RUBRIC, conflict, 60, 95).status is FormStatus.CONFLICT
    assert check_form(RUBRIC, Draft("a", comment="메모"), 60, 95).status is FormStatus.DRAFT


def test_grades_are_numbered_from_the_best_whatever_their_written_order() -> None:
    shuffled = Criterion("p", "정책", 10, grades={"보통": 0.6, "탁월": 1.0, "우수": 0.8})
    assert grade_names(shuffled) == ("탁월", "우수", "보통")
    assert check_value(shuffled, "1").value == "탁월"
