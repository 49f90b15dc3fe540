"""What goes into a reviewer's package: their assigned applications less every one with
a conflict (one the round records, or one the reviewer declared in a review), with only
the fields a reviewer sees, their attachments and contents, the rubric of their tracks,
the round's id and comment bounds, and a new package id and secret."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer.domain.config import Track
from reviewer.domain.package import PackageApplication, PackageAttachment, ReviewerPackage
from reviewer.errors import InvalidInput
from reviewer.exchange.packages import FORMAT
from reviewer.store import repository
from reviewer.store.models import (
    ApplicationRow,
    AssignmentRow,
    AttachmentBlobRow,
    AttachmentRow,
    ConflictRow,
    PackageRow,
    ReviewerRow,
    ReviewRow,
)

_CHUNK = 500


@dataclass
class PackagePlan:
    """A package to write: its manifest and every attachment's content by SHA-256."""

    package: ReviewerPackage
    contents: dict[str, bytes]


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield list(values[start : start + _CHUNK])


def _conflicted(session: Session, reviewer_id: str) -> set[str]:
    found = set(
        session.scalars(
            select(ConflictRow.application_id).where(ConflictRow.reviewer_id == reviewer_id)
        )
    )
    found.update(
        session.scalars(
            select(ReviewRow.application_id).where(
                ReviewRow.reviewer_id == reviewer_id, ReviewRow.conflict.is_(True)
            )
        )
    )
    return found


def _attachments(
    session: Session, app_ids: Sequence[str]
) -> tuple[dict[str, list[PackageAttachment]], dict[str, bytes]]:
    by_app: dict[str, list[PackageAttachment]] = {}
    digests: set[str] = set()
    for chunk in _chunks(app_ids):
        rows = session.execute(
            select(
                AttachmentRow.application_id,
                AttachmentRow.name,
                AttachmentRow.kind,
                AttachmentRow.sha256,
                AttachmentBlobRow.size,
            )
            .join(AttachmentBlobRow, AttachmentBlobRow.sha256 == AttachmentRow.sha256)
            .where(AttachmentRow.application_id.in_(chunk))
            .order_by(AttachmentRow.application_id, AttachmentRow.id)
        )
        for app_id, name, kind, digest, size in rows:
            if digest is None:  # the join keeps only attachments with a content
                continue
            by_app.setdefault(app_id, []).append(PackageAttachment(name, kind, digest, size))
            digests.add(digest)
    contents: dict[str, bytes] = {}
    for chunk in _chunks(sorted(digests)):
        for digest, content in session.execute(
            select(AttachmentBlobRow.sha256, AttachmentBlobRow.content).where(
                AttachmentBlobRow.sha256.in_(chunk)
            )
        ):
            contents[digest] = bytes(content)
    return by_app, contents


def plan_package(session: Session, reviewer_id: str) -> PackagePlan:
    """What ``reviewer_id``'s package holds; InvalidInput when they can have none."""
    info = repository.round_info(session)
    reviewer = session.get(ReviewerRow, reviewer_id)
    if reviewer is None:
        raise InvalidInput("package.unknown_reviewer", reviewer=reviewer_id)
    if session.scalars(select(AssignmentRow.reviewer_id).limit(1)).first() is None:
        raise InvalidInput("package.no_assignments")
    assigned = set(
        session.scalars(
            select(AssignmentRow.application_id).where(AssignmentRow.reviewer_id == reviewer_id)
        )
    )
    if not assigned:
        raise InvalidInput("package.reviewer_unassigned", reviewer=reviewer_id)
    ids = sorted(assigned - _conflicted(session, reviewer_id))
    if not ids:
        raise InvalidInput("package.all_conflicted", reviewer=reviewer_id)
    if not info.uid:
        raise InvalidInput("package.no_round_uid")
    attachments, contents = _attachments(session, ids)
    applications: list[PackageApplication] = []
    for chunk in _chunks(ids):
        for row in session.scalars(
            select(ApplicationRow).where(ApplicationRow.id.in_(chunk)).order_by(ApplicationRow.id)
        ):
            applications.append(
                PackageApplication(
                    id=row.id,
                    track=row.track_id,
                    title=row.title,
                    company=row.company,
                    ai_category=row.ai_category,
                    field=row.field,
                    amount=row.amount,
                    attachments=tuple(attachments.get(row.id, ())),
                )
            )
    config = repository.load_config(session)
    used = {app.track for app in applications}
    tracks = tuple(
        Track(id=t.id, name=t.name, seats=0, criteria=t.criteria)
        for t in config.tracks
        if t.id in used
    )
    package = ReviewerPackage(
        format=FORMAT,
        package_id=uuid.uuid4().hex,
        round_id=info.uid,
        round_name=info.name,
        reviewer_id=reviewer.id,
        reviewer_name=reviewer.name,
        tracks=tracks,
        applications=tuple(applications),
        secret=secrets.token_bytes(32),
        created_at=_package_time(session, reviewer.id),
        comment_below=config.comment_below,
        comment_above=config.comment_above,
    )
    return PackagePlan(package, contents)


def _package_time(session: Session, reviewer_id: str) -> datetime:
    """The new package's time, to the microsecond and later than every earlier package of
    the reviewer's: which package is newer decides which returned scores may replace
    which, so two packages made within one second must not tie."""
    stamp = datetime.now()
    latest = session.scalar(
        select(func.max(PackageRow.created_at)).where(PackageRow.reviewer_id == reviewer_id)
    )
    if latest is not None and stamp <= latest:
        stamp = latest + timedelta(microseconds=1)
    return stamp
