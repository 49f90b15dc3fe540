"""Updating stored applications and reviewers field by field.

A row imported again is compared with the stored one field by field: the fields that
differ are written and go to the audit log with their old and new values, a row that
differs in nothing is left alone. Free attributes of an application are fields of
their own, named ``attributes.<header>``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewer.domain.model import Application, Reviewer
from reviewer.store.audit import audit
from reviewer.store.bulk import bulk_insert
from reviewer.store.models import ApplicationRow, ReviewerRow, ReviewerTrackRow

ATTRIBUTE_PREFIX = "attributes."
# the application's fields in the order a summary lists them; then its free attributes
APPLICATION_FIELDS = (
    "track",
    "title",
    "company",
    "business_no",
    "ai_category",
    "field",
    "amount",
    "region",
    "bonus",
    "penalty",
    "investment_commitment",
    "guarantee",
)
REVIEWER_FIELDS = ("name", "affiliation", "email", "tracks")
_CHUNK = 500


@dataclass(frozen=True)
class Changes:
    """What an import did to the stored rows: how many it added, the changed fields of
    each row it updated (by id), and how many rows it left as they were."""

    added: int = 0
    updated: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    unchanged: int = 0

    def field_counts(self) -> tuple[tuple[str, int], ...]:
        """(field, how many rows it changed in): the known fields in their order, then
        the free attributes by name."""
        counts = Counter(name for names in self.updated.values() for name in names)
        known = [*APPLICATION_FIELDS, *REVIEWER_FIELDS]
        return tuple(
            (name, counts[name])
            for name in sorted(
                counts, key=lambda n: (known.index(n) if n in known else len(known), n)
            )
        )


def _difference(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields whose values differ, as (old values, new values); a field one side
    lacks counts as None there."""
    names = [*old, *(name for name in new if name not in old)]
    changed = [name for name in names if old.get(name) != new.get(name)]
    return {n: old.get(n) for n in changed}, {n: new.get(n) for n in changed}


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# -- applications ---------------------------------------------------------------------


def _application_fields(app: Application) -> dict[str, Any]:
    values = {name: getattr(app, name) for name in APPLICATION_FIELDS}
    values.update((ATTRIBUTE_PREFIX + k, v) for k, v in app.attributes.items())
    return values


def _row_fields(row: ApplicationRow) -> dict[str, Any]:
    values = {
        name: row.track_id if name == "track" else getattr(row, name) for name in APPLICATION_FIELDS
    }
    values.update((ATTRIBUTE_PREFIX + k, v) for k, v in (row.attributes or {}).items())
    return values


def update_applications(
    session: Session,
    applications: Sequence[Application],
    source: str,
    reason: str | None = None,
) -> Changes:
    """Write the corrected ``applications`` (each already in the round) over the stored
    ones. Each changed application gets one audit entry with the old and new value of
    every field that changed (and the ``reason``, when one was given)."""
    ids = [app.id for app in applications]
    rows: dict[str, ApplicationRow] = {}
    for chunk in _chunks(ids):
        rows.update(
            (row.id, row)
            for row in session.scalars(select(ApplicationRow).where(ApplicationRow.id.in_(chunk)))
        )
    updated: dict[str, tuple[str, ...]] = {}
    for app in applications:
        row = rows[app.id]
        old, new = _difference(_row_fields(row), _application_fields(app))
        if not new:
            continue
        updated[app.id] = tuple(new)
        detail: dict[str, Any] = {"old": old, "new": new, "source": source}
        if reason is not None:
            detail["reason"] = reason
        audit(session, "application.update", app.id, **detail)
        for name in APPLICATION_FIELDS:
            if name in new:
                setattr(row, "track_id" if name == "track" else name, getattr(app, name))
        if any(name.startswith(ATTRIBUTE_PREFIX) for name in new):
            row.attributes = dict(app.attributes)
    session.flush()
    return Changes(updated=updated, unchanged=len(applications) - len(updated))


# -- reviewers ------------------------------------------------------------------------


def _reviewer_fields(reviewer: Reviewer) -> dict[str, Any]:
    return {
        "name": reviewer.name,
        "affiliation": reviewer.affiliation,
        "email": reviewer.email,
        "tracks": sorted(dict.fromkeys(reviewer.tracks)),
    }


def upsert_reviewers(session: Session, reviewers: Sequence[Reviewer]) -> Changes:
    """Add new reviewers and write known ones over the stored ones. Each changed reviewer
    gets one audit entry with the old and new value of every field that changed."""
    stored = {
        row.id: row
        for chunk in _chunks([r.id for r in reviewers])
        for row in session.scalars(select(ReviewerRow).where(ReviewerRow.id.in_(chunk)))
    }
    old_tracks: dict[str, list[str]] = {reviewer_id: [] for reviewer_id in stored}
    for chunk in _chunks(list(stored)):
        for reviewer_id, track_id in session.execute(
            select(ReviewerTrackRow.reviewer_id, ReviewerTrackRow.track_id).where(
                ReviewerTrackRow.reviewer_id.in_(chunk)
            )
        ):
            old_tracks[reviewer_id].append(track_id)
    added = [r for r in reviewers if r.id not in stored]
    bulk_insert(
        session,
        ReviewerRow,
        [
            {"id": r.id, "name": r.name, "affiliation": r.affiliation, "email": r.email}
            for r in added
        ],
    )
    updated: dict[str, tuple[str, ...]] = {}
    retracked = [r for r in added if r.tracks]
    for reviewer in reviewers:
        row = stored.get(reviewer.id)
        if row is None:
            continue
        before = {
            "name": row.name,
            "affiliation": row.affiliation,
            "email": row.email,
            "tracks": sorted(old_tracks[reviewer.id]),
        }
        old, new = _difference(before, _reviewer_fields(reviewer))
        if not new:
            continue
        updated[reviewer.id] = tuple(new)
        audit(session, "reviewer.update", reviewer.id, old=old, new=new)
        row.name, row.affiliation, row.email = reviewer.name, reviewer.affiliation, reviewer.email
        if "tracks" in new:
            retracked.append(reviewer)
    session.flush()
    for chunk in _chunks([r.id for r in retracked]):
        session.execute(delete(ReviewerTrackRow).where(ReviewerTrackRow.reviewer_id.in_(chunk)))
    bulk_insert(
        session,
        ReviewerTrackRow,
        [{"reviewer_id": r.id, "track_id": t} for r in retracked for t in dict.fromkeys(r.tracks)],
    )
    return Changes(
        added=len(added), updated=updated, unchanged=len(reviewers) - len(added) - len(updated)
    )
