"""Importing applications (신청 과제) from .xlsx/.csv files (DESIGN §5)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import Application
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
    TableMatch,
    TableSpec,
    cell,
    header_note,
    read_tables,
    table_of_rows,
)
from reviewer.exchange.tables.values import BadValue, Cell, is_blank

SPEC = TableSpec(
    sheet_names=("신청과제", "과제", "과제목록", "신청과제목록", "applications", "application"),
    fields=(
        Field(
            "id",
            (
                "과제번호",
                "접수번호",
                "과제ID",
                "신청번호",
                "application_id",
                "application id",
                "app_id",
                "id",
            ),
            required=True,
        ),
        Field(
            "track",
            ("트랙", "사업유형", "세부사업", "사업구분", "지원유형", "track", "track_id"),
            required=True,
        ),
        Field("title", ("과제명", "연구과제명", "title", "project_title"), required=True),
        Field(
            "company",
            (
                "기업명",
                "주관기관",
                "주관기관명",
                "업체명",
                "회사명",
                "신청기업",
                "company",
                "organization",
            ),
            required=True,
        ),
        Field(
            "business_no",
            (
                "사업자등록번호",
                "사업자번호",
                "business_no",
                "business_number",
                "business_registration_number",
            ),
        ),
        Field("ai_category", ("AI구분", "AI 분류", "AI유형", "AI여부", "ai_category", "ai")),
        Field("field", ("기술분야", "분야", "field", "tech_field")),
        Field(
            "amount",
            (
                "신청금액",
                "정부출연금",
                "정부지원금",
                "신청액",
                "지원요청금액",
                "requested_amount",
                "amount",
            ),
        ),
        Field("region", ("소재지", "지역", "주소", "region", "location")),
        Field("bonus", ("가점", "bonus")),
        Field("penalty", ("감점", "penalty")),
        Field(
            "investment_commitment",
            ("투자확약", "투자확약여부", "투자유치", "investment_commitment", "investment"),
        ),
        Field("guarantee", ("기보보증", "기술보증", "보증", "보증여부", "guarantee")),
    ),
)

# a correction (import applications --update) needs only the id: the columns it has
# replace the stored values, the others are left as they are
UPDATE_SPEC = TableSpec(
    sheet_names=SPEC.sheet_names,
    fields=tuple(dataclasses.replace(f, required=f.name == "id") for f in SPEC.fields),
)

# what an unknown column is read as: a free attribute under its header (Table.uses)
ATTRIBUTE = "attribute"

# the longest values the database keeps (the String columns of store.models.ApplicationRow),
# in characters; the title is unbounded Text
MAX_LENGTHS = {"id": 64, "company": 300, "business_no": 16, "field": 100, "region": 200}

# a header note (신청금액(천원), 신청금액(단위: 천원)) that scales plain numbers of the
# amount column; a note that is no unit of won (신청금액(USD)) is refused
_AMOUNT_UNITS = {
    "원": 1,
    "krw": 1,
    "₩": 1,
    "천원": 10**3,
    "만원": 10**4,
    "백만원": 10**6,
    "억원": 10**8,
    "필수": 1,  # 신청금액(필수): a required-column mark, no unit
    "required": 1,
}
_UNIT_PREFIXES = ("단위", "unit")

_OPTIONAL_PARSERS: dict[str, Callable[[Cell], Any]] = {
    "business_no": values.business_no,
    "ai_category": values.ai_category,
    "field": lambda v: values.text(v) or None,
    "region": lambda v: values.text(v) or None,
    "bonus": values.non_negative,
    "penalty": values.non_negative,
    "investment_commitment": values.flag,
    "guarantee": values.flag,
}


def amount_unit(header: str) -> int | None:
    """How many won a plain number of the amount column stands for, by the header's note
    (``(천원)``, ``(단위: 백만원)``); 1 without a note; None when the note is no unit."""
    note = header_note(header)
    if not note:
        return 1
    for prefix in _UNIT_PREFIXES:
        if note.startswith(prefix):
            note = note[len(prefix) :].lstrip(":=")
            break
    return _AMOUNT_UNITS.get(note)


def read_applications(
    paths: Sequence[Path], config: RoundConfig, existing: Collection[str] = ()
) -> list[Application]:
    """Every application of ``paths``, validated whole; raises ``InvalidInputs`` listing
    every problem, so nothing half-valid is returned. An id among ``existing`` (the
    round's applications) is refused: correcting one is :func:`read_corrections`."""
    return check_applications(paths, config, existing).result()


def check_applications(
    paths: Sequence[Path], config: RoundConfig, existing: Collection[str] = ()
) -> Reading[Application]:
    """What :func:`read_applications` reads, with every problem instead of raising."""
    rows = _Rows(config, frozenset(existing))
    return rows.read_all(paths, SPEC)


def read_corrections(
    paths: Sequence[Path],
    config: RoundConfig,
    stored: Mapping[str, Application],
    scored: Mapping[str, int] | None = None,
) -> list[Application]:
    """The applications of ``paths`` (``import applications --update``) as corrected,
    validated whole like :func:`read_applications`. Each row names an application of the
    round (``stored``): a column its file has replaces the stored value (a blank cell
    clears it; a required field cannot be cleared), a column the file lacks leaves the
    field as it is; only the id column is required. An id not in the round is refused,
    and so is a move to another track whose criteria do not take the scores already
    recorded (``scored``: application id → reviews with scores)."""
    return check_corrections(paths, config, stored, scored).result()


def check_corrections(
    paths: Sequence[Path],
    config: RoundConfig,
    stored: Mapping[str, Application],
    scored: Mapping[str, int] | None = None,
) -> Reading[Application]:
    """What :func:`read_corrections` reads, with every problem instead of raising."""
    rows = _Rows(config, frozenset(), stored, scored or {})
    return rows.read_all(paths, UPDATE_SPEC)


def read_correction_form(
    values: Mapping[str, str],
    label: str,
    config: RoundConfig,
    stored: Mapping[str, Application],
    scored: Mapping[str, int] | None = None,
) -> Application:
    """One application corrected in a form: ``values`` maps field names (``id`` and the
    fields to change) to the text typed, read and validated exactly as a row of
    ``import applications --update`` would be; a name that is no field is a free
    attribute's header. ``label`` names the form in messages."""
    fields = {f.name: f for f in UPDATE_SPEC.fields}
    header: list[Cell] = [
        english_header(fields[name]) if name in fields else name for name in values
    ]
    row: list[Cell] = list(values.values())
    rows = _Rows(config, frozenset(), stored, scored or {})
    table = table_of_rows(label, [header, row], UPDATE_SPEC, rows.errors)
    if table is not None:
        rows.read(table)
    rows.errors.raise_if_any()
    return rows.result[0]


def english_header(field: Field) -> str:
    return next(a for a in field.aliases if a.isascii() and a == a.lower())


class _Rows:
    """The rows of one import's tables, read into ``result``; problems go to ``errors``.
    With ``stored`` the rows correct those applications (:func:`read_corrections`)."""

    def __init__(
        self,
        config: RoundConfig,
        existing: frozenset[str],
        stored: Mapping[str, Application] | None = None,
        scored: Mapping[str, int] | None = None,
    ) -> None:
        self.config = config
        self.existing = existing
        self.stored = stored
        self.scored = scored or {}
        self.errors = ErrorList()
        self.seen: dict[str, Seen] = {}
        self.result: list[Application] = []
        self.budgeted = {t.id for t in config.tracks if t.budget is not None}

    def read_all(self, paths: Sequence[Path], spec: TableSpec) -> Reading[Application]:
        matches: list[TableMatch] = []
        for table in read_tables(paths, spec, self.errors, matches):
            self.read(table)
        return Reading(self.result, self.errors, matches)

    def read(self, table: Table) -> None:
        columns = table.columns
        amount_column = columns.get("amount")
        unit = _amount_unit(table, amount_column, self.config, self.errors, self.stored is None)
        attributes = _attribute_names(table.extra)
        table.uses.update((column.index, ATTRIBUTE) for _, column in attributes)
        for row_number, row in table.data():
            before = len(self.errors.errors)
            fields = self._cells(table, row_number, row, unit)
            app_id = fields["id"]
            old = self._check_id(table, row_number, app_id)
            track = fields.get("track") or (old.track if old is not None else "")
            blank_amount = amount_column is not None and is_blank(cell(row, amount_column))
            if blank_amount and unit is not None and track in self.budgeted:
                self._add("import.amount_required", table, row_number, amount_column, track=track)
            extras = {name: values.text(cell(row, column)) for name, column in attributes}
            if old is not None:
                self._check_move(table, row_number, old, track, amount_column is None)
            if len(self.errors.errors) != before:
                continue
            if self.stored is None:
                self.result.append(Application(attributes=extras, **fields))
            elif old is not None:
                kept = dict(old.attributes)
                kept.update((k, v) for k, v in extras.items() if v or k in kept)
                self.result.append(dataclasses.replace(old, attributes=kept, **fields))

    def _add(
        self, key: str, table: Table, row: int, column: Column | None, **params: object
    ) -> None:
        self.errors.add(InvalidInput(key, table.where(row, column), **params))

    def _cells(
        self, table: Table, row_number: int, row: list[Cell], unit: int | None
    ) -> dict[str, Any]:
        """The row's values in the columns its table has (a missing column gives none)."""
        columns = table.columns
        fields: dict[str, Any] = {}
        for name in ("id", "title", "company"):
            column = columns.get(name)
            if column is None:
                continue
            fields[name] = values.text(cell(row, column))
            if not fields[name]:
                self._add("import.required", table, row_number, column)
        if "track" in columns:
            fields["track"] = _track(
                table, row_number, row, columns["track"], self.config, self.errors
            )
        for name, parse in _OPTIONAL_PARSERS.items():
            column = columns.get(name)
            if column is None:
                continue
            try:
                fields[name] = parse(cell(row, column))
            except BadValue as problem:
                add_bad_value(self.errors, table, row_number, column, problem)
        amount_column = columns.get("amount")
        if amount_column is not None and unit is not None:
            try:
                fields["amount"] = values.amount(cell(row, amount_column), unit)
            except BadValue as problem:
                add_bad_value(self.errors, table, row_number, amount_column, problem)
        for name, limit in MAX_LENGTHS.items():
            value = fields.get(name)
            if isinstance(value, str) and len(value) > limit:
                self._add(
                    "import.too_long",
                    table,
                    row_number,
                    columns[name],
                    length=len(value),
                    max=limit,
                )
        return fields

    def _check_id(self, table: Table, row_number: int, app_id: str) -> Application | None:
        """Report an id already in the round (or, correcting, one not in it) or seen
        before in this import; the stored application a correction row corrects."""
        if not app_id:
            return None
        column = table.columns["id"]
        first = self.seen.get(app_id)
        old = None if self.stored is None else self.stored.get(app_id)
        if app_id in self.existing:
            self._add("import.application_exists", table, row_number, column, id=app_id)
        elif self.stored is not None and old is None:
            self._add("import.application_unknown", table, row_number, column, id=app_id)
        elif first is not None:
            self.errors.add(
                duplicate_error(
                    "import.duplicate_application", table, row_number, column, first, id=app_id
                )
            )
        else:
            self.seen[app_id] = Seen(table.file, row_number)
        return old

    def _check_move(
        self, table: Table, row_number: int, old: Application, track: str, no_amounts: bool
    ) -> None:
        """Refuse moving ``old`` to ``track`` when the scores recorded for it do not fit
        the new track's criteria, or when the new track has a budget and the file gives
        no amount while none is stored."""
        if not track or track == old.track:
            return
        column = table.columns.get("track")
        reviews = self.scored.get(old.id, 0)
        if reviews and not _same_scales(self.config, old.track, track):
            self._add(
                "import.track_change_scored",
                table,
                row_number,
                column,
                id=old.id,
                reviews=reviews,
                old=old.track,
                new=track,
            )
        if no_amounts and track in self.budgeted and not old.amount:
            self._add("import.amount_required", table, row_number, column, track=track)


def _same_scales(config: RoundConfig, first: str, second: str) -> bool:
    """Whether two tracks score the same criteria on the same scales, so that a review
    recorded under one is a valid review under the other."""

    def scales(track_id: str) -> set[tuple[object, ...]]:
        track = config.track(track_id)
        criteria = track.criteria if track is not None else ()
        return {(c.id, c.min, c.max, tuple(sorted((c.grades or {}).items()))) for c in criteria}

    return scales(first) == scales(second)


def _amount_unit(
    table: Table,
    column: Column | None,
    config: RoundConfig,
    errors: ErrorList,
    required: bool = True,
) -> int | None:
    """The amount column's unit in won; None after reporting why amounts cannot be read:
    a note that is no unit, or (when ``required``) no amount column while a track has a
    budget."""
    if column is None:
        budgeted = [t.id for t in config.tracks if t.budget is not None]
        if budgeted and required:
            amount_field = next(f for f in SPEC.fields if f.name == "amount")
            errors.add(
                InvalidInput(
                    "import.amount_column_required",
                    table.where(table.header_row),
                    tracks=", ".join(budgeted),
                    expected=", ".join(amount_field.aliases),
                )
            )
        return None
    unit = amount_unit(column.header)
    if unit is None:
        errors.add(
            InvalidInput(
                "import.amount_unit",
                table.where(table.header_row, column),
                note=header_note(column.header, folded=False),
            )
        )
    return unit


def _track(
    table: Table,
    row_number: int,
    row: list[Cell],
    column: Column,
    config: RoundConfig,
    errors: ErrorList,
) -> str:
    raw = values.text(cell(row, column))
    if not raw:
        errors.add(InvalidInput("import.required", table.where(row_number, column)))
        return ""
    track = resolve_track(config, raw)
    if track is None:
        errors.add(
            InvalidInput(
                "import.unknown_track",
                table.where(row_number, column),
                value=raw,
                tracks=track_list(config),
            )
        )
        return ""
    return track.id


def _attribute_names(extra: list[Column]) -> list[tuple[str, Column]]:
    """Unknown columns, kept as free attributes under their header (made unique)."""
    names: list[tuple[str, Column]] = []
    used: set[str] = set()
    for column in extra:
        name = column.header
        counter = 2
        while name in used:
            name = f"{column.header} ({counter})"
            counter += 1
        used.add(name)
        names.append((name, column))
    return names
