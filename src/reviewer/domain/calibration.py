"""Per-reviewer z-score calibration within a track (DESIGN §3.4, ``normalize = "zscore"``).

The pool of one track is every counted (non-conflict) total on the track's *eligible*
applications — complete or not: an eligible application still short of reviews has
counted totals too, and they describe its reviewers' scales like any other. Totals on
ineligible applications, and conflicts, are outside the pool and never calibrated.

``μ_t``, ``σ_t`` are the mean and population standard deviation of the whole pool; a
reviewer with at least ``zscore_min_reviews`` totals in the pool and a non-zero
population standard deviation ``σ_r`` has each total ``T`` replaced by
``μ_t + σ_t · (T − μ_r) / σ_r``. Every other reviewer keeps raw totals, and they still
count in ``μ_t`` and ``σ_t``. A reviewer on several tracks is calibrated per track, since
each track's pool is calibrated on its own. ``σ_r = 0`` means all the reviewer's totals
are equal, decided on canonical totals (see ``reviewer.domain.totals``), never by
float noise.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from reviewer.domain.totals import CountedScores, canonical


def calibrate_track(
    pool: Mapping[str, CountedScores], zscore_min_reviews: int
) -> dict[str, tuple[float, ...]]:
    """The calibrated totals of each application of ``pool`` (one track's eligible
    applications), in the order of its ``reviewer_ids``."""
    everything = [total for scores in pool.values() for total in scores.totals]
    adjusted = {app_id: list(scores.totals) for app_id, scores in pool.items()}
    if not everything:
        return {app_id: tuple(totals) for app_id, totals in adjusted.items()}
    mu_t, sigma_t = mean_std(everything)

    by_reviewer: dict[str, list[tuple[str, int]]] = {}
    for app_id, scores in pool.items():
        for position, reviewer_id in enumerate(scores.reviewer_ids):
            by_reviewer.setdefault(reviewer_id, []).append((app_id, position))

    for places in by_reviewer.values():
        totals = [pool[app_id].totals[position] for app_id, position in places]
        if len(totals) < zscore_min_reviews or min(totals) == max(totals):
            continue
        mu_r, sigma_r = mean_std(totals)
        values = canonical(mu_t + sigma_t * (np.array(totals) - mu_r) / sigma_r).tolist()
        for (app_id, position), value in zip(places, values, strict=True):
            adjusted[app_id][position] = value
    return {app_id: tuple(totals) for app_id, totals in adjusted.items()}


def mean_std(values: Sequence[float]) -> tuple[float, float]:
    """Mean and population standard deviation, with exact sums (order-independent)."""
    count = len(values)
    mean = math.fsum(values) / count
    variance = math.fsum((value - mean) ** 2 for value in values) / count
    return mean, math.sqrt(variance)
