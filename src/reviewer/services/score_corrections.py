"""The chair's corrections of reviews: a criterion score typed wrongly, a review that
turns out to be a conflict of interest, or a conflict recorded by mistake.

Every correction needs a reason (at most :data:`MAX_REASON` characters) and is refused
in a locked round. Each is given the review as the caller saw it (``expected``, the
``review`` of the :class:`ReviewForm` the chair corrected) and is refused when the stored
review differs, so a change made after the form was read (a re-import, another chair on
a shared round) is never overwritten unseen. A value is read and
checked exactly as a cell of a score import is (the criterion's range, or its grade
names). Each one is written in one transaction with its audit entries, which keep the
old and the new values, and makes the newest selection run stale (its inputs' digest
no longer matches).

A review marked as a conflict has no scores, as an imported one has none; the scores it
had are kept in the audit entry and in the returned :class:`ReviewChange`, so that
:func:`undo_change` writes them back exactly. Undoing and redoing are audited too
(``review.undo`` / ``review.redo``: ``undoes`` / ``redoes`` names the action, and
``original_reason`` keeps the reason of the change, which is not the reason of the undo),
and each is refused when the review was changed meanwhile, so no later change is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from reviewer.domain.config import Criterion, Track
from reviewer.domain.model import Review
from reviewer.errors import ErrorList, InvalidInput, Location, RefusedByState
from reviewer.exchange.importers.score_checks import Scale, criterion_label
from reviewer.exchange.tables.values import BadValue, is_blank, number, number_text
from reviewer.store import repository, reviews
from reviewer.store.audit import audit
from reviewer.store.engine import Database

CORRECT = "review.correct"
CONFLICT = "review.conflict"
CLEAR_CONFLICT = "review.conflict.clear"
UNDO = "review.undo"
REDO = "review.redo"

MAX_REASON = 1000  # characters of a reason (the correction's, and a conflict's)

Value = float | str


@dataclass(frozen=True)
class ReviewChange:
    """One correction as made: the review before and after it, and why. ``criteria``
    are the criteria whose score it changed (none for a conflict)."""

    action: str  # CORRECT | CONFLICT | CLEAR_CONFLICT
    before: Review
    after: Review
    reason: str
    criteria: tuple[str, ...] = ()

    @property
    def target(self) -> str:
        return f"{self.after.application_id}/{self.after.reviewer_id}"


# -- reading a review for the correction form ------------------------------------------


@dataclass(frozen=True)
class CriterionScore:
    """One criterion of the review's rubric with the score the review holds."""

    id: str
    name: str
    weight: float
    low: float
    high: float
    grades: tuple[str, ...]  # empty for a numeric criterion
    value: Value | None  # None in a conflict review
    text: str  # the value as typed in the form; "" when none
    label: str  # the criterion as messages name it: ``기술성 (tech)``

    @property
    def scale(self) -> str:
        """The values the criterion takes: ``0–40``, or its grade names."""
        if self.grades:
            return " / ".join(self.grades)
        return f"{number_text(self.low)}–{number_text(self.high)}"


@dataclass(frozen=True)
class ReviewerChoice:
    id: str
    name: str
    conflict: bool


@dataclass(frozen=True)
class ReviewForm:
    """What the correction form shows of one review."""

    application_id: str
    title: str
    company: str
    track_id: str
    track_name: str
    reviewer_id: str
    reviewer_name: str
    comment: str
    conflict: bool
    conflict_reason: str
    criteria: tuple[CriterionScore, ...]
    reviewers: tuple[ReviewerChoice, ...]  # every review of the application
    locked: bool
    review: Review  # the review as read: a correction passes it as ``expected``


def value_text(value: Value | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else number_text(float(value))


def review_form(
    database: Database, application_id: str, reviewer_id: str | None = None
) -> ReviewForm:
    """The review of ``application_id`` by ``reviewer_id``; without a reviewer, the
    application's first review (by reviewer id)."""
    with database.session() as session:
        track = _track(session, application_id)
        stored = reviews.reviews_of(session, application_id)
        if not stored:
            raise InvalidInput("corrections.no_reviews", application=application_id)
        if reviewer_id is None:
            review = stored[0]
        else:
            _check_reviewer(session, reviewer_id)
            found = next((r for r in stored if r.reviewer_id == reviewer_id), None)
            if found is None:
                raise InvalidInput(
                    "corrections.review_missing", application=application_id, reviewer=reviewer_id
                )
            review = found
        app = next(a for a in repository.applications(session) if a.id == application_id)
        names = {r.id: r.name for r in repository.reviewers(session)}
        locked = repository.round_info(session).status == "locked"
    return ReviewForm(
        application_id=app.id,
        title=app.title,
        company=app.company,
        track_id=track.id,
        track_name=track.name,
        reviewer_id=review.reviewer_id,
        reviewer_name=names.get(review.reviewer_id, ""),
        comment=review.comment,
        conflict=review.conflict,
        conflict_reason=review.conflict_reason,
        criteria=tuple(
            CriterionScore(
                id=c.id,
                name=c.name,
                weight=c.weight,
                low=c.min,
                high=c.max,
                grades=tuple(c.grades or ()),
                value=review.scores.get(c.id),
                text=value_text(review.scores.get(c.id)),
                label=criterion_label(c),
            )
            for c in track.criteria
        ),
        reviewers=tuple(
            ReviewerChoice(r.reviewer_id, names.get(r.reviewer_id, ""), r.conflict) for r in stored
        ),
        locked=locked,
        review=review,
    )


# -- correcting --------------------------------------------------------------------------


def correct_score(
    database: Database,
    application_id: str,
    reviewer_id: str,
    criterion_id: str,
    value: Value,
    reason: str,
    *,
    expected: Review | None,
) -> ReviewChange:
    """Correct one criterion score of one review."""
    return correct_scores(
        database, application_id, reviewer_id, {criterion_id: value}, reason, expected=expected
    )


def correct_scores(
    database: Database,
    application_id: str,
    reviewer_id: str,
    values: Mapping[str, Value],
    reason: str,
    *,
    expected: Review | None,
) -> ReviewChange:
    """Correct criterion scores of one review (criterion id → the new value, as typed or
    as a number). Each criterion changed gets an audit entry with its old and new value;
    a value equal to the stored one (``12.0`` for a stored 12) is left out, and the
    correction is refused only when nothing changes.

    ``expected`` is the review as the caller saw it; the correction is refused when the
    stored one differs. ``None`` corrects whatever is stored: only for a script that
    names the value outright and read no form (the window always passes the form's)."""
    reason = _reason(reason)
    if not values:
        raise InvalidInput("corrections.nothing_given")
    with database.session() as session:
        repository.require_open(session)
        track, before = _review(session, application_id, reviewer_id)
        _check_expected(before, expected)
        if before.conflict:
            raise InvalidInput("corrections.conflict_review")
        parsed = _parse(track, values, complete=False)
        unchanged = {
            criterion_id: new
            for criterion_id, new in parsed.items()
            if criterion_id in before.scores and _equal(before.scores[criterion_id], new)
        }
        parsed = {c: v for c, v in parsed.items() if c not in unchanged}
        if not parsed:
            criterion_id, new = next(iter(unchanged.items()))
            raise InvalidInput(
                "corrections.unchanged",
                criterion=criterion_label(_criterion(track, criterion_id)),
                value=value_text(new),
            )
        scores = dict(before.scores)
        scores.update(parsed)
        after = replace(before, scores=scores)
        reviews.write_review(session, after)
        for criterion_id, new in parsed.items():
            audit(
                session,
                CORRECT,
                f"{application_id}/{reviewer_id}",
                application=application_id,
                reviewer=reviewer_id,
                criterion=criterion_id,
                old=before.scores.get(criterion_id),
                new=new,
                reason=reason,
            )
        repository.touch(session)
    return ReviewChange(CORRECT, before, after, reason, tuple(parsed))


def mark_conflict(
    database: Database,
    application_id: str,
    reviewer_id: str,
    conflict_reason: str,
    reason: str,
    *,
    expected: Review | None,
) -> ReviewChange:
    """Mark a review as a conflict of interest: it no longer counts, and its scores are
    removed (kept in the audit entry and in the returned change). ``expected`` as for
    :func:`correct_scores`."""
    reason = _reason(reason)
    conflict_reason = " ".join(conflict_reason.split())
    if not conflict_reason:
        raise InvalidInput("corrections.conflict_reason_required")
    _check_length(conflict_reason, "corrections.conflict_reason_too_long")
    with database.session() as session:
        repository.require_open(session)
        _, before = _review(session, application_id, reviewer_id)
        _check_expected(before, expected)
        if before.conflict:
            raise InvalidInput("corrections.already_conflict")
        after = replace(before, scores={}, conflict=True, conflict_reason=conflict_reason)
        _write(session, CONFLICT, before, after, reason)
    return ReviewChange(CONFLICT, before, after, reason)


def clear_conflict(
    database: Database,
    application_id: str,
    reviewer_id: str,
    values: Mapping[str, Value],
    reason: str,
    *,
    expected: Review | None,
) -> ReviewChange:
    """Clear a review's conflict of interest: it counts again with ``values``, a score
    for every criterion of its track's rubric. ``expected`` as for
    :func:`correct_scores`."""
    reason = _reason(reason)
    with database.session() as session:
        repository.require_open(session)
        track, before = _review(session, application_id, reviewer_id)
        _check_expected(before, expected)
        if not before.conflict:
            raise InvalidInput("corrections.not_conflict")
        scores = _parse(track, values, complete=True)
        after = replace(before, scores=scores, conflict=False, conflict_reason="")
        _write(session, CLEAR_CONFLICT, before, after, reason)
    return ReviewChange(CLEAR_CONFLICT, before, after, reason, tuple(scores))


# -- undoing and redoing -------------------------------------------------------------------


def undo_change(database: Database, change: ReviewChange) -> ReviewChange:
    """Write back the review as it was before ``change``; refused when it is no longer
    as ``change`` left it."""
    return _restore(database, change, change.after, change.before, UNDO)


def redo_change(database: Database, change: ReviewChange) -> ReviewChange:
    """Make ``change`` again after it was undone; refused when the review is no longer
    as it was before ``change``."""
    return _restore(database, change, change.before, change.after, REDO)


def _restore(
    database: Database, change: ReviewChange, expected: Review, target: Review, action: str
) -> ReviewChange:
    app_id, reviewer_id = target.application_id, target.reviewer_id
    with database.session() as session:
        repository.require_open(session)
        _, stored = _review(session, app_id, reviewer_id)
        if not _same(stored, expected):
            raise RefusedByState(
                "corrections.changed_meanwhile", application=app_id, reviewer=reviewer_id
            )
        extra: dict[str, Any] = {
            ("undoes" if action == UNDO else "redoes"): change.action,
            "original_reason": change.reason,
        }
        if change.action == CORRECT:
            extra["criteria"] = list(change.criteria)
        _write(session, action, stored, target, None, **extra)
    return ReviewChange(change.action, stored, target, change.reason, change.criteria)


# -- helpers -----------------------------------------------------------------------------


def _reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("correct.reason_required")
    _check_length(reason, "corrections.reason_too_long")
    return reason


def _check_length(text: str, key: str) -> None:
    if len(text) > MAX_REASON:
        raise InvalidInput(key, limit=MAX_REASON, length=len(text))


def _check_expected(stored: Review, expected: Review | None) -> None:
    """Refuse when the review is no longer as the caller saw it."""
    if expected is not None and not _same(stored, expected):
        raise RefusedByState(
            "corrections.changed_meanwhile",
            application=stored.application_id,
            reviewer=stored.reviewer_id,
        )


def _write(
    session: Session,
    action: str,
    before: Review,
    after: Review,
    reason: str | None,
    **extra: Any,
) -> None:
    """Write ``after`` and audit it; ``reason`` is the chair's reason for this change
    (an undo or redo has none of its own: it carries ``original_reason``)."""
    reviews.write_review(session, after)
    if reason is not None:
        extra["reason"] = reason
    audit(  # what was done and why before the reviews, which the audit view may cut off
        session,
        action,
        f"{after.application_id}/{after.reviewer_id}",
        application=after.application_id,
        reviewer=after.reviewer_id,
        **extra,
        old=reviews.state(before),
        new=reviews.state(after),
    )
    repository.touch(session)


def _track(session: Session, application_id: str) -> Track:
    track_id = repository.application_tracks(session).get(application_id)
    if track_id is None:
        raise InvalidInput("import.unknown_application", id=application_id)
    track = repository.load_config(session).track(track_id)
    if track is None:  # a track removed from the configuration after the import
        raise InvalidInput("import.unknown_application", id=application_id)
    return track


def _check_reviewer(session: Session, reviewer_id: str) -> None:
    if reviewer_id not in repository.reviewer_ids(session):
        raise InvalidInput("import.unknown_reviewer", id=reviewer_id)


def _review(session: Session, application_id: str, reviewer_id: str) -> tuple[Track, Review]:
    track = _track(session, application_id)
    _check_reviewer(session, reviewer_id)
    review = reviews.find_review(session, application_id, reviewer_id)
    if review is None:
        raise InvalidInput(
            "corrections.review_missing", application=application_id, reviewer=reviewer_id
        )
    return track, review


def _criterion(track: Track, criterion_id: str) -> Criterion:
    return next(c for c in track.criteria if c.id == criterion_id)


def _parse(track: Track, values: Mapping[str, Value], *, complete: bool) -> dict[str, Value]:
    """``values`` read as a score import reads its cells; with ``complete``, every
    criterion of the rubric must have one. Every problem is reported at once."""
    errors = ErrorList()
    known = {c.id for c in track.criteria}
    for criterion_id in values:
        if criterion_id not in known:
            errors.add(
                InvalidInput(
                    "corrections.unknown_criterion",
                    criterion=criterion_id,
                    track=track.id,
                    criteria=", ".join(c.id for c in track.criteria),
                )
            )
    parsed: dict[str, Value] = {}
    for criterion in track.criteria:
        where = Location(file=criterion_label(criterion))
        value = values.get(criterion.id)
        if value is None or is_blank(value):
            if complete or criterion.id in values:
                # the message names the criterion: no location before it
                errors.add(
                    InvalidInput("import.missing_score", criterion=criterion_label(criterion))
                )
            continue
        try:
            if not isinstance(value, str):
                value = number(value)  # refuses NaN and infinities
            parsed[criterion.id] = Scale.of(criterion).parse(value)
        except BadValue as problem:
            errors.add(InvalidInput(problem.key, where, **problem.params))
    if len(errors.errors) == 1:
        raise errors.errors[0]
    errors.raise_if_any()
    return parsed


def _equal(stored: Value, new: Value) -> bool:
    if isinstance(stored, str) or isinstance(new, str):
        return stored == new
    return float(stored) == float(new)


def _same(stored: Review, expected: Review) -> bool:
    return (
        _scores_equal(stored.scores, expected.scores)
        and stored.comment == expected.comment
        and stored.conflict == expected.conflict
        and stored.conflict_reason == expected.conflict_reason
    )


def _scores_equal(a: Mapping[str, Value], b: Mapping[str, Value]) -> bool:
    return a.keys() == b.keys() and all(_equal(a[key], b[key]) for key in a)
