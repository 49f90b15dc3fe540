"""The round's rows as the window lists them: applications with every field, reviewers
with their tracks, reviews and conflicts, and the audit log."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from reviewer.domain.model import Application
from reviewer.store import repository
from reviewer.store.engine import Database
from reviewer.store.models import AuditRow, ConflictRow


@dataclass(frozen=True)
class ApplicationList:
    applications: tuple[Application, ...]
    attributes: tuple[str, ...]  # the free attribute names, in first-seen order
    track_names: dict[str, str]
    reviews: dict[str, int]  # counted reviews per application
    locked: bool


def applications(database: Database) -> ApplicationList:
    with database.reading() as session:
        data = repository.load_round(session)
        locked = repository.round_info(session).status == "locked"
    names: dict[str, None] = {}
    for app in data.applications:
        for key in app.attributes:
            names.setdefault(key, None)
    counted = Counter(r.application_id for r in data.reviews if not r.conflict)
    return ApplicationList(
        applications=data.applications,
        attributes=tuple(names),
        track_names={t.id: t.name for t in data.config.tracks},
        reviews=dict(counted),
        locked=locked,
    )


@dataclass(frozen=True)
class ConflictEntry:
    application_id: str
    reason: str
    source: str  # "declared" (a workbook or the reviewer) or "review" (a recusal in a review)


@dataclass(frozen=True)
class ReviewerEntry:
    id: str
    name: str
    affiliation: str
    email: str | None
    tracks: tuple[str, ...]
    reviews: int  # scored reviews, conflicts not included
    conflicts: tuple[ConflictEntry, ...]


def reviewers(database: Database) -> tuple[ReviewerEntry, ...]:
    """Every reviewer with the conflicts declared for them and the recusals recorded in
    their reviews, each application once."""
    with database.reading() as session:
        data = repository.load_round(session)
        declared = session.execute(
            select(
                ConflictRow.reviewer_id,
                ConflictRow.application_id,
                ConflictRow.reason,
                ConflictRow.source,
            ).order_by(ConflictRow.reviewer_id, ConflictRow.application_id)
        ).all()
    conflicts: dict[str, dict[str, ConflictEntry]] = defaultdict(dict)
    for reviewer_id, app_id, reason, source in declared:
        conflicts[reviewer_id][app_id] = ConflictEntry(app_id, reason or "", source or "declared")
    scored: Counter[str] = Counter()
    for review in data.reviews:
        if review.conflict:
            conflicts[review.reviewer_id].setdefault(
                review.application_id,
                ConflictEntry(
                    review.application_id, review.conflict_reason or review.comment, "review"
                ),
            )
        else:
            scored[review.reviewer_id] += 1
    return tuple(
        ReviewerEntry(
            id=r.id,
            name=r.name,
            affiliation=r.affiliation,
            email=r.email,
            tracks=r.tracks,
            reviews=scored[r.id],
            conflicts=tuple(sorted(conflicts[r.id].values(), key=lambda c: c.application_id)),
        )
        for r in data.reviewers
    )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    detail: dict[str, Any]


def audit_log(database: Database, limit: int | None = None) -> tuple[AuditEntry, ...]:
    """The audit log, newest first."""
    with database.reading() as session:
        query = select(AuditRow).order_by(AuditRow.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return tuple(
            AuditEntry(row.id, row.at, row.actor, row.action, row.target or "", dict(row.detail))
            for row in session.scalars(query)
        )
