"""One stored review read and written whole, for the chair's corrections.

A review is written in place: its scores, comment and conflict flag with its reason.
A conflict declared on a review is mirrored into the conflict table exactly as a score
import does (``repository.replace_reviews``): the declared conflict of the pair follows
the newest state of its review.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewer.domain.model import Review
from reviewer.store.audit import now
from reviewer.store.models import ConflictRow, ReviewRow


def _review(row: ReviewRow) -> Review:
    # the scores as stored, not converted: a review written back is the same, value for value
    return Review(
        application_id=row.application_id,
        reviewer_id=row.reviewer_id,
        scores=dict(row.scores or {}),
        comment=row.comment or "",
        conflict=bool(row.conflict),
        conflict_reason=row.conflict_reason or "",
    )


def find_review(session: Session, application_id: str, reviewer_id: str) -> Review | None:
    row = session.get(ReviewRow, (application_id, reviewer_id))
    return None if row is None else _review(row)


def reviews_of(session: Session, application_id: str) -> tuple[Review, ...]:
    """The stored reviews of one application, by reviewer id."""
    rows = session.scalars(
        select(ReviewRow)
        .where(ReviewRow.application_id == application_id)
        .order_by(ReviewRow.reviewer_id)
    )
    return tuple(_review(row) for row in rows)


def write_review(session: Session, review: Review) -> None:
    """Write ``review`` over the stored review of its pair (which must exist)."""
    row = session.get(ReviewRow, (review.application_id, review.reviewer_id))
    if row is None:
        raise LookupError((review.application_id, review.reviewer_id))
    row.scores = dict(review.scores)
    row.comment = review.comment
    row.conflict = review.conflict
    row.conflict_reason = review.conflict_reason
    row.changed_at = now()
    session.execute(
        delete(ConflictRow).where(
            ConflictRow.application_id == review.application_id,
            ConflictRow.reviewer_id == review.reviewer_id,
            ConflictRow.source == "declared",
        )
    )
    kept = session.scalar(
        select(ConflictRow.source).where(
            ConflictRow.application_id == review.application_id,
            ConflictRow.reviewer_id == review.reviewer_id,
        )
    )
    if review.conflict and kept is None:  # a conflict of another source stays as it is
        session.add(
            ConflictRow(
                application_id=review.application_id,
                reviewer_id=review.reviewer_id,
                reason=review.conflict_reason or review.comment,
                source="declared",
            )
        )
    session.flush()


def state(review: Review) -> dict[str, Any]:
    """A review's values as the audit log keeps them."""
    return {
        "scores": dict(review.scores),
        "comment": review.comment,
        "conflict": review.conflict,
        "conflict_reason": review.conflict_reason,
    }
