"""Scoring a round: eligibility, totals, calibration, final scores, pass/fail and ranks.

This is DESIGN §3 applied to a whole round by ``score_round``. The steps live in
their own modules — ``eligibility``, ``totals`` (normalised scores, reviewer totals,
criterion means), ``calibration`` (z-scores) and ``aggregation`` (aggregate, decimal
rounding) — and this module puts them together and ranks the result.

Order of decisions for an application:

1. Its track must be one of the round's (else ``InvalidInput``: the import should
   have been refused). Every review counted for it must score every criterion of its
   track's rubric validly (else ``InvalidInput``); conflicts are not counted.
2. ``INELIGIBLE`` when it breaks an eligibility rule — decided before completeness.
3. ``INCOMPLETE`` when fewer than ``min_reviews`` reviews count.
4. Otherwise it is *rankable*: its final score is computed, and it is ``BELOW_CUTOFF``
   when the rounded final is below the cutoff or a criterion mean is below the
   criterion floor; else a candidate (``status is None``).

Ineligible and incomplete applications have no aggregate, final, rank or order, but
their counted totals and criterion means are kept for the reports.

The steps are public so the what-if engine (``reviewer.domain.whatif``) runs the very
same ones, each on what it cached of the others.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, Decimal
from itertools import chain
from typing import NamedTuple

from reviewer.domain.aggregation import aggregate, clean, exact, final_score
from reviewer.domain.calibration import calibrate_track
from reviewer.domain.config import RoundConfig, Track
from reviewer.domain.eligibility import Ineligibility, check_eligibility
from reviewer.domain.model import Application, Review, RoundData, ScoredApplication, Status
from reviewer.domain.totals import CountedScores, count_scores
from reviewer.errors import InvalidInput

RankingKey = tuple[Decimal, tuple[float, ...], str]

#: Criterion means in a reason are shown truncated to this quantum, so a failing mean
#: never reads as equal to the floor.
_SHOWN_MEAN = Decimal("1e-4")


def score_round(data: RoundData) -> dict[str, ScoredApplication]:
    """Every application of the round scored, keyed by id, in the input order."""
    config = data.config
    placed = place_applications(config, data.applications)
    counted = counted_reviews(data.reviews, {app.id for app, _ in placed})

    scores: dict[str, CountedScores] = {}
    for track in config.tracks:
        groups = [(app.id, counted.get(app.id, [])) for app, t in placed if t.id == track.id]
        scores.update(count_scores(track.criteria, groups))

    eligibility = {app.id: check_eligibility(app, track, config.region) for app, track in placed}
    adjusted = adjusted_totals(config, placed, scores, eligibility)
    judge = Judge(config)
    verdicts = {
        app.id: judge(app, track, scores[app.id], adjusted[app.id], eligibility[app.id])
        for app, track in placed
    }
    places = rank_places(placed, verdicts, scores, config.selection.tie_break)
    return {
        app.id: scored_application(
            app, track, scores[app.id], adjusted[app.id], verdicts[app.id], places.get(app.id)
        )
        for app, track in placed
    }


def ranking_key(scored: ScoredApplication, tie_break: Sequence[str]) -> RankingKey:
    """The sort key of the ranking and of the global order (smaller ranks first).

    Final descending, then each tie-break criterion's mean descending, then the id in
    plain string order. A tie-break criterion the application's rubric lacks sorts after
    every present mean, so all applications of a track lacking it compare as equal on
    it, and the global order restricted to one track is that track's ranking.
    """
    if scored.final is None:
        raise ValueError(f"application {scored.id} has no final score to rank")
    return _key(scored.final, scored.criterion_means, scored.id, tie_break)


def _key(
    final: Decimal, means: Mapping[str, float], app_id: str, tie_break: Sequence[str]
) -> RankingKey:
    breaks = tuple(-means[c] if c in means else math.inf for c in tie_break)
    return (-final, breaks, app_id)


def place_applications(
    config: RoundConfig, applications: Sequence[Application]
) -> list[tuple[Application, Track]]:
    placed: list[tuple[Application, Track]] = []
    seen: set[str] = set()
    for app in applications:
        if app.id in seen:
            raise InvalidInput("scoring.duplicate_application", application=app.id)
        seen.add(app.id)
        track = config.track(app.track)
        if track is None:
            raise InvalidInput(
                "scoring.unknown_track",
                application=app.id,
                track=app.track,
                known=", ".join(config.track_ids),
            )
        placed.append((app, track))
    return placed


def counted_reviews(reviews: Sequence[Review], known: set[str]) -> dict[str, list[Review]]:
    """Non-conflict reviews by application id; a pair reviewed twice, or a review of an
    unknown application, is invalid input rather than a silently lost or doubled score."""
    counted: dict[str, list[Review]] = {}
    pairs: set[tuple[str, str]] = set()
    for review in reviews:
        pair = (review.application_id, review.reviewer_id)
        if pair in pairs:
            raise InvalidInput("scoring.duplicate_review", application=pair[0], reviewer=pair[1])
        pairs.add(pair)
        if review.application_id not in known:
            raise InvalidInput("scoring.unknown_application", application=pair[0], reviewer=pair[1])
        if not review.conflict:
            counted.setdefault(review.application_id, []).append(review)
    return counted


def adjusted_totals(
    config: RoundConfig,
    placed: Sequence[tuple[Application, Track]],
    scores: Mapping[str, CountedScores],
    verdicts: Mapping[str, Ineligibility | None],
) -> dict[str, tuple[float, ...]]:
    adjusted: dict[str, tuple[float, ...]] = {}
    for track in config.tracks:
        in_track = [(app, t) for app, t in placed if t.id == track.id]
        adjusted.update(track_adjusted(config, in_track, scores, verdicts))
    return adjusted


def track_adjusted(
    config: RoundConfig,
    in_track: Sequence[tuple[Application, Track]],
    scores: Mapping[str, CountedScores],
    verdicts: Mapping[str, Ineligibility | None],
) -> dict[str, tuple[float, ...]]:
    """The totals aggregation reads for one track's applications: raw, or z-score
    calibrated over the track's eligible applications (§3.4)."""
    adjusted = {app.id: scores[app.id].totals for app, _ in in_track}
    if config.aggregation.normalize != "zscore":
        return adjusted
    pool = {app.id: scores[app.id] for app, _ in in_track if verdicts[app.id] is None}
    adjusted.update(calibrate_track(pool, config.aggregation.zscore_min_reviews))
    return adjusted


class Verdict(NamedTuple):
    status: Status | None
    reason_key: str = ""
    reason_params: Mapping[str, object] = {}
    aggregate: float | None = None
    final: Decimal | None = None

    @property
    def rankable(self) -> bool:
        return self.status in (None, Status.BELOW_CUTOFF)


class Judge:
    """Decides an application's status and final score (§3.3, §3.5–3.8)."""

    def __init__(self, config: RoundConfig) -> None:
        self.config = config
        self.rules = config.aggregation
        self.cutoff = exact(config.cutoff)
        floor = self.rules.criterion_floor
        # Means are canonical (the nearest double to a 9-place decimal), and so is this
        # floor: comparing the doubles is comparing the decimals.
        self.floor = None if floor is None else clean(floor)

    def __call__(
        self,
        app: Application,
        track: Track,
        scores: CountedScores,
        adjusted: tuple[float, ...],
        ineligible: Ineligibility | None,
    ) -> Verdict:
        unscored = self.unscored(scores, ineligible)
        if unscored is not None:
            return unscored
        value, final = self.final(app, adjusted)
        return self.judged(track, scores.criterion_means, value, final)

    def unscored(self, scores: CountedScores, ineligible: Ineligibility | None) -> Verdict | None:
        """The verdict of an ineligible or incomplete application (None for the others)."""
        if ineligible is not None:
            return Verdict(Status.INELIGIBLE, ineligible.key, dict(ineligible.params))
        if scores.count < self.config.min_reviews:
            counts = {"count": scores.count, "required": self.config.min_reviews}
            return Verdict(Status.INCOMPLETE, "scoring.incomplete", counts)
        return None

    def final(self, app: Application, adjusted: tuple[float, ...]) -> tuple[float, Decimal]:
        """The aggregate and the rounded final of a rankable application (§3.5–3.6)."""
        value = aggregate(adjusted, self.rules.method, self.rules.trim_min_reviews)
        final = final_score(
            value, app.bonus, app.penalty, self.rules.bonus_cap, self.config.decimals
        )
        return value, final

    def judged(
        self, track: Track, means: Mapping[str, float], value: float, final: Decimal
    ) -> Verdict:
        """The verdict of a rankable application: a candidate, or below the cutoff."""
        key, params = self.failure(track, final, means)
        return Verdict(Status.BELOW_CUTOFF if key else None, key, params, value, final)

    def failure(
        self, track: Track, final: Decimal, means: Mapping[str, float]
    ) -> tuple[str, dict[str, object]]:
        """The reason key and values when the application fails (§3.7), else ``("", {})``."""
        below = final < self.cutoff
        floor = self.floor
        failing = [] if floor is None else [c for c in track.criteria if means[c.id] < floor]
        if not below and not failing:
            return "", {}
        params: dict[str, object] = {"final": str(final), "cutoff": _show(self.cutoff)}
        if failing:
            params["criterion"] = failing[0].name
            params["criteria"] = ", ".join(
                f"{c.name} {_show(exact(means[c.id]).quantize(_SHOWN_MEAN, ROUND_DOWN))}"
                for c in failing
            )
            params["floor"] = _show(exact(floor or 0.0))
        if below and failing:
            return "scoring.below_cutoff_and_floor", params
        if below:
            return "scoring.below_cutoff", params
        return "scoring.criterion_floor", params


def _show(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent: ``70``, ``0.35``."""
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


def rank_places(
    placed: Sequence[tuple[Application, Track]],
    verdicts: Mapping[str, Verdict],
    scores: Mapping[str, CountedScores],
    tie_break: Sequence[str],
) -> dict[str, tuple[int, int]]:
    """``(rank, order)`` of every rankable application — candidates and those below the
    cutoff: a strict rank 1.. within its track and its position 0.. in the global order."""
    return places_of([ranking_keys(placed, verdicts, scores, tie_break)])


def ranking_keys(
    placed: Sequence[tuple[Application, Track]],
    verdicts: Mapping[str, Verdict],
    scores: Mapping[str, CountedScores],
    tie_break: Sequence[str],
) -> list[tuple[RankingKey, str]]:
    """The rankable applications' ranking keys with their tracks, sorted."""
    keyed: list[tuple[RankingKey, str]] = []
    for app, track in placed:
        verdict = verdicts[app.id]
        if verdict.rankable and verdict.final is not None:
            key = _key(verdict.final, scores[app.id].criterion_means, app.id, tie_break)
            keyed.append((key, track.id))
    keyed.sort()
    return keyed


def places_of(
    sorted_keys: Sequence[Sequence[tuple[RankingKey, str]]],
) -> dict[str, tuple[int, int]]:
    """:func:`rank_places` from sorted :func:`ranking_keys` of disjoint parts of the round
    (the keys hold the application ids, so no two are equal and the merge is the sort)."""
    # sorting the sorted parts one after the other merges them (the sort finds the runs)
    keyed = sorted_keys[0] if len(sorted_keys) == 1 else sorted(chain.from_iterable(sorted_keys))
    places: dict[str, tuple[int, int]] = {}
    next_rank: dict[str, int] = {}
    for order, (key, track_id) in enumerate(keyed):
        rank = next_rank.get(track_id, 1)
        next_rank[track_id] = rank + 1
        places[key[2]] = (rank, order)
    return places


def scored_application(
    app: Application,
    track: Track,
    scores: CountedScores,
    adjusted: tuple[float, ...],
    verdict: Verdict,
    place: tuple[int, int] | None,
) -> ScoredApplication:
    return ScoredApplication(
        id=app.id,
        track=track.id,
        ai_category=app.ai_category,
        amount=app.amount,
        reviews=scores.count,
        reviewer_totals=dict(zip(scores.reviewer_ids, scores.totals, strict=True)),
        adjusted_totals=dict(zip(scores.reviewer_ids, adjusted, strict=True)),
        criterion_means=dict(scores.criterion_means),
        aggregate=verdict.aggregate,
        final=verdict.final,
        status=verdict.status,
        reason_key=verdict.reason_key,
        reason_params=dict(verdict.reason_params),
        rank=None if place is None else place[0],
        order=None if place is None else place[1],
    )
