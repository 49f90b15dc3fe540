"""Inter-rater agreement of a track: ICC(2,1) over every rated application, Kendall's W
over the largest complete block.

A real round is incomplete: each reviewer scores a subset of the track, and a conflict
removes a cell. The two coefficients handle that differently.

**ICC(2,1)** (two-way random effects, absolute agreement, single rater) is computed over
*every* application of the track with at least two counted totals (the raw
``reviewer_totals``, as in :mod:`reviewer.domain.statistics`), from the variance
components of the additive model on the observed cells::

    y_ij = μ + a_i + b_j + e_ij      (a: application, b: reviewer, both random)

estimated by Henderson's Method III, the method of fitting constants (Henderson, C. R.
(1953), Estimation of variance and covariance components, Biometrics 9, 226–252;
Searle, Casella & McCulloch (1992), Variance Components, Wiley, ch. 5). With ``N``
observations, ``n`` applications, ``k`` reviewers and ``c`` connected components of the
application–reviewer graph:

* ``SSE`` is the residual sum of squares of the additive least-squares fit, computed
  from the reduced normal equations of the reviewer effects (the application effects
  absorbed): ``C = diag(r_j) − Nᵀ diag(1/m_i) N`` and ``q`` = reviewer totals −
  ``Nᵀ`` (application means), ``N`` the ``n × k`` incidence matrix, ``m_i`` the
  reviewers of application ``i``, ``r_j`` the applications of reviewer ``j``. ``C b = q``
  is solved by least squares (``C`` has rank ``k − c``), ``R(b|μ,a) = bᵀq`` and
  ``SSE = SS within applications − R(b|μ,a)``;
* ``R(a|μ,b) = SS within reviewers − SSE``;
* ``σ²_e = SSE / (N − n − k + c)``, ``σ²_b = (R(b|μ,a) − (k − c)σ²_e) / (N − n)`` and
  ``σ²_a = (R(a|μ,b) − (n − c)σ²_e) / (N − k)`` — the divisors are the traces
  ``tr(Z_bᵀ M_a Z_b) = N − n`` and ``tr(Z_aᵀ M_b Z_a) = N − k``;
* ``ICC(2,1) = σ²_a / (σ²_a + σ²_b + σ²_e)``.

A negative estimate of ``σ²_a`` or ``σ²_b`` (the method is unbiased, not positive) is
truncated to 0, the usual convention: a negative application component gives ICC 0.
The value is ``None`` without residual degrees of freedom (``N − n − k + c ≤ 0``: the
reviews overlap too little) or when the denominator is 0 (every total equal). On a
complete matrix with non-negative components it is exactly Shrout & Fleiss's
``ICC(2,1) = (BMS − EMS) / (BMS + (k − 1)EMS + k(JMS − EMS)/n)`` (:func:`icc_2_1`).

**Kendall's W** needs complete rankings, so it is computed over one complete block: a
set ``R`` of at least two reviewers and *every* application whose counted reviewer set
contains ``R`` (an application reviewed by more reviewers is folded in with ``R``'s
columns only). The block is the one with the most cells (applications × ``|R|``) among
those with at least three applications; ties go to more reviewers, then to the smallest
sorted tuple of reviewer ids. The candidate sets ``R`` are the subsets (of size ≥ 2) of
each application's reviewer set. An application with more than
:data:`MAX_ENUMERATED_REVIEWERS` reviewers (a pathological case: 2^k subsets) offers only
its own full set as a candidate, but is still folded into every block whose reviewers it
contains.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, combinations

import numpy as np

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


#: An application with more reviewers than this offers only its own reviewer set as a
#: candidate block for Kendall's W (module docstring); 8 reviewers give 247 subsets.
MAX_ENUMERATED_REVIEWERS = 8

#: The fewest applications of a block for Kendall's W.
MIN_BLOCK_APPLICATIONS = 3


@dataclass(frozen=True)
class VarianceComponents:
    """Henderson's Method III estimates of the additive two-way random model on the
    observed cells (module docstring). ``application``/``reviewer`` are truncated at 0;
    ``residual_df`` is ``N − n − k + c`` (the components are 0 and ``icc`` None when it
    is not positive)."""

    observations: int
    applications: int
    reviewers: int
    components: int
    residual_df: int
    application: float
    reviewer: float
    residual: float
    icc: float | None


def variance_components(ratings: Sequence[Mapping[str, float]]) -> VarianceComponents:
    """The variance components and ICC(2,1) of an incomplete design: one mapping
    reviewer id → total per application (module docstring). An application without
    totals is left out; one with a single total adds nothing to the estimates but is
    counted in ``n`` and ``N``, so pass only those with two or more for the track's
    figure. A total that is not a finite number raises ValueError."""
    ratings = [row for row in ratings if row]
    reviewer_ids = sorted({r for row in ratings for r in row})
    column = {r: j for j, r in enumerate(reviewer_ids)}
    n, k = len(ratings), len(reviewer_ids)
    rev_index: list[int] = []
    values: list[float] = []
    columns: list[list[int]] = []
    for row in ratings:
        indices = [column[r] for r in row]
        rev_index.extend(indices)
        values.extend(row.values())
        columns.append(indices)
    y = np.asarray(values, dtype=float)
    if not np.all(np.isfinite(y)):
        bad = next(v for v in values if not math.isfinite(float(v)))
        raise ValueError(f"a total is not a finite number: {bad!r}")
    total_n = len(values)
    c = _components(k, columns)
    df_e = total_n - n - k + c
    if df_e <= 0:
        return VarianceComponents(total_n, n, k, c, df_e, 0.0, 0.0, 0.0, None)
    a = np.repeat(np.arange(n, dtype=np.intp), [len(row) for row in columns])
    b = np.asarray(rev_index, dtype=np.intp)
    y = y - y.mean()  # centred: the sums of squares below lose no precision to μ
    m = np.bincount(a, minlength=n).astype(float)
    r = np.bincount(b, minlength=k).astype(float)
    app_mean = np.bincount(a, weights=y, minlength=n) / m
    rev_sum = np.bincount(b, weights=y, minlength=k)
    rev_mean = rev_sum / r
    within_apps = float(np.sum((y - app_mean[a]) ** 2))
    within_reviewers = float(np.sum((y - rev_mean[b]) ** 2))
    incidence = np.zeros((n, k))
    incidence[a, b] = 1.0
    reduced = np.diag(r) - (incidence / m[:, None]).T @ incidence
    q = rev_sum - incidence.T @ app_mean
    effects = np.linalg.lstsq(reduced, q, rcond=None)[0]
    r_b = float(effects @ q)
    sse = max(within_apps - r_b, 0.0)
    r_a = within_reviewers - sse
    residual = sse / df_e
    reviewer = max((r_b - (k - c) * residual) / (total_n - n), 0.0)
    application = max((r_a - (n - c) * residual) / (total_n - k), 0.0)
    denominator = application + reviewer + residual
    scale = float(np.sum(y**2)) / total_n  # the size of the variances, for the zero test
    icc = None if denominator <= 1e-12 * scale else clean(application / denominator)
    return VarianceComponents(
        total_n, n, k, c, df_e, float(application), float(reviewer), float(residual), icc
    )


def icc_2_1_incomplete(ratings: Sequence[Mapping[str, float]]) -> float | None:
    """ICC(2,1) of an incomplete design by Henderson's Method III (module docstring)."""
    return variance_components(ratings).icc


def _components(k: int, rows: Sequence[Sequence[int]]) -> int:
    """Connected components of the application–reviewer graph (union-find over the
    reviewers: an application joins its reviewers into one component). Every
    application has at least one reviewer and every reviewer one application, so the
    components are those of the reviewers."""
    parent = list(range(k))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for members in {tuple(row) for row in rows if row}:
        root = find(members[0])
        for other in members[1:]:
            other_root = find(other)
            if other_root != root:
                parent[other_root] = root
    return len({find(x) for x in range(k)})


@dataclass(frozen=True)
class CompleteBlock:
    """Applications (sorted ids) all rated by the same reviewers (sorted ids);
    ``matrix[i][j]`` is reviewer ``j``'s total for application ``i``."""

    applications: tuple[str, ...]
    reviewers: tuple[str, ...]
    matrix: tuple[tuple[float, ...], ...]


def complete_block(rated: Sequence[Rated]) -> CompleteBlock | None:
    """The largest complete block of these applications for Kendall's W (module
    docstring: supersets folded in), or None when no two reviewers share at least
    :data:`MIN_BLOCK_APPLICATIONS` applications."""
    sets: dict[frozenset[str], int] = {}
    for item in rated:
        if len(item.reviewer_totals) >= 2:
            key = frozenset(item.reviewer_totals)
            sets[key] = sets.get(key, 0) + 1
    counts: Counter[tuple[str, ...]] = Counter()
    large: list[tuple[frozenset[str], int]] = []
    for reviewer_set, times in sets.items():
        members = sorted(reviewer_set)
        if len(members) > MAX_ENUMERATED_REVIEWERS:
            large.append((reviewer_set, times))
            counts[tuple(members)] += 0
            continue
        subsets = chain.from_iterable(
            combinations(members, size) for size in range(2, len(members) + 1)
        )
        if times == 1:
            counts.update(subsets)  # counted in C
        else:
            for subset in subsets:
                counts[subset] += times
    for candidate in counts:  # the large sets contain candidates they did not enumerate
        for reviewer_set, times in large:
            if reviewer_set.issuperset(candidate):
                counts[candidate] += times
    best: tuple[int, int, tuple[str, ...]] | None = None
    for candidate, applications in counts.items():
        if applications < MIN_BLOCK_APPLICATIONS:
            continue
        ranking = (applications * len(candidate), len(candidate), candidate)
        if best is None or _better(ranking, best):
            best = ranking
    if best is None:
        return None
    reviewers = best[2]
    chosen = sorted(
        (s for s in rated if all(r in s.reviewer_totals for r in reviewers)), key=lambda s: s.id
    )
    return CompleteBlock(
        applications=tuple(s.id for s in chosen),
        reviewers=reviewers,
        matrix=tuple(tuple(s.reviewer_totals[r] for r in reviewers) for s in chosen),
    )


def _better(key: tuple[int, int, tuple[str, ...]], than: tuple[int, int, tuple[str, ...]]) -> bool:
    """More cells, then more reviewers, then the smaller reviewer ids."""
    if key[:2] != than[:2]:
        return key[:2] > than[:2]
    return key[2] < than[2]


@dataclass(frozen=True)
class TrackConcordance:
    """ICC(2,1) and Kendall's W of a track, each with what it covers (module docstring).

    ``icc`` is over the ``icc_applications`` applications with at least two counted
    totals (``rated``: the same number) and the ``icc_reviewers`` who rated them;
    ``icc_residual_df`` is the residual degrees of freedom (ICC None when not
    positive). ``kendall_w`` is over the complete block: ``w_applications``
    applications (0 without a block) × ``w_reviewers`` (``()`` without one)."""

    track: str
    icc: float | None
    icc_applications: int
    icc_reviewers: tuple[str, ...]
    icc_residual_df: int
    kendall_w: float | None
    w_applications: int
    w_reviewers: tuple[str, ...]

    @property
    def rated(self) -> int:
        return self.icc_applications


def track_concordance(data: RoundData, scored: Mapping[str, Rated]) -> tuple[TrackConcordance, ...]:
    """One entry per track of the round, in its order."""
    by_track: dict[str, list[Rated]] = {track.id: [] for track in data.config.tracks}
    for item in scored.values():
        if len(item.reviewer_totals) >= 2 and item.track in by_track:
            by_track[item.track].append(item)
    result: list[TrackConcordance] = []
    for track_id, items in by_track.items():
        items.sort(key=lambda s: s.id)
        components = variance_components([s.reviewer_totals for s in items])
        block = complete_block(items)
        result.append(
            TrackConcordance(
                track=track_id,
                icc=components.icc,
                icc_applications=len(items),
                icc_reviewers=tuple(sorted({r for s in items for r in s.reviewer_totals})),
                icc_residual_df=components.residual_df,
                kendall_w=kendall_w(block.matrix) if block is not None else None,
                w_applications=len(block.applications) if block is not None else 0,
                w_reviewers=block.reviewers if block is not None else (),
            )
        )
    return tuple(result)
