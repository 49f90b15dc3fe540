"""Importing a folder of attachment files into a round, and reading them back.

``import_attachments`` takes every file below a folder (hidden files and folders, and
Office's ``~$`` lock files, are passed over): each accepted file is matched to an
application by the id in its name (:mod:`reviewer.domain.attachments`), checked (not
empty, at most 200 MB, content of the type its extension says), and digested with
SHA-256. Everything is checked before anything is written; then one transaction adds
the files, replaces those whose content changed (audited with both digests) and leaves
those already held unchanged. Files of a type not taken are reported as skipped, files
that match no application as unmatched; with ``strict`` either refuses the import.

An attachment is identified by its application and file name. Without ``replace`` the
files are added to what an application has, and an application cannot get a second
proposal; with ``replace`` the folder is the whole set of attachments of every
application it has files of, and their other attachments are removed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from reviewer.domain.attachments import (
    HEAD,
    MAX_SIZE,
    PROPOSAL,
    IdIndex,
    accepted,
    extension,
    kind_of,
    match_path,
    signature_ok,
)
from reviewer.errors import ErrorList, InvalidInput, Location, ReviewerError
from reviewer.hashing import sha256
from reviewer.i18n import Lang, render
from reviewer.store import attachments as stored
from reviewer.store import audit as audit_log
from reviewer.store import repository
from reviewer.store.attachments import StoredAttachment
from reviewer.store.engine import Database
from reviewer.store.models import AttachmentRow

Progress = Callable[[int, int, str], None]
_READ = 1 << 20


class AttachmentsCancelled(ReviewerError):
    """The import was cancelled before anything was written. Exit code 130."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("attachments.cancelled")


@dataclass(frozen=True)
class AttachmentFile:
    """A file of the folder, checked: ``relative`` its path below the folder."""

    path: Path
    relative: str
    application_id: str
    kind: str
    sha256: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class AttachmentImport:
    """What an import did (or, from ``check_folder``, would do)."""

    folder: str
    added: tuple[str, ...] = ()  # relative paths
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()  # "application id/name" of attachments removed
    unmatched: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    applications: int = 0  # applications that got or kept a file of the folder

    @property
    def matched(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.unchanged)

    def lines(self, lang: Lang | None = None) -> list[str]:
        """What the command line prints: the summary, then the files not imported."""
        lines = [
            render(
                "attachments.summary",
                lang,
                matched=self.matched,
                applications=self.applications,
                added=len(self.added),
                replaced=len(self.replaced),
                unchanged=len(self.unchanged),
                removed=len(self.removed),
                unmatched=len(self.unmatched),
                skipped=len(self.skipped),
                folder=self.folder,
            )
        ]
        if self.unmatched:
            lines.append(render("attachments.unmatched_list", lang))
            lines.extend(f"  {name}" for name in self.unmatched)
        if self.skipped:
            lines.append(render("attachments.skipped_list", lang))
            lines.extend(f"  {name}" for name in self.skipped)
        return lines


@dataclass
class _Scan:
    files: list[tuple[Path, str, str]] = field(default_factory=list)  # path, relative, app id
    unmatched: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def _walk(folder: Path) -> Iterator[Path]:
    """Every file below ``folder`` in name order, hidden files and folders passed over."""
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not _hidden(f))
        for name in sorted(names):
            if not _hidden(name):
                path = Path(root) / name
                if path.is_file():
                    yield path


def _scan(folder: Path, index: IdIndex, errors: ErrorList) -> _Scan:
    scan = _Scan()
    for path in _walk(folder):
        parts = path.relative_to(folder).parts
        relative = "/".join(parts)
        if not accepted(path.name):
            scan.skipped.append(relative)
            continue
        match = match_path(parts, index)
        if match.ambiguous:
            errors.add(
                InvalidInput(
                    "attachments.ambiguous", Location(file=relative), ids=", ".join(match.best)
                )
            )
        elif match.application_id is None:
            scan.unmatched.append(relative)
        else:
            scan.files.append((path, relative, match.application_id))
    return scan


def _digest(path: Path, check: Callable[[], None]) -> tuple[str, int, bytes]:
    digest = sha256()
    size = 0
    head = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_READ):
            if not head:
                head = chunk[:HEAD]
            digest.update(chunk)
            size += len(chunk)
            if size > MAX_SIZE:
                break
            check()
    return digest.hexdigest(), size, head


def _check_file(
    path: Path, relative: str, app_id: str, check: Callable[[], None]
) -> AttachmentFile | InvalidInput:
    where = Location(file=relative)
    try:
        size = path.stat().st_size
        if size > MAX_SIZE:
            return InvalidInput("attachments.too_large", where, size=_megabytes(size), limit=200)
        sha256, size, head = _digest(path, check)
    except OSError as exc:
        return InvalidInput("attachments.unreadable", where, error=exc.strerror or str(exc))
    if size == 0:
        return InvalidInput("attachments.empty", where)
    if size > MAX_SIZE:
        return InvalidInput("attachments.too_large", where, size=_megabytes(size), limit=200)
    ext = extension(path.name)
    if not signature_ok(ext, head):
        key = "attachments.not_pdf" if ext == "pdf" else "attachments.bad_content"
        return InvalidInput(key, where, type=ext.upper())
    return AttachmentFile(path, relative, app_id, kind_of(path.name, app_id), sha256, size)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f}"


@dataclass(frozen=True)
class _Plan:
    folder: str
    files: tuple[AttachmentFile, ...]
    unmatched: tuple[str, ...]
    skipped: tuple[str, ...]


def _plan(
    folder: Path,
    ids: set[str],
    existing: dict[tuple[str, str], StoredAttachment],
    *,
    replace: bool,
    strict: bool,
    progress: Progress | None,
    check: Callable[[], None],
) -> _Plan:
    errors = ErrorList()
    scan = _scan(folder, IdIndex.of(ids), errors)
    if strict:
        for relative in scan.unmatched:
            errors.add(InvalidInput("attachments.strict_unmatched", Location(file=relative)))
        for relative in scan.skipped:
            errors.add(InvalidInput("attachments.strict_skipped", Location(file=relative)))
    files: list[AttachmentFile] = []
    total = len(scan.files)
    for done, (path, relative, app_id) in enumerate(scan.files):
        check()
        if progress is not None:
            progress(done, total, relative)
        checked = _check_file(path, relative, app_id, check)
        if isinstance(checked, InvalidInput):
            errors.add(checked)
        else:
            files.append(checked)
    if progress is not None:
        progress(total, total, "")
    _check_names(files, existing, replace, errors)
    errors.raise_if_any()
    return _Plan(str(folder), tuple(files), tuple(scan.unmatched), tuple(scan.skipped))


def _check_names(
    files: list[AttachmentFile],
    existing: dict[tuple[str, str], StoredAttachment],
    replace: bool,
    errors: ErrorList,
) -> None:
    """One file per application and name, one proposal per application."""
    seen: dict[tuple[str, str], AttachmentFile] = {}
    proposals: dict[str, AttachmentFile] = {}
    for item in files:
        key = (item.application_id, item.name)
        if key in seen:
            errors.add(
                InvalidInput(
                    "attachments.same_name",
                    Location(file=item.relative),
                    other=seen[key].relative,
                    id=item.application_id,
                )
            )
            continue
        seen[key] = item
        if item.kind != PROPOSAL:
            continue
        if item.application_id in proposals:
            errors.add(
                InvalidInput(
                    "attachments.two_proposals",
                    Location(file=item.relative),
                    other=proposals[item.application_id].relative,
                    id=item.application_id,
                )
            )
            continue
        proposals[item.application_id] = item
    if replace:
        return
    for (app_id, name), row in existing.items():
        new = proposals.get(app_id)
        if row.kind == PROPOSAL and new is not None and new.name != name:
            errors.add(
                InvalidInput(
                    "attachments.has_proposal", Location(file=new.relative), id=app_id, name=name
                )
            )


def _existing(
    session_rows: tuple[StoredAttachment, ...],
) -> dict[tuple[str, str], StoredAttachment]:
    return {(row.application_id, row.name): row for row in session_rows}


def _read(item: AttachmentFile) -> bytes:
    """The file's content, as it was checked (a file changed since is refused)."""
    try:
        data = item.path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            "attachments.unreadable", Location(file=item.relative), error=exc.strerror or str(exc)
        ) from exc
    if sha256(data).hexdigest() != item.sha256:
        raise InvalidInput("attachments.changed_meanwhile", Location(file=item.relative))
    return data


def import_attachments(
    database: Database,
    folder: Path,
    *,
    replace: bool = False,
    strict: bool = False,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> AttachmentImport:
    """Import the attachment files below ``folder`` (see the module's rules)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidInput("attachments.no_folder", Location(file=str(folder)))

    def check() -> None:
        if cancel is not None and cancel():
            raise AttachmentsCancelled

    with database.session() as session:
        repository.require_open(session)
        ids = set(repository.application_tracks(session))
        existing = _existing(stored.all_attachments(session))
    plan = _plan(
        folder.resolve(),
        ids,
        existing,
        replace=replace,
        strict=strict,
        progress=progress,
        check=check,
    )
    check()
    return _write(database, plan, str(folder), replace, check)


def _write(
    database: Database, plan: _Plan, folder: str, replace: bool, check: Callable[[], None]
) -> AttachmentImport:
    added: list[str] = []
    replaced: list[str] = []
    unchanged: list[str] = []
    removed: list[str] = []
    released: set[str] = set()
    with database.session() as session:
        repository.require_open(session)
        rows = {
            (row.application_id, row.name): row for row in session.scalars(select(AttachmentRow))
        }
        stamp = audit_log.now()
        for item in plan.files:
            check()
            row = rows.get((item.application_id, item.name))
            if row is not None and row.sha256 == item.sha256:
                if row.kind != item.kind:
                    row.kind = item.kind
                unchanged.append(item.relative)
                continue
            stored.add_content(session, item.sha256, _read(item))
            if row is None:
                session.add(
                    AttachmentRow(
                        application_id=item.application_id,
                        name=item.name,
                        path=str(item.path),
                        kind=item.kind,
                        sha256=item.sha256,
                        size=item.size,
                        imported_at=stamp,
                    )
                )
                added.append(item.relative)
                continue
            audit_log.audit(
                session,
                "attachment.replace",
                item.application_id,
                name=item.name,
                old_sha256=row.sha256,
                new_sha256=item.sha256,
                old_size=row.size,
                new_size=item.size,
            )
            if row.sha256:
                released.add(row.sha256)
            row.sha256, row.size, row.kind = item.sha256, item.size, item.kind
            row.path, row.imported_at = str(item.path), stamp
            replaced.append(item.relative)
        if replace:
            kept = {(f.application_id, f.name) for f in plan.files}
            touched = {f.application_id for f in plan.files}
            for key, row in sorted(rows.items()):
                if row.application_id in touched and key not in kept:
                    audit_log.audit(
                        session,
                        "attachment.remove",
                        row.application_id,
                        name=row.name,
                        sha256=row.sha256,
                        size=row.size,
                    )
                    if row.sha256:
                        released.add(row.sha256)
                    removed.append(f"{row.application_id}/{row.name}")
                    session.delete(row)
        stored.drop_unused_contents(session, released)
        audit_log.audit(
            session,
            "import.attachments",
            None,
            folder=folder,
            added=len(added),
            replaced=len(replaced),
            unchanged=len(unchanged),
            removed=len(removed),
            unmatched=list(plan.unmatched),
            skipped=list(plan.skipped),
        )
        if added or replaced or removed:
            repository.touch(session)
    return AttachmentImport(
        folder=folder,
        added=tuple(added),
        replaced=tuple(replaced),
        unchanged=tuple(unchanged),
        removed=tuple(removed),
        unmatched=plan.unmatched,
        skipped=plan.skipped,
        applications=len({f.application_id for f in plan.files}),
    )


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentEntry:
    """An attachment as the window lists it."""

    id: int
    application_id: str
    name: str
    kind: str
    size: int | None
    sha256: str | None


def attachments_of(database: Database, application_id: str) -> tuple[AttachmentEntry, ...]:
    """The attachments of an application, the proposal first."""
    with database.session() as session:
        return tuple(
            AttachmentEntry(a.id, a.application_id, a.name, a.kind, a.size, a.sha256)
            for a in stored.attachments_of(session, application_id)
        )


def write_to_file(database: Database, attachment_id: int, folder: Path | None = None) -> Path:
    """Write an attachment's content to a new temporary folder (or ``folder``) under its
    own name, for another program to open; returns the file written."""
    with database.session() as session:
        item = stored.attachment(session, attachment_id)
        if item is None or item.sha256 is None:
            raise InvalidInput("attachments.gone")
        target_folder = (
            Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="reviewer-"))
        )
        target = target_folder / _safe_name(item.name)
        digest = sha256()
        with target.open("wb") as handle:
            for piece in stored.iter_content(session, item.sha256):
                digest.update(piece)
                handle.write(piece)
    if digest.hexdigest() != item.sha256:
        target.unlink(missing_ok=True)
        raise InvalidInput("attachments.damaged", Location(file=item.name))
    return target


def _safe_name(name: str) -> str:
    """A name without folder separators (a stored name is a plain file name)."""
    cleaned = name.replace("/", "_").replace("\\", "_").strip()
    return cleaned if cleaned not in ("", ".", "..") else "attachment"
