"""Importing the committee's spreadsheets into a round.

Every file of one command is read and validated whole before anything is written, and
the rows go in in one transaction: bad input never half-imports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import ErrorList, InvalidInput, Location
from reviewer.exchange.importers.applications import read_applications
from reviewer.exchange.importers.reviewers import read_reviewers
from reviewer.exchange.importers.scores import read_scores
from reviewer.store import audit as audit_log
from reviewer.store import repository
from reviewer.store.engine import Database


@dataclass(frozen=True)
class ImportSummary:
    kind: str
    files: tuple[str, ...]
    added: int
    replaced: int = 0
    conflicts: int = 0
    unchanged: int = 0


def _check_files(paths: Sequence[Path]) -> None:
    if not paths:
        raise InvalidInput("service.no_files")
    errors = ErrorList()
    for path in paths:
        if not path.is_file():
            errors.add(InvalidInput("service.file_missing", Location(file=str(path))))
    errors.raise_if_any()


def _names(paths: Sequence[Path]) -> tuple[str, ...]:
    return tuple(p.name for p in paths)


def _source(paths: Sequence[Path]) -> str:
    """The files rows came from, as stored with them (the full list is in the audit log)."""
    text = ", ".join(_names(paths))
    return text if len(text) <= 300 else text[:299] + "…"


def import_applications(database: Database, paths: Sequence[Path]) -> ImportSummary:
    _check_files(paths)
    with database.session() as session:
        repository.require_open(session)
        config = repository.load_config(session)
        applications = read_applications(
            paths, config, existing=repository.application_tracks(session)
        )
        repository.add_applications(session, applications, source=_source(paths))
        audit_log.audit(
            session, "import.applications", None, files=list(_names(paths)), count=len(applications)
        )
        repository.touch(session)
    return ImportSummary("applications", _names(paths), len(applications))


def import_reviewers(database: Database, paths: Sequence[Path]) -> ImportSummary:
    _check_files(paths)
    with database.session() as session:
        repository.require_open(session)
        config = repository.load_config(session)
        reviewers = read_reviewers(paths, config)
        added, updated = repository.upsert_reviewers(session, reviewers)
        audit_log.audit(
            session,
            "import.reviewers",
            None,
            files=list(_names(paths)),
            added=added,
            updated=updated,
        )
        repository.touch(session)
    return ImportSummary("reviewers", _names(paths), added, replaced=updated)


def import_scores(database: Database, paths: Sequence[Path]) -> ImportSummary:
    _check_files(paths)
    with database.session() as session:
        repository.require_open(session)
        config = repository.load_config(session)
        assigned = repository.assignments(session)
        reviews = read_scores(
            paths,
            config,
            repository.application_tracks(session),
            repository.reviewer_ids(session),
            assigned or None,
        )
        added, replaced = repository.replace_reviews(session, reviews, source=_source(paths))
        conflicts = sum(1 for r in reviews if r.conflict)
        audit_log.audit(
            session,
            "import.scores",
            None,
            files=list(_names(paths)),
            reviews=len(reviews),
            added=added,
            replaced=replaced,
            conflicts=conflicts,
        )
        repository.touch(session)
    return ImportSummary(
        "scores",
        _names(paths),
        added,
        replaced,
        conflicts,
        unchanged=len(reviews) - added - replaced,
    )
