"""Properties of the scoring rules on random rounds, and an exact reference implementation.

The reference re-computes DESIGN §3 (without calibration) in exact rational arithmetic
(``fractions.Fraction``) and half-up rounding, independently of the numpy/decimal path,
and must agree on every status, final score, rank and global order.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.domain.aggregation import aggregate, exact
from reviewer.domain.calibration import mean_std
from reviewer.domain.config import Aggregation, Criterion, RoundConfig, SelectionRules, Track
from reviewer.domain.model import Application, Review, RoundData, ScoredApplication, Status
from reviewer.domain.scoring import score_round

GRADES = {"탁월": 1.0, "우수": 0.8, "보통": 0.6, "미흡": 0.4}
REGIONS = ("서울특별시 강남구", "서울 마포구", "경기도 성남시", "", None)
REVIEWERS = tuple(f"r{i}" for i in range(7))
SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def criteria(draw: st.DrawFn, cid: str) -> Criterion:
    weight = draw(st.sampled_from([10, 15, 20, 30, 40]))
    kind = draw(st.sampled_from(["points", "one-to-five", "ten", "graded"]))
    if kind == "graded":
        return Criterion(id=cid, name=cid, weight=weight, max=1, grades=GRADES)
    low, high = {"points": (0, weight), "one-to-five": (1, 5), "ten": (0, 10)}[kind]
    return Criterion(id=cid, name=cid, weight=weight, min=low, max=high)


@st.composite
def rounds(draw: st.DrawFn, zscore: bool = False) -> RoundData:
    tracks = []
    for index in range(draw(st.integers(1, 3))):
        ids = draw(
            st.lists(st.sampled_from(["c0", "c1", "c2", "c3"]), min_size=1, max_size=3, unique=True)
        )
        tracks.append(
            Track(
                id=f"t{index}",
                name=f"track {index}",
                seats=3,
                criteria=tuple(draw(criteria(cid)) for cid in ids),
                requires=tuple(
                    draw(
                        st.lists(
                            st.sampled_from(["investment_commitment", "guarantee"]),
                            max_size=2,
                            unique=True,
                        )
                    )
                ),
            )
        )
    config = RoundConfig(
        name="r",
        year=2025,
        tracks=tuple(tracks),
        cutoff=draw(st.sampled_from([0, 50, 60, 70])),
        min_reviews=draw(st.integers(1, 4)),
        decimals=draw(st.integers(0, 3)),
        region=draw(st.sampled_from([None, "서울"])),
        aggregation=Aggregation(
            method=draw(st.sampled_from(["trimmed", "mean", "median"])),
            trim_min_reviews=draw(st.integers(3, 5)),
            normalize="zscore" if zscore else "none",
            zscore_min_reviews=draw(st.integers(2, 4)),
            bonus_cap=draw(st.sampled_from([0, 2.5, 5])),
            criterion_floor=draw(st.sampled_from([None, 0.3, 0.4, 0.5])),
        ),
        selection=SelectionRules(
            tie_break=tuple(
                draw(st.lists(st.sampled_from(["c0", "c1", "c2", "c3"]), max_size=3, unique=True))
            )
        ),
    )
    ids = draw(st.lists(st.from_regex(r"[AB][0-9]{1,2}", fullmatch=True), max_size=14, unique=True))
    halves = st.integers(0, 16).map(lambda k: k / 2)
    apps = [
        Application(
            id=app_id,
            track=draw(st.sampled_from(tracks)).id,
            title="x",
            company="y",
            region=draw(st.sampled_from(REGIONS)),
            bonus=draw(halves),
            penalty=draw(halves) / 2,
            investment_commitment=draw(st.sampled_from([True, True, False, None])),
            guarantee=draw(st.sampled_from([True, True, False, None])),
        )
        for app_id in ids
    ]
    reviews = []
    for app in apps:
        rubric = next(t for t in tracks if t.id == app.track).criteria
        for reviewer in draw(st.lists(st.sampled_from(REVIEWERS), max_size=7, unique=True)):
            if draw(st.integers(0, 9)) == 0:
                reviews.append(Review(application_id=app.id, reviewer_id=reviewer, conflict=True))
                continue
            scores: dict[str, float | str] = {}
            for c in rubric:
                if c.grades is not None:
                    scores[c.id] = draw(st.sampled_from(list(c.grades)))
                else:
                    tenths = draw(st.integers(int(c.min * 10), int(c.max * 10)))
                    scores[c.id] = tenths / 10
            reviews.append(Review(application_id=app.id, reviewer_id=reviewer, scores=scores))
    return RoundData(config=config, applications=tuple(apps), reviews=tuple(reviews))


# -- the exact reference ------------------------------------------------------------------


@dataclass
class Expected:
    status: Status | None
    final: Decimal | None
    means: dict[str, Fraction]
    totals: dict[str, Fraction]


def q(value: float) -> Fraction:
    return Fraction(str(value))


def half_up(value: Fraction, decimals: int) -> Decimal:
    scaled = abs(value) * 10**decimals
    units = math.floor(scaled + Fraction(1, 2))
    return Decimal(units if value >= 0 else -units).scaleb(-decimals)


def reference_aggregate(totals: list[Fraction], config: RoundConfig) -> Fraction:
    ordered = sorted(totals)
    rules = config.aggregation
    if rules.method == "median":
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2
    if rules.method == "trimmed" and len(ordered) >= rules.trim_min_reviews:
        ordered = ordered[1:-1]
    return sum(ordered, Fraction(0)) / len(ordered)


def reference(data: RoundData) -> dict[str, Expected]:
    config = data.config
    result: dict[str, Expected] = {}
    for app in data.applications:
        track = next(t for t in config.tracks if t.id == app.track)
        counted = [r for r in data.reviews if r.application_id == app.id and not r.conflict]
        normalised = {
            r.reviewer_id: {
                c.id: q(c.grades[str(r.scores[c.id])])
                if c.grades is not None
                else (q(float(r.scores[c.id])) - q(c.min)) / (q(c.max) - q(c.min))
                for c in track.criteria
            }
            for r in counted
        }
        weights = sum(q(c.weight) for c in track.criteria)
        totals = {
            rid: 100 * sum(q(c.weight) * n[c.id] for c in track.criteria) / weights
            for rid, n in normalised.items()
        }
        means = (
            {c.id: sum(n[c.id] for n in normalised.values()) / len(counted) for c in track.criteria}
            if counted
            else {}
        )
        region_ok = config.region is None or (
            app.region is not None and "".join(app.region.split()).startswith(config.region)
        )
        eligible = region_ok and all(getattr(app, need) is True for need in track.requires)
        if not eligible:
            result[app.id] = Expected(Status.INELIGIBLE, None, means, totals)
            continue
        if len(counted) < config.min_reviews:
            result[app.id] = Expected(Status.INCOMPLETE, None, means, totals)
            continue
        value = reference_aggregate(list(totals.values()), config)
        value += min(q(app.bonus), q(config.aggregation.bonus_cap)) - q(app.penalty)
        final = half_up(value, config.decimals)
        floor = config.aggregation.criterion_floor
        passes = final >= Decimal(str(config.cutoff)) and (
            floor is None or all(m >= q(floor) for m in means.values())
        )
        result[app.id] = Expected(None if passes else Status.BELOW_CUTOFF, final, means, totals)
    return result


def reference_places(
    data: RoundData, expected: Mapping[str, Expected]
) -> dict[str, tuple[int, int]]:
    tie_break = data.config.selection.tie_break
    tracks = {a.id: a.track for a in data.applications}

    def key(app_id: str) -> tuple[object, ...]:
        e = expected[app_id]
        breaks = tuple(-e.means[c] if c in e.means else math.inf for c in tie_break)
        return (-(e.final or 0), breaks, app_id)

    rankable = sorted(
        (a for a, e in expected.items() if e.status in (None, Status.BELOW_CUTOFF)), key=key
    )
    places: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    for order, app_id in enumerate(rankable):
        counts[tracks[app_id]] = counts.get(tracks[app_id], 0) + 1
        places[app_id] = (counts[tracks[app_id]], order)
    return places


# -- properties -----------------------------------------------------------------------------


@SETTINGS
@given(rounds())
def test_agrees_with_the_exact_reference(data: RoundData) -> None:
    scored = score_round(data)
    expected = reference(data)
    places = reference_places(data, expected)
    for app_id, want in expected.items():
        got = scored[app_id]
        assert got.status == want.status, app_id
        assert got.final == want.final, app_id
        assert (got.rank, got.order) == places.get(app_id, (None, None)), app_id
        assert got.reviews == len(want.totals)
        for reviewer, total in want.totals.items():
            assert abs(Fraction(got.reviewer_totals[reviewer]) - total) < Fraction(1, 10**9)
        for cid, mean in want.means.items():
            assert abs(Fraction(got.criterion_means[cid]) - mean) < Fraction(1, 10**9)


def check_ranks(scored: Mapping[str, ScoredApplication]) -> None:
    rankable = [s for s in scored.values() if s.status in (None, Status.BELOW_CUTOFF)]
    assert sorted(s.order for s in rankable if s.order is not None) == list(range(len(rankable)))
    for track in {s.track for s in rankable}:
        ranked = sorted((s for s in rankable if s.track == track), key=lambda s: s.rank or 0)
        assert [s.rank for s in ranked] == list(range(1, len(ranked) + 1))
        orders = [s.order or 0 for s in ranked]
        assert orders == sorted(orders)  # the global order agrees with the ranking
        finals = [s.final for s in ranked]
        assert all(
            a is not None and b is not None and a >= b for a, b in itertools.pairwise(finals)
        )
    ranked_ids = {s.id for s in rankable}
    for s in scored.values():
        if s.id not in ranked_ids:
            assert s.rank is None and s.order is None and s.final is None


@SETTINGS
@given(st.one_of(rounds(), rounds(zscore=True)))
def test_ranks_are_a_permutation_per_track(data: RoundData) -> None:
    check_ranks(score_round(data))


@SETTINGS
@given(st.one_of(rounds(), rounds(zscore=True)), st.randoms(use_true_random=False))
def test_input_order_does_not_matter(data: RoundData, rng: random.Random) -> None:
    apps, reviews = list(data.applications), list(data.reviews)
    rng.shuffle(apps)
    rng.shuffle(reviews)
    shuffled = RoundData(config=data.config, applications=tuple(apps), reviews=tuple(reviews))
    assert score_round(shuffled) == score_round(data)


@SETTINGS
@given(st.one_of(rounds(), rounds(zscore=True)))
def test_final_lies_within_the_adjusted_totals(data: RoundData) -> None:
    apps = {a.id: a for a in data.applications}
    cap = data.config.aggregation.bonus_cap
    half_unit = Decimal(5).scaleb(-data.config.decimals - 1)
    for s in score_round(data).values():
        if s.final is None or s.aggregate is None:
            continue
        adjusted = s.adjusted_totals.values()
        assert exact(min(adjusted)) <= exact(s.aggregate) <= exact(max(adjusted))
        shift = exact(min(apps[s.id].bonus, cap)) - exact(apps[s.id].penalty)
        assert abs(s.final - (exact(s.aggregate) + shift)) <= half_unit


@SETTINGS
@given(rounds(zscore=True))
def test_calibrated_reviewers_take_the_track_mean_and_spread(data: RoundData) -> None:
    scored = score_round(data)
    rules = data.config.aggregation
    for track in data.config.tracks:
        pool = [
            s for s in scored.values() if s.track == track.id and s.status is not Status.INELIGIBLE
        ]
        everything = [t for s in pool for t in s.reviewer_totals.values()]
        if not everything:
            continue
        mu_t, sigma_t = mean_std(everything)
        for reviewer in {r for s in pool for r in s.reviewer_totals}:
            raw = [s.reviewer_totals[reviewer] for s in pool if reviewer in s.reviewer_totals]
            adjusted = [s.adjusted_totals[reviewer] for s in pool if reviewer in s.adjusted_totals]
            if len(raw) < rules.zscore_min_reviews or min(raw) == max(raw):
                assert adjusted == raw
                continue
            mean, std = mean_std(adjusted)
            assert math.isclose(mean, mu_t, abs_tol=1e-6)
            assert math.isclose(std, sigma_t, abs_tol=1e-6)


totals_lists = st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=9)


@given(totals_lists, st.integers(3, 6))
def test_trimmed_mean_lies_between_min_and_max(totals: list[float], trim_min: int) -> None:
    value = aggregate(totals, "trimmed", trim_min)
    assert exact(min(totals)) <= exact(value) <= exact(max(totals))
    if len(totals) >= trim_min:
        inner = sorted(totals)[1:-1]
        assert exact(min(inner)) <= exact(value) <= exact(max(inner))


@given(totals_lists)
def test_median_and_mean_lie_between_min_and_max(totals: list[float]) -> None:
    for method in ("mean", "median"):
        value = aggregate(totals, method, 5)  # type: ignore[arg-type]
        assert exact(min(totals)) <= exact(value) <= exact(max(totals))
