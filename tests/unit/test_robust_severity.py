"""Robust z-score outliers, reviewer severity with its confidence interval, t quantiles
(all hand-computed)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import RoundData
from reviewer.domain.robust import OUTLIER_MIN_POINTS, robust_outliers, robust_spread
from reviewer.domain.severity import SeverityRow, reviewer_severity
from reviewer.domain.student_t import _central, _cornish_fisher, t_quantile


@dataclass(frozen=True)
class Item:
    id: str
    track: str
    reviewer_totals: Mapping[str, float]


class TestRobustSpread:
    def test_hand_computed(self) -> None:
        # 80 70 74 58 95: median 74; |dev| 6 4 0 16 21 → MAD 6; scale 1.4826·6 = 8.8956
        spread = robust_spread(Item("a", "t", {"A": 80, "B": 70, "C": 74, "D": 58, "E": 95}))
        assert (spread.median, spread.mad, spread.scale) == (74.0, 6.0, 8.8956)
        assert spread.z["E"] == pytest.approx(21 / 8.8956, abs=1e-9)  # 2.3607
        assert spread.z["D"] == pytest.approx(-16 / 8.8956, abs=1e-9)
        assert spread.outliers == ()

    def test_outlier_above_the_threshold(self) -> None:
        # 70 72 74 76 20: median 72; |dev| 2 0 2 4 52 → MAD 2; z(20) = −52 / 2.9652 = −17.5
        spread = robust_spread(Item("a", "t", {"A": 70, "B": 72, "C": 74, "D": 76, "E": 20}))
        assert spread.outliers == ("E",)
        assert spread.z["D"] == pytest.approx(4 / 2.9652, abs=1e-9)  # 1.349: kept
        # the threshold is a parameter
        # 70 72 76: median 72, MAD 2; z = −0.674, 0, 1.349
        item = Item("b", "t", {"A": 70, "B": 72, "C": 76})
        assert robust_spread(item, 1.0, min_points=0).outliers == ("C",)
        assert robust_spread(item, min_points=0).outliers == ()

    def test_an_outlier_is_also_far_in_points(self) -> None:
        # a close panel: 80 80.5 81 81 84: median 81; |dev| 1 0.5 0 0 3 → MAD 0.5;
        # z(84) = 3 / 0.7413 = 4.05 > 3.5, but 3 points from the median is not far
        item = Item("a", "t", {"A": 80, "B": 80.5, "C": 81, "D": 81, "E": 84})
        spread = robust_spread(item)
        assert spread.z["E"] == pytest.approx(3 / 0.7413, abs=1e-9)
        assert spread.outliers == ()
        assert robust_spread(item, min_points=3).outliers == ("E",)  # exactly 3: flagged
        assert robust_spread(item, min_points=3.01).outliers == ()
        # 10 points off a close panel is an outlier at the default
        far = Item("b", "t", {"A": 80, "B": 80.5, "C": 81, "D": 81, "E": 70})  # 10.5 below
        assert robust_spread(far).outliers == ("E",)
        assert OUTLIER_MIN_POINTS == 10.0

    def test_mad_zero_falls_back_to_the_mean_absolute_deviation(self) -> None:
        # 80 80 80 80 40: MAD 0; MeanAD 40/5 = 8; z(40) = −40 / (1.253314·8) = −3.989
        spread = robust_spread(Item("a", "t", {"A": 80, "B": 80, "C": 80, "D": 80, "E": 40}))
        assert spread.mad == 0.0
        assert spread.z["E"] == pytest.approx(-5 / 1.253314, abs=1e-9)
        assert spread.z["A"] == 0.0
        assert spread.outliers == ("E",)
        # 80 80 70: MAD 0; MeanAD 10/3; z(70) = −3 / 1.253314 = −2.394: not an outlier
        spread = robust_spread(Item("b", "t", {"A": 80, "B": 80, "C": 70}))
        assert spread.z["C"] == pytest.approx(-3 / 1.253314, abs=1e-9)
        assert spread.outliers == ()

    def test_all_equal_and_two_totals(self) -> None:
        same = robust_spread(Item("a", "t", {"A": 80, "B": 80, "C": 80}))
        assert (same.scale, same.outliers, set(same.z.values())) == (0.0, (), {0.0})
        two = robust_spread(Item("b", "t", {"A": 100, "B": 0}), threshold=0.5)
        # median 50, MAD 50: |z| = 1 / 1.4826 = 0.6745
        assert two.z["A"] == pytest.approx(1 / 1.4826, abs=1e-9)
        assert robust_spread(Item("c", "t", {"A": 100, "B": 0})).outliers == ()

    def test_round_skips_applications_without_totals(self) -> None:
        scored = {"a": Item("a", "t", {"A": 1.0}), "b": Item("b", "t", {})}
        assert set(robust_outliers(scored)) == {"a"}
        with pytest.raises(ValueError):
            robust_spread(Item("b", "t", {}))


RUBRIC = (Criterion(id="all", name="종합", weight=100, max=100),)
DATA = RoundData(
    config=RoundConfig(
        name="r",
        year=2025,
        tracks=(
            Track(id="t", name="t", seats=1, criteria=RUBRIC),
            Track(id="u", name="u", seats=1, criteria=RUBRIC),
        ),
    ),
    applications=(),
)
SCORED = {
    "P": Item("P", "t", {"A": 80, "B": 70, "C": 60}),
    "Q": Item("Q", "t", {"A": 90, "B": 60}),
    "R": Item("R", "u", {"A": 50, "B": 70}),
    "S": Item("S", "u", {"A": 80, "B": 80, "C": 80, "D": 80, "E": 40}),
}


def severity_rows() -> dict[tuple[str, str | None], SeverityRow]:
    return {(r.reviewer_id, r.track): r for r in reviewer_severity(DATA, SCORED)}


class TestReviewerSeverity:
    def test_rows_overall_then_per_track(self) -> None:
        keys = [(r.reviewer_id, r.track) for r in reviewer_severity(DATA, SCORED)]
        assert keys[:3] == [("A", None), ("A", "t"), ("A", "u")]
        assert ("D", "t") not in keys and ("D", "u") in keys

    def test_interval_hand_computed(self) -> None:
        a = severity_rows()[("A", None)]
        # d: P 80 − 65 = 15; Q 90 − 60 = 30; R 50 − 70 = −20; S 80 − 70 = 10 → mean 35/4
        assert (a.reviews, a.compared, a.severity) == (4, 4, 8.75)
        # s² = (6.25² + 21.25² + 28.75² + 1.25²) / 3 = 1318.75 / 3; t(0.975, 3) = 3.182446
        half = 3.182446305 * math.sqrt(1318.75 / 3 / 4)
        assert a.low == pytest.approx(8.75 - half, abs=1e-6)
        assert a.high == pytest.approx(8.75 + half, abs=1e-6)
        # totals 80 90 50 80: mean 75, population std √((25 + 225 + 625 + 25)/4) = 15
        assert (a.mean, a.std) == (75.0, 15.0)
        assert (a.outliers, a.outlier_rate) == (0, 0.0)

    def test_per_track_interval_with_two_reviews(self) -> None:
        b = severity_rows()[("B", "t")]
        # d: P 70 − 70 = 0; Q 60 − 90 = −30 → mean −15, s = √450, t(0.975, 1) = 12.7062
        half = 12.706204736 * math.sqrt(450 / 2)
        assert b.severity == -15.0
        assert (b.low, b.high) == (pytest.approx(-15 - half), pytest.approx(-15 + half))

    def test_single_comparison_has_no_interval(self) -> None:
        c = severity_rows()[("C", "t")]
        assert (c.compared, c.severity, c.low, c.high) == (1, -15.0, None, None)

    def test_outlier_count(self) -> None:
        e = severity_rows()[("E", None)]
        # S: E's 40 has robust z −3.99 (MeanAD fall-back) → an outlier
        assert (e.reviews, e.outliers, e.outlier_rate, e.severity) == (1, 1, 1.0, -40.0)

    def test_without_co_reviewers(self) -> None:
        rows = reviewer_severity(DATA, {"X": Item("X", "t", {"A": 70})})
        assert rows[0] == SeverityRow("A", None, 1, 70.0, 0.0, 0.0, 0, None, None, 0, 0.0)


class TestTQuantile:
    @pytest.mark.parametrize(
        ("df", "expected"),
        # two-sided 95% critical values of every t table
        [(1, 12.706), (2, 4.303), (3, 3.182), (5, 2.571), (10, 2.228), (20, 2.086),
         (30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980), (10_000, 1.960)],
    )  # fmt: skip
    def test_table_values(self, df: int, expected: float) -> None:
        assert round(t_quantile(0.975, df), 3) == expected

    def test_symmetry_and_other_levels(self) -> None:
        assert t_quantile(0.025, 7) == -t_quantile(0.975, 7)
        assert t_quantile(0.5, 4) == 0.0
        assert round(t_quantile(0.995, 10), 3) == 3.169
        assert round(t_quantile(0.95, 15), 3) == 1.753

    def test_expansion_matches_the_exact_series_beyond_30(self) -> None:
        for df in range(31, 61):
            t = _cornish_fisher(0.975, df)
            assert _central(t, df) == pytest.approx(0.95, abs=1e-8)

    def test_bad_arguments(self) -> None:
        for p, df in [(0.0, 3), (1.0, 3), (0.9, 0), (0.9, 2.5)]:
            with pytest.raises(ValueError):
                t_quantile(p, df)  # type: ignore[arg-type]


class TestOutlierRateDenominator:
    def test_only_totals_that_can_be_outliers_count(self) -> None:
        # A reviews two two-reviewer applications (never an outlier) and one five-reviewer
        # application where A's 20 is far from the others: 1 outlier of 1 possible.
        scored = {
            "P": Item("P", "t", {"A": 70, "B": 90}),
            "Q": Item("Q", "t", {"A": 60, "C": 80}),
            "R": Item("R", "t", {"A": 20, "B": 70, "C": 72, "D": 74, "E": 76}),
        }
        a = {(r.reviewer_id, r.track): r for r in reviewer_severity(DATA, scored)}[("A", None)]
        assert (a.reviews, a.outliers, a.outlier_eligible) == (3, 1, 1)
        assert a.outlier_rate == 1.0  # not 1/3

    def test_no_total_can_be_an_outlier(self) -> None:
        scored = {"P": Item("P", "t", {"A": 70, "B": 90})}
        a = reviewer_severity(DATA, scored)[0]
        assert (a.outliers, a.outlier_eligible, a.outlier_rate) == (0, 0, 0.0)

    def test_three_totals_can_be(self) -> None:
        scored = {"P": Item("P", "t", {"A": 70, "B": 71, "C": 72})}
        assert all(r.outlier_eligible == 1 for r in reviewer_severity(DATA, scored))
