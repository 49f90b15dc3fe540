"""Importing applications (신청 과제) from .xlsx/.csv files (DESIGN §5)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
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
    Table,
    TableSpec,
    cell,
    header_note,
    read_tables,
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
    every problem, so nothing half-valid is returned."""
    errors = ErrorList()
    seen: dict[str, Seen] = {}
    result: list[Application] = []
    for table in read_tables(paths, SPEC, errors):
        _read_rows(table, config, errors, seen, result, frozenset(existing))
    errors.raise_if_any()
    return result


def _read_rows(
    table: Table,
    config: RoundConfig,
    errors: ErrorList,
    seen: dict[str, Seen],
    result: list[Application],
    existing: frozenset[str] = frozenset(),
) -> None:
    columns = table.columns
    amount_column = columns.get("amount")
    unit = _amount_unit(table, amount_column, config, errors)
    budgeted = {t.id for t in config.tracks if t.budget is not None}
    attributes = _attribute_names(table.extra)
    for row_number, row in table.data():
        before = len(errors.errors)
        fields: dict[str, Any] = {}
        for name in ("id", "title", "company"):
            fields[name] = values.text(cell(row, columns[name]))
            if not fields[name]:
                errors.add(InvalidInput("import.required", table.where(row_number, columns[name])))
        fields["track"] = _track(table, row_number, row, columns["track"], config, errors)
        for name, parse in _OPTIONAL_PARSERS.items():
            column = columns.get(name)
            if column is None:
                continue
            try:
                parsed = parse(cell(row, column))
            except BadValue as problem:
                add_bad_value(errors, table, row_number, column, problem)
                continue
            fields[name] = parsed
        if amount_column is not None and unit is not None:
            raw = cell(row, amount_column)
            try:
                fields["amount"] = values.amount(raw, unit)
            except BadValue as problem:
                add_bad_value(errors, table, row_number, amount_column, problem)
            else:
                if is_blank(raw) and fields["track"] in budgeted:
                    errors.add(
                        InvalidInput(
                            "import.amount_required",
                            table.where(row_number, amount_column),
                            track=fields["track"],
                        )
                    )
        for name, limit in MAX_LENGTHS.items():
            value = fields.get(name)
            if isinstance(value, str) and len(value) > limit:
                errors.add(
                    InvalidInput(
                        "import.too_long",
                        table.where(row_number, columns[name]),
                        length=len(value),
                        max=limit,
                    )
                )
        app_id = fields["id"]
        if app_id:
            first = seen.get(app_id)
            if app_id in existing:
                errors.add(
                    InvalidInput(
                        "import.application_exists",
                        table.where(row_number, columns["id"]),
                        id=app_id,
                    )
                )
            elif first is not None:
                errors.add(
                    duplicate_error(
                        "import.duplicate_application",
                        table,
                        row_number,
                        columns["id"],
                        first,
                        id=app_id,
                    )
                )
            else:
                seen[app_id] = Seen(table.file, row_number)
        if len(errors.errors) == before:
            extras = {name: values.text(cell(row, column)) for name, column in attributes}
            result.append(Application(attributes=extras, **fields))


def _amount_unit(
    table: Table, column: Column | None, config: RoundConfig, errors: ErrorList
) -> int | None:
    """The amount column's unit in won; None after reporting why amounts cannot be read:
    a note that is no unit, or no amount column while a track has a budget."""
    if column is None:
        budgeted = [t.id for t in config.tracks if t.budget is not None]
        if budgeted:
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
