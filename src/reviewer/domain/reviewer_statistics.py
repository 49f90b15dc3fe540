"""What the chair reads about the reviewers: per reviewer (overall and per track) the
count, mean, spread and range of their totals, their severity with its 95% interval and
how often their totals are robust outliers; per track ICC(2,1) and Kendall's W with what
they cover, or why they cannot be computed.

It gathers :mod:`reviewer.domain.severity` (severity, interval, outliers — the robust
z-scores of :mod:`reviewer.domain.robust`, the same as the reviews matrix flags) and
:mod:`reviewer.domain.agreement` (ICC(2,1) over every rated application of a track,
Kendall's W over its largest complete block), over the raw counted
totals of a scored round or of a recorded run, like :mod:`reviewer.domain.statistics`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.domain.agreement import TrackConcordance, track_concordance
from reviewer.domain.model import RoundData
from reviewer.domain.robust import ROBUST_Z_THRESHOLD, robust_outliers
from reviewer.domain.severity import CONFIDENCE, reviewer_severity
from reviewer.domain.statistics import Rated

#: Why an agreement value is missing (keys of the messages that say it).
TOO_FEW_RATED = "too_few_rated"  # fewer than two applications with two counted totals
NO_RESIDUAL = "no_residual"  # ICC: the reviews overlap too little (no residual df)
NO_COMMON_BLOCK = "no_common_block"  # W: no two reviewers share three applications
NO_VARIANCE = "no_variance"  # the totals leave the coefficient undefined


@dataclass(frozen=True)
class ReviewerFigures:
    """One reviewer's counted totals, overall (``track is None``) or in one track.

    ``severity`` is the mean difference from the co-reviewers of the same applications
    (negative: harsh) over ``compared`` reviews; ``low``/``high`` its 95% interval
    (``None`` with fewer than two compared reviews); ``outliers`` counts the totals
    whose robust z-score exceeds the threshold. ``std`` is the population deviation."""

    reviewer_id: str
    name: str
    track: str | None
    reviews: int
    mean: float
    std: float
    minimum: float
    maximum: float
    severity: float
    compared: int
    low: float | None
    high: float | None
    outliers: int
    outlier_rate: float
    outlier_eligible: int = 0  # totals on applications with 3+ counted totals


@dataclass(frozen=True)
class TrackAgreementFigures:
    """ICC(2,1) and Kendall's W of a track, each with its own coverage.

    ICC(2,1) is over the ``icc_applications`` applications with at least two counted
    totals (of the track's ``track_applications``), rated by ``icc_reviewers``
    reviewers; Kendall's W over its complete block of ``w_applications`` applications
    × ``w_reviewers`` reviewers (0 without a block). ``icc_reason``/``w_reason`` say
    why a value is None."""

    track: str
    icc: float | None
    icc_applications: int
    icc_reviewers: int
    kendall_w: float | None
    w_applications: int
    w_reviewers: int
    track_applications: int
    icc_reason: str | None
    w_reason: str | None

    @property
    def rated(self) -> int:
        """Applications of the track with at least two counted totals."""
        return self.icc_applications


@dataclass(frozen=True)
class ReviewerStatistics:
    """``reviewers``: per reviewer id (sorted) the overall row, then one per track in
    the round's order. ``agreement``: one per track of the round, in its order."""

    reviewers: tuple[ReviewerFigures, ...]
    agreement: tuple[TrackAgreementFigures, ...]
    threshold: float
    confidence: float

    def rows(self, track: str | None) -> tuple[ReviewerFigures, ...]:
        """The rows of one track, or the overall rows (``None``)."""
        return tuple(r for r in self.reviewers if r.track == track)


def reviewer_statistics(
    data: RoundData, scored: Mapping[str, Rated], threshold: float = ROBUST_Z_THRESHOLD
) -> ReviewerStatistics:
    """The reviewer statistics of a scored round or of a recorded run's applications."""
    if threshold <= 0:
        raise ValueError(f"the outlier threshold must be positive, not {threshold}")
    robust = robust_outliers(scored, threshold)
    ranges: dict[tuple[str, str | None], tuple[float, float]] = {}
    for item in scored.values():
        for reviewer_id, total in item.reviewer_totals.items():
            for key in ((reviewer_id, item.track), (reviewer_id, None)):
                low, high = ranges.get(key, (total, total))
                ranges[key] = (min(low, total), max(high, total))
    names = {r.id: r.name for r in data.reviewers}
    rows = tuple(
        ReviewerFigures(
            reviewer_id=row.reviewer_id,
            name=names.get(row.reviewer_id, ""),
            track=row.track,
            reviews=row.reviews,
            mean=row.mean,
            std=row.std,
            minimum=ranges[(row.reviewer_id, row.track)][0],
            maximum=ranges[(row.reviewer_id, row.track)][1],
            severity=row.severity,
            compared=row.compared,
            low=row.low,
            high=row.high,
            outliers=row.outliers,
            outlier_rate=row.outlier_rate,
            outlier_eligible=row.outlier_eligible,
        )
        for row in reviewer_severity(data, scored, threshold, robust)
    )
    sizes: dict[str, int] = {}
    for app in data.applications:
        sizes[app.track] = sizes.get(app.track, 0) + 1
    agreement = tuple(
        _agreement(entry, sizes.get(entry.track, 0)) for entry in track_concordance(data, scored)
    )
    return ReviewerStatistics(
        reviewers=rows, agreement=agreement, threshold=threshold, confidence=CONFIDENCE
    )


def _agreement(entry: TrackConcordance, size: int) -> TrackAgreementFigures:
    icc_reason: str | None = None
    w_reason: str | None = None
    if entry.icc is None:
        if entry.icc_applications < 2:
            icc_reason = TOO_FEW_RATED
        elif entry.icc_residual_df <= 0:
            icc_reason = NO_RESIDUAL
        else:
            icc_reason = NO_VARIANCE
    if entry.kendall_w is None:
        if entry.icc_applications < 2:
            w_reason = TOO_FEW_RATED
        elif entry.w_applications == 0:
            w_reason = NO_COMMON_BLOCK
        else:
            w_reason = NO_VARIANCE
    return TrackAgreementFigures(
        track=entry.track,
        icc=entry.icc,
        icc_applications=entry.icc_applications,
        icc_reviewers=len(entry.icc_reviewers),
        kendall_w=entry.kendall_w,
        w_applications=entry.w_applications,
        w_reviewers=len(entry.w_reviewers),
        track_applications=size,
        icc_reason=icc_reason,
        w_reason=w_reason,
    )
