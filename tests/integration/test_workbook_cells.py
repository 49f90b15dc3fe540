"""The results workbook's cells: any value a report hands over is written as what it is."""

from __future__ import annotations

import enum
import zipfile
from decimal import Decimal
from pathlib import Path

import numpy as np
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from reviewer.exchange.reports.workbook.cells import (
    CELL_LIMIT,
    ELLIPSIS,
    Book,
    Cell,
    cut,
    sheet_title,
)

EMOJI = "\U0001f600"  # two UTF-16 units


class Track(enum.StrEnum):
    AI = "AI"


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _write(path: Path, rows: list[list[object]], name: str = "시트") -> None:
    book = Book(path, "라운드")
    sheet = book.sheet(name)
    for row in rows:
        sheet.append(row)
    book.close()


def test_numpy_scalars_and_str_subclasses_are_written_as_their_values(tmp_path: Path) -> None:
    path = tmp_path / "types.xlsx"
    row = [np.int64(7), np.float32(0.5), np.bool_(True), Track.AI, Decimal("88.25"), 3, True]
    _write(path, [row])
    values = [c.value for c in load_workbook(path).active[1]]
    assert values == [7, 0.5, True, "AI", 88.25, 3, True]


def test_non_finite_numbers_are_shown_as_error_values(tmp_path: Path) -> None:
    """Excel cannot hold NaN or infinity: they show as #NUM! and #DIV/0!, never as a
    number and never as an aborted export."""
    path = tmp_path / "nan.xlsx"
    _write(path, [[float("nan"), float("inf"), np.float64("-inf"), 1.5]])
    values = [c.value for c in load_workbook(path, data_only=True).active[1]]
    assert values == ["#NUM!", "#DIV/0!", "#DIV/0!", 1.5]


def test_text_past_the_cell_limit_is_cut_by_utf16_units_and_marked(tmp_path: Path) -> None:
    """Excel counts a cell's 32,767 characters in UTF-16 units: text of emoji is cut
    there, whole characters only, and ends with an ellipsis; text that fits is kept."""
    fits = EMOJI * (CELL_LIMIT // 2) + "가"
    assert _utf16(fits) == CELL_LIMIT
    too_long = EMOJI * CELL_LIMIT
    path = tmp_path / "long.xlsx"
    _write(path, [[fits, too_long, "가" * (CELL_LIMIT + 5)]])
    kept, emojis, korean = (
        CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[0]
    )
    assert kept == fits
    assert emojis.endswith(ELLIPSIS) and _utf16(emojis) <= CELL_LIMIT
    assert emojis[:-1] == EMOJI * ((CELL_LIMIT - 1) // 2)
    assert korean == "가" * (CELL_LIMIT - 1) + ELLIPSIS


def test_cut_never_splits_a_character() -> None:
    assert cut(EMOJI * 3, 5) == EMOJI * 2
    assert cut("ab" + EMOJI, 3) == "ab"
    assert cut("abc", 3) == "abc"


def test_sheet_titles_of_emoji_fit_excels_limit(tmp_path: Path) -> None:
    taken: set[str] = set()
    first = sheet_title(EMOJI * 20, taken)
    second = sheet_title(EMOJI * 20, taken)
    assert _utf16(first) <= 31 and _utf16(second) <= 31 and first != second
    path = tmp_path / "titles.xlsx"
    book = Book(path, "라운드")
    for _ in range(3):
        book.sheet(EMOJI * 20).append(["x"])
    book.close()
    assert len(load_workbook(path).sheetnames) == 3


def test_markup_shaped_text_keeps_the_cells_font(tmp_path: Path) -> None:
    """A bold header cell whose text looks like rich-text XML stays bold in every part."""
    path = tmp_path / "bold.xlsx"
    _write(path, [[Cell("<r>머리</r>", "header")]])
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    runs = sheet.split("<r>")[1:]
    assert len(runs) == 3 and all("<b/>" in run for run in runs)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][0] == "<r>머리</r>"


def test_a_killed_books_temporary_folder_is_removed_by_the_next(tmp_path: Path) -> None:
    import os
    import tempfile

    old = Path(tempfile.mkdtemp(prefix="reviewer-xlsx-"))
    (old / "sheet1.xml").write_text("rows", encoding="utf-8")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    young = Path(tempfile.mkdtemp(prefix="reviewer-xlsx-"))  # another export's, running
    try:
        _write(tmp_path / "next.xlsx", [["x"]])
        assert not old.exists()
        assert young.is_dir()
    finally:
        young.rmdir()


def test_a_sheet_title_cut_before_an_apostrophe_stays_valid(tmp_path: Path) -> None:
    name = "x" * 30 + "'" + "y" * 10  # the cut falls right after the apostrophe
    taken: set[str] = set()
    first, second = sheet_title(name, taken), sheet_title(name, taken)
    assert not first.endswith("'") and not second.endswith("'") and first != second
    path = tmp_path / "apostrophe.xlsx"
    book = Book(path, "라운드")
    for _ in range(2):
        book.sheet(name).append(["x"])
    book.close()
    assert len(load_workbook(path).sheetnames) == 2
