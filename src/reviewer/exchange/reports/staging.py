"""Several reports put in place together.

Each report of an export is written to a temporary file (or, for the score sheets, a
temporary folder) beside its destination. Only when every report is written are they
renamed over their destinations; when one fails or the export is cancelled, the
temporaries are deleted instead. So an export leaves either all its new files or none —
never a new PDF beside the workbook of an earlier export — and a file it did not finish
never replaces one that was there.

Renaming the files into place is not one atomic step, so it is undoable: a file that was
there is first renamed aside and restored when a later rename fails.

An export killed outright (power cut, ``kill -9``) cannot clean up: the next export to
the same destination removes the temporaries such an export left beside it, once they
are an hour old (a younger one may be another export's, still running), and puts back
an earlier file left renamed aside where no file took its place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from pathlib import Path
from types import TracebackType

from reviewer.exchange.reports.context import new_file_beside

STALE_AGE = 3600.0  # seconds after which an export's temporary is taken as abandoned
FOLDER_MARK = "reviewer"  # in the name of a temporary folder, telling it from the user's


class Staging:
    """Temporaries for an export's reports, committed together or discarded together.

    Use it as a context manager: leaving the block without ``commit`` discards every
    temporary (and every folder it created)."""

    def __init__(self) -> None:
        self._files: list[tuple[Path, Path]] = []  # (temporary file, destination)
        self._folders: list[tuple[Path, Path]] = []  # (temporary folder, destination)
        self._made: list[Path] = []  # folders created on the way, removed on discard
        self._committed = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.discard()

    # -- staging ---------------------------------------------------------------------------

    def file(self, destination: Path) -> Path:
        """A new empty file beside ``destination`` to write its report to. Raises
        ``OSError`` naming ``destination`` when its folder is missing or not writable,
        or when it is a folder."""
        destination = Path(destination)
        if destination.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(destination))
        remove_abandoned(destination)
        try:
            temp = new_file_beside(destination)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(destination)) from exc
        self._files.append((temp, destination))
        return temp

    def folder(self, destination: Path) -> Path:
        """A new empty folder beside ``destination`` to write its files to. Missing
        parent folders are created (and removed again when the export is discarded)."""
        destination = Path(destination)
        if destination.exists() and not destination.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(destination))
        remove_abandoned(destination)
        try:
            _make_folders(destination.parent, self._made)
            prefix = f".{destination.name}-{FOLDER_MARK}-"
            temp = Path(tempfile.mkdtemp(prefix=prefix, dir=destination.parent))
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(destination)) from exc
        self._folders.append((temp, destination))
        return temp

    def destination_of(self, filename: str | os.PathLike[str]) -> Path:
        """The destination a temporary path stands for (for messages: the user knows
        the destination, not the hidden temporary name); other paths unchanged."""
        path = Path(filename)
        for temp, destination in self._files:
            writers_temp = path.parent == temp.parent and path.name.startswith(f".{temp.stem}-")
            if path == temp or writers_temp:
                return destination
        for temp, destination in self._folders:
            if path == temp:
                return destination
            if temp in path.parents:
                relative = path.relative_to(temp)
                return destination if relative.name.startswith(".") else destination / relative
        return path

    # -- committing or discarding -------------------------------------------------------------

    def commit(self) -> list[Path]:
        """Rename every temporary over its destination, in the order staged; returns the
        destinations. When a rename fails, the files renamed so far are taken back (the
        earlier files restored) and the error is raised."""
        pairs = list(self._files)
        undo: list[tuple[Path, Path | None]] = []  # (destination, the earlier file aside)
        try:
            for temp, destination in self._folders:
                if not destination.is_dir():
                    destination.mkdir()
                    self._made.append(destination)
                pairs += [(f, destination / f.name) for f in sorted(temp.iterdir()) if f.is_file()]
            for temp, destination in pairs:
                aside: Path | None = None
                if os.path.lexists(destination):
                    with contextlib.suppress(OSError):  # a replaced file keeps its permissions
                        os.chmod(temp, stat.S_IMODE(destination.stat().st_mode))
                    aside = _unused_name_beside(destination)
                    os.replace(destination, aside)
                undo.append((destination, aside))
                os.replace(temp, destination)
        except BaseException:
            for destination, aside in reversed(undo):
                with contextlib.suppress(OSError):
                    if aside is not None:
                        os.replace(aside, destination)
                    else:
                        destination.unlink(missing_ok=True)
            raise
        self._committed = True
        for _, aside in undo:
            if aside is not None:
                with contextlib.suppress(OSError):
                    aside.unlink()
        for temp, _ in self._folders:
            shutil.rmtree(temp, ignore_errors=True)
        return [destination for _, destination in pairs]

    def discard(self) -> None:
        """Delete every temporary, and the folders created for them; nothing after a
        commit."""
        if self._committed:
            return
        for temp, _ in self._files:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        for temp, _ in self._folders:
            shutil.rmtree(temp, ignore_errors=True)
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty: never a file of the user's
        self._files, self._folders, self._made = [], [], []


def remove_abandoned(destination: Path, now: float | None = None) -> None:
    """Remove what an export killed outright left beside ``destination`` — its
    temporary file or folder, the earlier file renamed aside — once an hour old; an
    earlier file aside where ``destination`` is missing is put back instead."""
    folder = destination.parent
    if not folder.is_dir():
        return
    name, stem, suffix = destination.name, destination.stem, destination.suffix
    file_temporary = re.compile(rf"\.{re.escape(stem)}-[0-9a-f]{{12}}{re.escape(suffix)}")
    folder_temporary = re.compile(rf"\.{re.escape(name)}-{FOLDER_MARK}-[a-z0-9_]{{8}}")
    aside = re.compile(rf"\.{re.escape(name)}-[0-9a-f]{{12}}\.old")
    limit = (time.time() if now is None else now) - STALE_AGE
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    asides = [entry for entry in entries if aside.fullmatch(entry.name) and entry.is_file()]
    if asides and not os.path.lexists(destination):
        with contextlib.suppress(OSError):  # the newest earlier report, back in place
            newest = max(asides, key=lambda entry: entry.stat().st_mtime)
            os.replace(newest.path, destination)
            entries.remove(newest)
    for entry in entries:
        with contextlib.suppress(OSError):
            if entry.stat(follow_symlinks=False).st_mtime > limit:
                continue
            if entry.is_file(follow_symlinks=False) and (
                aside.fullmatch(entry.name) or file_temporary.fullmatch(entry.name)
            ):
                os.unlink(entry.path)
            elif entry.is_dir(follow_symlinks=False) and folder_temporary.fullmatch(entry.name):
                shutil.rmtree(entry.path, ignore_errors=True)


def _make_folders(folder: Path, made: list[Path]) -> None:
    """Create ``folder`` and its missing parents, adding each to ``made`` (outermost
    first) as it is created."""
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        made.append(path)


def _unused_name_beside(path: Path) -> Path:
    for _ in range(100):
        aside = path.with_name(f".{path.name}-{secrets.token_hex(6)}.old")
        if not os.path.lexists(aside):
            return aside
    raise FileExistsError(errno.EEXIST, "no unused temporary name", str(path.parent))
