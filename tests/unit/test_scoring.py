"""``score_round`` on worked examples, every expected value computed by hand (DESIGN §3).

Most rounds use the rubric tech (weight 60, 0–60) + biz (weight 40, 0–40): a reviewer's
total is then simply tech + biz, which keeps the hand computations readable.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

import pytest

from reviewer.domain.config import Aggregation, Criterion, RoundConfig, SelectionRules, Track
from reviewer.domain.model import Application, Review, RoundData, ScoredApplication, Status
from reviewer.domain.scoring import score_round
from reviewer.errors import InvalidInput

TECH = Criterion(id="tech", name="기술성", weight=60, min=0, max=60)
BIZ = Criterion(id="biz", name="사업성", weight=40, min=0, max=40)
GENERAL = Track(id="gen", name="일반", seats=10, criteria=(TECH, BIZ))


def make_config(tracks: Sequence[Track] = (GENERAL,), **options: Any) -> RoundConfig:
    return RoundConfig(name="2025 평가", year=2025, tracks=tuple(tracks), **options)


def make_app(app_id: str, track: str = "gen", **fields: Any) -> Application:
    return Application(id=app_id, track=track, title="과제", company="기업", **fields)


def rev(
    app: str,
    reviewer: str,
    total: float | None = None,
    *,
    conflict: bool = False,
    **scores: float | str,
) -> Review:
    """A review; ``total`` splits into tech 60% + biz 40% (so both means are total/100)."""
    if total is not None:
        tech = round(total * 0.6, 6)
        scores = {"tech": tech, "biz": round(total - tech, 6)}
    return Review(application_id=app, reviewer_id=reviewer, scores=scores, conflict=conflict)


def reviews_of(app: str, totals: Iterable[float]) -> list[Review]:
    return [rev(app, f"r{i}", total) for i, total in enumerate(totals, start=1)]


def score(
    apps: Sequence[Application], reviews: Sequence[Review], config: RoundConfig | None = None
) -> dict[str, ScoredApplication]:
    data = RoundData(
        config=config or make_config(), applications=tuple(apps), reviews=tuple(reviews)
    )
    return score_round(data)


class TestCountedReviews:
    def test_conflicts_are_excluded(self) -> None:
        reviews = [
            *reviews_of("A", [80, 70, 60]),
            rev("A", "r4", tech=60, biz=40, conflict=True),
            Review(application_id="A", reviewer_id="r5", conflict=True),
        ]
        result = score([make_app("A")], reviews)["A"]
        assert result.reviews == 3
        assert result.reviewer_totals == {"r1": 80.0, "r2": 70.0, "r3": 60.0}
        assert result.aggregate == 70.0  # (80 + 70 + 60) / 3, the conflict's 100 ignored
        assert result.final == Decimal("70.00")

    def test_fewer_than_min_reviews_is_incomplete(self) -> None:
        reviews = [*reviews_of("A", [95, 90]), rev("A", "r3", conflict=True)]
        result = score([make_app("A")], reviews)["A"]
        assert result.status is Status.INCOMPLETE
        assert result.reason_key == "scoring.incomplete"
        assert result.reason_params == {"count": 2, "required": 3}
        assert (result.final, result.aggregate, result.rank, result.order) == (None,) * 4
        assert result.reviewer_totals == {"r1": 95.0, "r2": 90.0}

    def test_min_reviews_is_configurable(self) -> None:
        result = score([make_app("A")], reviews_of("A", [95, 90]), make_config(min_reviews=2))["A"]
        assert result.status is None and result.final == Decimal("92.50")

    def test_application_without_reviews_is_incomplete(self) -> None:
        result = score([make_app("A")], [])["A"]
        assert result.status is Status.INCOMPLETE
        assert result.reviews == 0 and result.criterion_means == {}


class TestEligibility:
    TIPS = Track(
        id="tips",
        name="서울형 TIPS",
        seats=5,
        criteria=(TECH, BIZ),
        requires=("investment_commitment",),
    )

    def test_ineligible_beats_incomplete(self) -> None:
        config = make_config((self.TIPS,))
        result = score([make_app("A", "tips")], reviews_of("A", [90]), config)["A"]
        assert result.status is Status.INELIGIBLE
        assert result.reason_key == "scoring.requires_investment"
        assert result.final is None and result.rank is None

    def test_ineligible_even_with_high_complete_scores(self) -> None:
        config = make_config((self.TIPS,))
        apps = [
            make_app("A", "tips", investment_commitment=False),
            make_app("B", "tips", investment_commitment=True),
        ]
        result = score(apps, reviews_of("A", [99, 99, 99]) + reviews_of("B", [75] * 3), config)
        assert result["A"].status is Status.INELIGIBLE and result["A"].rank is None
        assert result["A"].reviews == 3  # the totals are kept for the reports
        assert result["B"].status is None and result["B"].rank == 1

    def test_region_rule(self) -> None:
        apps = [
            make_app("IN", region="서울 강남구"),
            make_app("FAR", region="경기도 성남시"),
            make_app("NONE"),
        ]
        reviews = [r for a in apps for r in reviews_of(a.id, [80, 80, 80])]
        result = score(apps, reviews, make_config(region="서울"))
        assert result["IN"].status is None
        assert result["FAR"].status is Status.INELIGIBLE
        assert result["FAR"].reason_key == "scoring.outside_region"
        assert result["FAR"].reason_params == {"region": "경기도 성남시", "required": "서울"}
        assert result["NONE"].reason_key == "scoring.region_missing"


class TestNormalisedTotals:
    def test_scale_from_one_and_graded_criterion(self) -> None:
        rubric = (
            Criterion(id="tech", name="기술성", weight=40, max=40),
            Criterion(id="invest", name="투자", weight=20, min=1, max=5),
            Criterion(
                id="policy", name="정책", weight=10, grades={"탁월": 1.0, "우수": 0.8, "보통": 0.6}
            ),
        )
        track = Track(id="t", name="t", seats=3, criteria=rubric)
        # Each: 100 · (40·30/40 + 20·(4−1)/4 + 10·0.8) / 70 = 5300 / 70 = 75.714285714…
        reviews = [rev("A", f"r{i}", tech=30, invest=4, policy="우수") for i in range(3)]
        result = score([make_app("A", "t")], reviews, make_config((track,)))["A"]
        assert set(result.reviewer_totals.values()) == {75.714285714}
        assert result.criterion_means == {"tech": 0.75, "invest": 0.75, "policy": 0.8}
        assert result.final == Decimal("75.71")

    def test_counted_review_lacking_a_criterion_is_invalid(self) -> None:
        reviews = [*reviews_of("A", [80, 80]), rev("A", "r3", tech=50)]
        with pytest.raises(InvalidInput) as caught:
            score([make_app("A")], reviews)
        assert caught.value.key == "scoring.missing_score"
        assert caught.value.params["criterion"] == "사업성"


class TestAggregation:
    def test_trimmed_with_tied_extremes(self) -> None:
        result = score([make_app("A")], reviews_of("A", [90, 90, 80, 70, 70]))["A"]
        assert result.aggregate == 80.0 and result.final == Decimal("80.00")

    def test_trimmed_below_trim_min_reviews_is_the_mean(self) -> None:
        result = score([make_app("A")], reviews_of("A", [100, 80, 70, 60]))["A"]
        assert result.final == Decimal("77.50")

    def test_trimmed_drops_one_of_each(self) -> None:
        # drop 100 and 50 → (60 + 70 + 80 + 90) / 4 = 75
        result = score([make_app("A")], reviews_of("A", [100, 50, 60, 70, 80, 90]))["A"]
        assert result.final == Decimal("75.00")

    @pytest.mark.parametrize(
        ("method", "totals", "expected"),
        [
            ("mean", [100, 50, 60, 70, 80], "72.00"),
            ("median", [100, 50, 60, 70, 80], "70.00"),
            ("median", [100, 50, 60, 70], "65.00"),
        ],
    )
    def test_methods(self, method: str, totals: list[float], expected: str) -> None:
        config = make_config(aggregation=Aggregation(method=method))  # type: ignore[arg-type]
        result = score([make_app("A")], reviews_of("A", totals), config)["A"]
        assert result.final == Decimal(expected)


class TestFinalScore:
    def test_exact_half_rounds_up(self) -> None:
        result = score([make_app("A")], reviews_of("A", [84.345] * 3))["A"]
        assert result.aggregate == 84.345 and result.final == Decimal("84.35")

    def test_float_noise_does_not_round_down(self) -> None:
        # (87.82 + 80.645 + 84.57) / 3 = 84.345; in floats 84.34499999999998.
        result = score([make_app("A")], reviews_of("A", [87.82, 80.645, 84.57]))["A"]
        assert result.final == Decimal("84.35")

    def test_bonus_cap_and_penalty(self) -> None:
        apps = [make_app("A", bonus=8, penalty=1.5), make_app("B", bonus=2)]
        reviews = reviews_of("A", [80] * 3) + reviews_of("B", [80] * 3)
        result = score(apps, reviews)
        assert result["A"].final == Decimal("83.50")  # 80 + min(8, 5) − 1.5
        assert result["B"].final == Decimal("82.00")
        config = make_config(aggregation=Aggregation(bonus_cap=3))
        assert score(apps, reviews, config)["A"].final == Decimal("81.50")  # 80 + 3 − 1.5

    def test_decimals(self) -> None:
        result = score([make_app("A")], reviews_of("A", [84.345] * 3), make_config(decimals=1))
        assert result["A"].final == Decimal("84.3")


class TestPassFail:
    def test_final_equal_to_cutoff_passes(self) -> None:
        result = score([make_app("A")], reviews_of("A", [70, 70, 70]))["A"]
        assert result.final == Decimal("70.00") and result.status is None

    def test_the_rounded_final_is_compared(self) -> None:
        # mean 69.995 rounds half-up to 70.00, which passes.
        result = score([make_app("A")], reviews_of("A", [69.99, 70.0, 69.995]))["A"]
        assert result.final == Decimal("70.00") and result.status is None

    def test_bonus_lifts_over_the_cutoff(self) -> None:
        result = score([make_app("A", bonus=2)], reviews_of("A", [68, 68, 68]))["A"]
        assert result.status is None

    def test_below_cutoff(self) -> None:
        result = score([make_app("A")], reviews_of("A", [69.99] * 3))["A"]
        assert result.status is Status.BELOW_CUTOFF
        assert result.reason_key == "scoring.below_cutoff"
        assert result.reason_params == {"final": "69.99", "cutoff": "70"}
        assert result.rank == 1 and result.order == 0  # still ranked

    def test_cutoff_is_configurable(self) -> None:
        result = score([make_app("A")], reviews_of("A", [69.99] * 3), make_config(cutoff=60))
        assert result["A"].status is None


class TestCriterionFloor:
    LOW = Criterion(id="tech", name="기술성", weight=20, max=20)
    HIGH = Criterion(id="biz", name="사업성", weight=80, max=80)
    TRACK = Track(id="gen", name="일반", seats=5, criteria=(LOW, HIGH))

    def run(self, floor: float | None, techs: list[float], biz: float) -> ScoredApplication:
        config = make_config((self.TRACK,), aggregation=Aggregation(criterion_floor=floor))
        reviews = [rev("A", f"r{i}", tech=t, biz=biz) for i, t in enumerate(techs)]
        return score([make_app("A")], reviews, config)["A"]

    def test_mean_equal_to_floor_passes(self) -> None:
        # tech (7 + 8 + 9) / 3 / 20 = 0.4 (0.39999999999999997 in floats)
        result = self.run(0.4, [7, 8, 9], 70)
        assert result.criterion_means["tech"] == 0.4
        assert result.status is None

    def test_mean_below_floor_fails_despite_the_final(self) -> None:
        # tech (7 + 8 + 8.9) / 60 = 0.398333…; final (77 + 78 + 78.9) / 3 = 77.97
        result = self.run(0.4, [7, 8, 8.9], 70)
        assert result.final == Decimal("77.97")
        assert result.status is Status.BELOW_CUTOFF
        assert result.reason_key == "scoring.criterion_floor"
        assert result.reason_params["criterion"] == "기술성"
        assert result.reason_params["criteria"] == "기술성 0.3983"
        assert result.reason_params["floor"] == "0.4"

    def test_no_floor_configured(self) -> None:
        assert self.run(None, [7, 8, 8.9], 70).status is None

    def test_both_failures_are_named(self) -> None:
        result = self.run(0.4, [2, 2, 2], 50)  # final 52, tech mean 0.1
        assert result.reason_key == "scoring.below_cutoff_and_floor"
        assert result.reason_params["criteria"] == "기술성 0.1"


class TestZScore:
    """Track pool (eligible P1–P3): A [60, 70, 80], B [75, 75, 75], C [80, 90, 70].

    μ_t = 675 / 9 = 75, σ_t² = (225+25+25 + 0 + 25+225+25) / 9 = 550 / 9;
    σ_A² = σ_C² = 200 / 3, so σ_t / σ_r = √(11/12) = 0.957427107756…
    A: 75 + 0.9574271·(T − 70) → 65.425728922, 75, 84.574271078
    C: 75 + 0.9574271·(T − 80) → 75, 84.574271078, 65.425728922; B (σ = 0) keeps 75.
    P1 = (65.425728922 + 75 + 75) / 3 = 71.808576307 → 71.81
    P2 = (75 + 75 + 84.574271078) / 3 = 78.191423693 → 78.19;  P3 = 75.00
    """

    TOTALS: ClassVar[dict[str, tuple[float, ...]]] = {
        "P1": (60, 75, 80),
        "P2": (70, 75, 90),
        "P3": (80, 75, 70),
    }
    OTHER = Track(id="other", name="기타", seats=5, criteria=(TECH, BIZ))

    def round_data(
        self, zscore_min: int = 3, extra: Sequence[tuple[Application, Sequence[Review]]] = ()
    ) -> dict[str, ScoredApplication]:
        config = make_config(
            (GENERAL, self.OTHER),
            region="서울",
            aggregation=Aggregation(
                method="mean", normalize="zscore", zscore_min_reviews=zscore_min
            ),
        )
        apps = [make_app(a, region="서울") for a in self.TOTALS]
        reviews = [
            rev(a, r, t) for a, ts in self.TOTALS.items() for r, t in zip("ABC", ts, strict=True)
        ]
        # Outside the pool: an ineligible application, and another track.
        apps += [make_app("X", region="부산"), make_app("O1", "other", region="서울")]
        reviews += [rev("X", r, 100) for r in "ABC"]
        reviews += [rev("O1", r, t) for r, t in zip("ABC", (10, 20, 30), strict=True)]
        for app, app_reviews in extra:
            apps.append(app)
            reviews.extend(app_reviews)
        return score(apps, reviews, config)

    def test_hand_computed_calibration(self) -> None:
        result = self.round_data()
        factor = math.sqrt(11 / 12)
        assert result["P1"].adjusted_totals == {"A": 65.425728922, "B": 75.0, "C": 75.0}
        assert result["P1"].adjusted_totals["A"] == pytest.approx(75 - 10 * factor, abs=1e-9)
        assert result["P2"].adjusted_totals == {"A": 75.0, "B": 75.0, "C": 84.574271078}
        assert result["P1"].reviewer_totals == {"A": 60.0, "B": 75.0, "C": 80.0}
        assert result["P1"].aggregate == 71.808576307
        finals = {a: result[a].final for a in self.TOTALS}
        assert finals == {"P1": Decimal("71.81"), "P2": Decimal("78.19"), "P3": Decimal("75.00")}
        assert [result[a].rank for a in ("P2", "P3", "P1")] == [1, 2, 3]

    def test_outside_the_pool_keeps_raw_totals(self) -> None:
        result = self.round_data()
        assert result["X"].adjusted_totals == result["X"].reviewer_totals
        # In its own track each reviewer has one total (< 3): raw.
        assert result["O1"].adjusted_totals == {"A": 10.0, "B": 20.0, "C": 30.0}
        assert result["O1"].final == Decimal("20.00")

    def test_reviewers_below_zscore_min_reviews_keep_raw(self) -> None:
        result = self.round_data(zscore_min=4)
        assert result["P1"].adjusted_totals == result["P1"].reviewer_totals
        assert result["P1"].final == Decimal("71.67")  # (60 + 75 + 80) / 3

    def test_incomplete_eligible_totals_are_in_the_pool(self) -> None:
        # P5 (eligible, one review: incomplete) adds 75 to the pool: μ_t = 75 still,
        # σ_t² = 550 / 10, σ_t / σ_r = √0.825 = 0.908295106…
        # P1 = 75 − 10·0.908295106 / 3 = 71.972349646 → 71.97; P2 → 78.03
        extra = (make_app("P5", region="서울"), [rev("P5", "D", 75)])
        result = self.round_data(extra=[extra])
        assert result["P5"].status is Status.INCOMPLETE
        assert result["P1"].final == Decimal("71.97")
        assert result["P2"].final == Decimal("78.03")

    def test_reviewer_with_equal_totals_keeps_raw(self) -> None:
        config = make_config(aggregation=Aggregation(normalize="zscore", zscore_min_reviews=3))
        totals = {"P1": (60, 80, 80), "P2": (70, 80, 90), "P3": (80, 80, 70)}
        reviews = [rev(a, r, t) for a, ts in totals.items() for r, t in zip("ABC", ts, strict=True)]
        result = score([make_app(a) for a in totals], reviews, config)
        assert [result[a].adjusted_totals["B"] for a in totals] == [80.0, 80.0, 80.0]
        assert result["P1"].adjusted_totals["A"] != 60.0  # A is calibrated


class TestRanking:
    RUBRIC = (
        Criterion(id="tech", name="기술성", weight=40, max=40),
        Criterion(id="biz", name="사업성", weight=30, max=30),
        Criterion(id="cap", name="역량", weight=30, max=30),
    )
    TRACK = Track(id="gen", name="일반", seats=5, criteria=RUBRIC)
    # (tech, biz, cap); the total is their sum.
    SPLITS: ClassVar[dict[str, tuple[float, float, float]]] = {
        "K0": (31, 20, 30),
        "K1": (30, 25, 25),
        "K2": (35, 25, 20),
        "K3": (20, 30, 30),
        "K10": (30, 25, 25),
        "K4": (30, 25, 25),
    }

    def ranked(self, tie_break: tuple[str, ...]) -> list[str]:
        config = make_config((self.TRACK,), selection=SelectionRules(tie_break=tie_break))
        reviews = [
            rev(a, r, tech=t, biz=b, cap=c)
            for a, (t, b, c) in self.SPLITS.items()
            for r in ("r1", "r2", "r3")
        ]
        result = score([make_app(a) for a in self.SPLITS], reviews, config)
        return sorted(result, key=lambda a: result[a].rank or 0)

    def test_tie_break_criteria_in_order_then_id(self) -> None:
        # K0 81 first; the rest are 80: K3 has biz 1.0; K2 ties K1/K10/K4 on biz (25/30)
        # but has tech 35/40; K1, K10, K4 are equal and go by plain string order.
        assert self.ranked(("biz", "tech")) == ["K0", "K3", "K2", "K1", "K10", "K4"]

    def test_without_tie_break_the_id_decides(self) -> None:
        assert self.ranked(()) == ["K0", "K1", "K10", "K2", "K3", "K4"]

    def test_tie_break_criterion_missing_from_the_rubric_compares_equal(self) -> None:
        own = Track(id="own", name="자체", seats=5, criteria=(TECH, BIZ))
        config = make_config((own,), selection=SelectionRules(tie_break=("cap", "tech")))
        reviews = [rev("M1", f"r{i}", tech=40, biz=40) for i in range(3)]
        reviews += [rev("M0", f"r{i}", tech=50, biz=30) for i in range(3)]
        result = score([make_app("M1", "own"), make_app("M0", "own")], reviews, config)
        # Both 80; "cap" is not in the rubric (equal), tech decides: M0 (50/60) first.
        assert (result["M0"].rank, result["M1"].rank) == (1, 2)

    def test_ranks_per_track_and_the_global_order(self) -> None:
        other = Track(id="b", name="b", seats=5, criteria=(TECH, BIZ))
        config = make_config((GENERAL, other), cutoff=75, region="서울")
        totals = {
            "a90": ("gen", 90),
            "a70": ("gen", 70),
            "b80": ("b", 80),
            "b60": ("b", 60),
            "a85": ("gen", 85),
            "b85": ("b", 85),
        }
        apps = [make_app(a, t, region="서울") for a, (t, _) in totals.items()]
        apps += [make_app("aINC", region="서울"), make_app("bINE", "b", region="부산")]
        reviews = [r for a, (_, total) in totals.items() for r in reviews_of(a, [total] * 3)]
        reviews += reviews_of("aINC", [99]) + reviews_of("bINE", [99] * 3)
        result = score(apps, reviews, config)
        places = {a: (s.rank, s.order) for a, s in result.items()}
        # Global order: final descending across tracks; a85 and b85 tie (equal finals, no
        # tie-break criteria) and go by id. Below the cutoff still ranked; ineligible and
        # incomplete are not.
        assert places == {
            "a90": (1, 0),
            "a85": (2, 1),
            "b85": (1, 2),
            "b80": (2, 3),
            "a70": (3, 4),
            "b60": (3, 5),
            "aINC": (None, None),
            "bINE": (None, None),
        }
        assert result["a70"].status is Status.BELOW_CUTOFF
        assert result["b60"].status is Status.BELOW_CUTOFF


class TestResultFields:
    def test_fields_copied_and_track_resolved_by_name(self) -> None:
        app = make_app("A", "일반", ai_category="AI+X", amount=400_000_000)
        result = score([app], reviews_of("A", [80, 80, 80]))["A"]
        assert (result.track, result.ai_category, result.amount) == ("gen", "AI+X", 400_000_000)
        assert result.adjusted_totals == result.reviewer_totals

    def test_results_follow_the_input_order(self) -> None:
        apps = [make_app(a) for a in ("Z", "A", "M")]
        assert list(score(apps, [])) == ["Z", "A", "M"]

    def test_input_order_does_not_change_anything(self) -> None:
        rng = random.Random(11)
        apps = [make_app(f"A{i}", bonus=rng.choice([0, 1])) for i in range(12)]
        reviews = [
            rev(a.id, f"r{j}", tech=rng.randrange(61), biz=rng.randrange(41))
            for a in apps
            for j in range(rng.randrange(2, 7))
        ]
        first = score(apps, reviews)
        rng.shuffle(apps)
        rng.shuffle(reviews)
        assert score(apps, reviews) == first


class TestInvalidInput:
    def check(self, key: str, apps: Sequence[Application], reviews: Sequence[Review]) -> None:
        with pytest.raises(InvalidInput) as caught:
            score(apps, reviews)
        assert caught.value.key == key
        assert caught.value.exit_code == 3

    def test_unknown_track(self) -> None:
        self.check("scoring.unknown_track", [make_app("A", "nope")], [])

    def test_duplicate_application(self) -> None:
        self.check("scoring.duplicate_application", [make_app("A"), make_app("A")], [])

    def test_duplicate_review(self) -> None:
        self.check(
            "scoring.duplicate_review",
            [make_app("A")],
            [rev("A", "r1", 80), rev("A", "r1", conflict=True)],
        )

    def test_review_of_unknown_application(self) -> None:
        self.check("scoring.unknown_application", [make_app("A")], [rev("B", "r1", 80)])
