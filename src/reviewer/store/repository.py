"""Reading and writing a round's rows as domain objects.

Functions take an open session (a unit of work from ``Database.session``) so that a
service composes several of them into one transaction. Bulk rows go through
``reviewer.store.bulk``.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Text, delete, func, select, tuple_, type_coerce
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import parse_config
from reviewer.domain.model import Application, Review, Reviewer, RoundData
from reviewer.errors import RefusedByState
from reviewer.store.audit import audit, now
from reviewer.store.bulk import bulk_insert, insert_rows
from reviewer.store.engine import READ_ONLY, make_engine
from reviewer.store.models import (
    ApplicationRow,
    AssignmentRow,
    ConflictRow,
    CriterionRow,
    ReviewerRow,
    ReviewerTrackRow,
    ReviewRow,
    RoundInfo,
    TrackRow,
)

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
            uid=uuid.uuid4().hex,
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


def _peek_round_row(url: str, column: Any) -> tuple[Any, ...] | None:
    """``column`` of a round database's row, read with one query on an engine of its
    own that waits for no writer (no migration, nothing written): a 1-tuple, or None
    when the database has no round row or cannot be read."""
    try:
        engine = make_engine(url).execution_options(**{READ_ONLY: True})
    except (SQLAlchemyError, ImportError):
        return None
    try:
        with engine.connect() as connection:
            row = connection.execute(select(column).where(RoundInfo.id == 1)).first()
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
    return None if row is None else tuple(row)


def is_round(url: str) -> bool:
    """Whether the database at ``url`` holds a round (its round row)."""
    return _peek_round_row(url, RoundInfo.id) is not None


def peek_round_uid(url: str) -> str | None:
    """The uid in a round database's row; None when the database has none or is no
    round."""
    row = _peek_round_row(url, RoundInfo.uid)
    return None if row is None or row[0] is None else str(row[0])


def round_info(session: Session, *, for_update: bool = False) -> RoundInfo:
    """The round's row; ``for_update`` locks it until the unit of work ends (PostgreSQL),
    so a concurrent lock cannot slip between a check and the writes it guards."""
    query = select(RoundInfo).where(RoundInfo.id == 1)
    if for_update:
        query = query.with_for_update()
    info = session.scalars(query).first()
    if info is None:
        raise RefusedByState("store.no_round")
    return info


def load_config(session: Session) -> RoundConfig:
    return parse_config(round_info(session).config_toml, filename="round.toml")


def replace_config(session: Session, config: RoundConfig) -> None:
    """Make ``config`` the round's configuration: its round.toml text (``config.source``)
    and the seats, budgets and weights mirrored in the track and criterion tables. Only
    settings may change: the tracks and their criteria must be the round's."""
    tracks = {row.id: row for row in session.scalars(select(TrackRow))}
    if set(tracks) != set(config.track_ids):
        raise ValueError("a new configuration must keep the round's tracks")
    criteria = {(row.track_id, row.id): row for row in session.scalars(select(CriterionRow))}
    wanted = {(track.id, c.id): c for track in config.tracks for c in track.criteria}
    if set(criteria) != set(wanted):
        raise ValueError("a new configuration must keep the round's criteria")
    for track in config.tracks:
        row = tracks[track.id]
        row.seats = track.seats
        row.budget = track.budget
    for key, criterion in wanted.items():
        criteria[key].weight = criterion.weight
    info = round_info(session)
    info.config_toml = config.source
    info.changed_at = now()


def require_open(session: Session) -> RoundInfo:
    info = round_info(session, for_update=True)
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


# -- reviews ----------------------------------------------------------------------


def _scores(raw: dict[str, Any] | None) -> dict[str, float | str]:
    return {
        key: value if isinstance(value, str) else float(value) for key, value in (raw or {}).items()
    }


_SCORES_JSON = json.JSONDecoder(parse_int=float)


def _stored_scores(raw: str | dict[str, Any] | None) -> dict[str, float | str]:
    """A review's score mapping as stored: JSON text (or, from a driver that parses
    JSON itself, a mapping), each number a float, each grade a string."""
    if not isinstance(raw, str):
        return _scores(raw)
    parsed = _SCORES_JSON.decode(raw)
    if parsed is None:
        return {}
    for value in parsed.values():
        if type(value) is not float and type(value) is not str:
            return _scores(parsed)  # not written by this program: as _scores reads it
    return dict(parsed)


def _existing_reviews(session: Session, keys: set[tuple[str, str]]) -> list[Review]:
    """The stored reviews among ``keys`` (application id, reviewer id)."""
    found: list[Review] = []
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        condition = tuple_(ReviewRow.application_id, ReviewRow.reviewer_id).in_(
            ordered[start : start + 500]
        )
        found.extend(
            Review(
                application_id=row.application_id,
                reviewer_id=row.reviewer_id,
                scores=_scores(row.scores),
                comment=row.comment,
                conflict=row.conflict,
                conflict_reason=row.conflict_reason,
            )
            for row in session.scalars(select(ReviewRow).where(condition))
        )
    return found


def _same(stored: Review | None, review: Review) -> bool:
    """Whether ``review`` repeats the stored one exactly."""
    if stored is None:
        return False
    return (
        dict(stored.scores)
        == {k: v if isinstance(v, str) else float(v) for k, v in review.scores.items()}
        and stored.comment == review.comment
        and stored.conflict == review.conflict
        and stored.conflict_reason == review.conflict_reason
    )


def scored_reviews(session: Session) -> dict[str, int]:
    """Application id → how many reviews with scores (not conflicts) it has."""
    rows = session.execute(
        select(ReviewRow.application_id, func.count())
        .where(ReviewRow.conflict.is_(False))
        .group_by(ReviewRow.application_id)
    )
    return {row[0]: int(row[1]) for row in rows}


def review_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ReviewRow)) or 0)


def replace_reviews(session: Session, reviews: Sequence[Review], source: str) -> tuple[int, int]:
    """Store ``reviews``, replacing any stored review of the same pair. The replaced
    values go to the audit log. Returns how many were (added, replaced); reviews that
    repeat the stored ones exactly count as neither."""
    existing = (
        _existing_reviews(session, {(r.application_id, r.reviewer_id) for r in reviews})
        if review_count(session)
        else []
    )
    if existing:
        # A review imported again with the same values is left as it is: nothing changes,
        # so nothing is replaced or audited.
        stored = {(r.application_id, r.reviewer_id): r for r in existing}
        reviews = [
            r for r in reviews if not _same(stored.get((r.application_id, r.reviewer_id)), r)
        ]
    keys = {(r.application_id, r.reviewer_id) for r in reviews}
    replaced = [r for r in existing if (r.application_id, r.reviewer_id) in keys]
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
            session.execute(
                delete(ReviewRow).where(
                    tuple_(ReviewRow.application_id, ReviewRow.reviewer_id).in_(
                        old_keys[start : start + 500]
                    )
                )
            )
    stamp = now()
    insert_rows(
        session,
        ReviewRow,
        (
            "application_id",
            "reviewer_id",
            "scores",
            "comment",
            "conflict",
            "conflict_reason",
            "changed_at",
        ),
        [
            (
                r.application_id,
                r.reviewer_id,
                dict(r.scores),
                r.comment,
                r.conflict,
                r.conflict_reason,
                stamp,
            )
            for r in reviews
        ],
    )
    # Conflicts declared on score sheets follow the newest review of the pair: those
    # stored for these pairs go (looked up first: usually none, or a few, of many pairs).
    declared = select(ConflictRow.application_id, ConflictRow.reviewer_id).where(
        ConflictRow.source == "declared"
    )
    pairs = sorted(keys & {(a, r) for a, r in session.execute(declared)})
    # a conflict of another source (detected, recorded by hand, sent by the reviewer)
    # stays as it is, as when a review is corrected (``reviews.write_review``)
    others = select(ConflictRow.application_id, ConflictRow.reviewer_id).where(
        ConflictRow.source != "declared"
    )
    kept = keys & {(a, r) for a, r in session.execute(others)}
    for start in range(0, len(pairs), 500):
        session.execute(
            delete(ConflictRow).where(
                tuple_(ConflictRow.application_id, ConflictRow.reviewer_id).in_(
                    pairs[start : start + 500]
                ),
                ConflictRow.source == "declared",
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
            for r in reviews
            if r.conflict and (r.application_id, r.reviewer_id) not in kept
        ],
    )
    return len(reviews) - len(replaced), len(replaced)


# -- the whole round --------------------------------------------------------------


def applications(session: Session) -> tuple[Application, ...]:
    """Every application of the round, by id."""
    columns = ApplicationRow.__table__.c
    return tuple(
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


def reviewers(session: Session) -> tuple[Reviewer, ...]:
    """Every reviewer of the round with their tracks, by id."""
    tracks: dict[str, list[str]] = defaultdict(list)
    for reviewer_id, track_id in session.execute(
        select(ReviewerTrackRow.reviewer_id, ReviewerTrackRow.track_id)
    ):
        tracks[reviewer_id].append(track_id)
    return tuple(
        Reviewer(
            id=row.id,
            name=row.name,
            affiliation=row.affiliation,
            tracks=tuple(tracks.get(row.id, ())),
            email=row.email,
        )
        for row in session.scalars(select(ReviewerRow).order_by(ReviewerRow.id))
    )


def load_round(session: Session) -> RoundData:
    """Everything the scoring and selection rules read."""
    config = load_config(session)
    # through the connection, without the ORM's row handling, and the score mappings as
    # the stored text where the database gives text (SQLite): a tenth of the time
    query = select(
        ReviewRow.application_id,
        ReviewRow.reviewer_id,
        type_coerce(ReviewRow.scores, Text),
        ReviewRow.comment,
        ReviewRow.conflict,
        ReviewRow.conflict_reason,
    ).order_by(ReviewRow.application_id, ReviewRow.reviewer_id)
    reviews = tuple(
        Review(
            application_id=app_id,
            reviewer_id=rev_id,
            scores=_stored_scores(scores),
            comment=comment or "",
            conflict=bool(conflict),
            conflict_reason=reason or "",
        )
        for app_id, rev_id, scores, comment, conflict, reason in session.connection()
        .execute(query)
        .all()
    )
    return RoundData(
        config=config,
        applications=applications(session),
        reviewers=reviewers(session),
        reviews=reviews,
        assignments=frozenset(assignments(session)),
    )
