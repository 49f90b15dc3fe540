"""Errors a user can cause, with messages a person can act on.

Every error carries a message key from :mod:`reviewer.i18n` and its parameters, so the
same error is shown in Korean or English. ``exit_code`` is the command line's exit code
(DESIGN §6): 3 for invalid input (and, as for every file the program cannot read or
write, for storage the computer refuses), 4 for a request the round's state refuses, 5 for
a selection the solver did not finish (stopped at its time limit, cancelled, or failed),
130 for a cancelled export (as for an interrupted command).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reviewer.i18n import Lang, render


@dataclass(frozen=True)
class Location:
    """Where in an input file a problem is: file, sheet, row (as Excel shows it), column."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def render(self, lang: Lang | None = None) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(render("loc.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(render("loc.row", lang, row=self.row))
        if self.column:
            parts.append(render("loc.column", lang, column=self.column))
        return ", ".join(parts)


class ReviewerError(Exception):
    """Base of all errors the user can cause."""

    exit_code = 1

    def __init__(
        self, message_key: str, location: Location | None = None, /, **params: Any
    ) -> None:
        self.key = message_key
        self.location = location
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: Lang | None = None) -> str:
        text = render(self.key, lang, **self.params)
        if self.location is not None:
            where = self.location.render(lang)
            if where:
                return f"{where}: {text}"
        return text


class InvalidInput(ReviewerError):
    """The input (a file, a configuration, an argument's value) is wrong. Exit code 3."""

    exit_code = 3


class ConfigError(InvalidInput):
    """round.toml is wrong."""


class RefusedByState(ReviewerError):
    """The round's state refuses the request (locked, newer database). Exit code 4."""

    exit_code = 4


class StorageFailure(ReviewerError):
    """The computer could not store or read the round (disk full, no permission, an I/O
    error, a damaged file, a lost server connection); nothing was written. Exit code 3,
    like every file the program cannot read or write."""

    exit_code = 3


class ExportCancelled(ReviewerError):
    """The export was cancelled (from the window, or by the program's caller) before its
    files were put in place: nothing was written, and files of an earlier export are as
    they were. Exit code 130, like an interrupted command."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("export.cancelled")


class SolverError(ReviewerError):
    """The selection solver did not prove an optimal selection, so there is none: a
    stopped or failed solve never passes for the answer. Exit code 5."""

    exit_code = 5


class SolverStopped(SolverError):
    """The solve was stopped before it finished."""


class SolverTimeLimit(SolverStopped):
    """The selection ran out of its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__("selection.solver.time_limit", seconds=f"{seconds:g}")


class SolverCancelled(SolverStopped):
    """The selection was cancelled (from the window, or by the program's caller)."""

    def __init__(self) -> None:
        super().__init__("selection.solver.cancelled")


class SolverFailed(SolverError):
    """HiGHS ended without a proven optimum, or its result failed the exact check.
    ``reason`` is a message key (``selection.solver.reason.*``) rendered inside the message."""

    def __init__(self, reason: str, **params: Any) -> None:
        self.reason = reason
        super().__init__("selection.solver.failed", **params)

    def message(self, lang: Lang | None = None) -> str:
        return render(self.key, lang, reason=render(self.reason, lang, **self.params))


@dataclass
class ErrorList:
    """Collects several input errors so a file is validated whole before anything is written."""

    errors: list[InvalidInput] = field(default_factory=list)
    limit: int = 50
    _claimed: set[tuple[str | None, str | None, int | None, str | None]] = field(
        default_factory=set
    )

    def add(self, error: InvalidInput, *, claim: bool = False) -> None:
        """Add ``error``. With ``claim``, it says all there is to say about its cell (what
        the cell is, say an error value): later errors of that cell, which would only
        call it blank, are left out."""
        where = error.location
        cell = None if where is None else (where.file, where.sheet, where.row, where.column)
        if claim and cell is not None:
            self._claimed.add(cell)
        elif cell is not None and cell in self._claimed:
            return
        self.errors.append(error)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidInputs(self.errors[: self.limit], total=len(self.errors))


class InvalidInputs(InvalidInput):
    """Several input errors at once; the message lists them, one a line."""

    def __init__(self, errors: list[InvalidInput], total: int | None = None) -> None:
        self.errors = errors
        self.total = total if total is not None else len(errors)
        super().__init__("error.many", count=self.total)

    def message(self, lang: Lang | None = None) -> str:
        lines = [e.message(lang) for e in self.errors]
        if self.total > len(self.errors):
            lines.append(render("error.more", lang, count=self.total - len(self.errors)))
        return "\n".join(lines)
