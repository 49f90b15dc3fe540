"""Reading one table from a workbook or CSV file (DESIGN §5).

``read_table`` picks the sheet (one named like the table wins over the first sheet; with
none so named, a workbook whose table appears on several sheets is refused rather than
read in part), finds the header row (the first row whose cells name every required
column; title and blank rows above it are skipped), matches headers to fields and keeps
every row with the sheet's own row number. Problems with the file itself (unreadable,
damaged, wrong encoding, no header, no data rows, the table on several sheets) are added
to the caller's :class:`ErrorList`. ``input_files`` names the files of one import so
that two of the same name are told apart in messages.

A :class:`Reading` is what an importer made of one import's files: the rows it read
without a problem, every problem, and how each table's headers were matched
(:class:`TableMatch`), so a preview shows exactly what the import would store.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar, cast

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from reviewer.errors import ErrorList, InvalidInput, Location
from reviewer.exchange.tables.package import (
    CELL_SPAN_LIMIT,
    COLUMN_LIMIT,
    FILE_LIMIT,
    ROW_LIMIT,
    column_letters,
    scan_package,
    size_text,
)
from reviewer.exchange.tables.values import Cell, fold, is_blank, text
from reviewer.exchange.tables.xml_safety import unsafe_xml_part

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
HEADER_SCAN_ROWS = 100  # the header row is looked for among this many rows at the top
PROBE_ROWS = HEADER_SCAN_ROWS + 20  # rows read of another sheet to see if it holds the table
CSV_ENCODINGS = ("utf-8-sig", "cp949")  # cp949 is a superset of EUC-KR
CELL_LIMIT = 32_767  # characters a cell may hold (Excel's limit)
# an OLE compound file: a password-protected workbook, or an old .xls renamed
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|\(\d{1,2}\)|[\u2460-\u2473])\s*(?=\S)")
_TRAILING_NOTE = re.compile(r"^(.*?)\s*[\(\[（［【<](.*)[\)\]）］】>]\s*$")

T = TypeVar("T")


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
    # what the importer read some of the ``extra`` columns as (column index → a name of
    # its own, e.g. ``criterion:tech``), for :meth:`match`
    uses: dict[int, str] = field(default_factory=dict)

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

    def match(self, spec: TableSpec) -> TableMatch:
        """How this table's headers were read (see :class:`TableMatch`)."""
        by_index = {column.index: name for name, column in self.columns.items()}
        headers = tuple(
            HeaderMatch(
                column.index,
                column.header,
                by_index.get(column.index) or self.uses.get(column.index),
            )
            for column in sorted([*self.columns.values(), *self.extra], key=lambda c: c.index)
        )
        absent = tuple(f.name for f in spec.fields if f.name not in self.columns)
        rows = sum(1 for _ in self.data())
        return TableMatch(self.file, self.sheet, self.header_row, headers, absent, rows)


@dataclass(frozen=True)
class HeaderMatch:
    """One header of a table: its column (0 for A), the header as written, and the field
    it was read as (None: no field of the table; the importer kept or ignored it)."""

    column: int
    header: str
    field: str | None


@dataclass(frozen=True)
class TableMatch:
    """How one table was read: where its header row is, each header with the field it
    means, the fields of the table it lacks, and how many data rows it has."""

    file: str
    sheet: str | None
    header_row: int
    headers: tuple[HeaderMatch, ...]
    absent: tuple[str, ...]
    rows: int


@dataclass
class Reading(Generic[T]):
    """What an importer made of one import's files: the rows read without a problem,
    every problem found, and how each readable table's headers were matched."""

    rows: list[T] = field(default_factory=list)
    errors: ErrorList = field(default_factory=ErrorList)
    tables: list[TableMatch] = field(default_factory=list)

    def result(self) -> list[T]:
        """The rows, when the files hold no problem; else raises ``InvalidInputs``."""
        self.errors.raise_if_any()
        return self.rows


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


def header_note(header: str, folded: bool = True) -> str:
    """The trailing note in brackets of a header, folded (``(천원)`` → ``천원``), or as
    written with ``folded=False``; ``""`` when the header has none."""
    match = _TRAILING_NOTE.match(header)
    if not match:
        return ""
    return fold(match.group(2)) if folded else match.group(2).strip()


def file_labels(paths: Sequence[Path]) -> list[str]:
    """How each file is named in messages: its name, or, when another of ``paths`` has
    the same name, as many of its folders as tell the two apart (``1차/scores.xlsx``)."""
    absolute = [Path(os.path.abspath(p)) for p in paths]
    by_name: dict[str, set[Path]] = {}
    for full in absolute:
        by_name.setdefault(full.name, set()).add(full)
    labels: list[str] = []
    for original, full in zip(paths, absolute, strict=True):
        others = [other for other in by_name[full.name] if other != full]
        if not others:
            labels.append(Path(original).name)
            continue
        depth = 2
        while depth < len(full.parts) and any(
            other.parts[-depth:] == full.parts[-depth:] for other in others
        ):
            depth += 1
        labels.append(str(Path(*full.parts[-depth:])))
    return labels


def input_files(paths: Sequence[Path], errors: ErrorList) -> list[tuple[Path, str]]:
    """The files of one import, each with its name in messages (:func:`file_labels`). A
    file given twice is reported (every row of it would be a duplicate of itself) and
    read once."""
    files: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for path, label in zip(paths, file_labels(paths), strict=True):
        identity = os.path.normcase(os.path.realpath(path))
        if identity in seen:
            errors.add(InvalidInput("import.file_twice", Location(file=label)))
            continue
        seen.add(identity)
        files.append((Path(path), label))
    return files


def read_tables(
    paths: Sequence[Path],
    spec: TableSpec,
    errors: ErrorList,
    matches: list[TableMatch] | None = None,
) -> Iterator[Table]:
    """The readable tables of one import's files; what cannot be read goes to ``errors``.
    With ``matches``, how each table was matched is added to it once the caller has read
    the table (so that what the caller made of its other columns is included)."""
    for path, label in input_files(paths, errors):
        table = read_table(path, spec, errors, label)
        if table is not None:
            yield table
            if matches is not None:
                matches.append(table.match(spec))


# -- reading files ---------------------------------------------------------------------


def read_table(
    path: Path, spec: TableSpec, errors: ErrorList, name: str | None = None
) -> Table | None:
    """The table of ``path``, or None after adding to ``errors`` why it cannot be read.
    ``name`` is the file's name in messages (see :func:`file_labels`), by default its
    base name."""
    name = name if name is not None else path.name
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
    if size > FILE_LIMIT:
        errors.add(
            InvalidInput(
                "import.file_too_large",
                Location(file=name),
                size=size_text(size),
                limit=size_text(FILE_LIMIT),
            )
        )
        return None
    special: dict[tuple[int, int], tuple[str, str]] = {}
    if suffix in CSV_SUFFIXES:
        rows = _read_csv(path, name, errors)
        sheet = None
    else:
        loaded = _read_workbook(path, name, spec, errors)
        if loaded is None:
            return None
        sheet, rows, special = loaded
    if rows is None or not _within_limits(rows, Location(file=name, sheet=sheet), errors):
        return None
    table = _locate_header(Table(file=name, sheet=sheet, rows=rows, header_index=-1), spec, errors)
    if table is not None and special:
        _report_special_cells(table, special, errors)
    return table


def _report_special_cells(
    table: Table, special: dict[tuple[int, int], tuple[str, str]], errors: ErrorList
) -> None:
    """An error value or a formula never saved, in a column of the table below its
    header, is reported as what it is (the reader gives it as blank)."""
    headed = {column.index: column for column in [*table.columns.values(), *table.extra]}
    for (row, column_number), (kind, value) in sorted(special.items()):
        column = headed.get(column_number - 1)
        if column is None or row <= table.header_row:
            continue
        where = table.where(row, column)
        if kind == "error":
            errors.add(InvalidInput("import.error_value", where, value=value), claim=True)
        else:
            errors.add(InvalidInput("import.unsaved_formula", where), claim=True)


def _within_limits(rows: list[list[Cell]], where: Location, errors: ErrorList) -> bool:
    """Whether a sheet or CSV file keeps to the limits of a table (Excel's: rows,
    columns, characters in a cell); the first cell past them is reported."""
    if len(rows) > ROW_LIMIT:
        errors.add(InvalidInput("import.too_many_rows", where, limit=f"{ROW_LIMIT:,}"))
        return False
    for index, row in enumerate(rows):
        if len(row) > COLUMN_LIMIT:
            errors.add(
                InvalidInput(
                    "import.too_many_columns",
                    Location(file=where.file, sheet=where.sheet, row=index + 1),
                    limit=f"{COLUMN_LIMIT:,}",
                )
            )
            return False
        for column, value in enumerate(row):
            if value.__class__ is str and len(value) > CELL_LIMIT:
                errors.add(_long_cell(where, index + 1, column_letters(column + 1), len(value)))
                return False
    return True


def _long_cell(where: Location, row: int, column: str | None, length: int | None) -> InvalidInput:
    cell = Location(file=where.file, sheet=where.sheet, row=row, column=column)
    if length is None:
        return InvalidInput("import.cell_too_long_csv", cell, limit=f"{CELL_LIMIT:,}")
    return InvalidInput("import.cell_too_long", cell, length=f"{length:,}", limit=f"{CELL_LIMIT:,}")


def _read_csv(path: Path, name: str, errors: ErrorList) -> list[list[Cell]] | None:
    location = Location(file=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        errors.add(InvalidInput("import.unreadable", location, error=exc.strerror or str(exc)))
        return None
    decoded: str | None = None
    for encoding in CSV_ENCODINGS:
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp949" and not plausible_korean(decoded):
            decoded = None  # another encoding's bytes that happen to decode as CP949
        break
    if decoded is None:
        errors.add(InvalidInput("import.encoding", location))
        return None
    rows: list[list[Cell]] = []
    reader = csv.reader(io.StringIO(decoded, newline=""))
    try:
        for record in reader:
            rows.append(list(record))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # Python's own limit, past ours
            errors.add(_long_cell(location, reader.line_num, None, None))
        else:
            errors.add(
                InvalidInput(
                    "import.csv_syntax", Location(file=name, row=reader.line_num), error=str(exc)
                )
            )
        return None
    width = max((len(r) for r in rows), default=0)
    if width * len(rows) > CELL_SPAN_LIMIT:  # padded, the rows would take all memory
        last = f"{column_letters(max(width, 1))}{len(rows)}"
        errors.add(
            InvalidInput(
                "import.sheet_span_csv",
                location,
                last=last,
                rows=f"{len(rows):,}",
                columns=f"{width:,}",
                limit=f"{CELL_SPAN_LIMIT:,}",
            )
        )
        return None
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    return rows


def plausible_korean(text: str) -> bool:
    """Whether ``text``, decoded as CP949, reads as Korean: Japanese (Shift-JIS),
    Chinese (GBK) or Western (Latin-1) bytes that happen to decode as CP949 give mostly
    Hanja and the rare syllables of CP949's extension, which Korean text hardly uses."""
    unusual = total = 0
    for char in text:
        if char < "\x80":
            continue
        total += 1
        if "\uac00" <= char <= "\ud7a3":  # a Hangul syllable: unusual outside KS X 1001
            # (Python's EUC-KR spells those as eight-byte jamo sequences)
            if len(char.encode("euc-kr")) != 2:
                unusual += 1
        elif "\u4e00" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":  # Hanja
            unusual += 1
    return unusual <= max(2, total // 20)


def _read_workbook(
    path: Path, name: str, spec: TableSpec, errors: ErrorList
) -> tuple[str, list[list[Cell]], dict[tuple[int, int], tuple[str, str]]] | None:
    """The sheet's name, its rows, and its cells the reader gives as blank although they
    hold an error value or a formula never saved (see :func:`scan_package`)."""
    location = Location(file=name)
    try:
        with path.open("rb") as handle:
            if handle.read(len(_OLE_MAGIC)) == _OLE_MAGIC:
                errors.add(InvalidInput("import.protected_or_xls", location))
                return None
        unsafe = unsafe_xml_part(path)
        if unsafe is not None:
            errors.add(InvalidInput("import.xml_dtd", location, part=unsafe))
            return None
        scan = scan_package(path)
        if scan.problem is not None:
            errors.add(InvalidInput(scan.problem.key, location, **scan.problem.params))
            return None
        with CalamineWorkbook.from_path(str(path)) as book:
            named = _named_sheet(book, spec)
            visible = _visible_sheets(book)
            sheet_name = named or (visible[0] if visible else None)
            if sheet_name is None:
                names = list(book.sheet_names)
                sheet_name = names[0] if names else None
            if sheet_name is None:
                errors.add(InvalidInput("import.no_sheet", location))
                return None
            rows = _sheet_rows(book, sheet_name)
            if named is None and len(visible) > 1:
                holding = [
                    other
                    for other in visible
                    if _sheet_holds_table(book, other, spec, rows if other == sheet_name else None)
                ]
                if len(holding) > 1:
                    errors.add(
                        InvalidInput(
                            "import.several_sheets",
                            location,
                            sheets=", ".join(holding),
                            example=spec.sheet_names[0],
                        )
                    )
                    return None
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
    return sheet_name, rows, scan.cells.get(sheet_name, {})


def _sheet_rows(
    book: CalamineWorkbook, sheet_name: str, limit: int | None = None
) -> list[list[Cell]]:
    sheet = book.get_sheet_by_name(sheet_name)
    return cast(list[list[Cell]], sheet.to_python(skip_empty_area=False, nrows=limit))


def _named_sheet(book: CalamineWorkbook, spec: TableSpec) -> str | None:
    """The first sheet named like the table."""
    wanted = {fold(n) for n in spec.sheet_names}
    for sheet_name in book.sheet_names:
        if any(key in wanted for key in header_keys(sheet_name)):
            return sheet_name
    return None


def _visible_sheets(book: CalamineWorkbook) -> list[str]:
    """The visible worksheets (not chart sheets), in order."""
    return [
        meta.name
        for meta in book.sheets_metadata
        if meta.visible == SheetVisibleEnum.Visible and meta.typ == SheetTypeEnum.WorkSheet
    ]


def _sheet_holds_table(
    book: CalamineWorkbook, sheet_name: str, spec: TableSpec, rows: list[list[Cell]] | None
) -> bool:
    """Whether a sheet has a header row of the table with a data row below it. Unless
    its ``rows`` are given, only its top rows are read, and the rest only when they hold
    the header and nothing below it."""
    if rows is not None:
        return _holds_table(rows, spec)
    top = _sheet_rows(book, sheet_name, PROBE_ROWS)
    if _holds_table(top, spec):
        return True
    if len(top) < PROBE_ROWS or header_index(top, spec) is None:
        return False
    return _holds_table(_sheet_rows(book, sheet_name), spec)


def _holds_table(rows: list[list[Cell]], spec: TableSpec) -> bool:
    index = header_index(rows, spec)
    return index is not None and any(not row_is_blank(r) for r in _rows_after(rows, index))


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


def header_index(rows: Sequence[Sequence[Cell]], spec: TableSpec) -> int | None:
    """The index of the first row among the top ``HEADER_SCAN_ROWS`` that names every
    required column of ``spec``; None when there is none."""
    required = [f.name for f in spec.fields if f.required]
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if row_is_blank(row):
            continue
        columns = match_header(row, spec)[0]
        if all(name in columns for name in required):
            return index
    return None


def table_of_rows(
    label: str, rows: list[list[Cell]], spec: TableSpec, errors: ErrorList
) -> Table | None:
    """A table of ``rows`` held in memory (a form, not a file), its header located and
    matched as a file's would be; ``label`` names it in messages."""
    return _locate_header(Table(label, None, rows, 0), spec, errors)


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


def _rows_after(rows: Sequence[list[Cell]], index: int) -> Iterator[list[Cell]]:
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
    "HeaderMatch",
    "Reading",
    "Table",
    "TableMatch",
    "TableSpec",
    "cell",
    "file_labels",
    "header_index",
    "header_keys",
    "header_note",
    "input_files",
    "is_blank",
    "match_header",
    "read_table",
    "row_is_blank",
]
