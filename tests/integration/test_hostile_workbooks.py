"""Workbooks built to exhaust memory, and files past the limits of a table, are refused
with a message naming the file, before anything is expanded or stored."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from reviewer.cli import main
from reviewer.exchange.tables import package, reader
from reviewer.exchange.tables.package import _Extent, check_package, column_letters

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADER = ["과제번호", "사업유형", "과제명", "기업명", "AI구분", "신청금액"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", "en", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _workbook(path: Path, rows: int = 1, title: str = "과제") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "과제"
    sheet.append(HEADER)
    for index in range(rows):
        sheet.append([f"2025-{index + 1:04d}", "tips", title, "(주)기업", "AI", "2억"])
    book.save(path)
    return path


def _replace_sheet(source: Path, target: Path, sheet_xml: bytes, level: int = 6) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = sheet_xml if info.filename == "xl/worksheets/sheet1.xml" else old.read(info)
            new.writestr(info.filename, data, zipfile.ZIP_DEFLATED, compresslevel=level)
    return target


def _sheet(body: str, prefix: str = "") -> bytes:
    tag = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<{tag}worksheet {xmlns}><{tag}sheetData>{body}</{tag}sheetData></{tag}worksheet>"
    ).encode()


def _cell(ref: str, text: str = "x") -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _cells(row: int, values: list[str]) -> str:
    """The cells of ``values`` from column A of ``row`` (without the row's tags)."""
    return "".join(_cell(f"{column_letters(i + 1)}{row}", v) for i, v in enumerate(values))


VALUES = ["2025-0001", "tips", "과제", "(주)기업", "AI", "2억"]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "round.db"
    assert run("init", str(path))[0] == 0
    return path


def _refused(database: Path, workbook: Path, message: str) -> None:
    before = database.read_bytes()
    code, out, err = run("import", "applications", str(database), str(workbook))
    assert (code, out) == (3, ""), err
    assert err.strip() == f"error: {workbook.name}: {message}"
    assert database.read_bytes() == before


# -- a tiny workbook that declares a huge sheet --------------------------------------------


@pytest.mark.parametrize(
    ("far", "last", "rows", "columns"),
    [
        ("XFD1048576", "XFD1048576", "1,048,576", "16,384"),
        ("XFD5000", "XFD5000", "5,000", "16,384"),
    ],
)
def test_a_sheet_reaching_far_is_refused_before_it_is_read(
    tmp_path: Path, database: Path, far: str, last: str, rows: str, columns: str
) -> None:
    row = "".join(ch for ch in far if ch.isdigit())
    body = f'<row r="1">{_cells(1, HEADER)}</row><row r="2">{_cells(2, VALUES)}</row>'
    body += f'<row r="{row}">{_cell(far)}</row>'
    workbook = _replace_sheet(
        _workbook(tmp_path / "plain.xlsx"), tmp_path / "far.xlsx", _sheet(body)
    )
    assert workbook.stat().st_size < 10_000
    _refused(
        database,
        workbook,
        f"sheet 과제 has cells up to {last} ({rows} rows × {columns} columns), more than the "
        "20,000,000 cells a sheet may span; delete the rows and columns past the table and "
        "save it again",
    )


def test_a_sheet_within_the_span_is_read(tmp_path: Path, database: Path) -> None:
    # a stray empty cell far below: 78,000 cells
    body = f'<row r="1">{_cells(1, HEADER)}</row><row r="2">{_cells(2, VALUES)}</row>'
    body += f'<row r="3000">{_cell("Z3000", "")}</row>'
    workbook = _replace_sheet(
        _workbook(tmp_path / "plain.xlsx"), tmp_path / "ok.xlsx", _sheet(body)
    )
    code, _, err = run("import", "applications", str(database), str(workbook))
    assert code == 0, err


SPELLINGS = (
    'r="{ref}"',
    "r='{ref}'",
    'r = "{ref}"',
    'r=\n"{ref}"',
    's="0" r="{ref}"',
)


@st.composite
def sheets(draw: st.DrawFn) -> tuple[bytes, int]:
    """A small sheet written in any of the ways XML allows (spacing, quotes, prefixes,
    rows and cells with and without references, cells away from their row), and the
    size of the chunks it is read in."""
    prefix = draw(st.sampled_from(["", "x"]))
    tag = f"{prefix}:" if prefix else ""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        row_number = draw(st.none() | st.integers(1, 60))
        separator = draw(st.sampled_from([" ", "\t", "\n"]))
        opening = f"<{tag}row" + (f'{separator}r="{row_number}"' if row_number else "") + ">"
        cells = []
        for _ in range(draw(st.integers(0, 5))):
            if draw(st.booleans()):
                ref = f"{column_letters(draw(st.integers(1, 40)))}{draw(st.integers(1, 80))}"
                spelling = draw(st.sampled_from(SPELLINGS)).format(ref=ref)
                space = draw(st.sampled_from([" ", "\t", "\n  "]))
                cells.append(f'<{tag}c{space}{spelling} t="inlineStr"><{tag}is><{tag}t>v</{tag}t>')
                cells[-1] += f"</{tag}is></{tag}c>"
            else:
                cells.append(draw(st.sampled_from([f"<{tag}c/>", f"<{tag}c></{tag}c>"])))
        parts.append(opening + "".join(cells) + f"</{tag}row>")
    return _sheet("".join(parts), prefix), draw(st.integers(16, 4096))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sheets())
def test_the_span_found_covers_what_the_reader_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, drawn: tuple[bytes, int]
) -> None:
    """Whatever the spelling, the rows and columns found reach at least as far as the
    rectangle python-calamine allocates for the sheet (small sheets, so it is safe to
    let it)."""
    sheet_xml, chunk = drawn
    monkeypatch.setattr(package, "CHUNK", chunk)
    monkeypatch.setattr(package, "CELL_SPAN_LIMIT", 0)  # every sheet is reported
    path = tmp_path / "drawn.xlsx"
    _replace_sheet(tmp_path.parent / "plain-hypothesis.xlsx", path, sheet_xml)
    built = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    problem = check_package(path)
    if built.height == 0 or built.width == 0:
        return
    assert problem is not None
    if problem.key == "import.sheet_unusual":
        return  # written otherwise than spreadsheet programs write: refused whole
    assert problem.key == "import.sheet_span"
    rows = int(problem.params["rows"].replace(",", ""))
    columns = int(problem.params["columns"].replace(",", ""))
    assert rows >= built.end[0] + 1
    assert columns >= built.end[1] + 1


@pytest.fixture(autouse=True)
def _plain_for_hypothesis(tmp_path: Path) -> None:
    plain = tmp_path.parent / "plain-hypothesis.xlsx"
    if not plain.exists():
        _workbook(plain)


def test_the_ordinary_path_finds_the_exact_last_row() -> None:
    extent = _Extent()
    extent.scan(b'<row r="1"><c r="A1"/></row><row r="70001"><c r="O70001" s="1"/></row>')
    assert (extent.rows, extent.columns, extent.unusual) == (70001, 26, False)
    extent = _Extent()
    extent.scan(b'<row r="1"><c r="A1"/><c r="AB1"/><c r="ZZ1"/></row>')
    assert (extent.rows, extent.columns, extent.unusual) == (1, 702, False)
    for odd in (
        b'<row r="3"><c r="A3"/><c r="B9"/></row>',  # a cell below its row
        b'<row r="3"><c r="A3"/><c/></row>',  # a cell without a reference
        b'<row><c r="A3"/></row>',  # a row without one
        b'<row r="3"><c s="1" r="A3"/></row>',  # the reference not first
        b'<row r="3"><c r="A3"r="XFD9"/></row>',  # a second one, glued
        b'<row r="3"><c r="a3"/></row>',  # lower case
        b'<x:row r="3"><x:c r="A3"/></x:row>',  # prefixed
        b'<row r="A3"><c r="A3"/></row>',  # letters in a row's reference
        b'<row r="20000001"><c r="A20000001"/></row>',  # past Excel's last row
    ):
        extent = _Extent()
        extent.scan(odd)
        assert extent.unusual, odd


# -- zip bombs --------------------------------------------------------------------------


def test_a_part_that_expands_too_many_times_is_refused(tmp_path: Path, database: Path) -> None:
    # 12 MB of spaces compress a thousandfold
    body = f'<row r="1">{_cells(1, HEADER)}</row>' + " " * (12 * 1024 * 1024)
    bomb = _replace_sheet(
        _workbook(tmp_path / "plain.xlsx"), tmp_path / "bomb.xlsx", _sheet(body), level=9
    )
    assert bomb.stat().st_size < 100_000
    code, out, err = run("import", "applications", str(database), str(bomb))
    assert (code, out) == (3, "")
    assert "its part xl/worksheets/sheet1.xml expands" in err and "(at most 100 times" in err


def test_a_part_past_the_size_limits_is_refused(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = _workbook(tmp_path / "apps.xlsx", rows=200)
    monkeypatch.setattr(package, "PART_LIMIT", 12_000)  # the sheet, not the theme (7 KB)
    _refused(
        database,
        workbook,
        "the workbook was not read: its part xl/worksheets/sheet1.xml expands to more than "
        "12 KB (it may be a zip bomb); open it in Excel and save it as a new .xlsx",
    )
    monkeypatch.setattr(package, "PART_LIMIT", 1 << 30)
    monkeypatch.setattr(package, "TOTAL_LIMIT", 12_000)
    code, _, err = run("import", "applications", str(database), str(workbook))
    assert code == 3 and "expands to more than" in err


def test_a_part_larger_than_it_declares_is_damaged_and_not_expanded(
    tmp_path: Path, database: Path
) -> None:
    """The zip's directory says the sheet is small; its data expands far beyond that."""
    source = _workbook(tmp_path / "apps.xlsx", rows=300)
    lying = tmp_path / "lying.xlsx"
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    # the uncompressed size, in the local header (offset 22) and the central directory
    struct.pack_into("<I", data, info.header_offset + 22, 1000)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == info.filename.encode():
            struct.pack_into("<I", data, central + 24, 1000)
        central = data.find(b"PK\x01\x02", central + 4)
    lying.write_bytes(bytes(data))
    before = database.read_bytes()
    code, out, err = run("import", "applications", str(database), str(lying))
    assert (code, out) == (3, "")
    assert "lying.xlsx: cannot open the .xlsx workbook; the file is damaged" in err
    assert "xl/worksheets/sheet1.xml" in err
    assert database.read_bytes() == before


# -- limits of a table, CSV and workbook alike ---------------------------------------------


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_a_file_past_the_size_limit_is_refused(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "FILE_LIMIT", 1024)
    for workbook in (
        _workbook(tmp_path / "apps.xlsx", rows=50),
        _csv(tmp_path / "apps.csv", [HEADER, ["2025-0001", "tips", "과" * 400, "a", "AI", "1"]]),
    ):
        size = workbook.stat().st_size
        code, out, err = run("import", "applications", str(database), str(workbook))
        assert (code, out) == (3, "")
        assert err.strip() == (
            f"error: {workbook.name}: the file is too large ({size / 1024:,.0f} KB); a file "
            "to import may have at most 1 KB"
        )


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_cell_past_excels_length_is_refused_with_its_place(
    tmp_path: Path, database: Path, kind: str
) -> None:
    long_title = "가" * 40_000
    if kind == "xlsx":
        values = ["2025-0001", "tips", long_title, "(주)기업", "AI", "2억"]
        body = f'<row r="1">{_cells(1, HEADER)}</row><row r="2">{_cells(2, values)}</row>'
        source = _workbook(tmp_path / "plain.xlsx")
        path = _replace_sheet(source, tmp_path / "long.xlsx", _sheet(body))
        where = "long.xlsx, sheet 과제, row 2, column C"
    else:
        path = _csv(
            tmp_path / "long.csv", [HEADER, ["2025-0001", "tips", long_title, "a", "AI", "1"]]
        )
        where = "long.csv, row 2, column C"
    before = database.read_bytes()
    code, out, err = run("import", "applications", str(database), str(path))
    assert (code, out) == (3, "")
    assert err.strip() == (
        f"error: {where}: the cell holds 40,000 characters, more than the 32,767 a cell may hold"
    )
    assert database.read_bytes() == before


def test_a_csv_field_past_pythons_own_limit_gets_the_same_kind_of_message(
    tmp_path: Path, database: Path
) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        ",".join(HEADER) + "\n" + '2025-0001,tips,"' + "가" * 200_000 + '",a,AI,1\n',
        encoding="utf-8",
    )
    code, out, err = run("import", "applications", str(database), str(path))
    assert (code, out) == (3, "")
    assert err.strip() == (
        "error: huge.csv, row 2: a cell holds more than the 32,767 characters a cell may "
        "hold (or a quote opened on this line or above is never closed)"
    )


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_rows_and_columns_past_the_limits_are_refused(
    tmp_path: Path, database: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    rows = [HEADER] + [[f"2025-{i:04d}", "tips", "t", "c", "AI", "1"] for i in range(1, 30)]
    if kind == "csv":
        path = _csv(tmp_path / "apps.csv", rows)
        where = "apps.csv"
    else:
        path = _workbook(tmp_path / "apps.xlsx", rows=29)
        where = "apps.xlsx, sheet 과제"
    monkeypatch.setattr(reader, "ROW_LIMIT", 20)
    code, _, err = run("import", "applications", str(database), str(path))
    assert (code, err.strip()) == (3, f"error: {where}: more than 20 rows; split the file")
    monkeypatch.setattr(reader, "ROW_LIMIT", 1_048_576)
    monkeypatch.setattr(reader, "COLUMN_LIMIT", 5)
    code, _, err = run("import", "applications", str(database), str(path))
    assert (code, err.strip()) == (3, f"error: {where}, row 1: more than 5 columns")


# -- what a cell is --------------------------------------------------------------------


SCORE_HEADER = ["과제번호", "심사위원ID", "기술성", "사업성", "수행역량", "정책부합성"]


def _score_cell(ref: str, inner: str, attributes: str = "") -> str:
    return f'<c r="{ref}"{attributes}>{inner}</c>'


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (
            _score_cell("C2", "<v>#DIV/0!</v>", ' t="e"'),
            "the cell holds the error value #DIV/0! (a formula's result); correct the formula "
            "in the workbook",
        ),
        (
            _score_cell("C2", "<v>#N/A</v>", ' s="1" t="e"'),
            "the cell holds the error value #N/A (a formula's result); correct the formula in "
            "the workbook",
        ),
        (
            _score_cell("C2", "<f>SUM(D2:F2)</f>"),
            "the cell's formula has no saved value; open and save the workbook in Excel or "
            "LibreOffice",
        ),
        (
            _score_cell("C2", '<f t="shared" si="0"/>', ' s="2"'),
            "the cell's formula has no saved value; open and save the workbook in Excel or "
            "LibreOffice",
        ),
    ],
    ids=["div0", "na", "formula", "shared-formula"],
)
def test_a_cell_is_reported_as_what_it_is_not_as_blank(
    tmp_path: Path, cell: str, message: str
) -> None:
    """python-calamine gives an error value or a formula never calculated as blank: the
    message says what the cell holds, and nothing else about that cell."""
    from reviewer.domain.config_toml import load_config
    from reviewer.exchange.importers.scores import read_scores
    from tests.integration.test_importers_errors import APPS, FIXTURES, REVIEWERS, errors_of

    config = load_config(str(FIXTURES / "round.toml"))
    body = f'<row r="1">{_cells(1, SCORE_HEADER)}</row><row r="2">'
    body += _cells(2, ["P01", "R01"]) + cell
    body += '<c r="D2"><v>20</v></c><c r="E2"><v>10</v></c><c r="F2"><v>5</v></c></row>'
    workbook = _workbook(tmp_path / "plain.xlsx")
    path = _replace_sheet(workbook, tmp_path / "scores.xlsx", _sheet(body))
    errors = errors_of(lambda: read_scores([path], config, APPS, REVIEWERS, None))
    assert [e.message("en") for e in errors] == [
        f"scores.xlsx, sheet 과제, row 2, column 기술성: {message}"
    ]


def test_a_formula_with_its_value_saved_is_read_as_the_value(tmp_path: Path) -> None:
    from reviewer.domain.config_toml import load_config
    from reviewer.exchange.importers.scores import read_scores
    from tests.integration.test_importers_errors import APPS, FIXTURES, REVIEWERS

    config = load_config(str(FIXTURES / "round.toml"))
    body = f'<row r="1">{_cells(1, SCORE_HEADER)}</row><row r="2">'
    body += _cells(2, ["P01", "R01"]) + '<c r="C2"><f>10+20</f><v>30</v></c>'
    body += '<c r="D2"><v>20</v></c><c r="E2"><v>10</v></c><c r="F2"><v>5</v></c></row>'
    workbook = _workbook(tmp_path / "plain.xlsx")
    path = _replace_sheet(workbook, tmp_path / "scores.xlsx", _sheet(body))
    reviews = read_scores([path], config, APPS, REVIEWERS, None)
    assert reviews[0].scores["tech"] == 30.0


def test_libreoffices_error_values_and_formulas_are_told_apart(tmp_path: Path) -> None:
    """A workbook LibreOffice saved: its formulas carry their values, its errors too."""
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is needed: scripts/system-deps.sh installs it")
    source = tmp_path / "scores.csv"
    source.write_text(
        ",".join(SCORE_HEADER) + "\nP01,R01,=1/0,20,10,5\nP02,R01,=10+20,20,10,5\n",
        encoding="utf-8",
    )
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    path = tmp_path / "out" / "scores.xlsx"
    scan = package.scan_package(path)
    assert scan.problem is None
    assert list(scan.cells.values()) == [{(2, 3): ("error", "#DIV/0!")}]


# -- mutated real workbooks --------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _mutated_sheets(source: Path, target: Path, edit: object) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename.startswith("xl/worksheets/"):
                data = edit(data)  # type: ignore[operator]
            new.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return target


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, object]:
    """A workbook LibreOffice saved, damaged the ways hand edits and broken exports do:
    cells moved far away, bytes flipped, parts cut short, attributes respelled."""
    fixture = draw(st.sampled_from(["lo_scores.xlsx", "lo_applications.xlsx"]))
    kind = draw(st.sampled_from(["move", "flip", "cut", "respell", "error"]))
    seed = draw(st.integers(0, 2**32 - 1))
    far = f"{column_letters(draw(st.integers(1, 17_000)))}{draw(st.integers(1, 2_000_000))}"

    def edit(data: bytes) -> bytes:
        import random

        chance = random.Random(seed)
        if kind == "move":
            refs = [m.start() for m in re.finditer(rb' r="[A-Z]+[0-9]+"', data)]
            if refs:
                at = chance.choice(refs)
                end = data.index(b'"', at + 4)
                return data[: at + 4] + far.encode() + data[end:]
        if kind == "flip" and data:
            mutable = bytearray(data)
            for _ in range(chance.randint(1, 8)):
                mutable[chance.randrange(len(mutable))] = chance.randrange(256)
            return bytes(mutable)
        if kind == "cut":
            return data[: chance.randrange(len(data) + 1)]
        if kind == "respell":
            return data.replace(b' r="', chance.choice([b" r='", b'\tr="', b' r = "']), 1)
        if kind == "error":
            return data.replace(b"<v>", b"<v>#N/A</v><v>", 1).replace(b"<c ", b'<c t="e" ', 1)
        return data

    return fixture, edit


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(mutations())
def test_a_mutated_real_workbook_is_read_or_refused_never_a_crash(
    tmp_path: Path, drawn: tuple[str, object]
) -> None:
    """Whatever the damage, the importer returns rows or reports problems (exit 3);
    nothing else escapes, and nothing huge is allocated."""
    from reviewer.domain.config_toml import load_config
    from reviewer.errors import InvalidInputs
    from reviewer.exchange.importers.applications import read_applications
    from reviewer.exchange.importers.scores import read_scores
    from tests.integration.test_importers_errors import APPS, REVIEWERS

    fixture, edit = drawn
    config = load_config(str(FIXTURES / "round.toml"))
    path = _mutated_sheets(FIXTURES / fixture, tmp_path / fixture, edit)
    try:
        if fixture == "lo_scores.xlsx":
            read_scores([path], config, APPS, REVIEWERS, None)
        else:
            read_applications([path], config)
    except InvalidInputs as caught:
        assert caught.exit_code == 3
        assert all(e.location is not None and e.location.file == fixture for e in caught.errors)


# -- ways around the check, found by review ---------------------------------------------

A1 = '<row r="1"><c r="A1"><v>1</v></c>'
FAR = A1 + '<c r="XFD1048576"><v>1</v></c></row>'


def _build(
    path: Path, body: str, *, part: str = "xl/worksheets/sheet1.xml", first: bytes = b""
) -> Path:
    """A minimal workbook whose one sheet is ``body``, stored as ``part``."""
    target = part.removeprefix("xl/")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            archive.writestr(zipfile.ZipInfo("aaa/junk.bin"), first)
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/worksheet" Target="{target}"/></Relationships>',
        )
        archive.writestr(part, _sheet(body))
    return path


def _flag_first_entry(path: Path, offset_local: int, offset_central: int, value: int) -> None:
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, offset_local, value)
    struct.pack_into("<H", data, central + offset_central, value)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "trick",
    [
        "lowercase",
        "stray-row-ends",
        "refs-in-a-comment",
        "long-attribute",
        "part-in-capitals",
        "part-not-xml",
        "junk-first-method",
        "junk-first-encrypted",
    ],
)
def test_no_spelling_gets_a_huge_sheet_past_the_check(tmp_path: Path, trick: str) -> None:
    """Each of these small files would make the reader build a sheet of some 17 billion
    (or a million) cells; each is refused before the reader sees it."""
    path = tmp_path / f"{trick}.xlsx"
    if trick == "lowercase":
        _build(path, A1 + '<c r="xfd1048576"><v>1</v></c></row>')
    elif trick == "stray-row-ends":
        _build(
            path, A1 + '<c r="XFC1"><v>1</v></c></row>' + "<a></row>" * 930_000 + "<c><v>2</v></c>"
        )
    elif trick == "refs-in-a-comment":
        hidden = "<!--" + ' r="A1"' * 16_384 + "-->"
        _build(
            path,
            A1 + "</row>" + hidden + '<row r="1048576">' + "<c><v>1</v></c>" * 16_384 + "</row>",
        )
    elif trick == "long-attribute":
        _build(path, A1 + '<c r="XFD1048576" foo="' + "x" * (3 << 20) + '"><v>1</v></c></row>')
    elif trick == "part-in-capitals":
        _build(path, FAR, part="xl/worksheets/Sheet1.XML")
    elif trick == "part-not-xml":
        _build(path, FAR, part="xl/worksheets/sheet1.bin")
    else:
        _build(path, FAR, first=b"junk")
        if trick == "junk-first-method":
            _flag_first_entry(path, 8, 10, 99)  # a compression method Python cannot read
        else:
            _flag_first_entry(path, 6, 8, 1)  # flagged encrypted
    assert path.stat().st_size < 50_000
    problem = check_package(path)
    assert problem is not None
    assert problem.key in ("import.sheet_span", "import.sheet_unusual", "import.corrupt")


def test_a_pathological_sheet_is_checked_in_linear_time(tmp_path: Path) -> None:
    """Patterns that could backtrack over a part of unterminated tags (a few KB that
    took minutes) no longer can: the check of 400,000 of them ends."""
    path = _build(tmp_path / "slow.xlsx", "<!--" + "<row " * 400_000 + "-->")
    check_package(path)  # a timeout of the test run would be the failure


@pytest.mark.parametrize("kind", ["two-letter-columns", "formatted-far"])
def test_ordinary_sheets_are_not_refused(tmp_path: Path, kind: str) -> None:
    """A wide table of 30,000 rows (columns A to AB), and two rows of data with one
    formatted, empty cell far below them, are read."""
    if kind == "two-letter-columns":
        letters = [column_letters(c) for c in range(1, 29)]
        rows = "".join(
            f'<row r="{r}">' + "".join(f'<c r="{x}{r}"><v>1</v></c>' for x in letters) + "</row>"
            for r in range(1, 30_001)
        )
        path = _build(tmp_path / "wide.xlsx", rows)
    else:
        body = A1 + '</row><row r="2"><c r="A2"><v>2</v></c></row>'
        body += '<row r="1000000" s="1" customFormat="1"><c r="Z1000000" s="1"/></row>'
        path = _build(tmp_path / "formatted.xlsx", body)
    assert check_package(path) is None
    built = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    assert built.height * built.width <= 30_000 * 28


def test_a_small_csv_that_would_pad_to_a_huge_table_is_refused(
    tmp_path: Path, database: Path
) -> None:
    """One line of 16,383 commas above 2,000 empty lines (18 KB) would be padded to 33
    million cells; it is refused before."""
    path = tmp_path / "wide.csv"
    path.write_text("," * 16_383 + "\n" + "\n" * 2_000, encoding="utf-8")
    assert path.stat().st_size < 20_000
    code, out, err = run("import", "applications", str(database), str(path))
    assert (code, out) == (3, "")
    assert err.strip() == (
        "error: wide.csv: the CSV has cells up to XFD2001 (2,001 rows × 16,384 columns), more "
        "than the 20,000,000 cells a table may span; delete the rows and columns (commas) "
        "past the table and save it again"
    )


@pytest.mark.parametrize("how", ["bytes-before", "archive-in-comment"])
def test_a_file_holding_more_than_one_archive_is_refused(tmp_path: Path, how: str) -> None:
    """This check and the reader might read different archives of one file: the
    entries must tile the file from its first byte, and the comment hold no records."""
    plain = _workbook(tmp_path / "plain.xlsx").read_bytes()
    far = _build(tmp_path / "far.xlsx", FAR).read_bytes()
    path = tmp_path / f"{how}.xlsx"
    if how == "bytes-before":
        path.write_bytes(far + plain)  # Python reads the last archive, found past the first
    else:
        with zipfile.ZipFile(io.BytesIO(plain)) as source:
            entries = [(info, source.read(info)) for info in source.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in entries:
                archive.writestr(info, data)
            archive.comment = far[:1000]
    problem = check_package(path)
    assert problem is not None and problem.key == "import.corrupt"


def test_a_sheet_written_unusually_is_refused_with_a_message_to_save_it_again(
    tmp_path: Path, database: Path
) -> None:
    """Cells without references: where the reader puts them cannot be told safely."""
    body = f'<row r="1">{_cells(1, HEADER)}</row><row r="2">'
    body += "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in VALUES) + "</row>"
    workbook = _replace_sheet(
        _workbook(tmp_path / "plain.xlsx"), tmp_path / "odd.xlsx", _sheet(body)
    )
    _refused(
        database,
        workbook,
        "sheet 과제 is written as spreadsheet programs do not write it (cells or rows "
        "without a reference, or references written otherwise), so it cannot be read "
        "safely; open the workbook in Excel or LibreOffice and save it again",
    )
