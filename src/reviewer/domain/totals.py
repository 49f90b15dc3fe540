"""Normalised criterion scores, reviewer totals and criterion means (DESIGN §3.1–3.3, §3.9).

The work is vectorised per rubric with numpy, one column per criterion, so a round of
hundreds of thousands of scores takes a fraction of a second. Every element-wise step
is a single IEEE operation, the same one ``Criterion.normalise`` performs, so the
vectorised values equal the scalar ones bit for bit.

Totals and means are made *canonical*: rounded half-even to 9 decimal places (the
nearest double to that decimal). Binary floating point carries noise in the last bits
(``84.345`` may come out as ``84.34500000000001``); after canonicalisation two values
that are mathematically equal are the same double, so equal totals tie, a reviewer whose
totals are all equal has a standard deviation of exactly 0, and comparisons with the
criterion floor are not decided by noise. Realistic inputs (scores with a few decimals,
integer weights) give totals with far fewer than 9 decimals, so nothing else changes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray

from reviewer.domain.config import Criterion
from reviewer.domain.model import Review
from reviewer.errors import InvalidInput

#: Decimal places of canonical totals and means.
CANONICAL_PLACES = 9

Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class CountedScores:
    """The counted (non-conflict) reviews of one application, ordered by reviewer id."""

    reviewer_ids: tuple[str, ...] = ()
    totals: tuple[float, ...] = ()  # the raw reviewer totals T_ri, 0–100
    criterion_means: Mapping[str, float] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.totals)


def canonical(values: Matrix) -> Matrix:
    """``values`` rounded half-even to ``CANONICAL_PLACES`` decimal places."""
    return np.round(values, CANONICAL_PLACES)


def normalised_matrix(criteria: Sequence[Criterion], reviews: Sequence[Review]) -> Matrix:
    """``n_rc`` for every review (rows) and criterion of the rubric (columns).

    Raises ``InvalidInput`` for a review lacking a criterion of the rubric, a grade the
    criterion does not define, a value that is not a number, or a number outside the
    criterion's ``min..max`` (a total computed from such a review would be wrong)."""
    matrix = np.empty((len(reviews), len(criteria)), dtype=np.float64)
    for column, (criterion, raw) in enumerate(
        zip(criteria, _columns(criteria, reviews), strict=True)
    ):
        if criterion.grades is not None:
            try:
                matrix[:, column] = [criterion.normalise(value) for value in raw]
            except KeyError:
                bad = next(
                    r for r in reviews if str(r.scores[criterion.id]) not in criterion.grades
                )
                raise _error(
                    "scoring.bad_grade",
                    bad,
                    criterion,
                    value=bad.scores[criterion.id],
                    grades=", ".join(criterion.grades),
                ) from None
        else:
            matrix[:, column] = _normalise_numbers(criterion, reviews, raw)
    return matrix


def _columns(
    criteria: Sequence[Criterion], reviews: Sequence[Review]
) -> list[Sequence[float | str]]:
    """The raw scores of ``reviews``, one sequence per criterion."""
    getter = itemgetter(*(c.id for c in criteria))
    try:
        rows = [getter(review.scores) for review in reviews]
    except KeyError:
        for review in reviews:
            for criterion in criteria:
                if criterion.id not in review.scores:
                    raise _error("scoring.missing_score", review, criterion) from None
        raise
    if len(criteria) == 1:
        return [rows]
    return list(zip(*rows, strict=True)) if rows else [() for _ in criteria]


def _normalise_numbers(
    criterion: Criterion, reviews: Sequence[Review], raw: Sequence[float | str]
) -> Matrix:
    try:
        values = np.asarray(raw, dtype=np.float64)
    except (TypeError, ValueError):
        values = np.array([_to_number(v) for v in raw], dtype=np.float64)
    valid = (values >= criterion.min) & (values <= criterion.max)  # NaN is never valid
    if not valid.all():
        review = reviews[int(np.argmin(valid))]
        value = review.scores[criterion.id]
        if not _is_number(value):
            raise _error("scoring.not_a_number", review, criterion, value=value)
        raise _error(
            "scoring.out_of_range",
            review,
            criterion,
            value=_shown(_to_number(value)),
            min=_shown(criterion.min),
            max=_shown(criterion.max),
        )
    return (values - criterion.min) / (criterion.max - criterion.min)


def _to_number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def _shown(number: float) -> str:
    """A number as a person writes it: ``40``, ``1.5``."""
    return f"{number:g}" if float(number).is_integer() else repr(float(number))


def _is_number(value: object) -> bool:
    return not math.isnan(_to_number(value))


def _error(key: str, review: Review, criterion: Criterion, **params: Any) -> InvalidInput:
    return InvalidInput(
        key,
        application=review.application_id,
        reviewer=review.reviewer_id,
        criterion=criterion.name,
        **params,
    )


def reviewer_totals(criteria: Sequence[Criterion], normalised: Matrix) -> Matrix:
    """``T = 100 · Σ_c w_c · n_c / Σ_c w_c`` per row, summed in rubric order, canonical."""
    weighted = np.zeros(normalised.shape[0], dtype=np.float64)
    for column, criterion in enumerate(criteria):
        weighted += criterion.weight * normalised[:, column]
    weight_sum = math.fsum(c.weight for c in criteria)
    return canonical(100.0 * weighted / weight_sum)


@dataclass(frozen=True)
class ScoreMatrix:
    """What the totals of one rubric's applications are computed from, apart from the
    weights: the counted reviews in reviewer-id order, their normalised scores (one row
    per review, in that order) and every application's criterion means."""

    ordered: tuple[tuple[str, tuple[Review, ...]], ...]
    normalised: Matrix | None  # None when no review counts
    starts: tuple[int, ...]  # the first row of each application with reviews
    means: Mapping[str, Mapping[str, float]]  # application id → criterion id → mean
    # each application with reviews: its id, reviewer ids and rows (start, stop)
    filled: tuple[tuple[str, tuple[str, ...], int, int], ...]


def score_matrix(
    criteria: Sequence[Criterion], groups: Sequence[tuple[str, Sequence[Review]]]
) -> ScoreMatrix:
    """The normalised scores and criterion means of each application of one rubric
    (``groups`` as in :func:`count_scores`); they do not depend on the weights."""
    ordered = tuple(
        (app_id, tuple(sorted(reviews, key=_reviewer_key))) for app_id, reviews in groups
    )
    flat = [review for _, reviews in ordered for review in reviews]
    if not flat:
        return ScoreMatrix(ordered=ordered, normalised=None, starts=(), means={}, filled=())
    normalised = normalised_matrix(criteria, flat)
    filled = [(app_id, reviews) for app_id, reviews in ordered if reviews]
    counts = np.array([len(reviews) for _, reviews in filled], dtype=np.intp)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    sums = np.add.reduceat(normalised, starts, axis=0)
    rows = canonical(sums / counts[:, np.newaxis]).tolist()
    ids = [c.id for c in criteria]
    means = {
        app_id: dict(zip(ids, row, strict=True))
        for (app_id, _), row in zip(filled, rows, strict=True)
    }
    first = starts.tolist()
    return ScoreMatrix(
        ordered=ordered,
        normalised=normalised,
        starts=tuple(first),
        means=means,
        filled=tuple(
            (app_id, tuple(r.reviewer_id for r in reviews), start, start + len(reviews))
            for (app_id, reviews), start in zip(filled, first, strict=True)
        ),
    )


def matrix_scores(criteria: Sequence[Criterion], matrix: ScoreMatrix) -> dict[str, CountedScores]:
    """Totals and criterion means of each application of ``matrix`` under the weights of
    ``criteria`` (the rubric the matrix was made from, weights aside). The means are the
    matrix's own mappings, shared by the results of every weighting (nothing changes
    them)."""
    result = {app_id: CountedScores() for app_id, reviews in matrix.ordered if not reviews}
    if matrix.normalised is None:
        return result
    totals = reviewer_totals(criteria, matrix.normalised).tolist()
    means = matrix.means
    for app_id, reviewer_ids, start, stop in matrix.filled:
        result[app_id] = CountedScores(reviewer_ids, tuple(totals[start:stop]), means[app_id])
    return result


def count_scores(
    criteria: Sequence[Criterion], groups: Sequence[tuple[str, Sequence[Review]]]
) -> dict[str, CountedScores]:
    """Totals and criterion means of each application of one rubric.

    ``groups`` pairs an application id with its counted reviews; the reviews are taken
    in reviewer-id order so the result does not depend on the order they arrived in.
    """
    return matrix_scores(criteria, score_matrix(criteria, groups))


def _reviewer_key(review: Review) -> str:
    return review.reviewer_id
