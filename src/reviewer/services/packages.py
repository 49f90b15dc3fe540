"""Making reviewer packages (DESIGN §6): ``reviewer package create`` and ``create-all``.

A package holds one reviewer's assigned applications less those with a conflict (a
conflict the round records, or one the reviewer declared in a review), with only the
fields a reviewer sees, their attachments, the rubric of their tracks and the round's
comment bounds; nothing of another application, another reviewer or a selection.

Nothing is half-made: every package file is written under a temporary name beside its
place first, then the package rows (and their audit entries) are committed in one
transaction, and only then are the files renamed into place — the password list of
``create-all`` last. A failure before the commit removes the temporary files; a failure
while renaming removes the files already placed and the rows just committed.
"""

from __future__ import annotations

import csv
import io
import os
import re
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewer.domain.package import PACKAGE_SUFFIX
from reviewer.errors import InvalidInput, Location, RefusedByState
from reviewer.exchange.packages import write_package
from reviewer.i18n import Lang, render
from reviewer.services.package_contents import PackagePlan, plan_package
from reviewer.store import repository
from reviewer.store.audit import audit
from reviewer.store.engine import Database
from reviewer.store.models import AssignmentRow, PackageRow

SUFFIX = PACKAGE_SUFFIX
PASSWORDS_FILE = "passwords.csv"
#: generated passwords: no 0/O, 1/I/L, so a password read aloud or from paper is not
#: mistyped; 4 groups of 4 from 31 characters is about 79 bits
PASSWORD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PASSWORD_GROUPS, PASSWORD_GROUP = 4, 4
MIN_PASSWORD = 8
_UNSAFE_NAME = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class PackageSummary:
    """A package made: where it is, whom it is for and what it holds."""

    path: Path
    package_id: str
    reviewer_id: str
    reviewer_name: str
    applications: int
    attachments: int
    attachment_bytes: int
    password: bool

    def message(self, lang: Lang | None = None) -> str:
        return render(
            "package.created",
            lang,
            file=self.path.name,
            reviewer=self.reviewer_id,
            name=self.reviewer_name,
            applications=self.applications,
            attachments=self.attachments,
            bytes=self.attachment_bytes,
        )

    def document(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "package": self.package_id,
            "reviewer": self.reviewer_id,
            "applications": self.applications,
            "attachments": self.attachments,
            "attachment_bytes": self.attachment_bytes,
            "password": self.password,
        }


@dataclass(frozen=True)
class CreateAllSummary:
    """``create-all``: the packages, the password list, and the reviewers left out
    (every application assigned to them has a conflict)."""

    packages: tuple[PackageSummary, ...]
    passwords: Path
    skipped: tuple[str, ...]


@dataclass
class _Staged:
    """Files written under temporary names, waiting to be renamed into place."""

    moves: list[tuple[Path, Path]] = field(default_factory=list)

    def temporary(self, target: Path) -> Path:
        temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
        self.moves.append((temp, target))
        return temp

    def discard(self) -> None:
        for temp, _ in self.moves:
            temp.unlink(missing_ok=True)

    def place(self, database: Database, package_ids: Sequence[str]) -> None:
        placed: list[Path] = []
        for temp, target in self.moves:
            try:
                os.replace(temp, target)
            except OSError as exc:
                for path in placed:
                    path.unlink(missing_ok=True)
                self.discard()
                _forget(database, package_ids)
                raise InvalidInput(
                    "package.unwritable",
                    Location(file=target.name),
                    error=exc.strerror or str(exc),
                ) from None
            placed.append(target)


def _forget(database: Database, package_ids: Sequence[str]) -> None:
    """Remove package rows whose files could not be put in place."""
    with database.session() as session:
        session.execute(delete(PackageRow).where(PackageRow.id.in_(list(package_ids))))
        audit(session, "package.create.undone", None, packages=list(package_ids))


def _record(session: Session, plan: PackagePlan, file: str, password: bool) -> PackageSummary:
    package = plan.package
    session.add(
        PackageRow(
            id=package.package_id,
            reviewer_id=package.reviewer_id,
            secret=package.secret.hex(),
            applications=[app.id for app in package.applications],
            created_at=package.created_at,
        )
    )
    listed = [a for app in package.applications for a in app.attachments]
    size = sum({a.sha256: a.size for a in listed}.values())
    audit(
        session,
        "package.create",
        package.reviewer_id,
        package=package.package_id,
        file=file,
        applications=[app.id for app in package.applications],
        attachments=len(listed),
        password=password,
    )
    return PackageSummary(
        path=Path(file),
        package_id=package.package_id,
        reviewer_id=package.reviewer_id,
        reviewer_name=package.reviewer_name,
        applications=len(package.applications),
        attachments=len(listed),
        attachment_bytes=size,
        password=password,
    )


def _check_target(path: Path, force: bool) -> None:
    if not path.parent.is_dir():
        raise InvalidInput("package.no_folder", folder=str(path.parent))
    if path.exists() and not force:
        raise RefusedByState("package.exists", Location(file=str(path)))


def check_password(password: str | None) -> None:
    """A password the secretariat chose must be long enough to resist guessing."""
    if password is not None and len(password) < MIN_PASSWORD:
        raise InvalidInput("package.password_short", minimum=MIN_PASSWORD)


# -- the use cases ------------------------------------------------------------------


def create_package(
    database: Database,
    reviewer_id: str,
    out: Path,
    password: str | None,
    *,
    force: bool = False,
) -> PackageSummary:
    """Write ``reviewer_id``'s package to ``out``, encrypted under ``password`` (None: a
    package anyone can open), and record it in the round."""
    check_password(password)
    _check_target(out, force)
    staged = _Staged()
    try:
        with database.session() as session:
            repository.require_open(session)
            plan = plan_package(session, reviewer_id)
            write_package(staged.temporary(out), plan.package, plan.contents, password)
            summary = _record(session, plan, out.name, password is not None)
    except BaseException:
        staged.discard()
        raise
    staged.place(database, [summary.package_id])
    return replace(summary, path=out)


def generate_password() -> str:
    groups = (
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP))
        for _ in range(PASSWORD_GROUPS)
    )
    return "-".join(groups)


def file_names(reviewer_ids: Sequence[str]) -> dict[str, str]:
    """A package file name for each reviewer: the id with characters a file name cannot
    hold replaced, made unique (ignoring case, as Windows and macOS do)."""
    names: dict[str, str] = {}
    taken: set[str] = {PASSWORDS_FILE.casefold()}
    for reviewer_id in reviewer_ids:
        stem = _UNSAFE_NAME.sub("_", reviewer_id).strip("._") or "reviewer"
        name, count = f"{stem}{SUFFIX}", 1
        while name.casefold() in taken:
            count += 1
            name = f"{stem}-{count}{SUFFIX}"
        taken.add(name.casefold())
        names[reviewer_id] = name
    return names


def _spreadsheet_text(value: str) -> str:
    """A cell Excel must read as text, never as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _password_list(rows: Sequence[tuple[str, str, str, str]], lang: Lang | None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            render("package.list.reviewer", lang),
            render("package.list.name", lang),
            render("package.list.file", lang),
            render("package.list.password", lang),
        ]
    )
    for row in rows:
        writer.writerow([_spreadsheet_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def create_all(
    database: Database, out_dir: Path, *, force: bool = False, lang: Lang | None = None
) -> CreateAllSummary:
    """One package per reviewer with assignments, each under a generated password, in
    ``out_dir``, and the password list (``passwords.csv``, UTF-8 with a BOM so Excel
    reads Korean) for the secretariat. All or nothing."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InvalidInput(
            "package.unwritable", Location(file=str(out_dir)), error=exc.strerror or str(exc)
        ) from None
    staged = _Staged()
    summaries: list[PackageSummary] = []
    skipped: list[str] = []
    try:
        with database.session() as session:
            repository.require_open(session)
            reviewer_ids = sorted(set(session.scalars(select(AssignmentRow.reviewer_id))))
            if not reviewer_ids:
                raise InvalidInput("package.no_assignments")
            names = file_names(reviewer_ids)
            for target in [*(out_dir / n for n in names.values()), out_dir / PASSWORDS_FILE]:
                _check_target(target, force)
            rows: list[tuple[str, str, str, str]] = []
            for reviewer_id in reviewer_ids:
                try:
                    plan = plan_package(session, reviewer_id)
                except InvalidInput as problem:
                    if problem.key != "package.all_conflicted":
                        raise
                    skipped.append(reviewer_id)
                    continue
                password = generate_password()
                target = out_dir / names[reviewer_id]
                write_package(staged.temporary(target), plan.package, plan.contents, password)
                summary = _record(session, plan, target.name, True)
                summaries.append(replace(summary, path=target))
                rows.append((reviewer_id, plan.package.reviewer_name, target.name, password))
            if not summaries:
                raise InvalidInput("package.none_to_make", reviewers=", ".join(skipped))
            passwords = out_dir / PASSWORDS_FILE
            temp = staged.temporary(passwords)
            temp.write_bytes(_password_list(rows, lang))
            audit(
                session,
                "package.create_all",
                None,
                packages=len(summaries),
                skipped=skipped,
                folder=out_dir.name,
            )
    except OSError as exc:
        staged.discard()
        raise InvalidInput(
            "package.unwritable", Location(file=str(out_dir)), error=exc.strerror or str(exc)
        ) from None
    except BaseException:
        staged.discard()
        raise
    staged.place(database, [s.package_id for s in summaries])
    return CreateAllSummary(tuple(summaries), passwords, tuple(skipped))
