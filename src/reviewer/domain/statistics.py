"""Statistics of the reviews: reviewer severity, per-application spread, agreement.

Everything is computed on the *raw* counted totals (``reviewer_totals`` of a
:class:`~reviewer.domain.model.ScoredApplication`, or of the application as its run
recorded it: conflicts excluded, before calibration and trimming) of every application that has
any, eligible or not — a rating is evidence about its reviewer whatever the
application's status. Sums are exact (``math.fsum``) and results are cleaned to 9
decimal places, so they do not depend on the order of the input.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from reviewer.domain.aggregation import clean, exact
from reviewer.domain.calibration import mean_std
from reviewer.domain.model import RoundData

#: A reviewer whose total is more than this many points from the median is an outlier.
OUTLIER_POINTS = 15
ICC_MEASURE = "ICC(1)"


class Rated(Protocol):
    """An application with its counted reviewer totals (scored, or as recorded)."""

    @property
    def id(self) -> str: ...

    @property
    def track(self) -> str: ...

    @property
    def reviewer_totals(self) -> Mapping[str, float]: ...


@dataclass(frozen=True)
class ReviewerStats:
    """One reviewer's counted totals, overall (``track is None``) or in one track.

    ``severity`` is the mean, over the reviewer's counted reviews that have co-reviewers,
    of (their total − the mean of the co-reviewers' totals on that application);
    negative means harsh. It is 0.0 when no review has a co-reviewer. ``std`` is the
    population standard deviation."""

    reviewer_id: str
    track: str | None
    count: int
    mean: float
    std: float
    severity: float


@dataclass(frozen=True)
class ApplicationSpread:
    """How far an application's reviewers agree: ``spread`` is max − min, ``std`` the
    population standard deviation; ``outliers`` are the reviewers (by id) whose total is
    more than ``OUTLIER_POINTS`` from the median."""

    application_id: str
    median: float
    spread: float
    std: float
    outliers: tuple[str, ...]


@dataclass(frozen=True)
class TrackAgreement:
    """Inter-rater agreement of a track; ``value`` is ``None`` when not computable."""

    track: str
    measure: str
    value: float | None
    applications: int
    reviewers: int


@dataclass(frozen=True)
class ReviewStatistics:
    """``reviewers``: for each reviewer id (sorted) the overall row, then one row per
    track in the round's order. ``applications``: every application with a counted
    total. ``agreement``: one entry per track of the round, in its order."""

    reviewers: tuple[ReviewerStats, ...]
    applications: Mapping[str, ApplicationSpread]
    agreement: tuple[TrackAgreement, ...]


def review_statistics(data: RoundData, scored: Mapping[str, Rated]) -> ReviewStatistics:
    """The statistics of a scored round, or of a recorded run."""
    track_ids = [track.id for track in data.config.tracks]
    rated = [s for s in scored.values() if s.reviewer_totals]
    return ReviewStatistics(
        reviewers=_reviewer_rows(rated, track_ids),
        applications={s.id: _spread(s) for s in rated},
        agreement=tuple(
            _agreement(track_id, [s for s in rated if s.track == track_id])
            for track_id in track_ids
        ),
    )


def _reviewer_rows(rated: Sequence[Rated], track_ids: Sequence[str]) -> tuple[ReviewerStats, ...]:
    # (reviewer, track) → [(total, mean of co-reviewers' totals or None)]
    samples: dict[tuple[str, str], list[tuple[float, float | None]]] = {}
    for item in rated:
        totals = item.reviewer_totals
        whole = math.fsum(totals.values())
        for reviewer_id, total in totals.items():
            others = len(totals) - 1
            co_mean = (whole - total) / others if others else None
            samples.setdefault((reviewer_id, item.track), []).append((total, co_mean))

    rows: list[ReviewerStats] = []
    for reviewer_id in sorted({reviewer for reviewer, _ in samples}):
        per_track = [(t, samples.get((reviewer_id, t), [])) for t in track_ids]
        overall = [sample for _, track_samples in per_track for sample in track_samples]
        rows.append(_reviewer_row(reviewer_id, None, overall))
        rows.extend(_reviewer_row(reviewer_id, t, s) for t, s in per_track if s)
    return tuple(rows)


def _reviewer_row(
    reviewer_id: str, track: str | None, samples: Sequence[tuple[float, float | None]]
) -> ReviewerStats:
    mean, std = mean_std([total for total, _ in samples])
    gaps = [total - co_mean for total, co_mean in samples if co_mean is not None]
    severity = math.fsum(gaps) / len(gaps) if gaps else 0.0
    return ReviewerStats(
        reviewer_id=reviewer_id,
        track=track,
        count=len(samples),
        mean=clean(mean),
        std=clean(std),
        severity=clean(severity),
    )


def _spread(item: Rated) -> ApplicationSpread:
    totals = sorted(item.reviewer_totals.values())
    middle = len(totals) // 2
    median = totals[middle] if len(totals) % 2 else (totals[middle - 1] + totals[middle]) / 2
    median = clean(median)
    _, std = mean_std(totals)
    outliers = tuple(
        sorted(
            reviewer_id
            for reviewer_id, total in item.reviewer_totals.items()
            if exact(abs(total - median)) > OUTLIER_POINTS
        )
    )
    return ApplicationSpread(
        application_id=item.id,
        median=median,
        spread=clean(totals[-1] - totals[0]),
        std=clean(std),
        outliers=outliers,
    )


def _agreement(track_id: str, rated: Sequence[Rated]) -> TrackAgreement:
    """One-way random-effects ICC(1) over the track's applications with at least two
    counted totals (each application is a group, its reviewers interchangeable raters).

    ``ICC(1) = (MSB − MSW) / (MSB + (k − 1) · MSW)`` with ``MSB`` the between-application
    and ``MSW`` the within-application mean square. Reviewer sets differ between
    applications, so ``k`` is the mean number of ratings per application, ``N / n``.
    Not computable (``None``) with fewer than two such applications, or when every
    total is equal.
    """
    groups = [list(s.reviewer_totals.values()) for s in rated if len(s.reviewer_totals) >= 2]
    reviewers = {r for s in rated if len(s.reviewer_totals) >= 2 for r in s.reviewer_totals}
    n = len(groups)
    value: float | None = None
    if n >= 2:
        total_count = sum(len(g) for g in groups)
        grand = math.fsum(t for g in groups for t in g) / total_count
        means = [math.fsum(g) / len(g) for g in groups]
        between = math.fsum(len(g) * (m - grand) ** 2 for g, m in zip(groups, means, strict=True))
        within = math.fsum((t - m) ** 2 for g, m in zip(groups, means, strict=True) for t in g)
        msb = between / (n - 1)
        msw = within / (total_count - n)
        k = total_count / n
        denominator = msb + (k - 1) * msw
        if exact(denominator) > 0:
            value = clean((msb - msw) / denominator)
    return TrackAgreement(
        track=track_id, measure=ICC_MEASURE, value=value, applications=n, reviewers=len(reviewers)
    )
