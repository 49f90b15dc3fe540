"""What the round knows of the reviewer packages it wrote: the newest package of each
reviewer, and what came back from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.store.models import PackageRow


@dataclass(frozen=True)
class PackageRecord:
    id: str
    reviewer_id: str
    applications: tuple[str, ...]
    created_at: datetime
    returned_version: int | None
    returned_at: datetime | None


def latest_packages(session: Session) -> dict[str, PackageRecord]:
    """Reviewer id → that reviewer's newest package (by creation time, then id)."""
    newest: dict[str, PackageRecord] = {}
    for row in session.scalars(select(PackageRow).order_by(PackageRow.created_at, PackageRow.id)):
        newest[row.reviewer_id] = PackageRecord(
            id=row.id,
            reviewer_id=row.reviewer_id,
            applications=tuple(str(a) for a in row.applications or ()),
            created_at=row.created_at,
            returned_version=row.returned_version,
            returned_at=row.returned_at,
        )
    return newest
