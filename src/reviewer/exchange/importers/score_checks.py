"""What every score row is checked against, in either layout: the round's applications,
reviewers and assignments, each pair once per import, and each value against its
criterion's scale or grades."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from math import isfinite

from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import Review
from reviewer.errors import ErrorList, InvalidInput
from reviewer.exchange.importers.lookup import Seen, duplicate_error, track_list
from reviewer.exchange.tables.reader import Column, Table
from reviewer.exchange.tables.values import BadValue, Cell, display, fold, number, number_text, text


def criterion_label(criterion: Criterion) -> str:
    """A criterion in a message: ``기술성 (tech)``."""
    if criterion.name == criterion.id:
        return criterion.id
    return f"{criterion.name} ({criterion.id})"


@dataclass(frozen=True)
class Scale:
    """How a criterion's cell is read: a number in ``low..high``, or one of ``grades``."""

    criterion: Criterion
    low: float
    high: float
    grades: Mapping[str, float] | None
    folded_grades: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, criterion: Criterion) -> Scale:
        folded = {fold(g): g for g in criterion.grades} if criterion.grades else {}
        return cls(criterion, criterion.min, criterion.max, criterion.grades, folded)

    def parse(self, value: Cell) -> float | str:
        """The raw score of a non-blank cell; raises :class:`BadValue`."""
        if self.grades is not None:
            raw = text(value)
            if raw in self.grades:
                return raw
            grade = self.folded_grades.get(fold(raw))
            if grade is not None:
                return grade
            raise BadValue(
                "import.not_grade",
                value=display(value),
                criterion=criterion_label(self.criterion),
                grades=", ".join(self.grades),
            )
        # a float cell as it is, unless NaN or infinite (which every comparison would pass)
        score = value if type(value) is float and isfinite(value) else number(value)
        return self.check(score, value)

    def check(self, score: float, value: Cell) -> float:
        if score < self.low:
            raise BadValue("import.below_min", value=display(value), min=number_text(self.low))
        if score > self.high:
            raise BadValue("import.above_max", value=display(value), max=number_text(self.high))
        return score


class ScoreImport:
    """The state of one ``read_scores`` call: what is known, what was seen, what failed."""

    def __init__(
        self,
        config: RoundConfig,
        applications: Mapping[str, str],
        reviewers: Collection[str],
        assignments: Collection[tuple[str, str]] | None,
    ) -> None:
        self.config = config
        self.applications = applications
        self.reviewers = reviewers if isinstance(reviewers, set | frozenset) else set(reviewers)
        self.assignments: Collection[tuple[str, str]] | None = None
        if assignments:
            self.assignments = (
                assignments if isinstance(assignments, set | frozenset) else set(assignments)
            )
        self.tracks: dict[str, Track] = {t.id: t for t in config.tracks}
        self.scales: dict[str, tuple[Scale, ...]] = {
            t.id: tuple(Scale.of(c) for c in t.criteria) for t in config.tracks
        }
        self.errors = ErrorList()
        self.pairs: dict[tuple[str, str], Seen] = {}
        self.reviews: list[Review] = []

    def fail(
        self, key: str, table: Table, row: int, column: Column | None, **params: object
    ) -> None:
        self.errors.add(InvalidInput(key, table.where(row, column), **params))

    def bad_value(self, table: Table, row: int, column: Column | None, problem: BadValue) -> None:
        self.errors.add(InvalidInput(problem.key, table.where(row, column), **problem.params))

    @property
    def error_count(self) -> int:
        return len(self.errors.errors)

    def check_ids(
        self,
        table: Table,
        row: int,
        app_id: str,
        reviewer_id: str,
        app_column: Column,
        reviewer_column: Column,
    ) -> Track | None:
        """Check a row's application and reviewer; the application's track when it is known."""
        track: Track | None = None
        if not app_id:
            self.fail("import.required", table, row, app_column)
        else:
            track_id = self.applications.get(app_id)
            if track_id is None:
                self.fail("import.unknown_application", table, row, app_column, id=app_id)
            else:
                track = self.tracks.get(track_id)
                if track is None:
                    self.fail(
                        "import.unknown_track",
                        table,
                        row,
                        app_column,
                        value=track_id,
                        tracks=track_list(self.config),
                    )
        if not reviewer_id:
            self.fail("import.required", table, row, reviewer_column)
        elif reviewer_id not in self.reviewers:
            self.fail("import.unknown_reviewer", table, row, reviewer_column, id=reviewer_id)
        if (
            self.assignments is not None
            and app_id
            and reviewer_id
            and (app_id, reviewer_id) not in self.assignments
        ):
            self.fail(
                "import.not_assigned",
                table,
                row,
                reviewer_column,
                application=app_id,
                reviewer=reviewer_id,
            )
        return track

    def claim(self, table: Table, row: int, pair: tuple[str, str], column: Column) -> bool:
        """Record the pair's first row; an error when the import already has it."""
        first = self.pairs.get(pair)
        if first is not None:
            self.errors.add(
                duplicate_error(
                    "import.duplicate_review",
                    table,
                    row,
                    column,
                    first,
                    application=pair[0],
                    reviewer=pair[1],
                )
            )
            return False
        self.pairs[pair] = Seen(table.file, row)
        return True
