"""Robust outliers: each counted total's robust z-score within its application.

For an application with counted (raw) totals ``x_1..x_n``::

    z_i = (x_i − median) / (1.4826 · MAD),   MAD = median(|x_j − median|)

(1.4826 makes ``1.4826 · MAD`` estimate the standard deviation of normal data;
Iglewicz & Hoaglin 1993 recommend flagging ``|z| > 3.5``). A total is an outlier when
``|z|`` is strictly above the threshold *and* it is at least ``OUTLIER_MIN_POINTS``
(10) points from the median. The second condition matters with few reviewers: five
reviewers who agree within a point or two have a MAD of a point or less, and a total
three points off would otherwise be flagged; a chair looks for totals far from the
others, not for the noise of a close panel.

**MAD = 0** (at least half the totals equal the median): the scale falls back to the
mean absolute deviation from the median, ``z_i = (x_i − median) / (1.253314 · MeanAD)``
(1.253314 = √(π/2) makes it estimate the standard deviation of normal data; a common
fall-back for the modified z-score). A total equal to the median is then never
an outlier, and only a total that differs can be. The fall-back is scale-free:
when all totals but one equal the median, the odd one's |z| is ``n / 1.253314``
whatever its distance — 2.39 for 3 totals, 3.19 for 4, so not an outlier, but 3.99 for
5 and 5.59 for 7: an outlier when it is also ``OUTLIER_MIN_POINTS`` off.
Every total equal (both deviations 0): every z is 0 and nothing is an outlier. With
two totals |z| is always 0.674 (or 0), so two reviewers never make an outlier.

z-scores are cleaned to 9 decimal places before they are compared with the threshold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.domain.aggregation import clean
from reviewer.domain.statistics import Rated

ROBUST_Z_THRESHOLD = 3.5
#: An outlier is also at least this many points (of 100) from the application's median.
OUTLIER_MIN_POINTS = 10.0
MAD_SCALE = 1.4826
MEAN_AD_SCALE = 1.253314


@dataclass(frozen=True)
class RobustSpread:
    """One application's robust z-scores: ``z`` by reviewer id; ``scale`` is the
    denominator used (``1.4826·MAD``, or ``1.253314·MeanAD`` when MAD is 0, or 0.0 when
    every total is equal); ``outliers`` the reviewers (sorted) with ``|z| > threshold``
    and a total at least ``min_points`` from the median."""

    application_id: str
    median: float
    mad: float
    scale: float
    z: Mapping[str, float]
    outliers: tuple[str, ...]


def _median(ordered: list[float]) -> float:
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def robust_spread(
    item: Rated, threshold: float = ROBUST_Z_THRESHOLD, min_points: float = OUTLIER_MIN_POINTS
) -> RobustSpread:
    """The robust z-scores of one application's counted totals (module docstring)."""
    totals = item.reviewer_totals
    if not totals:
        raise ValueError(f"application {item.id} has no counted totals")
    median = _median(sorted(totals.values()))
    deviations = [abs(v - median) for v in totals.values()]
    mad = _median(sorted(deviations))
    mean_ad = math.fsum(deviations) / len(deviations)
    scale = MAD_SCALE * mad if mad > 0 else MEAN_AD_SCALE * mean_ad
    if scale > 0:
        z = {r: clean((v - median) / scale) for r, v in totals.items()}
    else:
        z = dict.fromkeys(totals, 0.0)
    outliers = tuple(
        sorted(
            r
            for r, value in z.items()
            if abs(value) > threshold and clean(abs(totals[r] - median)) >= min_points
        )
    )
    return RobustSpread(
        application_id=item.id,
        median=clean(median),
        mad=clean(mad),
        scale=clean(scale),
        z=z,
        outliers=outliers,
    )


def robust_outliers(
    scored: Mapping[str, Rated],
    threshold: float = ROBUST_Z_THRESHOLD,
    min_points: float = OUTLIER_MIN_POINTS,
) -> dict[str, RobustSpread]:
    """``robust_spread`` of every application with a counted total, keyed by id."""
    return {
        item.id: robust_spread(item, threshold, min_points)
        for item in scored.values()
        if item.reviewer_totals
    }
