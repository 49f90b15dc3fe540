"""Finding the round's tracks by what a file calls them, and the shared bookkeeping of
an import: errors at a cell, and where a key was first seen."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.domain.config import RoundConfig, Track
from reviewer.errors import ErrorList, InvalidInput
from reviewer.exchange.tables.reader import Column, Table
from reviewer.exchange.tables.values import BadValue, fold, nfc

_BRACKETED = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def resolve_track(config: RoundConfig, key: str) -> Track | None:
    """The track a cell names: its id or name (also ignoring case, spaces and width), or
    unambiguously the name's part outside or inside brackets (``서울형 TIPS``)."""
    key = nfc(key.strip())
    if not key:
        return None
    track = config.track(key)
    if track is not None:
        return track
    wanted = fold(key)
    for candidate in config.tracks:
        if wanted in (fold(candidate.id), fold(candidate.name)):
            return candidate
    partial = [t for t in config.tracks if wanted in _name_parts(t.name)]
    return partial[0] if len(partial) == 1 else None


def _name_parts(name: str) -> set[str]:
    match = _BRACKETED.match(name)
    if not match:
        return set()
    return {fold(part) for part in match.groups() if fold(part)}


def track_list(config: RoundConfig) -> str:
    """The round's tracks for a message: ``id (name), …``."""
    return ", ".join(t.id if t.id == t.name else f"{t.id} ({t.name})" for t in config.tracks)


@dataclass(frozen=True)
class Seen:
    """Where a key was first seen: the file (its name in messages, which tells apart two
    files of the same name in one import) and row."""

    file: str
    row: int


def duplicate_error(
    key: str, table: Table, row: int, column: Column | None, first: Seen, **params: object
) -> InvalidInput:
    """An error for a key seen twice; ``key`` has a ``_file`` variant naming the other
    file when the first sighting was in another file."""
    where = table.where(row, column)
    if first.file == table.file:
        return InvalidInput(key, where, row_first=first.row, **params)
    return InvalidInput(f"{key}_file", where, file_first=first.file, row_first=first.row, **params)


def add_bad_value(
    errors: ErrorList, table: Table, row: int, column: Column | None, problem: BadValue
) -> None:
    errors.add(InvalidInput(problem.key, table.where(row, column), **problem.params))


__all__ = ["Seen", "add_bad_value", "duplicate_error", "resolve_track", "track_list"]
