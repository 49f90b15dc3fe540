"""Cells and tables of the results workbook in openpyxl's write-only mode.

Text always stays text: a string is written as a string cell even when it starts with
``=`` (openpyxl would otherwise store a formula) or spells an error value such as
``#N/A``; text starting with ``=``, ``+``, ``-`` or ``@`` also gets Excel's quote prefix,
so editing the cell in a spreadsheet keeps it text.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from reviewer.exchange.reports.context import Progress

FORMULA_STARTS = ("=", "+", "-", "@")
SHEET_FORBIDDEN = frozenset("[]:*?/\\")
AMOUNT = "#,##0"
POINTS = "0.00"
STAT = "0.000"
PERCENT = "0.0%"
DATE_TIME = "yyyy-mm-dd hh:mm"

FILLS = {
    "header": "D9E2EC",
    "selected": "DFF3E4",
    "quota": "D6ECFA",
    "displaced": "FDEBD3",
    "unranked": "EEEEEE",
}


def clean_text(value: str) -> str:
    """``value`` without the control characters a workbook cannot hold."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def is_risky(value: str) -> bool:
    """Text a spreadsheet would read as a formula or an error value."""
    return value.startswith(FORMULA_STARTS) or value in ERROR_CODES


def sheet_title(name: str, taken: set[str]) -> str:
    """``name`` as a valid, unused sheet title (no ``[]:*?/\\``, at most 31 characters);
    ``taken`` holds the titles used so far, case-folded, and gets this one."""
    cleaned = "".join("_" if ch in SHEET_FORBIDDEN else ch for ch in name).strip("'") or "_"
    title = cleaned[:31]
    serial = 2
    while title.casefold() in taken:
        suffix = f" ({serial})"
        title = cleaned[: 31 - len(suffix)] + suffix
        serial += 1
    taken.add(title.casefold())
    return title


HEADER_FOOTER_LIMIT = 255  # characters Excel keeps of one header or footer


def print_setup(sheet: Any, round_name: str, sheet_name: str) -> None:
    """Print ``sheet`` as Korean offices expect: A4 landscape, one page wide (as many
    pages down as it takes), the round's name and the sheet's in the page header and
    "n / N" in the footer. The header row is repeated on every page by ``Table``."""
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
        part.size = 9


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


class Cells:
    """Makes the write-only cells of one sheet. Cells of one style share one style array,
    copied per cell: assigning fonts and fills attribute by attribute to every cell would
    dominate the run time of a large workbook."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self._styles: dict[tuple[str, str | None, bool], Any] = {}

    def _style(self, kind: str, number_format: str | None, wrap: bool) -> Any:
        key = (kind, number_format, wrap)
        style = self._styles.get(key)
        if style is None:
            template = WriteOnlyCell(self.sheet)
            fill = FILLS.get(kind)
            if fill is not None:
                template.fill = PatternFill("solid", fgColor=fill)
            if kind == "header":
                template.font = Font(bold=True)
                template.alignment = Alignment(
                    horizontal="center", vertical="center", wrap_text=True
                )
                template.border = Border(bottom=Side(style="thin", color="9AA5B1"))
            elif kind == "title":
                template.font = Font(bold=True, size=14)
            elif kind == "label":
                template.font = Font(bold=True)
            elif kind == "value":
                template.alignment = Alignment(horizontal="left")
            elif kind == "cutoff":
                template.border = Border(top=Side(style="thick", color="C62828"))
            if wrap:
                template.alignment = Alignment(wrap_text=True, vertical="top")
            if number_format is not None:
                template.number_format = number_format
            style = template._style
            self._styles[key] = style
        return style

    def cell(
        self, value: Any, kind: str = "", number_format: str | None = None, wrap: bool = False
    ) -> Any:
        """``value`` as it goes into ``sheet.append``: the plain value when it needs no
        style and is harmless, else a write-only cell."""
        styled = bool(kind) or number_format is not None or wrap
        risky = False
        if isinstance(value, str):
            value = clean_text(value)
            risky = is_risky(value)
            if not styled and not risky:
                return value
            # Set as a string directly: assigning it would make "=…" a formula.
            cell = WriteOnlyCell(self.sheet)
            cell._value = value
            cell.data_type = "s"
        elif not styled:
            return value
        else:
            cell = WriteOnlyCell(self.sheet, value)
        if styled:
            cell._style = copy.copy(self._style(kind, number_format, wrap))
        if risky:
            cell.quotePrefix = True
        return cell

    def row(
        self,
        values: Sequence[Any],
        kind: str = "",
        formats: Sequence[str | None] = (),
        wrap: Collection[int] = (),
        shaded: int | None = None,
    ) -> list[Any]:
        """A row: ``formats[i]`` is the number format of column ``i``; ``kind`` styles
        the first ``shaded`` columns (default: all of them)."""
        out: list[Any] = []
        for index, value in enumerate(values):
            if shaded is not None and index >= shaded:
                kind = ""
            if value is None and not kind:
                out.append(None)
                continue
            number_format = formats[index] if index < len(formats) else None
            if isinstance(value, str) or value is None:
                number_format = None
            out.append(self.cell(value, kind, number_format, index in wrap))
        return out


@dataclass
class Table:
    """A table at the top of a sheet: widths, a frozen header row repeated on printed
    pages, and a filter over its rows."""

    sheet: Any
    cells: Cells
    columns: int = 0
    rows: int = 0

    def start(
        self, headers: Sequence[str], widths: Sequence[float], freeze_columns: int = 0
    ) -> None:
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.columns = len(headers)
        self.sheet.print_title_rows = "1:1"
        self.sheet.freeze_panes = f"{get_column_letter(freeze_columns + 1)}2"
        self.sheet.append(self.cells.row(list(headers), "header"))

    def append(self, values: list[Any]) -> None:
        self.sheet.append(values)
        self.rows += 1

    def finish(self) -> None:
        last = get_column_letter(max(self.columns, 1))
        self.sheet.auto_filter.ref = f"A1:{last}{1 + self.rows}"


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


def discard(book: Workbook) -> None:
    """Close the sheets of a write-only workbook that will not be saved and delete their
    temporary files (left open, they fail noisily when garbage-collected)."""
    for sheet in book.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()
