"""Every XML parser of the program is hardened: no entity is ever expanded."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest
from defusedxml import DefusedXmlException

from reviewer.cli import main
from reviewer.exchange.tables.xml_safety import unsafe_xml_part

SRC = Path(__file__).resolve().parents[2] / "src" / "reviewer"

LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY lol0 "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>\n"
)
EXTERNAL = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def _workbook(path: Path, title: str = "과제") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["과제번호", "사업유형", "과제명", "기업명", "AI구분", "신청금액"])
    sheet.append(["2025-0001", "tips", title, "(주)기업", "AI", "2억"])
    book.save(path)
    return path


def _with_prolog(source: Path, target: Path, part: str, prolog: bytes, title: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == part:
                data = prolog + data.replace(b"BOMB", title)
            new.writestr(name, data)
    return target


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", "en", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_openpyxl_parses_through_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


@pytest.mark.parametrize(
    ("part", "prolog", "reference"),
    [
        ("xl/worksheets/sheet1.xml", LAUGHS, b"&lol9;"),
        ("xl/worksheets/sheet1.xml", EXTERNAL, b"&xxe;"),
        ("xl/workbook.xml", LAUGHS, b"BOMB"),  # declared where no cell refers to it
        ("[Content_Types].xml", EXTERNAL, b"BOMB"),
    ],
)
def test_an_entity_bomb_in_a_workbook_is_refused_not_expanded(
    tmp_path: Path, part: str, prolog: bytes, reference: bytes
) -> None:
    bomb = _with_prolog(
        _workbook(tmp_path / "plain.xlsx", "BOMB"), tmp_path / "apps.xlsx", part, prolog, reference
    )
    database = tmp_path / "round.db"
    assert run("init", str(database))[0] == 0
    before = database.read_bytes()
    code, out, err = run("import", "applications", str(database), str(bomb))
    assert code == 3
    assert out == ""
    assert err.strip() == (
        f"error: apps.xlsx: the workbook was not read: its part {part} declares an XML document "
        "type (DTD), which spreadsheet programs never write and which can be an attack; "
        "open it in Excel and save it as a new .xlsx"
    )
    assert "lollol" not in err
    assert database.read_bytes() == before
    # openpyxl, parsing through defusedxml, refuses the same file rather than expanding it
    if part.startswith("xl/worksheets"):
        with pytest.raises(ValueError) as info:
            openpyxl.load_workbook(bomb)
        chain: list[BaseException] = []
        cause: BaseException | None = info.value
        while cause is not None:
            chain.append(cause)
            cause = cause.__cause__ or cause.__context__
        assert any(isinstance(c, DefusedXmlException) for c in chain), chain


def test_an_ordinary_workbook_has_no_unsafe_part(tmp_path: Path) -> None:
    assert unsafe_xml_part(_workbook(tmp_path / "plain.xlsx")) is None
    (tmp_path / "not.xlsx").write_bytes(b"not a zip")
    assert unsafe_xml_part(tmp_path / "not.xlsx") is None  # left to the reader to report


def test_no_module_parses_xml_but_through_defusedxml() -> None:
    parsers = re.compile(
        r"^\s*(from|import)\s+(xml\.etree|xml\.dom|xml\.sax(?!\.saxutils)|lxml|xml\.parsers)",
        re.MULTILINE,
    )
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "xml_safety.py" and parsers.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
