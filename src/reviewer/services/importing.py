"""Importing the committee's spreadsheets into a round.

Every file of one command is read and validated whole before anything is written, and
the rows go in in one transaction: bad input never half-imports.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from reviewer.domain.model import Application, Review, Reviewer
from reviewer.domain.package import SCORE_FILE_SUFFIX
from reviewer.errors import ErrorList, InvalidInput, Location
from reviewer.exchange.importers.applications import check_applications, check_corrections
from reviewer.exchange.importers.reviewers import check_reviewers
from reviewer.exchange.importers.scores import check_scores
from reviewer.exchange.tables.reader import Reading
from reviewer.i18n import Lang, render
from reviewer.store import audit as audit_log
from reviewer.store import repository, updates
from reviewer.store.engine import Database


@dataclass(frozen=True)
class ImportSummary:
    """What one import did. ``fields`` lists the fields the updated rows changed, each
    with how many rows it changed in (free attributes named ``attributes.<header>``)."""

    kind: str
    files: tuple[str, ...]
    added: int
    replaced: int = 0
    conflicts: int = 0
    unchanged: int = 0
    updated: int = 0
    fields: tuple[tuple[str, int], ...] = ()

    def message(self, lang: Lang | None = None) -> str:
        """The summary line the command line prints."""
        changed = ", ".join(
            render("import.field_count", lang, field=field_label(self.kind, name, lang), count=n)
            for name, n in self.fields
        )
        key = f"cli.imported.{self.kind}"
        if self.kind in ("reviewers", "corrections") and self.fields:
            key += ".changed"
        return render(
            key,
            lang,
            count=self.added,
            replaced=self.replaced,
            conflicts=self.conflicts,
            unchanged=self.unchanged,
            updated=self.updated,
            changes=sum(n for _, n in self.fields),
            fields=changed,
            files=", ".join(self.files),
        )


def field_label(kind: str, name: str, lang: Lang | None = None) -> str:
    """A field's name in a summary: a free attribute is named by its header."""
    if name.startswith(updates.ATTRIBUTE_PREFIX):
        return name[len(updates.ATTRIBUTE_PREFIX) :]
    prefix = "reviewer" if kind == "reviewers" else "application"
    return render(f"field.{prefix}.{name}", lang)


def check_files(paths: Sequence[Path]) -> None:
    if not paths:
        raise InvalidInput("service.no_files")
    errors = ErrorList()
    for path in paths:
        if not path.is_file():
            errors.add(InvalidInput(not_a_file_key(path), Location(file=str(path))))
    errors.raise_if_any()


def not_a_file_key(path: Path) -> str:
    """The message key saying what ``path``, which is not a regular file, is instead:
    missing, a folder, a pipe, a device or another special file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "service.file_missing"
    except OSError:
        return "service.file_unreadable"
    if stat.S_ISDIR(mode):
        return "service.file_is_folder"
    if stat.S_ISFIFO(mode):
        return "service.file_is_pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "service.file_is_device"
    return "service.file_special"


def _names(paths: Sequence[Path]) -> tuple[str, ...]:
    return tuple(p.name for p in paths)


def _source(paths: Sequence[Path]) -> str:
    """The files rows came from, as stored with them (the full list is in the audit log)."""
    text = ", ".join(_names(paths))
    return text if len(text) <= 300 else text[:299] + "…"


# -- reading an import's files against the round (the import and its preview alike) ----


def read_applications(session: Session, paths: Sequence[Path]) -> Reading[Application]:
    config = repository.load_config(session)
    return check_applications(paths, config, existing=repository.application_tracks(session))


def read_corrections(session: Session, paths: Sequence[Path]) -> Reading[Application]:
    config = repository.load_config(session)
    stored = {app.id: app for app in repository.applications(session)}
    return check_corrections(paths, config, stored, repository.scored_reviews(session))


def read_reviewers(session: Session, paths: Sequence[Path]) -> Reading[Reviewer]:
    config = repository.load_config(session)
    stored = {r.id: r for r in repository.reviewers(session)}
    return check_reviewers(paths, config, stored)


def read_scores(session: Session, paths: Sequence[Path]) -> Reading[Review]:
    config = repository.load_config(session)
    assigned = repository.assignments(session)
    return check_scores(
        paths,
        config,
        repository.application_tracks(session),
        repository.reviewer_ids(session),
        assigned or None,
    )


def _context(*reads: Callable[[Session], Any]) -> Callable[[Session], Any]:
    """What a check of an import's files reads of the round: its configuration, and
    what ``reads`` read."""
    return lambda session: (
        repository.load_config(session).source,
        *(read(session) for read in reads),
    )


_application_context = _context(repository.application_tracks)
_correction_context = _context(repository.applications, repository.scored_reviews)
_reviewer_context = _context(repository.reviewers)
_score_context = _context(
    repository.application_tracks, repository.reviewer_ids, repository.assignments
)


T = TypeVar("T")


@contextmanager
def _checked_then_written(
    database: Database,
    paths: Sequence[Path],
    read: Callable[[Session, Sequence[Path]], Reading[T]],
    context: Callable[[Session], Any],
) -> Iterator[tuple[Session, list[T]]]:
    """The rows of ``paths`` as ``read`` checks them against the round, and the unit of
    work that writes them. The files are read and checked before the round is held for
    writing (reading never waits for another program, and holds no one up); under the
    write lock, what the check read of the round (``context``) is read again, and the
    files checked again when another program changed it meanwhile."""
    with database.reading() as session:
        repository.require_open(session)
        before = context(session)
        reading = read(session, paths)
    rows = reading.result()
    with database.session() as session:
        repository.require_open(session)
        if context(session) != before:
            rows = read(session, paths).result()
        yield session, rows


# -- importing ---------------------------------------------------------------------------


def import_applications(database: Database, paths: Sequence[Path]) -> ImportSummary:
    check_files(paths)
    with _checked_then_written(database, paths, read_applications, _application_context) as (
        session,
        applications,
    ):
        repository.add_applications(session, applications, source=_source(paths))
        audit_log.audit(
            session, "import.applications", None, files=list(_names(paths)), count=len(applications)
        )
        repository.touch(session)
    return ImportSummary("applications", _names(paths), len(applications))


def correct_applications(database: Database, paths: Sequence[Path]) -> ImportSummary:
    """Correct applications already in the round (``import applications --update``):
    the columns the files have replace the stored values, every changed value goes to
    the audit log, and a selection run made before becomes stale."""
    check_files(paths)
    with _checked_then_written(database, paths, read_corrections, _correction_context) as (
        session,
        corrected,
    ):
        changes = updates.update_applications(session, corrected, source=_source(paths))
        fields = changes.field_counts()
        audit_log.audit(
            session,
            "import.applications.update",
            None,
            files=list(_names(paths)),
            updated=len(changes.updated),
            fields=dict(fields),
            unchanged=changes.unchanged,
        )
        if changes.updated:
            repository.touch(session)
    return ImportSummary(
        "corrections",
        _names(paths),
        0,
        unchanged=changes.unchanged,
        updated=len(changes.updated),
        fields=fields,
    )


def import_reviewers(database: Database, paths: Sequence[Path]) -> ImportSummary:
    """Add reviewers and update known ones: a column the files lack leaves a known
    reviewer's value as it is, a blank cell in a column they have clears it."""
    check_files(paths)
    with _checked_then_written(database, paths, read_reviewers, _reviewer_context) as (
        session,
        reviewers,
    ):
        changes = updates.upsert_reviewers(session, reviewers)
        fields = changes.field_counts()
        audit_log.audit(
            session,
            "import.reviewers",
            None,
            files=list(_names(paths)),
            added=changes.added,
            updated=len(changes.updated),
            fields=dict(fields),
            unchanged=changes.unchanged,
        )
        repository.touch(session)
    return ImportSummary(
        "reviewers",
        _names(paths),
        changes.added,
        unchanged=changes.unchanged,
        updated=len(changes.updated),
        fields=fields,
    )


def import_scores(database: Database, paths: Sequence[Path]) -> ImportSummary:
    """Import score spreadsheets, or reviewers' score files (``.rvscore``); one command
    imports one kind, so a mix is refused."""
    check_files(paths)
    returned = [p for p in paths if p.suffix.lower() == SCORE_FILE_SUFFIX]
    if returned:
        if len(returned) != len(paths):
            others = [p.name for p in paths if p not in returned]
            raise InvalidInput("package.import.mixed", files=", ".join(others))
        from reviewer.services.score_returns import import_score_files

        return import_score_files(database, paths)
    with _checked_then_written(database, paths, read_scores, _score_context) as (
        session,
        reviews,
    ):
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
