"""Review statistics: reviewer severity, application spread, ICC(1) agreement (hand-computed)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pytest

from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import Application, Review, RoundData
from reviewer.domain.scoring import score_round
from reviewer.domain.statistics import (
    ApplicationSpread,
    ReviewerStats,
    ReviewStatistics,
    review_statistics,
)

RUBRIC = (Criterion(id="all", name="종합", weight=100, max=100),)
TRACKS = (
    Track(id="t", name="t", seats=3, criteria=RUBRIC),
    Track(id="u", name="u", seats=3, criteria=RUBRIC),
)


def statistics(
    totals: Mapping[str, tuple[str, Mapping[str, float | None]]], region: str | None = None
) -> ReviewStatistics:
    """``totals``: application → (track, reviewer → total, or None for a conflict)."""
    apps = [Application(id=a, track=t, title="x", company="y") for a, (t, _) in totals.items()]
    reviews = [
        Review(
            application_id=a,
            reviewer_id=r,
            conflict=total is None,
            scores={} if total is None else {"all": total},
        )
        for a, (_, marks) in totals.items()
        for r, total in marks.items()
    ]
    config = RoundConfig(name="r", year=2025, tracks=TRACKS, min_reviews=1, region=region)
    data = RoundData(config=config, applications=tuple(apps), reviews=tuple(reviews))
    return review_statistics(data, score_round(data))


ROUND = {
    "P": ("t", {"A": 80, "B": 70, "C": 60}),
    "Q": ("t", {"A": 90, "B": 60, "C": None}),
    "R": ("u", {"A": 50, "B": 70}),
}


def rows(stats: ReviewStatistics) -> dict[tuple[str, str | None], ReviewerStats]:
    return {(row.reviewer_id, row.track): row for row in stats.reviewers}


class TestReviewerStats:
    def test_rows_overall_then_per_track(self) -> None:
        stats = statistics(ROUND)
        assert [(r.reviewer_id, r.track) for r in stats.reviewers] == [
            ("A", None),
            ("A", "t"),
            ("A", "u"),
            ("B", None),
            ("B", "t"),
            ("B", "u"),
            ("C", None),
            ("C", "t"),
        ]

    def test_overall_hand_computed(self) -> None:
        a = rows(statistics(ROUND))[("A", None)]
        # totals 80, 90, 50: mean 73.333…; variance (6.667² + 16.667² + 23.333²) / 3
        assert (a.count, a.mean) == (3, 73.333333333)
        assert a.std == pytest.approx(math.sqrt(866.666666667 / 3), abs=1e-9)
        # P: 80 − (70+60)/2 = 15; Q: 90 − 60 = 30 (C recused); R: 50 − 70 = −20 → 25/3
        assert a.severity == 8.333333333

    def test_per_track_hand_computed(self) -> None:
        table = rows(statistics(ROUND))
        assert table[("A", "t")] == ReviewerStats("A", "t", 2, 85.0, 5.0, 22.5)
        assert table[("A", "u")] == ReviewerStats("A", "u", 1, 50.0, 0.0, -20.0)
        # B on t: P 70 − (80+60)/2 = 0; Q 60 − 90 = −30 → −15 (harsh)
        assert table[("B", "t")] == ReviewerStats("B", "t", 2, 65.0, 5.0, -15.0)
        # C on t: only P counts (Q is a conflict): 60 − (80+70)/2 = −15
        assert table[("C", "t")] == ReviewerStats("C", "t", 1, 60.0, 0.0, -15.0)

    def test_review_without_co_reviewers_has_no_severity(self) -> None:
        stats = statistics({"S": ("t", {"A": 90})})
        assert rows(stats)[("A", None)].severity == 0.0


class TestApplicationSpread:
    def test_odd_count(self) -> None:
        spread = statistics(ROUND).applications["P"]
        assert spread == ApplicationSpread("P", 70.0, 20.0, 8.164965809, ())

    def test_even_count_median_and_conflict_excluded(self) -> None:
        spread = statistics(ROUND).applications["Q"]
        # 90, 60: median 75; |90 − 75| = 15 is not *more* than 15
        assert spread == ApplicationSpread("Q", 75.0, 30.0, 15.0, ())

    def test_outliers_more_than_15_from_the_median(self) -> None:
        stats = statistics(
            {
                "S": ("t", {"A": 90, "B": 70, "C": 74, "D": 58.9}),
                "T": ("t", {"A": 89, "B": 74, "C": 70}),
            }
        )
        # S: median (70 + 74) / 2 = 72 → A is 18 above, D 13.1 below
        assert stats.applications["S"].outliers == ("A",)
        # T: median 74 → A is exactly 15 above: not an outlier
        assert stats.applications["T"].outliers == ()

    def test_applications_without_counted_totals_are_absent(self) -> None:
        stats = statistics({"S": ("t", {"A": None}), "T": ("t", {"A": 80})})
        assert set(stats.applications) == {"T"}

    def test_ineligible_applications_are_included(self) -> None:
        stats = statistics({"S": ("t", {"A": 80, "B": 60})}, region="서울")
        assert stats.applications["S"].median == 70.0


class TestAgreement:
    def agreement(self, groups: Sequence[Mapping[str, float]]) -> tuple[float | None, int, int]:
        stats = statistics({f"X{i}": ("t", g) for i, g in enumerate(groups)})
        entry = stats.agreement[0]
        assert (entry.track, entry.measure) == ("t", "ICC(1)")
        return entry.value, entry.applications, entry.reviewers

    def test_balanced(self) -> None:
        # means 75, 55, 90; grand 73.333…; MSB = 2·(25 + 3025 + 2500)/9 / 2 = 5550/9
        # MSW = (25+25 + 25+25 + 0) / (6 − 3) = 300/9; ICC = 5250/5850 = 35/39
        value, apps, reviewers = self.agreement(
            [{"A": 80, "B": 70}, {"A": 60, "C": 50}, {"B": 90, "C": 90}]
        )
        assert value == pytest.approx(35 / 39, abs=1e-9)
        assert (apps, reviewers) == (3, 3)

    def test_unbalanced_uses_the_mean_number_of_ratings(self) -> None:
        # [80, 70] and [60, 50, 55]: N = 5, n = 2, k = 2.5; grand 63
        # MSB = 2·12² + 3·8² = 480; MSW = (25+25 + 25+25+0) / 3 = 100/3
        # ICC = (480 − 100/3) / (480 + 1.5·100/3) = 134/159
        value, apps, _ = self.agreement([{"A": 80, "B": 70}, {"A": 60, "B": 50, "C": 55}])
        assert value == pytest.approx(134 / 159, abs=1e-9)
        assert apps == 2

    def test_single_ratings_are_left_out(self) -> None:
        value, apps, _ = self.agreement(
            [{"A": 80, "B": 70}, {"A": 60, "B": 50, "C": 55}, {"A": 10}]
        )
        assert value == pytest.approx(134 / 159, abs=1e-9)
        assert apps == 2

    def test_not_computable(self) -> None:
        assert self.agreement([{"A": 80, "B": 70}]) == (None, 1, 2)
        assert self.agreement([{"A": 80, "B": 80}, {"A": 80, "B": 80}])[0] is None

    def test_every_track_is_reported(self) -> None:
        stats = statistics(ROUND)
        assert [(a.track, a.applications) for a in stats.agreement] == [("t", 2), ("u", 1)]
        assert stats.agreement[1].value is None
