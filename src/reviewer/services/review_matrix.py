"""The reviews matrix: applications × reviewers, each cell a reviewer's total or a mark.

A cell is ``SCORED`` (the reviewer's raw counted total, as scoring computes it with
:func:`reviewer.domain.totals.count_scores`: conflicts excluded, before calibration and
trimming), ``CONFLICT`` (a recusal in a
review, or a conflict declared for the pair; with its reason), ``MISSING`` (assigned but
not scored) or ``NOT_ASSIGNED`` (nothing recorded for the pair). Each scored cell has its
robust z-score within its application (:mod:`reviewer.domain.robust`: median and MAD
over all the application's counted totals) and is an outlier when ``|z|`` is above
``ROBUST_Z_THRESHOLD``; the matrix carries the threshold so the window can say it.

The totals shown are raw: in a round calibrated by z-score (``normalize = "zscore"``)
the finals come from the calibrated totals, and the matrix says so (``normalize``).
With the trimmed mean, in an application with at least ``trim_min_reviews`` (and 3)
counted totals, the cells the trimmed mean drops are marked ``trimmed`` — ``high`` for
the highest, ``low`` for the lowest, judged on the totals the aggregation reads (the
calibrated ones in a z-score round). Exactly one highest and one lowest are dropped, and
exactly one of each is marked: when several totals tie for the highest (or lowest), the
first reviewer's by id — which of equal values is dropped does not change the mean, so
the mean of the unmarked totals is always the aggregate. When every total is equal
nothing is marked.

``review_matrix`` reads the round and builds the whole matrix once;
``ReviewMatrix.restrict`` shows one track and/or one reviewer without reading again (z
never depends on what is shown), and ``ReviewMatrix.detail`` gives one cell's criterion
scores and comment. Columns are the reviewers with a cell in the rows shown: the
reviewers of the shown track(s), or, for one reviewer, that reviewer first and then their
co-reviewers.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import select

from reviewer.domain.aggregation import clean
from reviewer.domain.config import Criterion, Track
from reviewer.domain.eligibility import check_eligibility
from reviewer.domain.model import Review, RoundData
from reviewer.domain.robust import ROBUST_Z_THRESHOLD, robust_outliers
from reviewer.domain.scoring import adjusted_totals, place_applications
from reviewer.domain.totals import CountedScores, count_scores
from reviewer.errors import InvalidInput
from reviewer.store import repository
from reviewer.store.engine import Database
from reviewer.store.models import ConflictRow

Pair = tuple[str, str]  # (application id, reviewer id)


class Mark(StrEnum):
    SCORED = "scored"
    CONFLICT = "conflict"
    MISSING = "missing"  # assigned, not scored
    NOT_ASSIGNED = "not_assigned"


class MatrixCell(NamedTuple):
    """One reviewer's cell of one application. ``total`` (0–100), ``z`` and
    ``deviation`` (total − the application's median, in points) are set for a scored
    cell only; ``reason`` for a conflict. (A named tuple: a round has tens of thousands.)"""

    mark: Mark
    total: float | None = None
    z: float | None = None
    deviation: float | None = None
    outlier: bool = False
    reason: str = ""
    trimmed: str = ""  # "high" or "low": a total the trimmed mean drops (module docstring)


TRIMMED_HIGH = "high"
TRIMMED_LOW = "low"

NOT_ASSIGNED = MatrixCell(Mark.NOT_ASSIGNED)


class MatrixRow(NamedTuple):
    """An application and its cells by reviewer id (every cell it has, not only the
    columns shown; a reviewer without one is ``NOT_ASSIGNED``)."""

    application_id: str
    track: str
    title: str
    company: str
    median: float | None  # of the counted totals; None without any
    cells: Mapping[str, MatrixCell]

    def cell(self, reviewer_id: str) -> MatrixCell:
        return self.cells.get(reviewer_id, NOT_ASSIGNED)

    @property
    def counted(self) -> int:
        return sum(1 for c in self.cells.values() if c.mark is Mark.SCORED)

    @property
    def outliers(self) -> tuple[str, ...]:
        """The reviewers (by id) whose total is an outlier."""
        return tuple(r for r, c in sorted(self.cells.items()) if c.outlier)

    @property
    def largest_gap(self) -> float | None:
        """The largest distance of a total from the median, in points."""
        gaps = [abs(c.deviation) for c in self.cells.values() if c.deviation is not None]
        return max(gaps) if gaps else None


@dataclass(frozen=True)
class MatrixReviewer:
    id: str
    name: str
    affiliation: str


@dataclass(frozen=True)
class MatrixCounts:
    """What the shown part of the matrix holds (one reviewer's cells when restricted
    to a reviewer)."""

    applications: int
    scored: int
    outliers: int
    conflicts: int
    missing: int


@dataclass(frozen=True)
class CriterionLine:
    """One criterion of a reviewed cell: the raw score (a number or a grade name; None
    in a conflict), ``normalised`` (0–1) and ``points``, its share of the 0–100 total."""

    id: str
    name: str
    weight: float
    scale: str  # "0–40", "1–5", or the grade names
    raw: float | str | None
    normalised: float | None
    points: float | None


@dataclass(frozen=True)
class CellDetail:
    application_id: str
    title: str
    company: str
    track: str
    track_name: str
    reviewer: MatrixReviewer
    cell: MatrixCell
    median: float | None
    threshold: float
    criteria: tuple[CriterionLine, ...]
    comment: str


@dataclass(frozen=True)
class ReviewMatrix:
    """The matrix, or the part of it ``restrict`` chose (``track``, ``reviewer``)."""

    rows: tuple[MatrixRow, ...]
    reviewers: tuple[MatrixReviewer, ...]  # the columns, in order
    tracks: tuple[tuple[str, str], ...]  # every track of the round: (id, name)
    everyone: tuple[MatrixReviewer, ...]  # every reviewer of the round, by id
    threshold: float
    locked: bool
    normalize: str = "none"  # the round's calibration: "zscore" when the finals use it
    method: str = "trimmed"  # the round's aggregation method
    track: str | None = None
    reviewer: str | None = None
    whole: tuple[MatrixRow, ...] = ()  # every row of the round, whatever is shown
    criteria: Mapping[str, tuple[Criterion, ...]] = field(default_factory=dict)
    source: tuple[Review, ...] = ()  # the round's reviews, for the details
    _index: dict[Pair, Review] = field(default_factory=dict, compare=False, repr=False)

    def restrict(self, track: str | None = None, reviewer: str | None = None) -> ReviewMatrix:
        """The rows of ``track`` (None: every track) that ``reviewer`` has a cell in
        (None: every row), with the columns of those rows."""
        track = track or None
        reviewer = reviewer or None
        if track is not None and track not in dict(self.tracks):
            raise InvalidInput(
                "matrix.unknown_track", track=track, known=", ".join(t for t, _ in self.tracks)
            )
        people = {r.id: r for r in self.everyone}
        if reviewer is not None and reviewer not in people:
            raise InvalidInput("matrix.unknown_reviewer", reviewer=reviewer)
        rows = tuple(
            row
            for row in self.whole
            if (track is None or row.track == track) and (reviewer is None or reviewer in row.cells)
        )
        ids = {r for row in rows for r in row.cells}
        if reviewer is not None:
            ids.discard(reviewer)
        columns = [people[r] for r in sorted(ids)]
        if reviewer is not None:
            columns.insert(0, people[reviewer])
        return replace(self, rows=rows, reviewers=tuple(columns), track=track, reviewer=reviewer)

    def counts(self) -> MatrixCounts:
        cells = [
            c
            for row in self.rows
            for r, c in row.cells.items()
            if self.reviewer is None or r == self.reviewer
        ]
        return MatrixCounts(
            applications=len(self.rows),
            scored=sum(1 for c in cells if c.mark is Mark.SCORED),
            outliers=sum(1 for c in cells if c.outlier),
            conflicts=sum(1 for c in cells if c.mark is Mark.CONFLICT),
            missing=sum(1 for c in cells if c.mark is Mark.MISSING),
        )

    def row(self, application_id: str) -> MatrixRow:
        for row in self.whole:
            if row.application_id == application_id:
                return row
        raise InvalidInput("matrix.unknown_application", application=application_id)

    def review(self, application_id: str, reviewer_id: str) -> Review | None:
        """The stored review of the pair, if there is one."""
        if not self._index and self.source:
            self._index.update(((r.application_id, r.reviewer_id), r) for r in self.source)
        return self._index.get((application_id, reviewer_id))

    def detail(self, application_id: str, reviewer_id: str) -> CellDetail:
        """One cell: the application, the reviewer, each criterion score and the comment."""
        row = self.row(application_id)
        people = {r.id: r for r in self.everyone}
        if reviewer_id not in people:
            raise InvalidInput("matrix.unknown_reviewer", reviewer=reviewer_id)
        review = self.review(application_id, reviewer_id)
        criteria = self.criteria.get(row.track, ())
        return CellDetail(
            application_id=row.application_id,
            title=row.title,
            company=row.company,
            track=row.track,
            track_name=dict(self.tracks).get(row.track, row.track),
            reviewer=people[reviewer_id],
            cell=row.cell(reviewer_id),
            median=row.median,
            threshold=self.threshold,
            criteria=_criterion_lines(criteria, review),
            comment="" if review is None else review.comment,
        )


def review_matrix(
    database: Database, track: str | None = None, reviewer: str | None = None
) -> ReviewMatrix:
    """The round's reviews matrix (of ``track`` and/or ``reviewer`` if given)."""
    with _collector_paused():
        with database.reading() as session:
            data = repository.load_round(session)
            locked = repository.round_info(session).status == "locked"
            declared = {
                (app_id, reviewer_id): reason or ""
                for app_id, reviewer_id, reason in session.execute(
                    select(ConflictRow.application_id, ConflictRow.reviewer_id, ConflictRow.reason)
                )
            }
        matrix = build_matrix(data, declared, locked=locked)  # the session closed
    return matrix.restrict(track, reviewer)


def build_matrix(
    data: RoundData,
    declared: Mapping[Pair, str] | None = None,
    *,
    locked: bool = False,
    threshold: float = ROBUST_Z_THRESHOLD,
) -> ReviewMatrix:
    """The whole matrix of ``data``; ``declared`` maps the pairs with a declared
    conflict to its reason. Raises ``InvalidInput`` as scoring does for a review it
    cannot score."""
    with _collector_paused():
        return _build(data, declared or {}, locked, threshold)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the round is read and its matrix built:
    that allocates some hundred thousand small objects and no cycles, and each full
    collection would walk the whole round again (it doubles the time at 10,000
    applications). Nested, only the outermost turns it back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(
    data: RoundData, declared: Mapping[Pair, str], locked: bool, threshold: float
) -> ReviewMatrix:
    scores = _counted_scores(data)
    totals = {
        app_id: CountedTotals(
            app_id, track, dict(zip(counted.reviewer_ids, counted.totals, strict=True))
        )
        for app_id, (track, counted) in scores.items()
    }
    spreads = robust_outliers(totals, threshold)
    dropped = trimmed_cells(data, scores)
    track_of = {app_id: item.track for app_id, item in totals.items()}
    cells: dict[str, dict[str, MatrixCell]] = {app.id: {} for app in data.applications}
    scored = Mark.SCORED
    for review in data.reviews:
        app_id, reviewer_id = review.application_id, review.reviewer_id
        if review.conflict:
            pair = (app_id, reviewer_id)
            reason = review.conflict_reason or declared.get(pair) or review.comment
            cells[app_id][reviewer_id] = MatrixCell(Mark.CONFLICT, reason=reason)
            continue
        spread = spreads[app_id]
        total = totals[app_id].reviewer_totals[reviewer_id]
        cells[app_id][reviewer_id] = MatrixCell(
            scored,
            total,
            spread.z[reviewer_id],
            round(total - spread.median, 9),
            reviewer_id in spread.outliers,
            trimmed=dropped.get((app_id, reviewer_id), ""),
        )
    for (app_id, reviewer_id), reason in declared.items():
        row = cells.get(app_id)
        if row is not None and reviewer_id not in row:  # declared, without a review
            row[reviewer_id] = MatrixCell(Mark.CONFLICT, reason=reason)
    for app_id, reviewer_id in data.assignments:
        row = cells.get(app_id)
        if row is not None and reviewer_id not in row:
            row[reviewer_id] = MatrixCell(Mark.MISSING)
    rows = tuple(
        MatrixRow(
            application_id=app.id,
            track=track_of[app.id],
            title=app.title,
            company=app.company,
            median=spreads[app.id].median if app.id in spreads else None,
            cells=cells[app.id],
        )
        for app in sorted(data.applications, key=lambda a: a.id)
    )
    everyone = tuple(
        MatrixReviewer(r.id, r.name, r.affiliation)
        for r in sorted(_reviewers(data, cells, declared), key=lambda r: r.id)
    )
    whole = ReviewMatrix(
        rows=rows,
        reviewers=(),
        tracks=tuple((t.id, t.name) for t in data.config.tracks),
        everyone=everyone,
        threshold=threshold,
        locked=locked,
        normalize=data.config.aggregation.normalize,
        method=data.config.aggregation.method,
        whole=rows,
        criteria={t.id: t.criteria for t in data.config.tracks},
        source=data.reviews,
    )
    return whole.restrict()


@dataclass(frozen=True)
class CountedTotals:
    """One application's counted (raw) totals by reviewer id."""

    id: str
    track: str
    reviewer_totals: Mapping[str, float]


def counted_totals(data: RoundData) -> dict[str, CountedTotals]:
    """Every application's counted totals, computed per track's rubric by
    :func:`reviewer.domain.totals.count_scores` exactly as scoring does (conflicts not
    counted). ``InvalidInput``, as from scoring, for an application of an unknown track,
    a pair reviewed twice, a review of an unknown application, or one it cannot score."""
    return {
        app_id: CountedTotals(
            app_id, track, dict(zip(counted.reviewer_ids, counted.totals, strict=True))
        )
        for app_id, (track, counted) in _counted_scores(data).items()
    }


def trimmed_cells(
    data: RoundData, scores: Mapping[str, tuple[str, CountedScores]]
) -> dict[Pair, str]:
    """The pairs whose total the trimmed mean drops, ``high`` or ``low`` (module
    docstring); none unless the round aggregates by the trimmed mean."""
    aggregation = data.config.aggregation
    if aggregation.method != "trimmed":
        return {}
    least = max(aggregation.trim_min_reviews, 3)
    read: Mapping[str, tuple[float, ...]] = {a: c.totals for a, (_, c) in scores.items()}
    if aggregation.normalize == "zscore":
        placed = place_applications(data.config, data.applications)
        eligibility = {
            app.id: check_eligibility(app, track, data.config.region) for app, track in placed
        }
        read = adjusted_totals(
            data.config, placed, {a: c for a, (_, c) in scores.items()}, eligibility
        )
    marks: dict[Pair, str] = {}
    for app_id, (_, counted) in scores.items():
        values = read[app_id]
        if len(values) < least:
            continue
        high, low = max(values), min(values)
        if high == low:
            continue
        ordered = sorted(zip(counted.reviewer_ids, values, strict=True))
        marks[(app_id, next(r for r, v in ordered if v == high))] = TRIMMED_HIGH
        marks[(app_id, next(r for r, v in ordered if v == low))] = TRIMMED_LOW
    return marks


def _counted_scores(data: RoundData) -> dict[str, tuple[str, CountedScores]]:
    """Every application's track and counted scores (see :func:`counted_totals`)."""
    counted: dict[str, list[Review]] = {}
    pairs: set[Pair] = set()
    for review in data.reviews:
        pair = (review.application_id, review.reviewer_id)
        if pair in pairs:  # a pair twice would double one score or lose the other
            raise InvalidInput("scoring.duplicate_review", application=pair[0], reviewer=pair[1])
        pairs.add(pair)
        if not review.conflict:
            counted.setdefault(review.application_id, []).append(review)
    by_track: dict[str, list[tuple[str, list[Review]]]] = {t.id: [] for t in data.config.tracks}
    track_of: dict[str, str] = {}
    resolved: dict[str, Track | None] = {}
    for app in data.applications:
        if app.track not in resolved:
            resolved[app.track] = data.config.track(app.track)
        track = resolved[app.track]
        if track is None:
            raise InvalidInput(
                "scoring.unknown_track",
                application=app.id,
                track=app.track,
                known=", ".join(data.config.track_ids),
            )
        track_of[app.id] = track.id
        by_track[track.id].append((app.id, counted.get(app.id, [])))
    strays = {r.application_id for r in data.reviews}.difference(track_of)
    if strays:
        unknown = next(r for r in data.reviews if r.application_id in strays)
        raise InvalidInput(
            "scoring.unknown_application",
            application=unknown.application_id,
            reviewer=unknown.reviewer_id,
        )
    result: dict[str, tuple[str, CountedScores]] = {}
    for track in data.config.tracks:
        for app_id, scores in count_scores(track.criteria, by_track[track.id]).items():
            result[app_id] = (track.id, scores)
    return result


def _reviewers(
    data: RoundData, cells: Mapping[str, Mapping[str, MatrixCell]], declared: Mapping[Pair, str]
) -> list[MatrixReviewer]:
    """Every reviewer of the round, and any id with a cell that the round does not list,
    named by the id."""
    known = {r.id: MatrixReviewer(r.id, r.name, r.affiliation) for r in data.reviewers}
    ids = {r.reviewer_id for r in data.reviews}
    ids.update(reviewer_id for _, reviewer_id in data.assignments)
    ids.update(reviewer_id for app_id, reviewer_id in declared if app_id in cells)
    for reviewer_id in ids.difference(known):
        known[reviewer_id] = MatrixReviewer(reviewer_id, reviewer_id, "")
    return list(known.values())


def _scale(criterion: Criterion) -> str:
    if criterion.grades is not None:
        return " / ".join(criterion.grades)
    return f"{criterion.min:g}–{criterion.max:g}"


def _criterion_lines(
    criteria: Sequence[Criterion], review: Review | None
) -> tuple[CriterionLine, ...]:
    weights = math.fsum(c.weight for c in criteria)
    lines: list[CriterionLine] = []
    for criterion in criteria:
        raw = None
        if review is not None and not review.conflict:
            raw = review.scores.get(criterion.id)
        normalised = None if raw is None else clean(criterion.normalise(raw))
        points = (
            None
            if normalised is None or weights <= 0
            else clean(100.0 * criterion.weight * normalised / weights)
        )
        lines.append(
            CriterionLine(
                id=criterion.id,
                name=criterion.name,
                weight=criterion.weight,
                scale=_scale(criterion),
                raw=raw,
                normalised=normalised,
                points=points,
            )
        )
    return tuple(lines)


def outlier_rows(matrix: ReviewMatrix) -> Iterable[MatrixRow]:
    """The shown rows with an outlier in a shown column."""
    shown = {r.id for r in matrix.reviewers}
    return (row for row in matrix.rows if any(r in shown for r in row.outliers))
