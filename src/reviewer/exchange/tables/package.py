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
- a file holding more than one archive, whose parts two readers might not see alike,
  is refused;
- every worksheet (found through the package's relationships, as the reader finds it)
  is read only when written as spreadsheet programs write it, every row and cell
  numbered: its cells are then where their references say, and a sheet whose rectangle
  would hold more than ``CELL_SPAN_LIMIT`` cells, or reach past Excel's last row or
  column, is refused; a sheet written otherwise is refused, to be saved again;
- its cells holding an error value or a formula never calculated, which the reader
  gives as blank, are noted for the importer's messages.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from defusedxml.ElementTree import fromstring

FILE_LIMIT = 512 * 1024 * 1024  # bytes a file to import may have (CSV or workbook)
PART_LIMIT = 1024 * 1024 * 1024  # bytes a part of a workbook may expand to
TOTAL_LIMIT = 2 * 1024 * 1024 * 1024  # bytes all its parts together may expand to
RATIO_LIMIT = 100  # how many times its compressed size a large part may expand to
RATIO_FLOOR = 8 * 1024 * 1024  # parts smaller than this expand as they like
CELL_SPAN_LIMIT = 20_000_000  # cells of a sheet's rectangle, first cell to last
ROW_LIMIT = 1_048_576  # Excel's last row
COLUMN_LIMIT = 16_384  # Excel's last column, XFD
CHUNK = 1 << 20

# Cells and rows as spreadsheet programs write them (Excel, LibreOffice, Gnumeric,
# 한셀, openpyxl, XlsxWriter): ``<c r="B7"`` and ``<row r="7"``, the reference first, in
# capitals, each element unprefixed. A sheet so written has its cells exactly where
# their references say, which these patterns (each starting with a literal the engine
# finds fast) read in a few passes. A sheet written otherwise — cells or rows without a
# reference, references spelled or placed otherwise, prefixed elements — is refused
# with a message to save it again: where the reader would put its cells cannot be
# told safely without reading it as the reader does.
_ROW_NUMBERS = re.compile(rb'<row r="([0-9]{1,12})"')
_WIDE_COLUMNS = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
# a cell's reference that is not letters (1 to 3) then digits (1 to 7); a row's not digits
_UNUSUAL_REFERENCE = re.compile(
    rb'<c r="(?:[^A-Z]|[A-Z]{1,3}[^A-Z0-9]|[A-Z]{4}|[A-Z]{1,3}[0-9]{1,7}[^0-9"]|[A-Z]{1,3}[0-9]{8})'
)
_UNUSUAL_ROW = re.compile(rb'<row r="(?:[^0-9]|[0-9]{1,12}[^0-9"]|[0-9]{13})')
_WHITESPACE = bytes.maketrans(b"\t\n\r", b"   ")
_ODD_SPELLINGS = (b":c", b":row", b"<c>", b"<c/", b"<row>", b"<row/")
_ATTRIBUTES = rb'(?: [a-zA-Z:]{1,16}="[^"<>]{0,64}"){0,16} ?'
# a cell without a value (formatting only) and a row without cells, which the reader
# leaves out of the sheet
_EMPTY_CELL = re.compile(rb'<c r="[A-Z]{1,3}[0-9]{1,7}"' + _ATTRIBUTES + rb"/>")
_EMPTY_ROW = re.compile(rb'<row r="[0-9]{1,7}"' + _ATTRIBUTES + rb"(?:/>|></row>)")
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
    """Where a sheet's cells reach, as the reader places them, for a sheet written as
    spreadsheet programs write them (``unusual`` otherwise)."""

    rows: int = 0  # the last row (1-based)
    columns: int = 0  # the last column (1-based)
    unusual: bool = False

    def scan(self, body: bytes, *, skip_empty: bool = False) -> None:
        """Where the cells of ``body`` (whole tags) reach; with ``skip_empty``, cells
        without a value and rows without cells are left out (so does the reader)."""
        if self.unusual:
            return
        if b"\t" in body or b"\n" in body or b"\r" in body:
            body = body.translate(_WHITESPACE)
        if skip_empty:
            body = _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", body))
        rows = _ROW_NUMBERS.findall(body)
        last = max(self.rows, max(map(_number, rows))) if rows else self.rows
        cells = body.count(b'<c r="')
        columns = 26 if cells else 0  # the widest column the letters allow
        unusual = (
            _UNUSUAL_REFERENCE.search(body) is not None or _UNUSUAL_ROW.search(body) is not None
        )
        if not unusual and _has_wide_columns(body):
            widest = max(set(_WIDE_COLUMNS.findall(body)), key=lambda c: (len(c), c), default=b"Z")
            columns = column_number(widest.decode())
        if (
            unusual
            or any(spelling in body for spelling in _ODD_SPELLINGS)
            or b'"r="' in body  # an r glued to the attribute before it
            or b"'r=" in body
            or b" r='" in body
            or body.count(b' r="') != cells + len(rows)  # no second r, no r elsewhere
            or body.count(b"<c ") != cells  # every cell with its reference first
            or body.count(b"<row ") != len(rows)
            or body.count(b"</row>") > len(rows)
            or re.search(rb'<c r="[A-Z]{1,3}0*' + greater_than(last) + b'"', body) is not None
        ):
            self.unusual = True
            return
        self.rows = last
        self.columns = max(self.columns, columns)


def _has_wide_columns(body: bytes) -> bool:
    return re.search(rb'<c r="[A-Z]{2}', body) is not None


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
        damage = _not_one_archive(path, archive)
        if damage is not None:
            return PackageScan(PackageProblem("import.corrupt", {"error": damage}))
        names = _sheet_names(archive)
        total = 0
        for info in archive.infolist():
            part = info.filename
            declared = _too_large(part, info.file_size, info.compress_size)
            if declared is not None:
                return PackageScan(declared)
            # a sheet is found as the reader finds it, by the relationships, in any case
            # (all parts, when they cannot be read)
            key = _part_key(part)
            is_sheet = names is None or key in names or key.startswith("xl/worksheets/")
            extent: _Extent | None = _Extent() if is_sheet else None
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
                            if b"\t" in body or b"\n" in body or b"\r" in body:
                                body = body.translate(_WHITESPACE)
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
                name = (names or {}).get(key, PurePosixPath(part).name)
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


def _not_one_archive(path: Path, archive: zipfile.ZipFile) -> str | None:
    """Why the file is not exactly one zip archive, or None. Two archives in one file
    (one hidden in the other's comment, say) may be read as one by this check and as
    the other by the reader: the entries must follow one another from the file's first
    byte to its directory, and the comment must hold no zip records."""
    comment = archive.comment
    if len(comment) > 1024 or any(
        mark in comment for mark in (b"PK\x01\x02", b"PK\x03\x04", b"PK\x05\x06")
    ):
        return "the archive's comment holds zip records"
    expected = 0
    try:
        with path.open("rb") as handle:
            for info in sorted(archive.infolist(), key=lambda entry: entry.header_offset):
                if info.header_offset != expected:
                    return f"bytes outside the archive's directory before {info.filename}"
                handle.seek(info.header_offset)
                header = handle.read(30)
                if len(header) < 30 or header[:4] != b"PK\x03\x04":
                    return f"no entry where the directory puts {info.filename}"
                (flags,) = struct.unpack("<H", header[6:8])
                name_length, extra_length = struct.unpack("<HH", header[26:30])
                end = info.header_offset + 30 + name_length + extra_length + info.compress_size
                if flags & 0x08:  # a data descriptor follows the data
                    handle.seek(end)
                    wide = max(info.file_size, info.compress_size) >= 0xFFFFFFFF
                    end += (4 if handle.read(4) == b"PK\x07\x08" else 0) + (20 if wide else 12)
                expected = end
    except OSError as error:
        return str(error)
    if expected != getattr(archive, "start_dir", expected):
        return "bytes outside the archive's directory before it"
    return None


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
_REF = re.compile(rb'r="([A-Z]{1,3})([0-9]{1,7})"')
_SAVED_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</")


SPECIAL_LOOKS = 50_000  # error and formula cells looked at in a part, at most
_REACH = 4096  # bytes a cell's tag or formula may take to be looked at


def _special_cells(body: bytes, found: dict[tuple[int, int], tuple[str, str]]) -> None:
    """Add the error cells and the formulas without a saved value in ``body`` (whole
    rows) to ``found``: (row, column) → ("error", the value) or ("formula", ""). Every
    search is bounded, and a part's first ``SPECIAL_LOOKS`` are looked at."""
    for pattern in (_ERROR_TYPE, _FORMULA):
        for looked, match in enumerate(pattern.finditer(body)):
            if looked >= SPECIAL_LOOKS:
                break
            cell = _cell_around(body, match.start())
            if cell is None:
                continue
            place, tag_end, text = cell
            if pattern is _ERROR_TYPE:
                if match.start() < tag_end:  # in the cell's own tag
                    value = _SAVED_VALUE.search(text)
                    shown = value.group(1).decode("utf-8", "replace").strip() if value else ""
                    found[place] = ("error", shown or "#VALUE!")
            elif match.start() > tag_end and _SAVED_VALUE.search(text) is None:
                found.setdefault(place, ("formula", ""))


def _cell_around(body: bytes, position: int) -> tuple[tuple[int, int], int, bytes] | None:
    """The cell whose tag or content holds ``position``: its place (row, column), where
    its start tag ends, and its text; None for a cell farther than ``_REACH`` from it,
    or one without a reference in its place."""
    start = body.rfind(b"<c ", max(0, position - _REACH), position + 1)
    if start < 0:
        return None
    tag_end = body.find(b">", start, start + _REACH)
    if tag_end < 0:
        return None
    if body[tag_end - 1 : tag_end] == b"/":
        text = body[start : tag_end + 1]
    else:
        end = body.find(b"</c>", tag_end, tag_end + _REACH)
        if end < 0:
            return None
        text = body[start : end + 4]
    if position >= start + len(text):
        return None
    ref = _REF.match(body, start + 3)
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
    if extent.unusual:
        return PackageProblem("import.sheet_unusual", {"sheet": sheet})
    rows, columns = extent.rows, extent.columns
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


def _part_key(name: str) -> str:
    """A part's name as the reader matches it: any case, ``\\`` as ``/``, no ``.`` or
    ``..`` steps, no leading ``/``."""
    return posixpath.normpath("/" + name.replace("\\", "/")).lstrip("/").lower()


def _small_part(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], name: str) -> Any:
    info = parts.get(_part_key(name))
    if info is None or info.file_size > 16 * 1024 * 1024:
        raise KeyError(name)
    return fromstring(archive.read(info), forbid_dtd=True)


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str] | None:
    """Part key (:func:`_part_key`) → sheet name, from the package's relationships, the
    workbook and its relationships (small parts, read whole); None when they cannot be
    read (every part is then checked as a sheet)."""
    parts = {_part_key(info.filename): info for info in archive.infolist()}
    try:
        package = _small_part(archive, parts, "_rels/.rels")
        workbook_name = "xl/workbook.xml"
        for rel in package.iter(f"{_PACKAGE_REL}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                workbook_name = posixpath.join("/", rel.get("Target", ""))
        folder, base = posixpath.split(_part_key(workbook_name))
        workbook = _small_part(archive, parts, workbook_name)
        rels = _small_part(archive, parts, posixpath.join(folder, "_rels", base + ".rels"))
    except Exception:
        return None
    targets: dict[str, str] = {}
    for rel in rels.iter(f"{_PACKAGE_REL}Relationship"):
        target = rel.get("Target", "")
        joined = target if target.startswith("/") else posixpath.join(folder, target)
        targets[rel.get("Id", "")] = _part_key(joined)
    names: dict[str, str] = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id", ""))
        if target is not None:
            names[target] = sheet.get("name", "")
    return names
