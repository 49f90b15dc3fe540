"""Cells and tables of the results workbook, written with XlsxWriter in constant-memory
mode: each row goes to the file as it is appended, so a round of ten thousand
applications takes little memory and about the time XlsxWriter itself needs.

Text always stays text: a string is written as a string cell, never read as a formula,
a number or a link; text starting with ``=``, ``+``, ``-`` or ``@``, or spelling an error
value such as ``#N/A``, also gets Excel's quote prefix, so editing the cell in a
spreadsheet keeps it text.

The score form, which is read back by the score import, is written with openpyxl; it
shares the text helpers and the printed page's header and footer (``print_setup``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from numbers import Real
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from reviewer.exchange.reports.context import Progress

FORMULA_STARTS = ("=", "+", "-", "@")
SHEET_FORBIDDEN = frozenset("[]:*?/\\")
AMOUNT = "#,##0"
POINTS = "0.00"
STAT = "0.000"
PERCENT = "0.0%"
DATE_TIME = "yyyy-mm-dd hh:mm"
CELL_LIMIT = 32_767  # UTF-16 units a cell holds (Excel's limit)
TITLE_LIMIT = 31  # UTF-16 units a sheet's title holds
ELLIPSIS = "\u2026"
ROW_LIMIT = 1_048_576  # rows a sheet holds

FILLS = {
    "header": "D9E2EC",
    "selected": "DFF3E4",
    "quota": "D6ECFA",
    "displaced": "FDEBD3",
    "unranked": "EEEEEE",
}
THIN, THICK = 1, 5  # XlsxWriter's border styles
PADDING = 5 / 7  # characters XlsxWriter adds to a column's width

WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": True,  # NaN shown as #NUM!, infinity as #DIV/0!
}


def clean_text(value: str) -> str:
    """``value`` without the control characters a workbook cannot hold."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` UTF-16 units (the unit of Excel's limits, where a
    character beyond U+FFFF, an emoji say, counts twice), never splitting a character."""
    if len(text) <= limit // 2:
        return text
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return text[:index]
    return text


def cell_text(value: str) -> str:
    """``value`` as a cell holds it: without control characters and, past Excel's
    limit, cut and ended with an ellipsis."""
    text = clean_text(value)
    shorter = cut(text, CELL_LIMIT)
    return shorter if shorter == text else cut(text, CELL_LIMIT - 1) + ELLIPSIS


def is_risky(value: str) -> bool:
    """Text a spreadsheet would read as a formula or an error value."""
    return value.startswith(FORMULA_STARTS) or value in ERROR_CODES


def sheet_title(name: str, taken: set[str]) -> str:
    """``name`` as a valid, unused sheet title (no ``[]:*?/\\``, at most 31 characters);
    ``taken`` holds the titles used so far, case-folded, and gets this one."""
    cleaned = "".join("_" if ch in SHEET_FORBIDDEN else ch for ch in name).strip("'") or "_"
    # a title may not begin or end with an apostrophe, also once cut
    title = cut(cleaned, TITLE_LIMIT).rstrip("'") or "_"
    serial = 2
    while title.casefold() in taken:
        suffix = f" ({serial})"
        title = cut(cleaned, TITLE_LIMIT - len(suffix)).rstrip("'") + suffix
        serial += 1
    taken.add(title.casefold())
    return title


def sheet_reference(
    title: str, first_row: int, first_col: int, last_row: int, last_col: int
) -> str:
    """An absolute range of sheet ``title`` (zero-based bounds), the title always quoted."""
    quoted = "'" + title.replace("'", "''") + "'"
    return f"={quoted}!${_column(first_col)}${first_row + 1}:${_column(last_col)}${last_row + 1}"


def _column(index: int) -> str:
    """The letters of zero-based column ``index``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


HEADER_FOOTER_LIMIT = 255  # characters Excel keeps of one header or footer
HEADER_SIZE = 9  # points


def header_footer(round_name: str, sheet_name: str) -> tuple[str, str]:
    """The printed page's header (the round's name left, the sheet's right) and footer
    ("n / N" in the centre), in the codes of SpreadsheetML."""
    room = (HEADER_FOOTER_LIMIT - 20) // 2
    size = f"&{HEADER_SIZE} "
    header = f"&L{size}{_header_text(round_name, room)}&R{size}{_header_text(sheet_name, room)}"
    return header, f"&C{size}&P / &N"


def print_setup(sheet: Any, round_name: str, sheet_name: str) -> None:
    """Print an openpyxl ``sheet`` (the score form) as Korean offices expect: A4
    landscape, one page wide (as many pages down as it takes), with ``header_footer``."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_options.horizontalCentered = True
    room = (HEADER_FOOTER_LIMIT - 20) // 2
    sheet.oddHeader.left.text = _header_text(round_name, room)
    sheet.oddHeader.right.text = _header_text(sheet_name, room)
    sheet.oddFooter.center.text = "&P / &N"
    for part in (sheet.oddHeader.left, sheet.oddHeader.right, sheet.oddFooter.center):
        part.size = HEADER_SIZE


def _header_text(text: str, room: int) -> str:
    """``text`` for a header section: '&' starts a code there, so it is doubled; cut
    with an ellipsis so that the escaped text fits ``room``."""
    flat = " ".join(clean_text(text).split())
    escaped = flat.replace("&", "&&")
    if len(escaped) <= room:
        return escaped
    kept = ""
    for char in flat:
        piece = "&&" if char == "&" else char
        if len(kept) + len(piece) > room - 1:
            break
        kept += piece
    return kept + "…"


class Styles:
    """The cell formats of one workbook, made once per (kind, number format, wrap,
    quote prefix) and shared by every sheet."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self._formats: dict[tuple[str, str | None, bool, bool], Any] = {}

    def get(self, kind: str, number_format: str | None, wrap: bool, quote: bool) -> Any:
        key = (kind, number_format, wrap, quote)
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.book.add_format(
                _properties(kind, number_format, wrap, quote)
            )
        return found


def _properties(kind: str, number_format: str | None, wrap: bool, quote: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    fill = FILLS.get(kind)
    if fill is not None:
        properties.update(pattern=1, bg_color=f"#{fill}")
    if kind == "header":
        properties.update(
            bold=True, align="center", valign="vcenter", text_wrap=True,
            bottom=THIN, bottom_color="#9AA5B1",
        )  # fmt: skip
    elif kind == "title":
        properties.update(bold=True, font_size=14)
    elif kind == "label":
        properties.update(bold=True)
    elif kind == "value":
        properties.update(align="left")
    elif kind == "cutoff":
        properties.update(top=THICK, top_color="#C62828")
    if wrap:  # the whole alignment, as a wrapped cell of any kind has it
        properties.pop("align", None)
        properties.update(text_wrap=True, valign="top")
    if number_format is not None:
        properties["num_format"] = number_format
    if quote:
        properties["quote_prefix"] = True
    return properties


class Cell:
    """One cell of a row given to ``Sheet.append``: a value with its own style."""

    __slots__ = ("kind", "number_format", "value", "wrap")

    def __init__(
        self, value: Any, kind: str = "", number_format: str | None = None, wrap: bool = False
    ) -> None:
        self.value = value
        self.kind = kind
        self.number_format = number_format
        self.wrap = wrap


class Sheet:
    """One sheet written row by row from the top (constant-memory mode cannot go back):
    ``append`` writes the next row, ``skip`` leaves one empty."""

    def __init__(self, worksheet: Worksheet, styles: Styles) -> None:
        self.worksheet = worksheet
        self.styles = styles
        self.title: str = worksheet.name
        self.next_row = 0

    def skip(self) -> None:
        self.next_row += 1

    def _check_room(self) -> None:
        if self.next_row >= ROW_LIMIT:  # XlsxWriter would drop the row without a word
            raise ValueError(f"sheet {self.title!r} would need more than {ROW_LIMIT:,} rows")

    def append(self, values: Sequence[Any]) -> None:
        """The next row: plain values unstyled, ``Cell``\\ s with their style."""
        self._check_room()
        row = self.next_row
        for column, value in enumerate(values):
            if isinstance(value, Cell):
                self.write(row, column, value.value, value.kind, value.number_format, value.wrap)
            elif value is not None:
                self.write(row, column, value, "", None, False)
        self.next_row += 1

    def row(
        self,
        values: Sequence[Any],
        kind: str = "",
        formats: Sequence[str | None] = (),
        wrap: Collection[int] = (),
        shaded: int | None = None,
    ) -> None:
        """The next row: ``formats[i]`` is the number format of column ``i``; ``kind``
        styles the first ``shaded`` columns (default: all of them)."""
        self._check_room()
        row, write, count = self.next_row, self.write, len(formats)
        for column, value in enumerate(values):
            if shaded is not None and column >= shaded:
                kind = ""
            if value is None and not kind:
                continue
            write(
                row,
                column,
                value,
                kind,
                formats[column] if column < count else None,
                column in wrap,
            )
        self.next_row += 1

    def write(
        self,
        row: int,
        column: int,
        value: Any,
        kind: str,
        number_format: str | None,
        wrap: bool,
    ) -> None:
        """One cell; a number format applies to numbers and dates only."""
        sheet, styles = self.worksheet, self.styles
        kind_of = type(value)
        if kind_of.__module__ == "numpy":  # a NumPy scalar as the Python value it holds
            value = value.item()
            kind_of = type(value)
        if kind_of is str or isinstance(value, str):
            text = cell_text(value)
            quote = is_risky(text)
            style = styles.get(kind, None, wrap, quote) if kind or wrap or quote else None
            if text.startswith("<r>") and text.endswith("</r>"):
                # XlsxWriter copies a string shaped like rich-text XML as is: written
                # in fragments (it needs three), each in the cell's font, it is escaped
                # like any other text.
                parts: list[Any] = []
                for fragment in (text[:1], text[1:2], text[2:]):
                    if style is not None:
                        parts.append(style)
                    parts.append(fragment)
                if style is not None:
                    parts.append(style)
                if sheet.write_rich_string(row, column, *parts) != 0:
                    raise ValueError(f"cannot write the text {text[:40]!r}")
            else:
                sheet.write_string(row, column, text, style)
        elif value is None:
            sheet.write_blank(row, column, None, styles.get(kind, None, wrap, False))
        elif isinstance(value, bool):
            style = styles.get(kind, None, wrap, False) if kind or wrap else None
            sheet.write_boolean(row, column, value, style)
        elif isinstance(value, Real | Decimal):
            styled = kind or number_format is not None or wrap
            style = styles.get(kind, number_format, wrap, False) if styled else None
            sheet.write_number(row, column, value, style)
        elif isinstance(value, date | datetime):
            style = styles.get(kind, number_format or DATE_TIME, wrap, False)
            sheet.write_datetime(row, column, value, style)
        else:
            raise TypeError(f"a cell cannot hold a {kind_of.__name__}")


def set_width(worksheet: Worksheet, column: int, width: float) -> None:
    """Zero-based ``column``'s width in characters, as the file stores it (XlsxWriter
    adds the cell padding, 5/7 of a character, to what it is given)."""
    worksheet.set_column(column, column, width - PADDING)


@dataclass
class Table:
    """A table at the top of a sheet: widths, a frozen header row repeated on printed
    pages, and a filter over its rows."""

    sheet: Sheet
    columns: int = 0
    rows: int = 0

    def start(
        self, headers: Sequence[str], widths: Sequence[float], freeze_columns: int = 0
    ) -> None:
        worksheet = self.sheet.worksheet
        for index, width in enumerate(widths):
            set_width(worksheet, index, width)
        self.columns = len(headers)
        worksheet.repeat_rows(0)
        worksheet.freeze_panes(1, freeze_columns)
        self.sheet.row(list(headers), "header")

    def row(
        self,
        values: Sequence[Any],
        kind: str = "",
        formats: Sequence[str | None] = (),
        wrap: Collection[int] = (),
        shaded: int | None = None,
    ) -> None:
        self.sheet.row(values, kind, formats, wrap, shaded)
        self.rows += 1

    def finish(self) -> None:
        self.sheet.worksheet.autofilter(0, 0, self.rows, max(self.columns, 1) - 1)


TMP_PREFIX = "reviewer-xlsx-"
STALE_AGE = 3600.0  # seconds after which a book's temporary folder is taken as abandoned


def _remove_abandoned_folders() -> None:
    """Remove the temporary folders of books whose program was killed, once an hour old."""
    limit = time.time() - STALE_AGE
    with contextlib.suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            with contextlib.suppress(OSError):
                if (
                    entry.name.startswith(TMP_PREFIX)
                    and entry.is_dir(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_mtime < limit
                ):
                    shutil.rmtree(entry.path, ignore_errors=True)


class Book:
    """A results workbook being written to ``path``: its sheets, each printed one A4
    landscape page wide with the round's name in the header, and its shared formats."""

    def __init__(self, path: Path, round_name: str) -> None:
        # XlsxWriter's own temporary files (rows, then every part of the package) go to
        # a folder of this book's, removed however the book ends
        _remove_abandoned_folders()
        self.tmpdir = tempfile.mkdtemp(prefix=TMP_PREFIX)
        self.book = Workbook(str(path), {**WORKBOOK_OPTIONS, "tmpdir": self.tmpdir})
        self.styles = Styles(self.book)
        self.round_name = round_name
        self.taken: set[str] = set()

    def sheet(self, name: str) -> Sheet:
        worksheet = self.book.add_worksheet(sheet_title(name, self.taken))
        worksheet.set_landscape()
        worksheet.set_paper(9)  # A4
        worksheet.fit_to_pages(1, 0)
        worksheet.center_horizontally()
        worksheet.set_margins(left=0.75, right=0.75, top=1, bottom=1)  # inches
        header, footer = header_footer(self.round_name, worksheet.name)
        worksheet.set_header(header, {"margin": 0.5})
        worksheet.set_footer(footer, {"margin": 0.5})
        return Sheet(worksheet, self.styles)

    def close(self) -> None:
        """Write the file; a failure to write it is an ``OSError``, as for any file."""
        try:
            self.book.close()
        except FileCreateError as error:
            cause = error.args[0] if error.args else None
            raise (cause if isinstance(cause, OSError) else OSError(str(error))) from error
        finally:
            shutil.rmtree(self.tmpdir, ignore_errors=True)

    def discard(self) -> None:
        """Give up a workbook that will not be saved: close the sheets' row files and
        delete its temporary folder."""
        self.book.fileclosed = True
        for worksheet in self.book.worksheets():
            handle = getattr(worksheet, "row_data_fh", None)
            if handle is not None:
                with contextlib.suppress(OSError):
                    handle.close()
        shutil.rmtree(self.tmpdir, ignore_errors=True)


class Counter:
    """Reports progress every few hundred rows, held below the total until ``finish``."""

    EVERY = 500

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0

    def start(self) -> None:
        if self.progress is not None:
            self.progress(0, self.total)

    def step(self, count: int = 1) -> None:
        before = self.done
        self.done = min(self.done + count, self.total - 1)
        if self.progress is not None and (
            self.done // self.EVERY != before // self.EVERY or count > 1
        ):
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)
