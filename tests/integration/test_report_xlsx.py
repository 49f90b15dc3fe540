"""The results workbook, read back with openpyxl and through LibreOffice."""

from __future__ import annotations

import csv
import errno
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from reviewer.exchange.reports.context import ReportContext, status_label
from reviewer.exchange.reports.workbook import ranking as report_xlsx
from reviewer.exchange.reports.workbook.cells import sheet_title
from reviewer.exchange.reports.workbook.ranking import write_workbook
from tests.integration.test_report_pdf import EVIL, ROUND_NAME, sample_context

SHEETS_KO = ["요약", "순위", "pre-rnd", "tips", "심사위원 점수", "쿼터", "통계"]
SHEETS_EN = ["Summary", "Ranking", "pre-rnd", "tips", "Reviewer scores", "Quotas", "Statistics"]
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


@pytest.fixture(scope="module")
def context() -> ReportContext:
    return sample_context()


@pytest.fixture(scope="module")
def workbook_path(context: ReportContext, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "ranking.xlsx"
    write_workbook(path, context, "ko")
    return path


def _header_index(row: tuple[object, ...]) -> dict[str, int]:
    return {str(value): index for index, value in enumerate(row) if value is not None}


def expected_ranking(context: ReportContext) -> list[tuple[str, int | None, str, str]]:
    """(track, rank, id, status label) of every application, in report order."""
    return [
        (row.application.track, row.rank, row.id, status_label(row.status, "ko"))
        for row in context.rows
    ]


def test_sheets_in_order(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == SHEETS_KO


def test_ranking_sheet_has_every_application_with_ranks_and_values(
    workbook_path: Path, context: ReportContext
) -> None:
    sheet = load_workbook(workbook_path)["순위"]
    rows = list(sheet.iter_rows(values_only=True))
    col = _header_index(rows[0])
    got = [
        (r[col["트랙 ID"]], r[col["순위"]], r[col["과제번호"]], r[col["상태"]]) for r in rows[1:]
    ]
    assert got == expected_ranking(context)
    by_id = {r[col["과제번호"]]: r for r in rows[1:]}
    p01 = by_id["P01"]
    assert p01[col["기업명"]] == EVIL
    assert Decimal(str(p01[col["최종 점수"]])) == context.run.applications["P01"].final
    assert p01[col["기술성 평균"]] == pytest.approx(54)  # points of 60
    assert p01[col["신청금액"]] == 200_000_000
    assert (p01[col["심사위원 1"]], p01[col["총점 1"]]) == ("R1", pytest.approx(90))
    assert "P04" in by_id["P03"][col["사유"]]  # the displacement is explained
    assert "투자확약" in by_id["T04"][col["사유"]]
    assert by_id["T04"][col["최종 점수"]] is None and by_id["T04"][col["순위"]] is None


def test_formats_freeze_filters_and_shading(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["순위"]
    header = [c.value for c in sheet[1]]
    final = header.index("최종 점수") + 1
    amount = header.index("신청금액") + 1
    assert sheet.freeze_panes == "E2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"
    assert sheet.cell(2, final).number_format == "0.00"
    assert sheet.cell(2, amount).number_format == "#,##0"
    selected_fill = sheet.cell(2, 1).fill.fgColor.rgb
    assert selected_fill.endswith("DFF3E4")  # P01 is selected
    for name in ("pre-rnd", "tips"):
        track = load_workbook(workbook_path)[name]
        assert track.freeze_panes == "C2" and track.auto_filter.ref
        assert track.column_dimensions["D"].width > 20  # the title column


def test_track_sheets_list_their_own_applications(
    workbook_path: Path, context: ReportContext
) -> None:
    book = load_workbook(workbook_path)
    for track in context.config.tracks:
        rows = list(book[track.id].iter_rows(values_only=True))
        col = _header_index(rows[0])
        ids = [r[col["과제번호"]] for r in rows[1:]]
        assert ids == [row.id for row in context.rows_by_track[track.id]]
        criteria = [h for h in col if "평균 (" in h]
        assert criteria == [f"{c.name} 평균 ({c.weight:g}점)" for c in track.criteria]
        assert "R1 총점" in col


def test_raw_scores_summary_quotas_and_statistics(
    workbook_path: Path, context: ReportContext
) -> None:
    book = load_workbook(workbook_path)
    scores = list(book["심사위원 점수"].iter_rows(values_only=True))
    assert len(scores) == 1 + len(context.data.reviews)
    col = _header_index(scores[0])
    t01 = next(r for r in scores if r[col["과제번호"]] == "T01")
    assert t01[col["투자 적정성"]] == "탁월" and t01[col["기술성"]] == 54
    assert t01[col["의견"]].endswith("기술성 우수")

    summary = [r for r in book["요약"].iter_rows(values_only=True) if any(r)]
    flat = {r[0]: r[1] for r in summary if r[0] is not None}
    assert flat["평가 회차"] == ROUND_NAME
    assert flat["데이터 SHA-256"] == context.digest
    assert flat["선정"] == 4 and flat["쿼터 선정"] == 1 and flat["부적격"] == 2

    quotas = list(book["쿼터"].iter_rows(values_only=True))
    assert quotas[1][0] == "전체 선정 AI 과반"
    assert quotas[1][4:7] == (3, 3, 0)

    stats = list(book["통계"].iter_rows(values_only=True))
    assert stats[0][0] == "심사위원ID"
    assert {r[0] for r in stats[1:4]} == {"R1"}


def test_chart_is_written(workbook_path: Path) -> None:
    with zipfile.ZipFile(workbook_path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert charts
        xml = archive.read(charts[0]).decode()
    assert "barChart" in xml and "'요약'!" in xml


def test_formula_like_text_stays_text(tmp_path: Path, context: ReportContext) -> None:
    risky = ("+82-2-120", "-5점", "@sum(1)", "#N/A", "=1+1")
    first, *rest = context.data.applications
    apps = (
        replace(first, company=EVIL, title=risky[0]),
        *(replace(a, title=risky[i % 4 + 1]) for i, a in enumerate(rest)),
    )
    data = replace(context.data, applications=apps)
    path = tmp_path / "risky.xlsx"
    write_workbook(path, replace(context, data=data), "ko")
    sheet = load_workbook(path)["순위"]
    header = [c.value for c in sheet[1]]
    company, title = header.index("기업명") + 1, header.index("과제명") + 1
    values = {}
    for row in range(2, sheet.max_row + 1):
        for column in (company, title):
            cell = sheet.cell(row, column)
            values[cell.value] = cell.data_type
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@#":
                assert cell.data_type == "s", cell.value
                assert cell.quotePrefix
    assert values[EVIL] == "s"
    for text in risky:
        assert values[text] == "s"


def test_text_shaped_like_markup_or_escapes_is_kept_as_written(
    tmp_path: Path, context: ReportContext
) -> None:
    """XlsxWriter copies a string shaped like rich-text XML into the file as is, and
    Excel reads ``_xHHHH_`` as an escaped character: both come back as they were."""
    texts = ("<r><t>가</t></r>", "<r>&</r>", "_x0041_ 과제", "<b>굵게</b> & 'q'")
    first, *rest = context.data.applications
    apps = (*(replace(a, title=texts[i % len(texts)]) for i, a in enumerate([first, *rest])),)
    path = tmp_path / "markup.xlsx"
    write_workbook(path, replace(context, data=replace(context.data, applications=apps)), "ko")
    # read as Excel and LibreOffice do (openpyxl leaves rich text and escapes as stored)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("순위").to_python()
    title = rows[0].index("과제명")
    assert {row[title] for row in rows[1:]} == set(texts)


def test_english_sheet_names_and_headers(tmp_path: Path, context: ReportContext) -> None:
    path = tmp_path / "en.xlsx"
    write_workbook(path, context, "en")
    book = load_workbook(path)
    assert book.sheetnames == SHEETS_EN
    header = [c.value for c in book["Ranking"][1]]
    assert {"Rank", "ID", "Company", "Final", "Status"} <= set(header)
    statuses = {
        row[header.index("Status")]
        for row in book["Ranking"].iter_rows(min_row=2, values_only=True)
    }
    assert {"Selected", "Selected by quota", "Displaced by quota"} <= statuses


def test_sheet_titles_are_valid_and_unique() -> None:
    taken = {"요약"}
    assert sheet_title("a/b:c*d?e[f]g\\h", taken) == "a_b_c_d_e_f_g_h"
    long = "x" * 40
    first = sheet_title(long, taken)
    second = sheet_title(long, taken)
    assert len(first) == 31 and len(second) == 31 and first != second
    assert sheet_title("요약", taken) == "요약 (2)"


def test_a_failed_export_keeps_the_old_file(
    tmp_path: Path, context: ReportContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ranking.xlsx"
    path.write_bytes(b"old")

    def broken(self: object, *args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(report_xlsx._WorkbookWriter, "write_statistics", broken)
    with pytest.raises(RuntimeError):
        write_workbook(path, context, "ko")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ranking.xlsx"]


def test_progress_reaches_the_total(tmp_path: Path, context: ReportContext) -> None:
    calls: list[tuple[int, int]] = []
    write_workbook(tmp_path / "p.xlsx", context, "ko", lambda d, t: calls.append((d, t)))
    assert calls[-1][0] == calls[-1][1]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_libreoffice_reads_the_ranking_and_the_literal_formula(
    workbook_path: Path, context: ReportContext, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    out = tmp_path / "csv"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(out),
            str(workbook_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    ranking = next(p for p in out.iterdir() if p.name.endswith("순위.csv"))
    with ranking.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    col = {name: index for index, name in enumerate(rows[0])}
    got = [
        (
            r[col["트랙 ID"]],
            int(r[col["순위"]]) if r[col["순위"]] else None,
            r[col["과제번호"]],
            r[col["상태"]],
        )
        for r in rows[1:]
    ]
    assert got == expected_ranking(context)
    companies = {r[col["과제번호"]]: r[col["기업명"]] for r in rows[1:]}
    assert companies["P01"] == EVIL


def test_every_sheet_prints_one_page_wide_with_header_and_footer(
    workbook_path: Path,
) -> None:
    book = load_workbook(workbook_path)
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        # fitToWidth left out is SpreadsheetML's default, 1
        assert (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0), sheet.title
        assert (setup.orientation, str(setup.paperSize)) == ("landscape", "9"), sheet.title
        # '&' starts a header code, so the round's "R&D" is written "R&&D"
        assert sheet.oddHeader.left.text == ROUND_NAME.replace("&", "&&"), sheet.title
        assert sheet.oddHeader.right.text == sheet.title
        assert sheet.oddFooter.center.text == "&P / &N"
    for name in ("순위", "pre-rnd", "심사위원 점수", "쿼터", "통계"):
        assert book[name].print_title_rows == "$1:$1", name


def test_header_text_is_escaped_and_cut() -> None:
    from reviewer.exchange.reports.workbook.cells import _header_text

    assert _header_text("R&D 1차", 50) == "R&&D 1차"
    cut = _header_text("가" * 300 + "\n끝", 100)
    assert len(cut) == 100 and cut.endswith("…")
    ampersands = _header_text("R&D " * 100, 100)
    assert len(ampersands) <= 100 and ampersands.endswith("…")
    body = ampersands[:-1]
    assert (len(body) - len(body.rstrip("&"))) % 2 == 0  # never half of an escaped '&'
    assert body.replace("&&", "&").count("&") == body.count("&&")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_libreoffice_prints_each_sheet_one_page_wide(tmp_path: Path) -> None:
    """Printed from LibreOffice, a ranking of 300 applications takes a few pages a sheet,
    each with the round, the sheet and "n / N" — not hundreds of pages sideways."""
    context = sample_context(filler=300)
    path = tmp_path / "ranking.xlsx"
    write_workbook(path, context, "ko")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "ranking.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = text.split("\f")[:-1]
    # one page per sheet at least; 300 rows need about 7 pages on each ranking sheet
    assert 7 <= len(pages) <= 40
    for number, page in enumerate(pages, start=1):
        # spaces as pdftotext guesses them: a page scaled to fit may gain one
        assert ROUND_NAME.replace(" ", "") in page.replace(" ", "")
        assert f"{number} / {len(pages)}" in page
    ranking_pages = [page for page in pages if "순위" in page.splitlines()[0]]
    assert ranking_pages and all("과제번호" in page for page in ranking_pages)


def test_a_disk_that_fills_while_the_file_is_written_leaves_nothing(
    tmp_path: Path, context: ReportContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while the package is zipped is an ``OSError`` (the export's own message
    names the file), the old file stays, and no temporary file is left anywhere."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    path = tmp_path / "out" / "ranking.xlsx"
    path.parent.mkdir()
    path.write_bytes(b"old")
    real_write = zipfile.ZipFile.write
    calls = []

    def full(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> None:
        calls.append(args)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    with pytest.raises(OSError) as info:
        write_workbook(path, context, "ko")
    assert info.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"old"
    assert [p.name for p in path.parent.iterdir()] == ["ranking.xlsx"]
    assert list(temp.iterdir()) == []


def test_column_widths_are_stored_as_given(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["요약"]
    assert sheet.column_dimensions["A"].width == pytest.approx(26, abs=0.01)
    assert sheet.column_dimensions["B"].width == pytest.approx(36, abs=0.01)
