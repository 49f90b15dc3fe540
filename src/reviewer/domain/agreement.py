"""Inter-rater agreement of a track: ICC(2,1) and Kendall's W over a complete block.

Both coefficients need a *complete* matrix: every reviewer of the matrix rated every
application of it. A real round is incomplete (each reviewer scores a subset, and a
conflict removes a cell), so per track this module computes them over one
**complete block**, chosen as follows:

1. Take the track's applications with at least two counted totals (the raw
   ``reviewer_totals``, as in :mod:`reviewer.domain.statistics`) and group them by
   their *exact* set of counted reviewers.
2. A group is a complete block when it has at least two applications and at least two
   reviewers. The block used is the one with the most cells (applications ×
   reviewers); ties go to the one with more reviewers, then to the smallest sorted
   tuple of reviewer ids.
3. No such group: both values are ``None``.

An application whose reviewer set is a superset of the block's is *not* folded into
it (that would be a largest-biclique search); blocks are not pooled. A round whose
sub-committees each review all of their applications gives one block per
sub-committee, and the largest is reported together with how many of the track's
applications it covers, so a reader sees how much of the track the value speaks for.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reviewer.domain.aggregation import clean, exact
from reviewer.domain.model import RoundData
from reviewer.domain.statistics import Rated

ICC21_MEASURE = "ICC(2,1)"
KENDALL_W_MEASURE = "Kendall's W"

Matrix = Sequence[Sequence[float]]


def icc_2_1(matrix: Matrix) -> float | None:
    """ICC(2,1) of a complete ``n`` targets × ``k`` raters matrix (rows are targets).

    Two-way random effects, absolute agreement, single rater — Shrout & Fleiss (1979)
    ICC(2,1), McGraw & Wong (1996) ICC(A,1)::

        ICC = (BMS − EMS) / (BMS + (k − 1)·EMS + k·(JMS − EMS) / n)

    with ``BMS`` the between-targets, ``JMS`` the between-raters and ``EMS`` the
    residual mean square of the two-way ANOVA without replication. ``None`` with fewer
    than two targets or raters, or when the denominator is not positive (every value
    equal). Sums are exact (``math.fsum``); the value is cleaned to 9 places.
    """
    n, k = _shape(matrix)
    if n < 2 or k < 2:
        return None
    grand = math.fsum(v for row in matrix for v in row) / (n * k)
    row_means = [math.fsum(row) / k for row in matrix]
    column_means = [math.fsum(row[j] for row in matrix) / n for j in range(k)]
    total_ss = math.fsum((v - grand) ** 2 for row in matrix for v in row)
    rows_ss = k * math.fsum((m - grand) ** 2 for m in row_means)
    columns_ss = n * math.fsum((m - grand) ** 2 for m in column_means)
    bms = rows_ss / (n - 1)
    jms = columns_ss / (k - 1)
    ems = max(total_ss - rows_ss - columns_ss, 0.0) / ((n - 1) * (k - 1))
    denominator = bms + (k - 1) * ems + k * (jms - ems) / n
    if exact(denominator) <= 0:
        return None
    return clean((bms - ems) / denominator)


def kendall_w(matrix: Matrix) -> float | None:
    """Kendall's coefficient of concordance W, corrected for ties, of a complete
    ``n`` objects × ``m`` raters matrix (rows are objects, each column one rater's
    scores; a higher score ranks higher, which W does not depend on).

    Each rater's scores are ranked 1..n with tied scores given their mean rank;
    ``R_i`` is object ``i``'s rank sum and ``S = Σ (R_i − m(n + 1)/2)²``. Then
    (Kendall 1948; Siegel & Castellan 1988, §9.4)::

        W = 12·S / (m²·(n³ − n) − m·Σ_raters Σ_ties (t³ − t))

    where ``t`` is the size of each group of tied scores of a rater. Without ties this is
    the uncorrected ``12·S / (m²(n³ − n))``. ``None`` with fewer than two objects or
    raters, or when the denominator is not positive (every rater tied every object).
    """
    n, m = _shape(matrix)
    if n < 2 or m < 2:
        return None
    rank_sums = [0.0] * n
    ties = 0
    for j in range(m):
        order = sorted(range(n), key=lambda i: matrix[i][j])
        start = 0
        while start < n:
            value = matrix[order[start]][j]
            end = start + 1
            while end < n and matrix[order[end]][j] == value:
                end += 1
            size = end - start
            rank = (start + 1 + end) / 2  # mean of ranks start+1 .. end
            for i in order[start:end]:
                rank_sums[i] += rank
            ties += size**3 - size
            start = end
    centre = m * (n + 1) / 2
    s = math.fsum((r - centre) ** 2 for r in rank_sums)
    denominator = m * m * (n**3 - n) - m * ties
    if denominator <= 0:
        return None
    return clean(12 * s / denominator)


def _shape(matrix: Matrix) -> tuple[int, int]:
    n = len(matrix)
    k = len(matrix[0]) if n else 0
    if any(len(row) != k for row in matrix):
        raise ValueError("the matrix is not complete: rows of different lengths")
    return n, k


@dataclass(frozen=True)
class CompleteBlock:
    """Applications (sorted ids) all rated by the same reviewers (sorted ids);
    ``matrix[i][j]`` is reviewer ``j``'s total for application ``i``."""

    applications: tuple[str, ...]
    reviewers: tuple[str, ...]
    matrix: tuple[tuple[float, ...], ...]


def complete_block(rated: Sequence[Rated]) -> CompleteBlock | None:
    """The largest complete block of these applications (module docstring), or None."""
    groups: dict[frozenset[str], list[Rated]] = {}
    for item in rated:
        if len(item.reviewer_totals) >= 2:
            groups.setdefault(frozenset(item.reviewer_totals), []).append(item)
    best: tuple[int, int, tuple[str, ...]] | None = None
    chosen: list[Rated] = []
    for reviewer_set, items in groups.items():
        if len(items) < 2:
            continue
        reviewers = tuple(sorted(reviewer_set))
        key = (len(items) * len(reviewers), len(reviewers), reviewers)
        if best is None or _better(key, best):
            best, chosen = key, items
    if best is None:
        return None
    reviewers = best[2]
    ordered = sorted(chosen, key=lambda s: s.id)
    return CompleteBlock(
        applications=tuple(s.id for s in ordered),
        reviewers=reviewers,
        matrix=tuple(tuple(s.reviewer_totals[r] for r in reviewers) for s in ordered),
    )


def _better(key: tuple[int, int, tuple[str, ...]], than: tuple[int, int, tuple[str, ...]]) -> bool:
    """More cells, then more reviewers, then the smaller reviewer ids."""
    if key[:2] != than[:2]:
        return key[:2] > than[:2]
    return key[2] < than[2]


@dataclass(frozen=True)
class TrackConcordance:
    """ICC(2,1) and Kendall's W of a track over its complete block (module docstring).

    ``applications`` and ``reviewers`` are the block's (0 and ``()`` without one);
    ``rated`` is how many of the track's applications have at least two counted
    totals, so ``applications / rated`` is the share of the track the values cover."""

    track: str
    icc: float | None
    kendall_w: float | None
    applications: int
    reviewers: tuple[str, ...]
    rated: int


def track_concordance(data: RoundData, scored: Mapping[str, Rated]) -> tuple[TrackConcordance, ...]:
    """One entry per track of the round, in its order."""
    by_track: dict[str, list[Rated]] = {track.id: [] for track in data.config.tracks}
    for item in scored.values():
        if len(item.reviewer_totals) >= 2 and item.track in by_track:
            by_track[item.track].append(item)
    result: list[TrackConcordance] = []
    for track_id, items in by_track.items():
        block = complete_block(items)
        if block is None:
            result.append(TrackConcordance(track_id, None, None, 0, (), len(items)))
            continue
        result.append(
            TrackConcordance(
                track=track_id,
                icc=icc_2_1(block.matrix),
                kendall_w=kendall_w(block.matrix),
                applications=len(block.applications),
                reviewers=block.reviewers,
                rated=len(items),
            )
        )
    return tuple(result)
