"""Importing reviewers (심사위원) from .xlsx/.csv files (DESIGN §5)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import Reviewer
from reviewer.errors import ErrorList, InvalidInput
from reviewer.exchange.importers.lookup import (
    Seen,
    add_bad_value,
    duplicate_error,
    resolve_track,
    track_list,
)
from reviewer.exchange.tables import values
from reviewer.exchange.tables.reader import (
    Column,
    Field,
    Reading,
    Table,
    TableSpec,
    cell,
    read_tables,
)
from reviewer.exchange.tables.values import BadValue, Cell

SPEC = TableSpec(
    sheet_names=("심사위원", "평가위원", "위원", "심사위원목록", "reviewers", "reviewer"),
    fields=(
        Field(
            "id",
            (
                "심사위원ID",
                "위원ID",
                "심사위원번호",
                "위원번호",
                "평가위원ID",
                "reviewer_id",
                "reviewer id",
                "id",
            ),
            required=True,
        ),
        Field(
            "name", ("성명", "이름", "심사위원명", "위원명", "name", "reviewer_name"), required=True
        ),
        Field("affiliation", ("소속", "소속기관", "기관", "affiliation", "organization")),
        Field("tracks", ("담당트랙", "트랙", "담당분과", "분과", "tracks", "track", "panel")),
        Field("email", ("이메일", "전자우편", "메일", "email", "e-mail")),
    ),
)

# the longest values the database keeps (the String columns of store.models.ReviewerRow),
# in characters
MAX_LENGTHS = {"id": 64, "name": 200, "affiliation": 300, "email": 300}

_SEPARATORS = re.compile(r"[,;、\n\r]+")
_ALL_TRACKS = frozenset({"전체", "all", "모든트랙"})


def read_reviewers(
    paths: Sequence[Path], config: RoundConfig, stored: Mapping[str, Reviewer] | None = None
) -> list[Reviewer]:
    """Every reviewer of ``paths``, validated whole; raises ``InvalidInputs`` listing every
    problem, so nothing half-valid is returned. A reviewer already in the round
    (``stored``) keeps the values of the columns its file lacks (a blank cell in a column
    the file has clears the value)."""
    return check_reviewers(paths, config, stored).result()


def check_reviewers(
    paths: Sequence[Path], config: RoundConfig, stored: Mapping[str, Reviewer] | None = None
) -> Reading[Reviewer]:
    """What :func:`read_reviewers` reads, with every problem instead of raising."""
    reading: Reading[Reviewer] = Reading()
    seen: dict[str, Seen] = {}
    for table in read_tables(paths, SPEC, reading.errors, reading.tables):
        _read_rows(table, config, reading.errors, seen, reading.rows, stored or {})
    return reading


def _read_rows(
    table: Table,
    config: RoundConfig,
    errors: ErrorList,
    seen: dict[str, Seen],
    result: list[Reviewer],
    stored: Mapping[str, Reviewer],
) -> None:
    columns = table.columns
    for row_number, row in table.data():
        before = len(errors.errors)
        reviewer_id = values.text(cell(row, columns["id"]))
        name = values.text(cell(row, columns["name"]))
        for value, column in ((reviewer_id, columns["id"]), (name, columns["name"])):
            if not value:
                errors.add(InvalidInput("import.required", table.where(row_number, column)))
        known = stored.get(reviewer_id, Reviewer(reviewer_id, name))
        tracks = known.tracks
        if "tracks" in columns:
            tracks = _tracks(table, row_number, row, columns["tracks"], config, errors)
        email = known.email
        if "email" in columns:
            try:
                email = values.email(cell(row, columns["email"]))
            except BadValue as problem:
                add_bad_value(errors, table, row_number, columns["email"], problem)
        affiliation = known.affiliation
        if "affiliation" in columns:
            affiliation = values.text(cell(row, columns["affiliation"]))
        checked = {"id": reviewer_id, "name": name, "affiliation": affiliation, "email": email}
        for field_name, limit in MAX_LENGTHS.items():
            length = len(checked[field_name] or "")
            if length > limit:
                errors.add(
                    InvalidInput(
                        "import.too_long",
                        table.where(row_number, columns.get(field_name)),
                        length=length,
                        max=limit,
                    )
                )
        if reviewer_id:
            first = seen.get(reviewer_id)
            if first is not None:
                errors.add(
                    duplicate_error(
                        "import.duplicate_reviewer",
                        table,
                        row_number,
                        columns["id"],
                        first,
                        id=reviewer_id,
                    )
                )
            else:
                seen[reviewer_id] = Seen(table.file, row_number)
        if len(errors.errors) == before:
            result.append(
                Reviewer(
                    id=reviewer_id,
                    name=name,
                    affiliation=affiliation,
                    tracks=tracks,
                    email=email,
                )
            )


def _tracks(
    table: Table,
    row_number: int,
    row: list[Cell],
    column: Column,
    config: RoundConfig,
    errors: ErrorList,
) -> tuple[str, ...]:
    """The comma-separated tracks (ids or names) of a reviewer; ``전체``/``all`` is every track."""
    raw = values.text(cell(row, column))
    whole = resolve_track(config, raw) if raw else None
    if whole is not None:
        return (whole.id,)
    found: list[str] = []
    for part in _SEPARATORS.split(raw):
        part = part.strip()
        if not part:
            continue
        track = resolve_track(config, part)
        if track is None and values.fold(part) in _ALL_TRACKS:
            found.extend(config.track_ids)
            continue
        if track is None:
            errors.add(
                InvalidInput(
                    "import.unknown_track",
                    table.where(row_number, column),
                    value=part,
                    tracks=track_list(config),
                )
            )
            continue
        found.append(track.id)
    return tuple(dict.fromkeys(found))
