"""Importing the score files (``.rvscore``) reviewers send back from their packages.

Every file of one command is read and checked first (see
:mod:`reviewer.exchange.importers.score_files` for the checks and their order); only
when all pass are their reviews stored, each replacing the reviewer's earlier review of
the application, and each package's returned version recorded — in one transaction,
refused when the round is locked. Nothing is written on any error.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, select, tuple_, update
from sqlalchemy.orm import Session

from reviewer.domain.package import SCORE_FILE_SUFFIX
from reviewer.errors import ErrorList, InvalidInput, InvalidInputs, Location, ReviewerError
from reviewer.exchange.importers.score_files import (
    CheckedScores,
    PackageRecord,
    RoundFacts,
    check_score_file,
)
from reviewer.exchange.packages import SignedScores, read_score_file
from reviewer.services import rounds
from reviewer.services.importing import ImportSummary, check_files
from reviewer.store import repository
from reviewer.store.audit import audit, now
from reviewer.store.engine import Database
from reviewer.store.models import ConflictRow, PackageRow, ReviewRow


def is_score_file(path: Path) -> bool:
    return path.suffix.lower() == SCORE_FILE_SUFFIX


def round_of_score_file(path: Path, candidates: Sequence[str | Path]) -> str | None:
    """The first of ``candidates`` (round databases) that the score file was made for,
    by the round's uid; None when none is, or the file is no readable score file (the
    import then says why). Nothing is opened for writing."""
    try:
        round_id = read_score_file(path).scores.round_id
    except (ReviewerError, OSError):
        return None
    for target in candidates:
        if rounds.round_uid(target) == round_id:
            return str(target)
    return None


def package_record(session: Session, package_id: str) -> PackageRecord | None:
    row = session.get(PackageRow, package_id)
    if row is None:
        return None
    newer = session.scalars(
        select(PackageRow.id)
        .where(
            PackageRow.reviewer_id == row.reviewer_id,
            PackageRow.created_at > row.created_at,
            PackageRow.returned_version.is_not(None),
        )
        .order_by(PackageRow.created_at.desc())
        .limit(1)
    ).first()
    return PackageRecord(
        package_id=row.id,
        reviewer_id=row.reviewer_id,
        secret=bytes.fromhex(row.secret),
        applications=frozenset(str(a) for a in row.applications),
        returned_version=row.returned_version,
        superseded_by=newer,
    )


def round_facts(session: Session, reviewer_ids: set[str]) -> RoundFacts:
    info = repository.round_info(session)
    conflicts: dict[tuple[str, str], bool] = {}
    own = {
        (a, r)
        for a, r in session.execute(
            select(ReviewRow.application_id, ReviewRow.reviewer_id).where(
                ReviewRow.conflict.is_(True), ReviewRow.reviewer_id.in_(sorted(reviewer_ids))
            )
        )
    }
    for app_id, reviewer_id in session.execute(
        select(ConflictRow.application_id, ConflictRow.reviewer_id).where(
            ConflictRow.reviewer_id.in_(sorted(reviewer_ids))
        )
    ):
        conflicts[(app_id, reviewer_id)] = (app_id, reviewer_id) in own
    return RoundFacts(
        uid=info.uid or "",
        config=repository.load_config(session),
        applications=repository.application_tracks(session),
        assignments=repository.assignments(session),
        conflicts=conflicts,
    )


def _read(paths: Sequence[Path]) -> list[SignedScores]:
    errors = ErrorList()
    signed: list[SignedScores] = []
    for path in paths:
        try:
            signed.append(read_score_file(path))
        except InvalidInput as problem:
            errors.add(problem)
    errors.raise_if_any()
    return signed


def check_all(session: Session, signed: Sequence[SignedScores]) -> list[CheckedScores]:
    """Check every score file of one import; raises InvalidInputs with every problem."""
    facts = round_facts(session, {s.scores.reviewer_id for s in signed})
    errors = ErrorList()
    checked: list[CheckedScores] = []
    first: dict[str, str] = {}
    by_reviewer: dict[str, str] = {}
    for item in signed:
        package_id = item.scores.package_id
        if package_id in first:
            errors.add(
                InvalidInput(
                    "package.import.same_package_twice",
                    Location(file=item.file),
                    other=first[package_id],
                )
            )
            continue
        first[package_id] = item.file
        reviewer_id = item.scores.reviewer_id
        if reviewer_id in by_reviewer:
            # which of two packages' scores is newer is known only against the round:
            # one file of a reviewer per import
            errors.add(
                InvalidInput(
                    "package.import.same_reviewer_twice",
                    Location(file=item.file),
                    other=by_reviewer[reviewer_id],
                    reviewer=reviewer_id,
                )
            )
            continue
        by_reviewer[reviewer_id] = item.file
        try:
            checked.append(check_score_file(item, package_record(session, package_id), facts))
        except InvalidInput as problem:
            for error in problem.errors if isinstance(problem, InvalidInputs) else [problem]:
                errors.add(error)
    errors.raise_if_any()
    return checked


def _store(session: Session, item: CheckedScores) -> tuple[int, int, int]:
    scores = item.signed.scores
    source = f"{item.signed.file} (package {scores.package_id} v{scores.version})"
    pairs = sorted((r.application_id, r.reviewer_id) for r in item.reviews)
    for start in range(0, len(pairs), 500):
        # the reviewer's own earlier conflicts follow their newest review, as declared ones do
        session.execute(
            delete(ConflictRow).where(
                tuple_(ConflictRow.application_id, ConflictRow.reviewer_id).in_(
                    pairs[start : start + 500]
                ),
                ConflictRow.source == "reviewer",
            )
        )
    added, replaced = repository.replace_reviews(session, list(item.reviews), source=source[:300])
    declared = sorted((r.application_id, r.reviewer_id) for r in item.reviews if r.conflict)
    for start in range(0, len(declared), 500):
        session.execute(
            update(ConflictRow)
            .where(
                tuple_(ConflictRow.application_id, ConflictRow.reviewer_id).in_(
                    declared[start : start + 500]
                ),
                ConflictRow.source == "declared",
            )
            .values(source="reviewer")
        )
    # a conflict sent again unchanged is not stored again: its row comes back here
    recorded: set[tuple[str, str]] = set()
    for start in range(0, len(declared), 500):
        for app_id, reviewer_id in session.execute(
            select(ConflictRow.application_id, ConflictRow.reviewer_id).where(
                tuple_(ConflictRow.application_id, ConflictRow.reviewer_id).in_(
                    declared[start : start + 500]
                )
            )
        ):
            recorded.add((app_id, reviewer_id))
    for review in item.reviews:
        pair = (review.application_id, review.reviewer_id)
        if review.conflict and pair not in recorded:
            session.add(
                ConflictRow(
                    application_id=review.application_id,
                    reviewer_id=review.reviewer_id,
                    reason=review.conflict_reason,
                    source="reviewer",
                )
            )
    row = session.get(PackageRow, scores.package_id)
    assert row is not None  # checked
    row.returned_version = scores.version
    row.returned_at = now()
    audit(
        session,
        "import.score_file",
        scores.reviewer_id,
        file=item.signed.file,
        package=scores.package_id,
        version=scores.version,
        sent_at=scores.sent_at.isoformat(),
        reviews=len(item.reviews),
        added=added,
        replaced=replaced,
        conflicts=len(declared),
        skipped=item.skipped,
    )
    return added, replaced, len(declared)


def import_score_files(database: Database, paths: Sequence[Path]) -> ImportSummary:
    """Import reviewers' score files (all or nothing)."""
    check_files(paths)
    signed = _read(paths)
    added = replaced = conflicts = reviews = 0
    with database.session() as session:
        repository.require_open(session)
        for item in check_all(session, signed):
            a, r, c = _store(session, item)
            added, replaced, conflicts = added + a, replaced + r, conflicts + c
            reviews += len(item.reviews)
        repository.touch(session)
    names = tuple(p.name for p in paths)
    return ImportSummary(
        "scores", names, added, replaced, conflicts, unchanged=reviews - added - replaced
    )
