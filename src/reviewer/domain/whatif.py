"""What-if: the round evaluated again under a changed configuration, fast and exactly.

A :class:`WhatIf` is given the round's data once. ``evaluate(config)`` returns exactly
what :func:`reviewer.domain.evaluate.evaluate` returns for the data under ``config``
(the same finals, ranks, statuses, selection and explanations), because it runs the
same steps of :mod:`scoring` and :mod:`selection` — it only keeps what a step computed
and reuses it while the settings that step reads are unchanged:

============================  ================================================
step                          reads (besides the data)
============================  ================================================
placing, counted reviews      the tracks' ids and names
normalised scores, means      each track's rubric apart from the weights
reviewer totals               each track's weights
eligibility                   the tracks' requirements, the round's region
calibrated totals             ``normalize``, ``zscore_min_reviews``
aggregate and final           method, trimming, bonus cap, decimals, min_reviews
pass/fail                     cutoff, criterion floor, criterion names
ranks, global order           the finals, ``tie_break``
selection                     seats, budgets, quotas, objective, seat transfer
============================  ================================================

So a weight change computes the totals of that track again (not the normalised scores);
a change of seats, budgets, quota shares or strictness, or seat transfer, selects again
without scoring; a cutoff or floor change only judges pass/fail again. Every step is
cached per track where it works per track, keyed by exactly the settings it reads, so
any change — also one of a setting not listed — gives the exact result.

A :class:`~reviewer.domain.stopping.CancelToken` is looked at between the steps and
handed to the selection; a cancelled evaluation raises
:class:`~reviewer.errors.SolverCancelled`.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import partial
from typing import Generic, TypeVar

from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.eligibility import Ineligibility, check_eligibility
from reviewer.domain.model import Application, Review, RoundData, RoundResult, ScoredApplication
from reviewer.domain.scoring import (
    Judge,
    RankingKey,
    Verdict,
    counted_reviews,
    place_applications,
    places_of,
    ranking_keys,
    scored_application,
    track_adjusted,
)
from reviewer.domain.selection import Solver, select
from reviewer.domain.stopping import CancelToken, Stop
from reviewer.domain.totals import CountedScores, ScoreMatrix, matrix_scores, score_matrix

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: Results kept per step: the baseline and a few recent scenarios.
CACHE_SIZE = 4


class _Cache(Generic[K, V]):
    """The last ``CACHE_SIZE`` results of one step, by the settings it read."""

    def __init__(self) -> None:
        self._entries: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, compute: Callable[[], V]) -> V:
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        value = compute()
        self._entries[key] = value
        if len(self._entries) > CACHE_SIZE:
            self._entries.popitem(last=False)
        return value


def _of(caches: dict[str, _Cache[K, V]], track_id: str) -> _Cache[K, V]:
    cache = caches.get(track_id)
    if cache is None:
        cache = caches[track_id] = _Cache()
    return cache


def _rubric_key(criteria: Sequence[Criterion]) -> Hashable:
    """What the normalised scores read of a rubric: everything but weights and names."""
    return tuple(
        (c.id, c.min, c.max, None if c.grades is None else tuple(c.grades.items()))
        for c in criteria
    )


def _criteria_key(criteria: Sequence[Criterion]) -> Hashable:
    return (
        _rubric_key(criteria),
        tuple(c.weight for c in criteria),
        tuple(c.name for c in criteria),
    )


def _weights_key(criteria: Sequence[Criterion]) -> Hashable:
    return (_rubric_key(criteria), tuple(c.weight for c in criteria))


Placed = tuple[tuple[Application, Track], ...]


class _Placement:
    """The applications placed in their tracks and their counted reviews (one tracks'
    layout): reviews grouped by track, in the order scoring takes them."""

    def __init__(self, config: RoundConfig, data: RoundData) -> None:
        self.placed: Placed = tuple(place_applications(config, data.applications))
        counted = counted_reviews(data.reviews, {app.id for app, _ in self.placed})
        self.groups: dict[str, list[tuple[str, Sequence[Review]]]] = {}
        self.by_track: dict[str, list[tuple[Application, Track]]] = {}
        for track in config.tracks:
            self.groups[track.id] = [
                (app.id, counted.get(app.id, [])) for app, t in self.placed if t.id == track.id
            ]
            self.by_track[track.id] = [(app, t) for app, t in self.placed if t.id == track.id]


@dataclasses.dataclass(frozen=True)
class _Built:
    """An application's scored form and the steps' results it was made from."""

    track: str
    counted: CountedScores
    adjusted: tuple[float, ...]
    verdict: Verdict
    scored: ScoredApplication


class WhatIf:
    """The round's data, evaluated under any configuration with the steps cached."""

    def __init__(self, data: RoundData) -> None:
        self.data = data
        self._placements: _Cache[Hashable, _Placement] = _Cache()
        self._eligibility: _Cache[Hashable, dict[str, Ineligibility | None]] = _Cache()
        self._scored: _Cache[Hashable, dict[str, ScoredApplication]] = _Cache()
        # the per-track steps: one cache per track, so every track keeps its results
        self._matrices: dict[str, _Cache[Hashable, ScoreMatrix]] = {}
        self._scores: dict[str, _Cache[Hashable, dict[str, CountedScores]]] = {}
        self._adjusted: dict[str, _Cache[Hashable, dict[str, tuple[float, ...]]]] = {}
        self._finals: dict[str, _Cache[Hashable, dict[str, Verdict]]] = {}
        self._verdicts: dict[str, _Cache[Hashable, dict[str, Verdict]]] = {}
        self._ranked: dict[str, _Cache[Hashable, list[tuple[RankingKey, str]]]] = {}
        # each application's latest scored form, with the objects it was made from
        self._applications: dict[str, _Built] = {}

    def evaluate(
        self,
        config: RoundConfig,
        *,
        solver: Solver = "auto",
        cancel: CancelToken | None = None,
        explanations: bool = True,
    ) -> RoundResult:
        """``evaluate(replace(data, config=config))``, reusing what did not change
        (``explanations``: see :func:`~reviewer.domain.selection.select`)."""
        stop = Stop(cancel=cancel)
        scored = self.score(config, stop)
        stop.check()
        selection = select(config, scored, solver=solver, cancel=cancel, explanations=explanations)
        return RoundResult(scored=scored, selection=selection)

    def score(self, config: RoundConfig, stop: Stop | None = None) -> dict[str, ScoredApplication]:
        """``score_round`` of the data under ``config`` (the same mapping, in input order)."""
        stop = stop or Stop()
        layout = tuple((t.id, t.name) for t in config.tracks)
        placement = self._placements.get(layout, lambda: _Placement(config, self.data))
        stop.check()
        eligibility_key = (layout, config.region, tuple(t.requires for t in config.tracks))
        # the placement is shared by every configuration with these tracks: its Track
        # objects are the first one's, so every rule is read from this configuration's
        current = {track.id: track for track in config.tracks}
        placed: Placed = tuple((app, current[track.id]) for app, track in placement.placed)
        eligibility = self._eligibility.get(
            eligibility_key,
            lambda: {app.id: check_eligibility(app, track, config.region) for app, track in placed},
        )
        judge = Judge(config)
        tie_break = config.selection.tie_break
        scores: dict[str, CountedScores] = {}
        verdicts: dict[str, Verdict] = {}
        track_keys: list[Hashable] = []
        ranked: list[list[tuple[RankingKey, str]]] = []
        for track in config.tracks:
            stop.check()
            track_scores, track_verdicts, key = self._track(
                config, judge, placement, track, eligibility, eligibility_key
            )
            scores.update(track_scores)
            verdicts.update(track_verdicts)
            track_keys.append(key)
            # each track's applications in ranking order, kept while its verdicts are
            in_track = [(app, current[track.id]) for app, _ in placement.by_track[track.id]]
            ranked.append(
                _of(self._ranked, track.id).get(
                    (key, tie_break),
                    partial(ranking_keys, in_track, track_verdicts, track_scores, tie_break),
                )
            )
        stop.check()
        scored_key = (eligibility_key, tuple(track_keys), tie_break)

        def build() -> dict[str, ScoredApplication]:
            # the adjusted totals are cached per track under the keys the verdicts used
            adjusted = self._adjusted_of(config, placement, scores, eligibility, eligibility_key)
            places = places_of(ranked)  # rank_places, merging the tracks' sorted keys
            return {
                app.id: self._application(
                    app, track, scores[app.id], adjusted[app.id], verdicts[app.id], places
                )
                for app, track in placed
            }

        return self._scored.get(scored_key, build)

    def _application(
        self,
        app: Application,
        track: Track,
        counted: CountedScores,
        adjusted: tuple[float, ...],
        verdict: Verdict,
        places: Mapping[str, tuple[int, int]],
    ) -> ScoredApplication:
        """``scored_application``, reusing the application's latest one when it was made
        from the very same steps' results (only its place may differ)."""
        place = places.get(app.id)
        built = self._applications.get(app.id)
        if (
            built is not None
            and built.track == track.id
            and built.counted is counted
            and built.adjusted is adjusted
            and built.verdict is verdict
        ):
            scored = built.scored
            rank, order = (None, None) if place is None else place
            if scored.rank == rank and scored.order == order:
                return scored
            scored = scored.placed(rank, order)
        else:
            scored = scored_application(app, track, counted, adjusted, verdict, place)
        self._applications[app.id] = _Built(track.id, counted, adjusted, verdict, scored)
        return scored

    # -- the per-track steps -----------------------------------------------------------

    def _track(
        self,
        config: RoundConfig,
        judge: Judge,
        placement: _Placement,
        track: Track,
        eligibility: Mapping[str, Ineligibility | None],
        eligibility_key: Hashable,
    ) -> tuple[dict[str, CountedScores], dict[str, Verdict], Hashable]:
        criteria = track.criteria
        layout = tuple((t.id, t.name) for t in config.tracks)
        matrix_key = (layout, track.id, _rubric_key(criteria))
        matrix = _of(self._matrices, track.id).get(
            matrix_key, lambda: score_matrix(criteria, placement.groups[track.id])
        )
        scores_key = (layout, track.id, _weights_key(criteria))
        scores = _of(self._scores, track.id).get(
            scores_key, lambda: matrix_scores(criteria, matrix)
        )
        adjusted_key = self._adjusted_key(config, scores_key, eligibility_key)
        adjusted = _of(self._adjusted, track.id).get(
            adjusted_key, lambda: self._calibrated(config, placement, track, scores, eligibility)
        )
        rules = config.aggregation
        finals_key = (
            adjusted_key,
            eligibility_key,
            rules.method,
            rules.trim_min_reviews,
            rules.bonus_cap,
            config.decimals,
            config.min_reviews,
        )

        def finals() -> dict[str, Verdict]:
            result: dict[str, Verdict] = {}
            for app, _ in placement.by_track[track.id]:
                unscored = judge.unscored(scores[app.id], eligibility[app.id])
                if unscored is not None:
                    result[app.id] = unscored
                else:
                    value, final = judge.final(app, adjusted[app.id])
                    result[app.id] = Verdict(None, aggregate=value, final=final)
            return result

        provisional = _of(self._finals, track.id).get(finals_key, finals)
        verdict_key = (
            finals_key,
            config.cutoff,
            rules.criterion_floor,
            _criteria_key(criteria),
        )

        def judged() -> dict[str, Verdict]:
            result: dict[str, Verdict] = {}
            for app_id, verdict in provisional.items():
                if verdict.final is None or verdict.aggregate is None:
                    result[app_id] = verdict
                else:
                    means = scores[app_id].criterion_means
                    result[app_id] = judge.judged(track, means, verdict.aggregate, verdict.final)
            return result

        return scores, _of(self._verdicts, track.id).get(verdict_key, judged), verdict_key

    @staticmethod
    def _adjusted_key(
        config: RoundConfig, scores_key: Hashable, eligibility_key: Hashable
    ) -> Hashable:
        rules = config.aggregation
        if rules.normalize != "zscore":
            return (scores_key, "none")
        return (scores_key, "zscore", rules.zscore_min_reviews, eligibility_key)

    def _calibrated(
        self,
        config: RoundConfig,
        placement: _Placement,
        track: Track,
        scores: Mapping[str, CountedScores],
        eligibility: Mapping[str, Ineligibility | None],
    ) -> dict[str, tuple[float, ...]]:
        placed = [(app, track) for app, _ in placement.by_track[track.id]]  # this config's
        return track_adjusted(config, placed, scores, eligibility)

    def _adjusted_of(
        self,
        config: RoundConfig,
        placement: _Placement,
        scores: Mapping[str, CountedScores],
        eligibility: Mapping[str, Ineligibility | None],
        eligibility_key: Hashable,
    ) -> dict[str, tuple[float, ...]]:
        layout = tuple((t.id, t.name) for t in config.tracks)
        adjusted: dict[str, tuple[float, ...]] = {}
        for track in config.tracks:
            scores_key = (layout, track.id, _weights_key(track.criteria))
            key = self._adjusted_key(config, scores_key, eligibility_key)
            compute = partial(self._calibrated, config, placement, track, scores, eligibility)
            adjusted.update(_of(self._adjusted, track.id).get(key, compute))
        return adjusted
