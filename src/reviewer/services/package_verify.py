"""``reviewer package verify``: what a package or a score file holds, and whether it is
whole — without writing anything.

A package (``.rvpkg``) is checked whole: its header, the password, and every byte of its
contents. A score file (``.rvscore``) is always checked for its exact form; its
signature only when the package's secret is at hand — from the round database that made
the package, or from the package itself and its password. When neither is given the
report says plainly that the signature was not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reviewer.domain.package import PACKAGE_SUFFIX
from reviewer.errors import InvalidInput, Location
from reviewer.exchange.packages import MAGIC, open_package, read_header, read_score_file
from reviewer.i18n import Lang, render
from reviewer.services.score_returns import package_record
from reviewer.store import repository
from reviewer.store.engine import Database


@dataclass(frozen=True)
class VerifyReport:
    """What ``verify`` found. ``signature`` is None when it could not be checked."""

    kind: str  # "package" | "scores"
    file: str
    package_id: str
    round_id: str
    round_name: str | None
    reviewer_id: str
    reviewer_name: str | None
    applications: int
    attachments: int = 0
    attachment_bytes: int = 0
    created_at: datetime | None = None
    password: bool | None = None
    version: int | None = None
    sent_at: datetime | None = None
    scored: int = 0
    conflicts: int = 0
    signature: bool | None = None
    round_checked: bool = False

    def lines(self, lang: Lang | None = None) -> list[str]:
        if self.kind == "package":
            lines = [
                render("package.verify.package", lang, file=self.file),
                render(
                    "package.verify.round",
                    lang,
                    name=self.round_name or "",
                    uid=self.round_id,
                ),
                render(
                    "package.verify.reviewer",
                    lang,
                    reviewer=self.reviewer_id,
                    name=self.reviewer_name or "",
                ),
                render(
                    "package.verify.contents",
                    lang,
                    applications=self.applications,
                    attachments=self.attachments,
                    bytes=self.attachment_bytes,
                ),
                render(
                    "package.verify.created",
                    lang,
                    at=self.created_at.isoformat(sep=" ") if self.created_at else "",
                ),
                render(
                    "package.verify.protected" if self.password else "package.verify.open",
                    lang,
                ),
            ]
        else:
            lines = [
                render("package.verify.scores", lang, file=self.file),
                render(
                    "package.verify.score_origin",
                    lang,
                    package=self.package_id,
                    uid=self.round_id,
                    reviewer=self.reviewer_id,
                ),
                render(
                    "package.verify.score_contents",
                    lang,
                    version=self.version,
                    sent=self.sent_at.isoformat(sep=" ") if self.sent_at else "",
                    entries=self.applications,
                    scored=self.scored,
                    conflicts=self.conflicts,
                ),
                render(
                    "package.verify.signature_ok"
                    if self.signature
                    else "package.verify.signature_unchecked",
                    lang,
                ),
            ]
        if self.round_checked:
            lines.append(render("package.verify.round_ok", lang))
        return lines

    def document(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "file": self.file,
            "package": self.package_id,
            "round": self.round_id,
            "round_name": self.round_name,
            "reviewer": self.reviewer_id,
            "reviewer_name": self.reviewer_name,
            "applications" if self.kind == "package" else "entries": self.applications,
            "attachments": self.attachments,
            "attachment_bytes": self.attachment_bytes,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "password": self.password,
            "version": self.version,
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "scored": self.scored,
            "conflicts": self.conflicts,
            "signature_checked": self.signature is not None,
            "round_checked": self.round_checked,
        }


def is_package(path: Path) -> bool:
    """Whether ``path`` starts like a package (anything else is read as a score file)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return path.suffix.lower() == PACKAGE_SUFFIX


def needs_password(path: Path) -> bool:
    return is_package(path) and read_header(path).needs_password


def _round_uid(database: Database) -> str:
    with database.session() as session:
        return repository.round_info(session).uid or ""


def verify_package(path: Path, password: str | None, database: Database | None) -> VerifyReport:
    read_header(path)
    opened = open_package(path, password)
    package = opened.package
    checked = False
    if database is not None:
        if package.round_id != _round_uid(database):
            raise InvalidInput("package.verify.other_round", Location(file=path.name))
        checked = True
    listed = [a for app in package.applications for a in app.attachments]
    return VerifyReport(
        kind="package",
        file=path.name,
        package_id=package.package_id,
        round_id=package.round_id,
        round_name=package.round_name,
        reviewer_id=package.reviewer_id,
        reviewer_name=package.reviewer_name,
        applications=len(package.applications),
        attachments=len(listed),
        attachment_bytes=sum(len(c) for c in opened.contents.values()),
        created_at=package.created_at,
        password=read_header(path).needs_password,
        round_checked=checked,
    )


def verify_scores(
    path: Path,
    *,
    database: Database | None = None,
    package: Path | None = None,
    password: str | None = None,
) -> VerifyReport:
    signed = read_score_file(path)
    scores = signed.scores
    where = Location(file=path.name)
    signature: bool | None = None
    checked = False
    if database is not None:
        with database.session() as session:
            record = package_record(session, scores.package_id)
            uid = repository.round_info(session).uid or ""
        if record is None:
            raise InvalidInput("package.import.unknown_package", where, package=scores.package_id)
        signed.verify(record.secret)
        signature = True
        if scores.round_id != uid:
            raise InvalidInput("package.import.other_round", where)
        if scores.reviewer_id != record.reviewer_id:
            raise InvalidInput(
                "package.import.other_reviewer",
                where,
                reviewer=scores.reviewer_id,
                expected=record.reviewer_id,
            )
        checked = True
    if package is not None:
        opened = open_package(package, password).package
        if opened.package_id != scores.package_id:
            raise InvalidInput("package.verify.other_package", where, package=package.name)
        signed.verify(opened.secret)
        signature = True
    return VerifyReport(
        kind="scores",
        file=path.name,
        package_id=scores.package_id,
        round_id=scores.round_id,
        round_name=None,
        reviewer_id=scores.reviewer_id,
        reviewer_name=None,
        applications=len(scores.entries),
        version=scores.version,
        sent_at=scores.sent_at,
        scored=sum(1 for e in scores.entries if e.scores and not e.conflict),
        conflicts=sum(1 for e in scores.entries if e.conflict),
        signature=signature,
        round_checked=checked,
    )


def verify_file(
    path: Path,
    password: str | None = None,
    database: Database | None = None,
    package: Path | None = None,
) -> VerifyReport:
    """Verify a package or a score file (told apart by their first bytes). For a score
    file, ``database`` or ``package`` (opened with ``password``) provides the secret its
    signature is checked under. Raises InvalidInput when the file is damaged, changed,
    forged, or not of the round given; writes nothing."""
    if is_package(path):
        return verify_package(path, password, database)
    return verify_scores(path, database=database, package=package, password=password)
