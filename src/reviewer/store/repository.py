"""Reading and writing a round's rows as domain objects.

Functions take an open session (a unit of work from ``Database.session``) so that a
service composes several of them into one transaction. Bulk rows go through Core
``insert`` with executemany, which both SQLite and PostgreSQL run fast.
"""

from __future__ import annotations

import getpass
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, tuple_
from sqlalchemy.orm import Session

from reviewer.domain.config import RoundConfig, parse_config
from reviewer.domain.model import Application, Review, Reviewer, RoundData
from reviewer.errors import RefusedByState
from reviewer.store.models import (
    ApplicationRow,
    AssignmentRow,
    AuditRow,
    ConflictRow,
    CriterionRow,
    ReviewerRow,
    ReviewerTrackRow,
    ReviewRow,
    RoundInfo,
    ScoreRow,
    TrackRow,
)

BATCH = 20_000


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def audit(session: Session, action: str, target: str | None = None, **detail: Any) -> None:
    session.add(AuditRow(at=now(), actor=actor(), action=action, target=target, detail=detail))


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def bulk_insert(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``model``'s table in batches, fast.

    The INSERT is compiled for the connected dialect (so the SQL is the database's own)
    and handed to the driver's ``executemany`` with plain tuples: SQLAlchemy's per-row
    parameter processing costs more than SQLite's insert itself at 500,000 rows. Values
    go through each column type's own bind processor, as SQLAlchemy would apply it.
    """
    if not rows:
        return
    table = model.__table__
    connection = session.connection()
    compiled = insert(table).compile(dialect=connection.dialect)
    names = list(compiled.positiontup or []) if compiled.positional else list(compiled.params)
    keys = [compiled.binds[name].key for name in names]
    processors = {
        column.key: processor
        for column in table.columns
        if (processor := column.type._cached_bind_processor(connection.dialect)) is not None
    }

    def value(row: dict[str, Any], key: str) -> Any:
        item = row.get(key)
        processor = processors.get(key)
        return item if processor is None or item is None else processor(item)

    for chunk in _chunks(rows):
        if compiled.positional:
            params: list[Any] = [tuple(value(row, key) for key in keys) for row in chunk]
        else:
            params = [
                {name: value(row, key) for name, key in zip(names, keys, strict=True)}
                for row in chunk
            ]
        connection.exec_driver_sql(compiled.string, params)


# -- round ---------------------------------------------------------------------------


def create_round(session: Session, config: RoundConfig) -> None:
    stamp = now()
    session.add(
        RoundInfo(
            id=1,
            name=config.name,
            year=config.year,
            config_toml=config.source,
            status="open",
            created_at=stamp,
            changed_at=stamp,
        )
    )
    tracks: list[dict[str, Any]] = []
    criteria: list[dict[str, Any]] = []
    for position, track in enumerate(config.tracks):
        tracks.append(
            {
                "id": track.id,
                "name": track.name,
                "seats": track.seats,
                "budget": track.budget,
                "linked": track.linked,
                "position": position,
            }
        )
        for index, criterion in enumerate(track.criteria):
            criteria.append(
                {
                    "track_id": track.id,
                    "id": criterion.id,
                    "name": criterion.name,
                    "weight": criterion.weight,
                    "min": criterion.min,
                    "max": criterion.max,
                    "grades": dict(criterion.grades) if criterion.grades is not None else None,
                    "position": index,
                }
            )
    bulk_insert(session, TrackRow, tracks)
    bulk_insert(session, CriterionRow, criteria)
    audit(session, "init", config.name, tracks=len(tracks))


def round_info(session: Session) -> RoundInfo:
    info = session.get(RoundInfo, 1)
    if info is None:
        raise RefusedByState("store.not_a_round", database="")
    return info


def load_config(session: Session) -> RoundConfig:
    return parse_config(round_info(session).config_toml, filename="round.toml")


def require_open(session: Session) -> RoundInfo:
    info = round_info(session)
    if info.status == "locked":
        raise RefusedByState("store.locked", name=info.name)
    return info


def touch(session: Session) -> None:
    round_info(session).changed_at = now()


# -- applications and reviewers ---------------------------------------------------


def application_tracks(session: Session) -> dict[str, str]:
    """Application id → track id of every application in the round."""
    rows = session.execute(select(ApplicationRow.id, ApplicationRow.track_id))
    return {row[0]: row[1] for row in rows}


def reviewer_ids(session: Session) -> set[str]:
    return set(session.scalars(select(ReviewerRow.id)))


def assignments(session: Session) -> set[tuple[str, str]]:
    rows = session.execute(select(AssignmentRow.application_id, AssignmentRow.reviewer_id))
    return {(row[0], row[1]) for row in rows}


def add_applications(session: Session, applications: Sequence[Application], source: str) -> None:
    rows = [
        {
            "id": app.id,
            "track_id": app.track,
            "title": app.title,
            "company": app.company,
            "business_no": app.business_no,
            "ai_category": app.ai_category,
            "field": app.field,
            "amount": app.amount,
            "region": app.region,
            "bonus": app.bonus,
            "penalty": app.penalty,
            "investment_commitment": app.investment_commitment,
            "guarantee": app.guarantee,
            "attributes": dict(app.attributes),
            "source": source,
        }
        for app in applications
    ]
    bulk_insert(session, ApplicationRow, rows)


def upsert_reviewers(session: Session, reviewers: Sequence[Reviewer]) -> tuple[int, int]:
    """Add new reviewers and update known ones; returns (added, updated)."""
    known = reviewer_ids(session)
    added = [r for r in reviewers if r.id not in known]
    updated = [r for r in reviewers if r.id in known]
    bulk_insert(
        session,
        ReviewerRow,
        [
            {"id": r.id, "name": r.name, "affiliation": r.affiliation, "email": r.email}
            for r in added
        ],
    )
    for reviewer in updated:
        row = session.get(ReviewerRow, reviewer.id)
        assert row is not None
        row.name, row.affiliation, row.email = reviewer.name, reviewer.affiliation, reviewer.email
    ids = [r.id for r in reviewers]
    session.execute(delete(ReviewerTrackRow).where(ReviewerTrackRow.reviewer_id.in_(ids)))
    bulk_insert(
        session,
        ReviewerTrackRow,
        [{"reviewer_id": r.id, "track_id": t} for r in reviewers for t in dict.fromkeys(r.tracks)],
    )
    return len(added), len(updated)


# -- reviews ----------------------------------------------------------------------


def _existing_reviews(session: Session, keys: set[tuple[str, str]]) -> list[Review]:
    """The stored reviews among ``keys`` (application id, reviewer id)."""
    if not keys:
        return []
    found: list[Review] = []
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        part = ordered[start : start + 500]
        condition = tuple_(ReviewRow.application_id, ReviewRow.reviewer_id).in_(part)
        rows = session.scalars(select(ReviewRow).where(condition)).all()
        if not rows:
            continue
        score_condition = tuple_(ScoreRow.application_id, ScoreRow.reviewer_id).in_(part)
        scores: dict[tuple[str, str], dict[str, float | str]] = defaultdict(dict)
        for score in session.scalars(select(ScoreRow).where(score_condition)):
            value = score.grade if score.grade is not None else score.value
            assert value is not None
            scores[(score.application_id, score.reviewer_id)][score.criterion_id] = value
        found.extend(_review(row, scores[(row.application_id, row.reviewer_id)]) for row in rows)
    return found


def _review(row: ReviewRow, scores: dict[str, float | str]) -> Review:
    return Review(
        application_id=row.application_id,
        reviewer_id=row.reviewer_id,
        scores=scores,
        comment=row.comment,
        conflict=row.conflict,
        conflict_reason=row.conflict_reason,
    )


def review_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ReviewRow)) or 0)


def replace_reviews(session: Session, reviews: Sequence[Review], source: str) -> int:
    """Store ``reviews``, replacing any stored review of the same pair. The replaced
    values go to the audit log. Returns how many were replaced."""
    keys = {(r.application_id, r.reviewer_id) for r in reviews}
    replaced = _existing_reviews(session, keys) if review_count(session) else []
    for old in replaced:
        audit(
            session,
            "review.replace",
            f"{old.application_id}/{old.reviewer_id}",
            old={
                "scores": dict(old.scores),
                "comment": old.comment,
                "conflict": old.conflict,
                "conflict_reason": old.conflict_reason,
            },
            source=source,
        )
    if replaced:
        old_keys = [(r.application_id, r.reviewer_id) for r in replaced]
        for start in range(0, len(old_keys), 500):
            part = old_keys[start : start + 500]
            session.execute(
                delete(ScoreRow).where(
                    tuple_(ScoreRow.application_id, ScoreRow.reviewer_id).in_(part)
                )
            )
            session.execute(
                delete(ReviewRow).where(
                    tuple_(ReviewRow.application_id, ReviewRow.reviewer_id).in_(part)
                )
            )
    stamp = now()
    bulk_insert(
        session,
        ReviewRow,
        [
            {
                "application_id": r.application_id,
                "reviewer_id": r.reviewer_id,
                "comment": r.comment,
                "conflict": r.conflict,
                "conflict_reason": r.conflict_reason,
                "changed_at": stamp,
            }
            for r in reviews
        ],
    )
    score_rows: list[dict[str, Any]] = []
    for review in reviews:
        for criterion, value in review.scores.items():
            is_grade = isinstance(value, str)
            score_rows.append(
                {
                    "application_id": review.application_id,
                    "reviewer_id": review.reviewer_id,
                    "criterion_id": criterion,
                    "value": None if is_grade else float(value),
                    "grade": value if is_grade else None,
                }
            )
    bulk_insert(session, ScoreRow, score_rows)
    conflicts = [r for r in reviews if r.conflict]
    if conflicts:
        pairs = [(r.application_id, r.reviewer_id) for r in conflicts]
        for start in range(0, len(pairs), 500):
            session.execute(
                delete(ConflictRow).where(
                    tuple_(ConflictRow.application_id, ConflictRow.reviewer_id).in_(
                        pairs[start : start + 500]
                    )
                )
            )
        bulk_insert(
            session,
            ConflictRow,
            [
                {
                    "application_id": r.application_id,
                    "reviewer_id": r.reviewer_id,
                    "reason": r.conflict_reason or r.comment,
                    "source": "declared",
                }
                for r in conflicts
            ],
        )
    return len(replaced)


# -- the whole round --------------------------------------------------------------


def load_round(session: Session) -> RoundData:
    """Everything the scoring and selection rules read."""
    config = load_config(session)
    columns = ApplicationRow.__table__.c
    applications = tuple(
        Application(
            id=row.id,
            track=row.track_id,
            title=row.title,
            company=row.company,
            ai_category=row.ai_category,
            amount=row.amount,
            business_no=row.business_no,
            field=row.field,
            region=row.region,
            bonus=row.bonus,
            penalty=row.penalty,
            investment_commitment=row.investment_commitment,
            guarantee=row.guarantee,
            attributes=row.attributes or {},
        )
        for row in session.execute(select(*columns).order_by(columns.id))
    )
    tracks: dict[str, list[str]] = defaultdict(list)
    for reviewer_id, track_id in session.execute(
        select(ReviewerTrackRow.reviewer_id, ReviewerTrackRow.track_id)
    ):
        tracks[reviewer_id].append(track_id)
    reviewers = tuple(
        Reviewer(
            id=row.id,
            name=row.name,
            affiliation=row.affiliation,
            tracks=tuple(tracks.get(row.id, ())),
            email=row.email,
        )
        for row in session.scalars(select(ReviewerRow).order_by(ReviewerRow.id))
    )
    scores: dict[tuple[str, str], dict[str, float | str]] = defaultdict(dict)
    for app_id, rev_id, criterion, value, grade in session.execute(
        select(
            ScoreRow.application_id,
            ScoreRow.reviewer_id,
            ScoreRow.criterion_id,
            ScoreRow.value,
            ScoreRow.grade,
        )
    ):
        scores[(app_id, rev_id)][criterion] = grade if grade is not None else float(value or 0.0)
    reviews = tuple(
        Review(
            application_id=app_id,
            reviewer_id=rev_id,
            scores=scores.get((app_id, rev_id), {}),
            comment=comment or "",
            conflict=bool(conflict),
            conflict_reason=reason or "",
        )
        for app_id, rev_id, comment, conflict, reason in session.execute(
            select(
                ReviewRow.application_id,
                ReviewRow.reviewer_id,
                ReviewRow.comment,
                ReviewRow.conflict,
                ReviewRow.conflict_reason,
            ).order_by(ReviewRow.application_id, ReviewRow.reviewer_id)
        )
    )
    return RoundData(
        config=config,
        applications=applications,
        reviewers=reviewers,
        reviews=reviews,
        assignments=frozenset(assignments(session)),
    )
