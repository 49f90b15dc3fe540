"""Importing applications (신청 과제) from .xlsx/.csv files (DESIGN §5)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reviewer.domain.config import RoundConfig
from reviewer.domain.model import Application
from reviewer.errors import ErrorList, InvalidInput
from reviewer.exchange import values
from reviewer.exchange.lookup import (
    Seen,
    add_bad_value,
    duplicate_error,
    resolve_track,
    track_list,
)
from reviewer.exchange.tables import Column, Field, Table, TableSpec, cell, header_note, read_table
from reviewer.exchange.values import BadValue, Cell

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

# a header note (신청금액(천원)) that scales plain numbers of the amount column
_AMOUNT_UNITS = {"원": 1, "천원": 10**3, "만원": 10**4, "백만원": 10**6, "억원": 10**8}

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


def read_applications(paths: Sequence[Path], config: RoundConfig) -> list[Application]:
    """Every application of ``paths``, validated whole; raises ``InvalidInputs`` listing
    every problem, so nothing half-valid is returned."""
    errors = ErrorList()
    seen: dict[str, Seen] = {}
    result: list[Application] = []
    for path in paths:
        table = read_table(Path(path), SPEC, errors)
        if table is not None:
            _read_rows(table, config, errors, seen, result)
    errors.raise_if_any()
    return result


def _read_rows(
    table: Table,
    config: RoundConfig,
    errors: ErrorList,
    seen: dict[str, Seen],
    result: list[Application],
) -> None:
    columns = table.columns
    amount_column = columns.get("amount")
    unit = _AMOUNT_UNITS.get(header_note(amount_column.header), 1) if amount_column else 1
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
        if amount_column is not None:
            try:
                fields["amount"] = values.amount(cell(row, amount_column), unit)
            except BadValue as problem:
                add_bad_value(errors, table, row_number, amount_column, problem)
        app_id = fields["id"]
        if app_id:
            first = seen.get(app_id)
            if first is not None:
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
