"""Reviewer severity with a 95% confidence interval.

For each reviewer, overall (``track is None``) and in each track they reviewed, over
their counted (raw) totals:

* ``reviews``, ``mean`` and ``std`` (population standard deviation) of their totals —
  as :class:`~reviewer.domain.statistics.ReviewerStats`;
* ``severity``: the mean of the differences ``d = total − mean of the other reviewers'
  totals of the same application``, over the reviews that have co-reviewers
  (``compared`` of them); negative is harsh. 0.0 when ``compared`` is 0;
* ``low``, ``high``: the 95% confidence interval of that mean,
  ``severity ± t(0.975, compared − 1) · s / √compared`` with ``s`` the sample
  standard deviation (``n − 1``) of the differences and the t quantile from
  :mod:`reviewer.domain.student_t`. ``None`` when ``compared < 2``. The differences of
  one reviewer are treated as independent, which they are not quite (co-reviewers
  recur), so the interval is a guide, not a test;
* ``outliers``: how many of their totals are robust outliers
  (:mod:`reviewer.domain.robust`, threshold a parameter); ``outlier_eligible``: how
  many of their totals are on applications with at least ``OUTLIER_MIN_TOTALS`` (3)
  counted totals, the only totals that can be outliers (with two totals ``|z|`` is
  always 0.674 or 0); ``outlier_rate`` = ``outliers / outlier_eligible`` (0.0 when no
  total can be one). Dividing by every review would make a reviewer who mostly sits on
  two-reviewer panels look consistent only because nothing of theirs could be flagged.
  (With three or four totals an outlier is rare too — the mean-deviation fall-back
  caps |z| at 2.39 and 3.19 when the others agree — but not impossible.)

Values are cleaned to 9 decimal places; sums are exact (``math.fsum``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reviewer.domain.aggregation import clean
from reviewer.domain.model import RoundData
from reviewer.domain.robust import ROBUST_Z_THRESHOLD, RobustSpread, robust_outliers
from reviewer.domain.statistics import Rated
from reviewer.domain.student_t import t_quantile

CONFIDENCE = 0.95


@dataclass(frozen=True)
class SeverityRow:
    reviewer_id: str
    track: str | None
    reviews: int
    mean: float
    std: float
    severity: float
    compared: int
    low: float | None
    high: float | None
    outliers: int
    outlier_rate: float
    outlier_eligible: int = 0


#: The fewest counted totals of an application for one of them to be a robust outlier.
OUTLIER_MIN_TOTALS = 3

# (total, difference from the co-reviewers' mean or None, is a robust outlier,
#  can be one: its application has at least OUTLIER_MIN_TOTALS counted totals)
_Sample = tuple[float, float | None, bool, bool]


def reviewer_severity(
    data: RoundData,
    scored: Mapping[str, Rated],
    threshold: float = ROBUST_Z_THRESHOLD,
    robust: Mapping[str, RobustSpread] | None = None,
) -> tuple[SeverityRow, ...]:
    """For each reviewer id (sorted) the overall row, then one per track in the round's
    order. ``robust`` may pass ``robust_outliers(scored, threshold)`` already computed."""
    if robust is None:
        robust = robust_outliers(scored, threshold)
    samples: dict[tuple[str, str], list[_Sample]] = {}
    for item in scored.values():
        totals = item.reviewer_totals
        if not totals:
            continue
        flagged = set(robust[item.id].outliers)
        whole = math.fsum(totals.values())
        others = len(totals) - 1
        eligible = len(totals) >= OUTLIER_MIN_TOTALS
        for reviewer_id, total in totals.items():
            gap = total - (whole - total) / others if others else None
            samples.setdefault((reviewer_id, item.track), []).append(
                (total, gap, reviewer_id in flagged, eligible)
            )
    track_ids = [track.id for track in data.config.tracks]
    track_ids += sorted({t for _, t in samples} - set(track_ids))
    rows: list[SeverityRow] = []
    for reviewer_id in sorted({r for r, _ in samples}):
        per_track = [(t, samples.get((reviewer_id, t), [])) for t in track_ids]
        rows.append(_row(reviewer_id, None, [s for _, ss in per_track for s in ss]))
        rows.extend(_row(reviewer_id, t, ss) for t, ss in per_track if ss)
    return tuple(rows)


def _row(reviewer_id: str, track: str | None, samples: Sequence[_Sample]) -> SeverityRow:
    totals = [total for total, _, _, _ in samples]
    count = len(totals)
    mean = math.fsum(totals) / count
    std = math.sqrt(math.fsum((v - mean) ** 2 for v in totals) / count)
    gaps = [gap for _, gap, _, _ in samples if gap is not None]
    low = high = None
    severity = math.fsum(gaps) / len(gaps) if gaps else 0.0
    if len(gaps) >= 2:
        s = math.sqrt(math.fsum((g - severity) ** 2 for g in gaps) / (len(gaps) - 1))
        half = t_quantile((1 + CONFIDENCE) / 2, len(gaps) - 1) * s / math.sqrt(len(gaps))
        low, high = clean(severity - half), clean(severity + half)
    outliers = sum(1 for _, _, flagged, _ in samples if flagged)
    eligible = sum(1 for _, _, _, can in samples if can)
    return SeverityRow(
        reviewer_id=reviewer_id,
        track=track,
        reviews=count,
        mean=clean(mean),
        std=clean(std),
        severity=clean(severity),
        compared=len(gaps),
        low=low,
        high=high,
        outliers=outliers,
        outlier_rate=clean(outliers / eligible) if eligible else 0.0,
        outlier_eligible=eligible,
    )
