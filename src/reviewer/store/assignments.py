"""The round's assignments and conflicts of interest, read and written in a unit of work."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from reviewer.domain.assignment import Conflict, PairRow
from reviewer.store.bulk import bulk_insert
from reviewer.store.models import (
    ApplicationRow,
    AssignmentRow,
    ConflictRow,
    PackageRow,
    ReviewerRow,
    ReviewRow,
)

_CHUNK = 500


def conflicts(session: Session) -> dict[tuple[str, str], Conflict]:
    return {
        (row.application_id, row.reviewer_id): Conflict(
            row.application_id, row.reviewer_id, row.reason, row.source
        )
        for row in session.scalars(select(ConflictRow))
    }


def scored_pairs(session: Session) -> set[tuple[str, str]]:
    """The pairs that have a review with scores (not a conflict)."""
    rows = session.execute(
        select(ReviewRow.application_id, ReviewRow.reviewer_id).where(ReviewRow.conflict.is_(False))
    )
    return {(row[0], row[1]) for row in rows}


def recused_pairs(session: Session) -> dict[tuple[str, str], str]:
    """The pairs whose review is a declared conflict, with its reason."""
    rows = session.execute(
        select(ReviewRow.application_id, ReviewRow.reviewer_id, ReviewRow.conflict_reason).where(
            ReviewRow.conflict.is_(True)
        )
    )
    return {(row[0], row[1]): row[2] or "" for row in rows}


def add_assignments(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    bulk_insert(
        session,
        AssignmentRow,
        [{"application_id": a, "reviewer_id": r} for a, r in sorted(set(pairs))],
    )


def remove_assignments(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    ordered = sorted(set(pairs))
    for start in range(0, len(ordered), _CHUNK):
        session.execute(
            delete(AssignmentRow).where(
                tuple_(AssignmentRow.application_id, AssignmentRow.reviewer_id).in_(
                    ordered[start : start + _CHUNK]
                )
            )
        )


def record_conflicts(session: Session, found: Iterable[Conflict]) -> None:
    """Record conflicts; one already recorded for a pair is replaced."""
    rows = {(c.application_id, c.reviewer_id): c for c in found}
    ordered = sorted(rows)
    for start in range(0, len(ordered), _CHUNK):
        session.execute(
            delete(ConflictRow).where(
                tuple_(ConflictRow.application_id, ConflictRow.reviewer_id).in_(
                    ordered[start : start + _CHUNK]
                )
            )
        )
    bulk_insert(
        session,
        ConflictRow,
        [
            {
                "application_id": c.application_id,
                "reviewer_id": c.reviewer_id,
                "reason": c.reason,
                "source": c.source,
            }
            for _, c in sorted(rows.items())
        ],
    )


def pair_rows(session: Session) -> list[PairRow]:
    """Every assignment and every conflict, by application and reviewer."""
    apps = {
        row[0]: (row[1], row[2])
        for row in session.execute(
            select(ApplicationRow.id, ApplicationRow.track_id, ApplicationRow.company)
        )
    }
    people = {
        row[0]: (row[1], row[2])
        for row in session.execute(
            select(ReviewerRow.id, ReviewerRow.name, ReviewerRow.affiliation)
        )
    }
    assigned = {
        (row[0], row[1])
        for row in session.execute(select(AssignmentRow.application_id, AssignmentRow.reviewer_id))
    }
    found = conflicts(session)
    scored = scored_pairs(session)
    result: list[PairRow] = []
    for pair in sorted(assigned | set(found)):
        track, company = apps.get(pair[0], ("", ""))
        name, affiliation = people.get(pair[1], ("", ""))
        result.append(
            PairRow(
                pair[0],
                track,
                company,
                pair[1],
                name,
                affiliation,
                pair in assigned,
                pair in scored,
                found.get(pair),
            )
        )
    return result


def packaged_pairs(session: Session) -> set[tuple[str, str]]:
    """(application, reviewer) of every application a reviewer package holds."""
    return {
        (str(app_id), row.reviewer_id)
        for row in session.scalars(select(PackageRow))
        for app_id in row.applications
    }
