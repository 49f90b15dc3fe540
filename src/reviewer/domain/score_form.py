"""A reviewer's score form, checked as it is typed (pure Python; the window shows it).

A :class:`Draft` is what the reviewer has typed for one application: the text of each
criterion field exactly as typed (so a half-typed or wrong value comes back as it was
after the program was closed), the comment, and a declared conflict with its reason.

:func:`check_form` reads a draft against the application's rubric: each field's value or
its problem (not a number, outside ``min..max``, not one of the grades), the total by the
same weighted formula the scoring uses (:func:`reviewer.domain.totals.reviewer_totals`),
whether a comment is required (a total below ``comment_below`` or above
``comment_above``) and the draft's status.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from reviewer.domain.config import Criterion
from reviewer.domain.model import Review
from reviewer.domain.totals import normalised_matrix, reviewer_totals

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


class FormStatus(StrEnum):
    UNSCORED = "unscored"  # nothing typed
    DRAFT = "draft"  # something typed, not yet complete (or a value is wrong)
    COMPLETE = "complete"  # every criterion valid, and a comment where one is required
    CONFLICT = "conflict"  # the reviewer declared a conflict of interest


class Problem(StrEnum):
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    UNKNOWN_GRADE = "unknown_grade"


@dataclass(frozen=True)
class Draft:
    """What the reviewer typed for one application (criterion id → text as typed)."""

    application_id: str
    texts: Mapping[str, str] = field(default_factory=dict)
    comment: str = ""
    conflict: bool = False
    conflict_reason: str = ""
    changed_at: datetime | None = None

    def is_empty(self) -> bool:
        return (
            not self.conflict
            and not self.comment.strip()
            and not any(t.strip() for t in self.texts.values())
        )


@dataclass(frozen=True)
class FieldCheck:
    """One field: its value (a number, or a grade name) when valid; else its problem
    (None with no value: the field is empty)."""

    value: float | str | None = None
    problem: Problem | None = None


@dataclass(frozen=True)
class FormCheck:
    fields: Mapping[str, FieldCheck]
    total: float | None  # every criterion valid: the 0–100 total
    partial_total: float  # what the valid fields give so far (the others counted at 0)
    comment_required: bool  # the total is below / above the comment bounds
    status: FormStatus

    @property
    def missing(self) -> tuple[str, ...]:
        """Criteria without a valid value, in rubric order."""
        return tuple(k for k, f in self.fields.items() if f.value is None)

    @property
    def comment_missing(self) -> bool:
        return self.comment_required and self.status is FormStatus.DRAFT and not self.missing

    @property
    def problems(self) -> dict[str, Problem]:
        return {k: f.problem for k, f in self.fields.items() if f.problem is not None}

    def scores(self) -> dict[str, float | str]:
        """The valid values (criterion id → number or grade name)."""
        return {k: f.value for k, f in self.fields.items() if f.value is not None}


def grade_names(criterion: Criterion) -> tuple[str, ...]:
    """The grades from the best down (typing 1 chooses the first). By value, not by the
    order written in round.toml: a package keeps the grades, not their order."""
    grades = criterion.grades or {}
    return tuple(sorted(grades, key=lambda name: (-grades[name], name)))


def check_value(criterion: Criterion, text: str) -> FieldCheck:
    """The value of ``text`` for ``criterion``: a number within ``min..max``, or a grade
    (its name, or its position 1, 2, … from the best, see :func:`grade_names`)."""
    text = text.strip()
    if not text:
        return FieldCheck()
    if criterion.grades is not None:
        names = grade_names(criterion)
        if text in criterion.grades:
            return FieldCheck(value=text)
        if text.isdigit() and 1 <= int(text) <= len(names):
            return FieldCheck(value=names[int(text) - 1])
        return FieldCheck(problem=Problem.UNKNOWN_GRADE)
    if not _NUMBER.fullmatch(text):
        return FieldCheck(problem=Problem.NOT_A_NUMBER)
    number = float(text)
    if not math.isfinite(number):
        return FieldCheck(problem=Problem.NOT_A_NUMBER)
    if not criterion.min <= number <= criterion.max:
        return FieldCheck(problem=Problem.OUT_OF_RANGE)
    return FieldCheck(value=int(number) if number.is_integer() else number)


def weighted_total(criteria: Sequence[Criterion], scores: Mapping[str, float | str]) -> float:
    """The reviewer total of ``scores`` (every criterion of ``criteria`` valid), by the
    scoring's own formula (InvalidInput when a score is missing or invalid)."""
    review = Review(application_id="", reviewer_id="", scores=dict(scores))
    return float(reviewer_totals(criteria, normalised_matrix(criteria, [review]))[0])


def check_form(
    criteria: Sequence[Criterion],
    draft: Draft,
    comment_below: float,
    comment_above: float,
) -> FormCheck:
    """Check ``draft`` against the rubric ``criteria`` and the comment bounds."""
    fields = {c.id: check_value(c, draft.texts.get(c.id, "")) for c in criteria}
    complete = bool(criteria) and all(f.value is not None for f in fields.values())
    partial = _running_total(criteria, fields) if criteria else 0.0
    total = partial if complete else None
    required = total is not None and (total < comment_below or total > comment_above)
    if draft.conflict:
        status = FormStatus.CONFLICT
    elif draft.is_empty():
        status = FormStatus.UNSCORED
    elif complete and (not required or draft.comment.strip()):
        status = FormStatus.COMPLETE
    else:
        status = FormStatus.DRAFT
    return FormCheck(
        fields=fields, total=total, partial_total=partial, comment_required=required, status=status
    )


def _running_total(criteria: Sequence[Criterion], fields: Mapping[str, FieldCheck]) -> float:
    """The total by the scoring's formula with every field still empty or wrong adding
    nothing: such a field is scored as a normalised 0 (a graded one as a 0..1 criterion
    of the same weight, since its lowest grade need not be worth 0)."""
    rubric: list[Criterion] = []
    scores: dict[str, float | str] = {}
    for criterion in criteria:
        value = fields[criterion.id].value
        if value is not None:
            rubric.append(criterion)
            scores[criterion.id] = value
        else:
            rubric.append(replace(criterion, min=0.0, max=1.0, grades=None))
            scores[criterion.id] = 0.0
    return weighted_total(rubric, scores)
