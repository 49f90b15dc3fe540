"""Normalised scores, reviewer totals and criterion means (DESIGN §3.1–3.2, §3.9)."""

from __future__ import annotations

import random

import pytest

from reviewer.domain.config import Criterion
from reviewer.domain.model import Review
from reviewer.domain.totals import count_scores, normalised_matrix, reviewer_totals
from reviewer.errors import InvalidInput

GRADES = {"탁월": 1.0, "우수": 0.8, "보통": 0.6, "미흡": 0.4}
TECH = Criterion(id="tech", name="기술성", weight=40, min=0, max=40)
INVEST = Criterion(id="invest", name="투자 적정성", weight=20, min=1, max=5)
POLICY = Criterion(id="policy", name="정책부합성", weight=10, grades=GRADES)
RUBRIC = (TECH, INVEST, POLICY)


def review(reviewer: str, app: str = "A", **scores: float | str) -> Review:
    return Review(application_id=app, reviewer_id=reviewer, scores=scores)


class TestNormalisation:
    def test_scale_with_minimum_one(self) -> None:
        rows = [review("r1", invest=1), review("r2", invest=4), review("r3", invest=5)]
        matrix = normalised_matrix((INVEST,), rows)
        # (s − 1) / (5 − 1): 0, 3/4, 1
        assert matrix[:, 0].tolist() == [0.0, 0.75, 1.0]

    def test_graded_criterion_maps_the_grade_name(self) -> None:
        rows = [review("r1", policy="우수"), review("r2", policy="미흡")]
        assert normalised_matrix((POLICY,), rows)[:, 0].tolist() == [0.8, 0.4]

    def test_vectorised_values_equal_criterion_normalise(self) -> None:
        rng = random.Random(3)
        odd = Criterion(id="odd", name="odd", weight=7, min=1.5, max=9.25)
        rows = [
            review(
                f"r{i}",
                tech=round(rng.uniform(0, 40), 2),
                invest=rng.choice([1, 2, 3.5, 5]),
                policy=rng.choice(list(GRADES)),
                odd=round(rng.uniform(1.5, 9.25), 3),
            )
            for i in range(200)
        ]
        rubric = (*RUBRIC, odd)
        matrix = normalised_matrix(rubric, rows)
        for i, row in enumerate(rows):
            for j, criterion in enumerate(rubric):
                assert matrix[i, j] == criterion.normalise(row.scores[criterion.id])

    def test_numbers_written_as_text_are_numbers(self) -> None:
        assert normalised_matrix((TECH,), [review("r1", tech="30")])[0, 0] == 0.75


class TestTotals:
    def test_weighted_total_over_the_rubric(self) -> None:
        # tech 30/40 → 0.75, invest 4 on 1–5 → 0.75, policy 우수 → 0.8
        # T = 100 · (40·0.75 + 20·0.75 + 10·0.8) / 70 = 5300 / 70 = 75.714285714…
        rows = [review("r1", tech=30, invest=4, policy="우수")]
        totals = reviewer_totals(RUBRIC, normalised_matrix(RUBRIC, rows))
        assert totals.tolist() == [75.714285714]

    def test_extremes_are_0_and_100(self) -> None:
        rows = [
            review("lo", tech=0, invest=1, policy="미흡"),
            review("hi", tech=40, invest=5, policy="탁월"),
        ]
        # lo: 100 · (0 + 0 + 10·0.4) / 70 = 5.714285714; hi: 100
        totals = reviewer_totals(RUBRIC, normalised_matrix(RUBRIC, rows)).tolist()
        assert totals == [5.714285714, 100.0]

    def test_totals_are_canonical(self) -> None:
        # 100 · (30·29.7/30 + 20·(2−1)/4 + 10·5.5/10) / 60 = 100 · 40.2 / 60 = 67 exactly,
        # but the float arithmetic gives 67.00000000000001; the canonical total is 67.
        rubric = (
            Criterion(id="a", name="a", weight=30, max=30),
            Criterion(id="b", name="b", weight=20, min=1, max=5),
            Criterion(id="c", name="c", weight=10, max=10),
        )
        rows = [review("r1", a=29.7, b=2, c=5.5)]
        raw = 100.0 * (30 * (29.7 / 30) + 20 * ((2 - 1) / 4) + 10 * (5.5 / 10)) / 60
        assert raw != 67.0
        assert reviewer_totals(rubric, normalised_matrix(rubric, rows)).tolist() == [67.0]


class TestCountScores:
    def test_totals_and_means_by_application(self) -> None:
        groups = [
            (
                "A",
                [
                    review("r2", tech=20, invest=3, policy="보통"),
                    review("r1", tech=30, invest=5, policy="탁월"),
                ],
            ),
            ("B", []),
        ]
        result = count_scores(RUBRIC, groups)
        a = result["A"]
        assert a.reviewer_ids == ("r1", "r2")  # reviewer-id order, not arrival order
        # r1: 100·(40·0.75 + 20·1 + 10·1)/70 = 6000/70; r2: 100·(40·0.5 + 20·0.5 + 10·0.6)/70
        assert a.totals == (85.714285714, 51.428571429)
        assert a.criterion_means == {"tech": 0.625, "invest": 0.75, "policy": 0.8}
        assert result["B"].count == 0 and result["B"].criterion_means == {}

    def test_means_are_canonical(self) -> None:
        # (7 + 8 + 9) / 20 / 3 is 0.39999999999999997 in floats; the mean is 0.4.
        criterion = Criterion(id="c", name="c", weight=20, max=20)
        rows = [review("r1", c=7), review("r2", c=8), review("r3", c=9)]
        assert count_scores((criterion,), [("A", rows)])["A"].criterion_means == {"c": 0.4}

    def test_result_does_not_depend_on_review_order(self) -> None:
        rng = random.Random(5)
        rows = [
            review(
                f"r{i}",
                tech=rng.randrange(41),
                invest=rng.randrange(1, 6),
                policy=rng.choice(list(GRADES)),
            )
            for i in range(7)
        ]
        shuffled = rows[:]
        rng.shuffle(shuffled)
        assert count_scores(RUBRIC, [("A", rows)]) == count_scores(RUBRIC, [("A", shuffled)])

    def test_extra_scores_outside_the_rubric_are_ignored(self) -> None:
        rows = [review("r1", tech=40, invest=5, policy="탁월", other=3)]
        assert count_scores(RUBRIC, [("A", rows)])["A"].totals == (100.0,)


class TestInvalidScores:
    def check(self, key: str, row: Review, **params: object) -> None:
        good = review("r0", tech=10, invest=2, policy="보통")
        with pytest.raises(InvalidInput) as caught:
            count_scores(RUBRIC, [("A", [good, row])])
        assert caught.value.key == key
        for name, value in params.items():
            assert caught.value.params[name] == value

    def test_missing_criterion(self) -> None:
        self.check(
            "scoring.missing_score",
            review("r9", tech=10, policy="보통"),
            application="A",
            reviewer="r9",
            criterion="투자 적정성",
        )

    def test_unknown_grade(self) -> None:
        self.check(
            "scoring.bad_grade",
            review("r9", tech=10, invest=2, policy="최고"),
            reviewer="r9",
            value="최고",
        )

    def test_not_a_number(self) -> None:
        self.check(
            "scoring.not_a_number",
            review("r9", tech="많음", invest=2, policy="보통"),
            reviewer="r9",
            value="많음",
        )
        self.check(
            "scoring.not_a_number",
            review("r9", tech=float("nan"), invest=2, policy="보통"),
            reviewer="r9",
        )

    def test_above_the_maximum(self) -> None:
        self.check(
            "scoring.out_of_range",
            review("r9", tech=45, invest=2, policy="보통"),
            reviewer="r9",
            value="45",
            max="40",
        )

    def test_below_the_minimum(self) -> None:
        self.check(
            "scoring.out_of_range",
            review("r9", tech=10, invest=0, policy="보통"),
            reviewer="r9",
            value="0",
            min="1",
        )

    def test_message_names_the_problem(self) -> None:
        with pytest.raises(InvalidInput) as caught:
            count_scores(RUBRIC, [("A", [review("r9", tech=45, invest=2, policy="보통")])])
        assert caught.value.message("en") == (
            "application A, reviewer r9, 기술성: 45 is outside 0–40"
        )
        assert "45" in caught.value.message("ko")
