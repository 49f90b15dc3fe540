"""Reading one table from a workbook or CSV file (DESIGN §5).

``read_table`` picks the sheet (one named like the table wins over the first sheet),
finds the header row (the first row whose cells name every required column; title and
blank rows above it are skipped), matches headers to fields and keeps every row with
the sheet's own row number. Problems with the file itself (unreadable, damaged, wrong
encoding, no header, no data rows) are added to the caller's :class:`ErrorList`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import cast

from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from reviewer.errors import ErrorList, InvalidInput, Location
from reviewer.exchange.values import Cell, fold, is_blank, text

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
HEADER_SCAN_ROWS = 100  # the header row is looked for among this many rows at the top
CSV_ENCODINGS = ("utf-8-sig", "cp949")  # cp949 is a superset of EUC-KR
# an OLE compound file: a password-protected workbook, or an old .xls renamed
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|\(\d{1,2}\)|[\u2460-\u2473])\s*(?=\S)")
_TRAILING_NOTE = re.compile(r"^(.*?)\s*[\(\[（［【<](.*)[\)\]）］】>]\s*$")


@dataclass(frozen=True)
class Field:
    """A column the importer knows: ``name`` and the headers (``aliases``) that mean it,
    best first. ``required`` columns must all be present for a row to be the header."""

    name: str
    aliases: tuple[str, ...]
    required: bool = False

    @property
    def label(self) -> str:
        """The column's name in a message: its Korean and English headers."""
        korean = next((a for a in self.aliases if not a.isascii()), self.aliases[0])
        english = next((a for a in self.aliases if a.isascii()), self.aliases[0])
        return korean if korean == english else f"{korean}/{english}"


@dataclass(frozen=True)
class TableSpec:
    """What a table looks like: the sheet names that mark it, and its columns."""

    sheet_names: tuple[str, ...]
    fields: tuple[Field, ...]

    def required_labels(self) -> str:
        return ", ".join(f.label for f in self.fields if f.required)

    @cached_property
    def aliases(self) -> dict[str, tuple[str, int]]:
        """folded alias → (field name, priority); an earlier alias has a better priority."""
        index: dict[str, tuple[str, int]] = {}
        for spec_field in self.fields:
            for priority, alias in enumerate(spec_field.aliases):
                index.setdefault(fold(alias), (spec_field.name, priority))
        return index


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # the header text as written in the file


@dataclass
class Table:
    """A sheet's rows (``rows[i]`` is row ``i + 1`` as Excel shows it), its header row and
    the columns matched to fields; ``extra`` holds the other non-blank headers."""

    file: str
    sheet: str | None
    rows: list[list[Cell]]
    header_index: int
    columns: dict[str, Column] = field(default_factory=dict)
    extra: list[Column] = field(default_factory=list)

    @property
    def header_row(self) -> int:
        return self.header_index + 1

    def data(self) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, cells) of every non-blank row below the header."""
        rows = self.rows
        for index in range(self.header_index + 1, len(rows)):
            row = rows[index]
            if not row_is_blank(row):
                yield index + 1, row

    def where(self, row: int | None = None, column: Column | str | None = None) -> Location:
        header = column.header if isinstance(column, Column) else column
        return Location(file=self.file, sheet=self.sheet, row=row, column=header)


def row_is_blank(row: Sequence[Cell]) -> bool:
    for value in row:
        if value is None or value == "":
            continue
        if isinstance(value, str) and not value.strip():
            continue
        return False
    return True


def header_keys(header: str) -> tuple[str, ...]:
    """The keys a header matches by: the whole header folded, then without a leading
    number (``1. 기술성``, ``① 기술성``) and without a trailing note in brackets
    (``신청금액(원)``, ``기술성 (40점)``, ``과제번호 [필수]``)."""
    keys = [fold(header)]
    numbered = _LEADING_NUMBER.match(header)
    if numbered:
        header = header[numbered.end() :]
        keys.append(fold(header))
    note = _TRAILING_NOTE.match(header)
    if note and note.group(1).strip():
        keys.append(fold(note.group(1)))
    return tuple(dict.fromkeys(k for k in keys if k))


def header_note(header: str) -> str:
    """The trailing note in brackets of a header, folded (``(천원)`` → ``천원``)."""
    match = _TRAILING_NOTE.match(header)
    return fold(match.group(2)) if match else ""


# -- reading files ---------------------------------------------------------------------


def read_table(path: Path, spec: TableSpec, errors: ErrorList) -> Table | None:
    """The table of ``path``, or None after adding to ``errors`` why it cannot be read."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES + CSV_SUFFIXES:
        errors.add(
            InvalidInput("import.unsupported_type", Location(file=name), suffix=path.suffix or '""')
        )
        return None
    try:
        size = path.stat().st_size
    except OSError as exc:
        errors.add(
            InvalidInput("import.unreadable", Location(file=name), error=exc.strerror or str(exc))
        )
        return None
    if size == 0:
        errors.add(InvalidInput("import.empty_file", Location(file=name)))
        return None
    if suffix in CSV_SUFFIXES:
        rows = _read_csv(path, errors)
        sheet = None
    else:
        loaded = _read_workbook(path, spec, errors)
        if loaded is None:
            return None
        sheet, rows = loaded
    if rows is None:
        return None
    return _locate_header(Table(file=name, sheet=sheet, rows=rows, header_index=-1), spec, errors)


def _read_csv(path: Path, errors: ErrorList) -> list[list[Cell]] | None:
    location = Location(file=path.name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        errors.add(InvalidInput("import.unreadable", location, error=exc.strerror or str(exc)))
        return None
    decoded: str | None = None
    for encoding in CSV_ENCODINGS:
        try:
            decoded = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if decoded is None:
        errors.add(InvalidInput("import.encoding", location))
        return None
    rows: list[list[Cell]] = []
    reader = csv.reader(io.StringIO(decoded, newline=""))
    try:
        for record in reader:
            rows.append(list(record))
    except csv.Error as exc:
        errors.add(
            InvalidInput(
                "import.csv_syntax", Location(file=path.name, row=reader.line_num), error=str(exc)
            )
        )
        return None
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows


def _read_workbook(
    path: Path, spec: TableSpec, errors: ErrorList
) -> tuple[str, list[list[Cell]]] | None:
    location = Location(file=path.name)
    try:
        with path.open("rb") as handle:
            if handle.read(len(_OLE_MAGIC)) == _OLE_MAGIC:
                errors.add(InvalidInput("import.protected_or_xls", location))
                return None
        with CalamineWorkbook.from_path(str(path)) as book:
            sheet_name = _choose_sheet(book, spec)
            if sheet_name is None:
                errors.add(InvalidInput("import.no_sheet", location))
                return None
            sheet = book.get_sheet_by_name(sheet_name)
            rows = cast(list[list[Cell]], sheet.to_python(skip_empty_area=False))
    except OSError as exc:
        errors.add(InvalidInput("import.unreadable", location, error=exc.strerror or str(exc)))
        return None
    except CalamineError as exc:
        errors.add(InvalidInput("import.corrupt", location, error=str(exc)))
        return None
    except BaseException as exc:  # a panic in the Rust reader arrives as a BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
            raise
        errors.add(InvalidInput("import.corrupt", location, error=str(exc)))
        return None
    return sheet_name, rows


def _choose_sheet(book: CalamineWorkbook, spec: TableSpec) -> str | None:
    """The first sheet named like the table, else the first visible sheet."""
    wanted = {fold(n) for n in spec.sheet_names}
    names = list(book.sheet_names)
    for sheet_name in names:
        if any(key in wanted for key in header_keys(sheet_name)):
            return sheet_name
    for meta in book.sheets_metadata:
        if meta.visible == SheetVisibleEnum.Visible:
            return meta.name
    return names[0] if names else None


# -- the header row --------------------------------------------------------------------


def match_header(
    cells: Sequence[Cell], spec: TableSpec
) -> tuple[dict[str, Column], list[Column], list[tuple[Column, Column]]]:
    """Match a row's cells to the spec's fields: (columns by field, other non-blank
    headers, pairs of columns that both say the same header)."""
    aliases = spec.aliases
    chosen: dict[str, tuple[Column, int, str]] = {}
    extra: list[Column] = []
    duplicates: list[tuple[Column, Column]] = []
    for index, cell in enumerate(cells):
        header = text(cell)
        if not header:
            continue
        column = Column(index, header)
        hit = None
        for key in header_keys(header):
            hit = aliases.get(key)
            if hit is not None:
                break
        if hit is None:
            extra.append(column)
            continue
        field_name, priority = hit
        previous = chosen.get(field_name)
        if previous is None:
            chosen[field_name] = (column, priority, key)
        elif previous[2] == key:
            duplicates.append((previous[0], column))
        elif priority < previous[1]:
            extra.append(previous[0])
            chosen[field_name] = (column, priority, key)
        else:
            extra.append(column)
    extra.sort(key=lambda c: c.index)
    return {name: value[0] for name, value in chosen.items()}, extra, duplicates


def _locate_header(table: Table, spec: TableSpec, errors: ErrorList) -> Table | None:
    required = [f for f in spec.fields if f.required]
    location = table.where()
    if all(row_is_blank(row) for row in table.rows):
        errors.add(InvalidInput("import.empty_sheet", location))
        return None
    best: tuple[int, int, list[str]] | None = None  # (found, row index, missing labels)
    for index, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        if row_is_blank(row):
            continue
        columns, extra, duplicates = match_header(row, spec)
        missing = [f.label for f in required if f.name not in columns]
        if missing:
            found = len(required) - len(missing)
            if found and (best is None or found > best[0]):
                best = (found, index, missing)
            continue
        table.header_index = index
        table.columns, table.extra = columns, extra
        for first, second in duplicates:
            errors.add(
                InvalidInput(
                    "import.duplicate_column", table.where(index + 1, second), other=first.header
                )
            )
        if duplicates:
            return None
        if all(row_is_blank(r) for r in _rows_after(table.rows, index)):
            errors.add(InvalidInput("import.no_rows", table.where(index + 1)))
            return None
        return table
    if best is None:
        errors.add(InvalidInput("import.no_header", location, expected=spec.required_labels()))
    else:
        errors.add(
            InvalidInput(
                "import.header_incomplete",
                table.where(best[1] + 1),
                missing=", ".join(best[2]),
                expected=spec.required_labels(),
            )
        )
    return None


def _rows_after(rows: list[list[Cell]], index: int) -> Iterator[list[Cell]]:
    for position in range(index + 1, len(rows)):
        yield rows[position]


def cell(row: Sequence[Cell], column: Column | None) -> Cell:
    """The row's cell in ``column``; None when the file has no such column."""
    if column is None or column.index >= len(row):
        return None
    return row[column.index]


__all__ = [
    "Column",
    "Field",
    "Table",
    "TableSpec",
    "cell",
    "header_keys",
    "header_note",
    "is_blank",
    "match_header",
    "read_table",
    "row_is_blank",
]
