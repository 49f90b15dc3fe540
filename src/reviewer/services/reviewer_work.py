"""The reviewer's side of a package: opening it, keeping what the reviewer types in a
working database on the reviewer's computer, and sending the scores back.

The working database lives in the user data folder (``platformdirs``; the environment
variable ``REVIEWER_DATA_DIR`` names another folder), one file per package id. Every
change is committed when it is made, so opening the same package again — after the
program was closed, or killed — shows exactly what was typed, the application that was
open and how many times the scores were sent.

``send`` writes a score file (DESIGN §6): the complete applications and the declared
conflicts, signed under the package's secret, with a version one higher than the last
send; the new version is recorded only once the file is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import select

from reviewer.domain.config import Criterion
from reviewer.domain.package import (
    SCORE_FILE_SUFFIX,
    PackageApplication,
    ReviewerPackage,
    ScoreEntry,
    ScoreReturn,
)
from reviewer.domain.score_form import Draft, FormCheck, FormStatus, check_form, check_value
from reviewer.errors import InvalidInput, Location, RefusedByState
from reviewer.exchange.packages import (
    FORMAT,
    OpenedPackage,
    PackageHeader,
    open_package,
    read_header,
    write_score_file,
)
from reviewer.store.engine import Database
from reviewer.store.work import (
    WORK_SCHEMA,
    WorkEntry,
    WorkInfo,
    WorkLock,
    open_work_database,
    work_info,
)

DATA_DIR_VARIABLE = "REVIEWER_DATA_DIR"


def data_dir() -> Path:
    """Where working databases are kept: ``$REVIEWER_DATA_DIR``, else the user data folder."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("reviewer", appauthor=False))


def work_path(package_id: str, folder: Path | None = None) -> Path:
    """The working database of the package ``package_id``."""
    safe = "".join(c for c in package_id if c.isalnum()) or "package"
    return (folder or data_dir()) / "packages" / f"{safe}.db"


def package_header(path: Path) -> PackageHeader:
    """What the package says of itself (whether it needs a password) without opening it."""
    return read_header(path)


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class SendResult:
    path: Path
    version: int
    sent: int  # applications in the file (complete and conflicts)
    left_out: tuple[str, ...]  # touched, not complete: not in the file


@dataclass(frozen=True)
class Progress:
    done: int  # complete or conflict
    total: int


class ReviewerWork:
    """An opened package and its working database (open with :meth:`open`)."""

    def __init__(
        self, path: Path, opened: OpenedPackage, database: Database, work_file: Path
    ) -> None:
        self.path = path
        self.opened = opened
        self.package: ReviewerPackage = opened.package
        self.work_file = work_file
        self._database = database
        self._lock: WorkLock | None = None
        with database.session() as session:
            info = work_info(session)
            assert info is not None
            self.first_opened_at = info.first_opened_at
            self.current: str | None = info.current_application
            self.sent_version = info.sent_version
            self.sent_at = info.sent_at
            self.drafts: dict[str, Draft] = {
                row.application_id: _draft(row) for row in session.scalars(select(WorkEntry))
            }

    @classmethod
    def open(cls, path: Path, password: str | None, folder: Path | None = None) -> ReviewerWork:
        """Decrypt the package at ``path`` and open (or create) its working database.

        Raises :class:`~reviewer.exchange.packages.PackagePasswordError` for a missing or
        wrong password, InvalidInput for a damaged file, and RefusedByState when the
        working database belongs to another package or a newer program."""
        opened = open_package(path, password)
        package = opened.package
        work_file = work_path(package.package_id, folder)
        lock = WorkLock(work_file)
        try:
            if not lock.acquire():  # two windows would each keep their own drafts
                raise RefusedByState("work.in_use", Location(file=path.name))
            database = open_work_database(work_file)
        except OSError as exc:
            lock.release()
            raise InvalidInput(
                "work.unwritable", Location(file=str(work_file)), error=exc.strerror or str(exc)
            ) from None
        except BaseException:
            lock.release()
            raise
        try:
            with database.session() as session:
                info = work_info(session)
                if info is None:
                    session.add(
                        WorkInfo(
                            id=1,
                            schema=WORK_SCHEMA,
                            package_id=package.package_id,
                            round_id=package.round_id,
                            reviewer_id=package.reviewer_id,
                            first_opened_at=now(),
                            sent_version=0,
                        )
                    )
                elif info.schema > WORK_SCHEMA:
                    raise RefusedByState("work.newer", Location(file=str(work_file)))
                elif (info.package_id, info.round_id, info.reviewer_id) != (
                    package.package_id,
                    package.round_id,
                    package.reviewer_id,
                ):
                    raise RefusedByState("work.other_package", Location(file=str(work_file)))
            work = cls(path, opened, database, work_file)
            work._lock = lock
            return work
        except BaseException:
            database.close()
            lock.release()
            raise

    def close(self) -> None:
        self._database.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- reading ---------------------------------------------------------------------------

    def application(self, application_id: str) -> PackageApplication:
        for app in self.package.applications:
            if app.id == application_id:
                return app
        raise KeyError(application_id)

    def criteria(self, application_id: str) -> tuple[Criterion, ...]:
        return self.package.track(self.application(application_id).track).criteria

    def draft(self, application_id: str) -> Draft:
        return self.drafts.get(application_id) or Draft(application_id)

    def check(self, draft: Draft) -> FormCheck:
        return check_form(
            self.criteria(draft.application_id),
            draft,
            self.package.comment_below,
            self.package.comment_above,
        )

    def checks(self) -> dict[str, FormCheck]:
        """Every application's check, in the package's order."""
        return {app.id: self.check(self.draft(app.id)) for app in self.package.applications}

    def progress(self) -> Progress:
        done = sum(
            c.status in (FormStatus.COMPLETE, FormStatus.CONFLICT) for c in self.checks().values()
        )
        return Progress(done, len(self.package.applications))

    def content(self, sha256: str) -> bytes:
        return self.opened.content(sha256)

    # -- changing (each committed at once) ---------------------------------------------------

    def save(self, draft: Draft) -> Draft:
        """Keep ``draft`` (its time set now); returns it as kept. A field whose value is
        wrong (not a number, outside its range, not a grade) is not kept: a wrong score
        never reaches the working database, let alone a score file."""
        criteria = {c.id: c for c in self.criteria(draft.application_id)}
        kept = Draft(
            application_id=draft.application_id,
            texts={
                k: v.strip()
                for k, v in draft.texts.items()
                if k in criteria and check_value(criteria[k], v).value is not None
            },
            comment=draft.comment,
            conflict=draft.conflict,
            conflict_reason=draft.conflict_reason if draft.conflict else "",
            changed_at=now(),
        )
        with self._database.session() as session:
            row = session.get(WorkEntry, kept.application_id)
            if row is None:
                row = WorkEntry(application_id=kept.application_id)
                session.add(row)
            row.scores = dict(kept.texts)
            row.comment = kept.comment
            row.conflict = kept.conflict
            row.conflict_reason = kept.conflict_reason
            assert kept.changed_at is not None
            row.changed_at = kept.changed_at
        self.drafts[kept.application_id] = kept
        return kept

    def set_current(self, application_id: str | None) -> None:
        """Remember the application shown (it is shown again when the package is reopened)."""
        with self._database.session() as session:
            info = work_info(session)
            assert info is not None
            info.current_application = application_id
        self.current = application_id

    # -- sending ---------------------------------------------------------------------------

    def default_score_name(self) -> str:
        """``{reviewer}_{package-short}_v{N}.rvscore`` for the next send."""
        reviewer = "".join(c for c in self.package.reviewer_id if c not in '\\/:*?"<>|') or "scores"
        short = self.package.package_id[:8]
        return f"{reviewer}_{short}_v{self.sent_version + 1}{SCORE_FILE_SUFFIX}"

    def incomplete(self) -> tuple[str, ...]:
        """Applications not yet complete (nor declared conflicts), in the package's order."""
        return tuple(
            app_id
            for app_id, check in self.checks().items()
            if check.status not in (FormStatus.COMPLETE, FormStatus.CONFLICT)
        )

    def score_return(self, version: int, sent_at: datetime) -> tuple[ScoreReturn, tuple[str, ...]]:
        """The scores to send as ``version``, and the touched applications left out
        (not complete): a half-scored application is never sent."""
        entries: list[ScoreEntry] = []
        left_out: list[str] = []
        for app in self.package.applications:
            draft = self.drafts.get(app.id)
            if draft is None or draft.is_empty():
                continue
            check = self.check(draft)
            if check.status is FormStatus.CONFLICT:
                entries.append(
                    ScoreEntry(
                        application_id=app.id,
                        conflict=True,
                        conflict_reason=draft.conflict_reason,
                        changed_at=draft.changed_at,
                    )
                )
            elif check.status is FormStatus.COMPLETE:
                entries.append(
                    ScoreEntry(
                        application_id=app.id,
                        scores=check.scores(),
                        comment=draft.comment.strip(),
                        changed_at=draft.changed_at,
                    )
                )
            else:
                left_out.append(app.id)
        scores = ScoreReturn(
            format=FORMAT,
            round_id=self.package.round_id,
            package_id=self.package.package_id,
            reviewer_id=self.package.reviewer_id,
            version=version,
            created_at=self.first_opened_at,
            sent_at=sent_at,
            entries=tuple(entries),
        )
        return scores, tuple(left_out)

    def send(
        self, out: Path, write: Callable[[Path, ScoreReturn, bytes], None] = write_score_file
    ) -> SendResult:
        """Write the score file to ``out`` as the next version; the version is recorded
        once the file is written (a failed write leaves the count as it was)."""
        version = self.sent_version + 1
        sent_at = now()
        scores, left_out = self.score_return(version, sent_at)
        write(out, scores, self.package.secret)
        with self._database.session() as session:
            info = work_info(session)
            assert info is not None
            info.sent_version = version
            info.sent_at = sent_at
            info.sent_to = str(out)
        self.sent_version = version
        self.sent_at = sent_at
        return SendResult(out, version, len(scores.entries), left_out)


def _draft(row: WorkEntry) -> Draft:
    texts: Mapping[str, Any] = row.scores or {}
    return Draft(
        application_id=row.application_id,
        texts={str(k): str(v) for k, v in texts.items()},
        comment=row.comment or "",
        conflict=bool(row.conflict),
        conflict_reason=row.conflict_reason or "",
        changed_at=row.changed_at,
    )
