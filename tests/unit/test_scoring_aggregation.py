"""Aggregation of reviewer totals and the decimal rounding of the final score (DESIGN §3.5–3.6)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from reviewer.domain.aggregation import aggregate, clean, exact, final_score, round_half_up


class TestTrimmed:
    def test_tied_extremes_drop_exactly_one_instance_each(self) -> None:
        # Drop one 90 and one 70 → mean(90, 80, 70) = 80 (dropping all ties would give 80
        # too here, so the next test tells the two readings apart).
        assert aggregate([90, 90, 80, 70, 70], "trimmed", 5) == 80.0

    def test_tied_extremes_keep_the_other_instances(self) -> None:
        # [60, 70, 90, 90, 90]: drop 60 and one 90 → (70 + 90 + 90) / 3; dropping every
        # 90 would leave [70].
        assert aggregate([90, 90, 90, 60, 70], "trimmed", 5) == 83.333333333
        # [60, 60, 80, 90, 90]: drop one 60 and one 90 → (60 + 80 + 90) / 3, not [80].
        assert aggregate([90, 90, 60, 60, 80], "trimmed", 5) == 76.666666667

    def test_drops_highest_and_lowest(self) -> None:
        # [95, 60, 80, 85, 70] → drop 95 and 60 → (70 + 80 + 85) / 3 = 78.333333333
        assert aggregate([95, 60, 80, 85, 70], "trimmed", 5) == 78.333333333

    def test_below_trim_min_reviews_is_the_plain_mean(self) -> None:
        # 4 totals < 5: (90 + 80 + 70 + 61) / 4 = 75.25, nothing dropped.
        assert aggregate([90, 80, 70, 61], "trimmed", 5) == 75.25

    def test_trim_min_reviews_is_configurable(self) -> None:
        assert aggregate([90, 10, 50], "trimmed", 3) == 50.0
        assert aggregate([90, 10, 50], "trimmed", 4) == 50.0  # plain mean, also 50
        assert aggregate([90, 10, 20], "trimmed", 4) == 40.0
        assert aggregate([90, 10, 20], "trimmed", 3) == 20.0


class TestMeanAndMedian:
    def test_mean(self) -> None:
        assert aggregate([90, 80, 70, 61], "mean", 5) == 75.25
        # Mean never trims, even with many totals: (100 + 4·50) / 5 = 60.
        assert aggregate([100, 50, 50, 50, 50], "mean", 5) == 60.0

    def test_median_odd_count(self) -> None:
        assert aggregate([70, 90, 80], "median", 5) == 80.0
        assert aggregate([10, 90, 80, 85, 20], "median", 5) == 80.0

    def test_median_even_count_is_the_mean_of_the_two_middle(self) -> None:
        assert aggregate([70, 90, 80, 85], "median", 5) == 82.5
        assert aggregate([70.5, 71], "median", 5) == 70.75

    def test_result_does_not_depend_on_the_order(self) -> None:
        totals = [87.82, 80.645, 84.57, 79.1, 91.3]
        for method in ("trimmed", "mean", "median"):
            assert aggregate(totals, method, 5) == aggregate(totals[::-1], method, 5)

    def test_no_totals_is_an_error(self) -> None:
        with pytest.raises(ValueError):
            aggregate([], "mean", 5)


class TestExactDecimal:
    def test_binary_noise_is_removed(self) -> None:
        noisy = math.fsum([87.82, 80.645, 84.57]) / 3
        assert noisy != 84.345  # the float really is noisy: 84.34499999999998
        assert exact(noisy) == Decimal("84.345")
        assert clean(noisy) == 84.345

    def test_exact_reads_the_shortest_repr(self) -> None:
        # The double nearest 84.345 lies below it; binary rounding says 84.34.
        assert round(84.345, 2) == 84.34
        assert exact(84.345) == Decimal("84.345000000")


class TestFinalScore:
    def test_half_up_at_the_third_decimal(self) -> None:
        assert final_score(84.345, 0, 0, 5, 2) == Decimal("84.35")
        assert final_score(70.125, 0, 0, 5, 2) == Decimal("70.13")  # half-even: 70.12

    def test_float_noise_does_not_decide_the_rounding(self) -> None:
        noisy = math.fsum([87.82, 80.645, 84.57]) / 3  # 84.34499999999998
        assert final_score(noisy, 0, 0, 5, 2) == Decimal("84.35")

    def test_sum_with_bonus_is_decimal(self) -> None:
        # 84.245 + 0.1 in decimal is 84.345 → 84.35, whatever the float sum would be.
        assert final_score(84.245, 0.1, 0, 5, 2) == Decimal("84.35")

    def test_below_half_rounds_down(self) -> None:
        assert final_score(84.3449, 0, 0, 5, 2) == Decimal("84.34")

    def test_bonus_is_capped(self) -> None:
        assert final_score(80.0, 7, 0, 5, 2) == Decimal("85.00")
        assert final_score(80.0, 3, 0, 5, 2) == Decimal("83.00")
        assert final_score(80.0, 7, 0, 2.5, 2) == Decimal("82.50")

    def test_penalty_is_subtracted_in_full(self) -> None:
        # 80 + min(2, 5) − 1.5 = 80.5
        assert final_score(80.0, 2, 1.5, 5, 2) == Decimal("80.50")
        assert final_score(80.0, 0, 9, 5, 2) == Decimal("71.00")

    def test_decimals(self) -> None:
        assert final_score(84.5, 0, 0, 5, 0) == Decimal("85")  # half-even would give 84
        assert final_score(84.25, 0, 0, 5, 1) == Decimal("84.3")  # half-even: 84.2
        assert final_score(84.345, 0, 0, 5, 3) == Decimal("84.345")
        assert str(final_score(80.0, 0, 0, 5, 2)) == "80.00"

    def test_round_half_up(self) -> None:
        assert round_half_up(Decimal("2.675"), 2) == Decimal("2.68")
        assert round_half_up(Decimal("2.6749999"), 2) == Decimal("2.67")
