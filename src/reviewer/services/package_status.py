"""Where each reviewer's package stands, for the chair's dashboard: made or not, returned
or not and in which version, and how many assigned applications still lack a review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from reviewer.store.engine import Database
from reviewer.store.models import (
    AssignmentRow,
    ConflictRow,
    PackageRow,
    ReviewerRow,
    ReviewRow,
)


@dataclass(frozen=True)
class PackageStatus:
    """One reviewer with assignments. ``package_id`` .. ``returned_at`` describe their
    newest package (None when none was made); ``missing`` counts the assigned
    applications with neither a review nor a conflict."""

    reviewer_id: str
    reviewer_name: str
    assigned: int
    reviewed: int
    conflicts: int
    missing: int
    package_id: str | None
    created_at: datetime | None
    returned_version: int | None
    returned_at: datetime | None


def package_statuses(database: Database) -> list[PackageStatus]:
    """Every reviewer with assignments, by id."""
    with database.session() as session:
        assigned: dict[str, set[str]] = {}
        for app_id, reviewer_id in session.execute(
            select(AssignmentRow.application_id, AssignmentRow.reviewer_id)
        ):
            assigned.setdefault(reviewer_id, set()).add(app_id)
        reviewed: dict[str, set[str]] = {}
        recused: dict[str, set[str]] = {}
        for app_id, reviewer_id, conflict in session.execute(
            select(ReviewRow.application_id, ReviewRow.reviewer_id, ReviewRow.conflict)
        ):
            (recused if conflict else reviewed).setdefault(reviewer_id, set()).add(app_id)
        for app_id, reviewer_id in session.execute(
            select(ConflictRow.application_id, ConflictRow.reviewer_id)
        ):
            recused.setdefault(reviewer_id, set()).add(app_id)
        newest: dict[str, PackageRow] = {}
        for row in session.scalars(select(PackageRow).order_by(PackageRow.created_at)):
            newest[row.reviewer_id] = row
        names = {
            row[0]: row[1] for row in session.execute(select(ReviewerRow.id, ReviewerRow.name))
        }
    statuses: list[PackageStatus] = []
    for reviewer_id in sorted(assigned):
        apps = assigned[reviewer_id]
        conflicts = apps & recused.get(reviewer_id, set())
        done = (apps & reviewed.get(reviewer_id, set())) - conflicts
        package = newest.get(reviewer_id)
        statuses.append(
            PackageStatus(
                reviewer_id=reviewer_id,
                reviewer_name=names.get(reviewer_id, ""),
                assigned=len(apps),
                reviewed=len(done),
                conflicts=len(conflicts),
                missing=len(apps) - len(done) - len(conflicts),
                package_id=package.id if package else None,
                created_at=package.created_at if package else None,
                returned_version=package.returned_version if package else None,
                returned_at=package.returned_at if package else None,
            )
        )
    return statuses
