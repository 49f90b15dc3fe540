"""Checking a workbook's package before the reader expands it.

An .xlsx is a zip of XML parts, and the reader (python-calamine) builds each sheet it
reads as one rectangle, from the first cell to the last, in memory. A few kilobytes can
therefore ask for any amount of memory: a part that decompresses to gigabytes (a "zip
bomb"), or a sheet with one cell at A1 and one at XFD1048576 (17 billion cells). Both
are refused here, with a message naming the file and the part or sheet, before the
reader sees the file:

- every part is decompressed as a stream, in chunks, so no more than a chunk is held;
  a part whose declared size, actual size or expansion ratio is past the limits below
  is refused (a part larger than it declares fails its checksum: a damaged file);
- every worksheet's cells are located as the reader would place them (by their ``r``
  references, or one after another where a row or cell has none), and a sheet whose
  rectangle would hold more than ``CELL_SPAN_LIMIT`` cells, or reach past Excel's last
  row or column, is refused.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

FILE_LIMIT = 512 * 1024 * 1024  # bytes a file to import may have (CSV or workbook)
PART_LIMIT = 1024 * 1024 * 1024  # bytes a part of a workbook may expand to
TOTAL_LIMIT = 2 * 1024 * 1024 * 1024  # bytes all its parts together may expand to
RATIO_LIMIT = 100  # how many times its compressed size a large part may expand to
RATIO_FLOOR = 8 * 1024 * 1024  # parts smaller than this expand as they like
CELL_SPAN_LIMIT = 20_000_000  # cells of a sheet's rectangle, first cell to last
ROW_LIMIT = 1_048_576  # Excel's last row
COLUMN_LIMIT = 16_384  # Excel's last column, XFD
CHUNK = 1 << 20

# Cells and rows as spreadsheet programs write them: ``<c r="B7"`` and ``<row r="7"``,
# the reference first, in capitals. These patterns start with a literal, which the
# regular-expression engine finds fast; a sheet written otherwise (other spacing,
# quotes, case or order, prefixes, cells or rows without a reference, a cell beyond its
# row) is scanned by the exact patterns after them, whose repeats are bounded (no
# input makes them backtrack).
_ROW_NUMBERS = re.compile(rb'<row r="([0-9]+)"')
_THREE_LETTERS = re.compile(rb'<c r="[A-Z]{3}')
_TWO_LETTERS = re.compile(rb'<c r="[A-Z]{2}')
_LOWER_CASE = re.compile(rb'<c r="[A-Z]{0,2}[a-z]')
_TWO_LETTER_COLUMNS = re.compile(rb'<c r="([A-Z]{2})[0-9]')
# a cell without a value (formatting only) and a row without cells, which the reader
# leaves out of the sheet: not counted where every cell and row is numbered
_EMPTY_CELL = re.compile(rb'<c r="[A-Z]{1,3}[0-9]{1,7}"(?: [a-zA-Z]{1,8}="[^"<>]{0,64}"){0,8} ?/>')
_EMPTY_ROW = re.compile(
    rb'<row r="[0-9]{1,7}"(?: [a-zA-Z:]{1,16}="[^"<>]{0,64}"){0,16} ?(?:/>|></row>)'
)
_WHITESPACE = bytes.maketrans(b"\t\n\r", b"   ")
# (an ``r`` spelled otherwise in a ``<c `` or ``<row `` tag shows in the counts below)
_ODD_SPELLINGS = (b":c", b":row", b"<c>", b"<c/", b"<row>", b"<row/")
_UNUSUAL_REFERENCE = re.compile(rb'<c r="(?:[A-Z]{2}|[A-Z]{0,2}[a-z])')
_TAG = rb"<(/?)(?:[\w.-]{1,64}:)?"
_ROW_EVENT = re.compile(_TAG + rb"row(?=[\s>/])([^>]{0,4096})")
_CELL_EVENT = re.compile(rb"<(?:[\w.-]{1,64}:)?c(?=[\s>/])([^>]{0,4096})")
_ROW_ATTRIBUTE = re.compile(rb"""(?:^|\s)r\s{0,64}=\s{0,64}["']0{0,64}([0-9]{1,20})["']""")
_CELL_ATTRIBUTE = re.compile(
    rb"""(?:^|\s)r\s{0,64}=\s{0,64}["']([A-Za-z]{1,8})0{0,64}([0-9]{1,20})["']"""
)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class PackageProblem:
    """Why a workbook is refused: an ``import.*`` message key and its parameters."""

    key: str
    params: dict[str, str]


@dataclass
class _Extent:
    """Where a sheet's cells reach, as the reader would place them, or further."""

    rows: int = 0  # the last row (1-based)
    columns: int = 0  # the last column (1-based)
    unnumbered_cells: int = 0  # cells without an ``r``: each may be one further right
    current: int = 0  # the row the reader is at, as the exact scan follows it (1-based)

    def scan(self, body: bytes, *, skip_empty: bool = False) -> None:
        """Where the cells of ``body`` (whole tags) reach; with ``skip_empty``, cells
        without a value and rows without cells are left out where every cell and row
        is numbered (the reader leaves them out too)."""
        if b"\t" in body or b"\n" in body or b"\r" in body:
            body = body.translate(_WHITESPACE)
        whole = body
        if skip_empty:
            body = _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", body))
        rows = _ROW_NUMBERS.findall(body)
        last = max(self.rows, max(map(_number, rows))) if rows else self.rows
        cells = body.count(b'<c r="')
        columns = 26 if cells else 0  # the bound the letters give
        unusual = _UNUSUAL_REFERENCE.search(body) is not None
        if unusual and _TWO_LETTERS.search(body) is not None:
            if _THREE_LETTERS.search(body) is not None:
                columns = COLUMN_LIMIT + 1
            else:
                widest = max(set(_TWO_LETTER_COLUMNS.findall(body)))
                columns = column_number(widest.decode())
        if (
            columns <= 702
            and not any(spelling in body for spelling in _ODD_SPELLINGS)
            and body.count(b' r="') == cells + len(rows)
            and body.count(b"<c ") == cells
            and body.count(b"<row ") == len(rows)
            and body.count(b"</row>") <= len(rows)
            and not (unusual and _LOWER_CASE.search(body) is not None)
            and re.search(rb'<c r="[A-Z]{1,3}0*' + greater_than(last) + b'"', body) is None
        ):
            # every row and cell numbered as written, no cell beyond its rows: the
            # rows are exact, the columns bounded by the letters
            self.rows = last
            self.current = last
            self.columns = max(self.columns, columns)
            return
        self._scan_exactly(whole)

    def _scan_exactly(self, body: bytes) -> None:
        """Follow the rows as the reader does (a row's ``r`` moves to it, a row without
        one to the next, and so does every end tag named ``row``, whatever it closes),
        and take every cell's reference, or one column more for a cell without one."""
        current = self.current
        for event in _ROW_EVENT.finditer(body):
            closing, attributes = event.group(1), event.group(2)
            if closing:
                current += 1
                continue
            number = _ROW_ATTRIBUTE.search(attributes)
            current = _number(number.group(1)) if number else current + 1
            self.rows = max(self.rows, current)
            if attributes.endswith(b"/"):
                current += 1
        self.rows = max(self.rows, current + 1)  # a cell after the last end tag
        self.current = current
        for event in _CELL_EVENT.finditer(body):
            reference = _CELL_ATTRIBUTE.search(event.group(1))
            if reference is None:
                self.unnumbered_cells += 1
                continue
            letters, digits = reference.groups()
            self.rows = max(self.rows, _number(digits))
            self.columns = max(self.columns, column_number(letters.decode().upper()))

    @property
    def last_row(self) -> int:
        return self.rows

    @property
    def last_column(self) -> int:
        return self.columns + self.unnumbered_cells


def _number(digits: bytes) -> int:
    """A row number as written; one of more than twelve digits as 10**12 (far past any
    limit, and never a conversion of thousands of digits)."""
    return int(digits) if len(digits) <= 12 else 10**12


def greater_than(number: int) -> bytes:
    """A pattern of the decimal numbers greater than ``number`` (without leading
    zeros): longer ones, or as long and larger at the first digit that differs."""
    digits = str(number)
    options = [b"[1-9][0-9]{%d,}" % len(digits)]
    for index, digit in enumerate(digits):
        if digit != "9":
            rest = len(digits) - index - 1
            options.append(
                digits[:index].encode() + b"[%d-9]" % (int(digit) + 1) + b"[0-9]{%d}" % rest
            )
    return b"(?:" + b"|".join(options) + b")"


def column_number(letters: str) -> int:
    """The 1-based number of column ``letters`` (A is 1, XFD is 16,384)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """The letters of 1-based column ``number``."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class PackageScan:
    """What the check found: why the workbook is refused (None: it may be read), and
    per sheet the cells the reader gives as blank although they are not: an error value
    (``#DIV/0!``) or a formula whose value was never saved, by (row, column), 1-based."""

    problem: PackageProblem | None = None
    cells: dict[str, dict[tuple[int, int], tuple[str, str]]] = field(default_factory=dict)


def check_package(path: Path) -> PackageProblem | None:
    """Why the workbook at ``path`` must not be expanded, or None (see :func:`scan_package`)."""
    return scan_package(path).problem


def scan_package(path: Path) -> PackageScan:
    """Check the workbook at ``path`` before it is expanded. A file that is not a zip is
    left to the reader to report; a part that does not decompress as it declares is
    reported damaged here."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return PackageScan()
    scan = PackageScan()
    with archive:
        names = _sheet_names(archive)
        total = 0
        for info in archive.infolist():
            part = info.filename
            declared = _too_large(part, info.file_size, info.compress_size)
            if declared is not None:
                return PackageScan(declared)
            # every part is scanned as a sheet may be: the reader finds a sheet by the
            # workbook's relationships, by any name and in any case
            extent: _Extent | None = _Extent()
            special: dict[tuple[int, int], tuple[str, str]] = {}
            size = 0
            try:
                with archive.open(info) as stream:
                    tail = b""
                    while chunk := stream.read(CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if total > TOTAL_LIMIT:
                            return PackageScan(_bomb(part, TOTAL_LIMIT))
                        actual = _too_large(part, size, info.compress_size)
                        if actual is not None:
                            return PackageScan(actual)
                        if extent is not None:
                            body, tail = _whole_tags(tail + chunk)
                            extent.scan(body)
                            _special_cells(body, special)
                    if extent is not None and tail:
                        extent.scan(tail)
            except (
                zipfile.BadZipFile,
                OSError,
                EOFError,
                zlib.error,
                ValueError,
                RuntimeError,  # an encrypted part, or one compressed another way
            ) as error:
                # damaged, or larger than it declares: not handed to the reader, which
                # might expand it all
                return PackageScan(PackageProblem("import.corrupt", {"error": f"{part}: {error}"}))
            if extent is not None:
                name = names.get(part.lower(), PurePosixPath(part).name)
                problem = _span(extent, name)
                if problem is not None:
                    problem = _span(_extent_without_empty_cells(archive, info), name)
                if problem is not None:
                    return PackageScan(problem)
                if special:
                    scan.cells[name] = special
    return scan


def _extent_without_empty_cells(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> _Extent:
    """The part's extent once more, leaving out cells without a value and rows without
    cells (a sheet formatted far beyond its data); its size is checked already."""
    extent = _Extent()
    with archive.open(info) as stream:
        tail = b""
        while chunk := stream.read(CHUNK):
            body, tail = _whole_tags(tail + chunk)
            extent.scan(body, skip_empty=True)
        if tail:
            extent.scan(tail, skip_empty=True)
    return extent


def _whole_tags(data: bytes) -> tuple[bytes, bytes]:
    """``data`` cut after its last whole row (else its last whole tag): the part to scan
    now and the rest, kept for the next chunk. Data without any tag's end is scanned
    whole, keeping its last bytes too (a reference may go on in the next chunk)."""
    cut = data.rfind(b"</row>")
    if cut >= 0 and len(data) - cut <= CHUNK:
        cut += len(b"</row>")
    else:
        cut = data.rfind(b">") + 1
    if cut == 0:
        return data, data[-64:]
    return data[:cut], data[cut:]


# as spreadsheet programs write them (literal starts, which are found fast); a cell
# spelled otherwise reads as blank, as the reader gives it
_ERROR_TYPE = re.compile(rb"""t=["']e["']""")
_FORMULA = re.compile(rb"<f[\s>/]")
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>/]")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_REF = re.compile(rb"\br\s*=\s*[\"']([A-Z]{1,3})([0-9]{1,7})[\"']")
_SAVED_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</")


def _special_cells(body: bytes, found: dict[tuple[int, int], tuple[str, str]]) -> None:
    """Add the error cells and the formulas without a saved value in ``body`` (whole
    rows) to ``found``: (row, column) → ("error", the value) or ("formula", "")."""
    for match in _ERROR_TYPE.finditer(body):
        cell = _cell_around(body, match.start())
        if cell is not None and match.start() < cell[1]:  # in the cell's own tag
            place, _, text = cell
            value = _SAVED_VALUE.search(text)
            shown = value.group(1).decode("utf-8", "replace").strip() if value else ""
            found[place] = ("error", shown or "#VALUE!")
    for match in _FORMULA.finditer(body):
        cell = _cell_around(body, match.start())
        if cell is not None and match.start() > cell[1] and _SAVED_VALUE.search(cell[2]) is None:
            found.setdefault(cell[0], ("formula", ""))


def _cell_around(body: bytes, position: int) -> tuple[tuple[int, int], int, bytes] | None:
    """The cell whose tag or content holds ``position``: its place (row, column), where
    its start tag ends, and its text; None for a cell without a reference (its place is
    not known here) or one that goes on past ``body``."""
    start = -1
    for start_match in _CELL_START.finditer(body, max(0, position - 4096), position + 1):
        start = start_match.start()
    if start < 0:
        return None
    tag_end = body.find(b">", start)
    if tag_end < 0:
        return None
    if body[tag_end - 1 : tag_end] == b"/":
        text = body[start : tag_end + 1]
    else:
        end = _CELL_END.search(body, tag_end)
        if end is None:
            return None
        text = body[start : end.end()]
    if position >= start + len(text):
        return None
    ref = _REF.search(body, start, tag_end + 1)
    if ref is None:
        return None
    return (int(ref.group(2)), column_number(ref.group(1).decode())), tag_end, text


def _too_large(part: str, size: int, compressed: int) -> PackageProblem | None:
    if size > PART_LIMIT:
        return _bomb(part, PART_LIMIT)
    if size > RATIO_FLOOR and size > RATIO_LIMIT * max(compressed, 1):
        return PackageProblem(
            "import.zip_ratio",
            {"part": part, "ratio": f"{size / max(compressed, 1):,.0f}", "limit": str(RATIO_LIMIT)},
        )
    return None


def _bomb(part: str, limit: int) -> PackageProblem:
    return PackageProblem("import.zip_size", {"part": part, "limit": size_text(limit)})


def _span(extent: _Extent, sheet: str) -> PackageProblem | None:
    rows, columns = extent.last_row, extent.last_column
    if rows <= ROW_LIMIT and columns <= COLUMN_LIMIT and rows * columns <= CELL_SPAN_LIMIT:
        return None
    shown_columns = min(columns, COLUMN_LIMIT + 1)
    return PackageProblem(
        "import.sheet_span",
        {
            "sheet": sheet,
            "last": f"{column_letters(max(shown_columns, 1))}{max(rows, 1)}",
            "rows": f"{rows:,}",
            "columns": f"{columns:,}",
            "limit": f"{CELL_SPAN_LIMIT:,}",
        },
    )


def size_text(size: int) -> str:
    """A size in bytes as a message shows it (``512 MB``, ``2 GB``, ``7 KB``)."""
    if size >= 1 << 30:
        return f"{size / (1 << 30):,.0f} GB"
    if size >= 1 << 20:
        return f"{size / (1 << 20):,.0f} MB"
    return f"{max(size, 1) / 1024:,.0f} KB"


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name → sheet name, from the workbook and its relationships (small parts,
    read whole after their sizes are checked); empty when they cannot be read."""
    try:
        for name in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
            info = archive.getinfo(name)
            if info.file_size > 16 * 1024 * 1024:
                return {}
        workbook = fromstring(archive.read("xl/workbook.xml"), forbid_dtd=True)
        rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
    except (KeyError, ParseError, DefusedXmlException, zipfile.BadZipFile, OSError, zlib.error):
        return {}
    targets: dict[str, str] = {}
    for rel in rels.iter(f"{_PACKAGE_REL}Relationship"):
        target = rel.get("Target", "")
        target = target[1:] if target.startswith("/") else str(PurePosixPath("xl") / target)
        targets[rel.get("Id", "")] = target
    names: dict[str, str] = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id", ""))
        if target is not None:
            names[target.lower()] = sheet.get("name", "")
    return names
