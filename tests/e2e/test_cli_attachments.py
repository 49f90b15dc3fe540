"""``reviewer import attachments`` and the demo's proposals, end to end."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from reviewer.i18n import render
from tests.e2e.test_cli import main_ko, run

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    code, _, err = run("demo", str(directory), "--applications", "40")
    assert code == 0, err
    return directory


def test_the_demo_writes_and_imports_a_proposal_per_application(demo: Path) -> None:
    pdfs = sorted((demo / "사업계획서").glob("*.pdf"))
    assert len(pdfs) == 40
    assert pdfs[0].name == "2025-0001_사업계획서.pdf"
    with sqlite3.connect(demo / "round.db") as connection:
        kinds = connection.execute(
            "SELECT kind, count(*), count(DISTINCT application_id) FROM attachment GROUP BY kind"
        ).fetchall()
        blobs = connection.execute("SELECT count(*) FROM attachment_blob").fetchone()
    assert kinds == [("proposal", 40, 40)]
    assert blobs == (40,)
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF-1.4")
        assert 10_000 < pdf.stat().st_size < 60_000


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_a_proposal_pdf_has_the_application_in_korean_text(demo: Path) -> None:
    import openpyxl

    sheet = openpyxl.load_workbook(demo / "신청과제.xlsx", read_only=True).active
    assert sheet is not None
    first = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "2025-0001")
    text = subprocess.run(
        ["pdftotext", str(demo / "사업계획서" / "2025-0001_사업계획서.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    compact = "".join(text.split())
    assert "사업계획서" in compact
    for value in (first[0], first[1], first[3], first[6]):  # id, track, company, field
        assert "".join(str(value).split()) in compact
    assert "".join(str(first[2]).split())[:12] in compact  # the title (maybe wrapped)
    assert "1.개발배경및필요성" in compact
    info = subprocess.run(
        ["pdfinfo", str(demo / "사업계획서" / "2025-0001_사업계획서.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"^Pages:\s+2$", info, re.MULTILINE)
    fonts = subprocess.run(
        ["pdffonts", str(demo / "사업계획서" / "2025-0001_사업계획서.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert fonts and all("NanumGothic" in line and " yes yes yes " in line for line in fonts)


def test_reimporting_the_demo_folder_changes_nothing(demo: Path, tmp_path: Path) -> None:
    database = tmp_path / "round.db"
    shutil.copy(demo / "round.db", database)
    code, out, err = run("import", "attachments", str(database), str(demo / "사업계획서"))
    assert code == 0, err
    assert "40 attachments of 40 applications: 0 added, 0 replaced, 40 unchanged" in out


def test_unmatched_files_are_listed_and_strict_refuses_them(demo: Path, tmp_path: Path) -> None:
    database = tmp_path / "round.db"
    shutil.copy(demo / "round.db", database)
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "2025-0003_발표자료.pptx").write_bytes(b"PK\x03\x04 slides")
    (folder / "2099-0001.pdf").write_bytes(PDF)
    (folder / "notes.txt").write_text("x")
    code, out, _ = main_ko("import", "attachments", str(database), str(folder), "--strict")
    assert code == 3
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM attachment").fetchone() == (40,)
    code, out, err = main_ko("import", "attachments", str(database), str(folder))
    assert code == 0, err
    assert "추가 1" in out
    assert out.splitlines()[1:] == [
        "과제번호를 찾지 못한 파일 (가져오지 않음):",
        "  2099-0001.pdf",
        render("attachments.skipped_list", "ko"),
        "  notes.txt",
    ]
    with sqlite3.connect(database) as connection:
        assert connection.execute(
            "SELECT kind FROM attachment WHERE name = '2025-0003_발표자료.pptx'"
        ).fetchone() == ("other",)


def test_a_fake_pdf_is_refused_with_exit_3_naming_it(demo: Path, tmp_path: Path) -> None:
    database = tmp_path / "round.db"
    shutil.copy(demo / "round.db", database)
    folder = tmp_path / "files"
    (folder / "2025-0001").mkdir(parents=True)
    (folder / "2025-0001" / "계획서.pdf").write_bytes(b"MZ\x90\x00 an executable")
    code, _, err = run("import", "attachments", str(database), str(folder))
    assert code == 3
    assert "2025-0001/계획서.pdf: not a PDF file" in err


def test_a_locked_round_refuses_with_exit_4(demo: Path, tmp_path: Path) -> None:
    database = tmp_path / "round.db"
    shutil.copy(demo / "round.db", database)
    assert run("lock", str(database))[0] == 0
    code, _, err = run("import", "attachments", str(database), str(demo / "사업계획서"))
    assert code == 4
    assert "locked" in err


def test_a_missing_folder_is_exit_3(demo: Path, tmp_path: Path) -> None:
    code, _, err = run("import", "attachments", str(demo / "round.db"), str(tmp_path / "x"))
    assert code == 3
    assert "no such folder" in err
