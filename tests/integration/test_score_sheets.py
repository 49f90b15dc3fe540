"""Individual score sheets: the reviewer's PDF and the .xlsx score form, which must
import back through the score importer (also after LibreOffice has saved it)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reviewer.domain.model import Review, Reviewer, RoundData
from reviewer.exchange.importers.scores import read_scores
from reviewer.exchange.reports.context import ReportContext
from reviewer.exchange.reports.score_sheets import HEADER_ROW, write_score_form, write_score_sheets
from tests.integration.test_report_pdf import (
    context_for,
    pdf_fonts,
    pdf_pages,
    pdf_text,
    sample_context,
    sample_data,
)

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def import_form(path: Path, data: RoundData) -> list[Review]:
    return read_scores(
        [path],
        data.config,
        {a.id: a.track for a in data.applications},
        {r.id for r in data.reviewers},
        data.assignments,
    )


def by_app(reviews: list[Review]) -> dict[str, Review]:
    return {r.application_id: r for r in reviews}


def with_conflict(data: RoundData) -> RoundData:
    """R3 declares a conflict on P02 (a fourth reviewer keeps it complete)."""
    extra = Reviewer("R4", "최추가", "고려대학교")
    reviews = [r for r in data.reviews if not (r.application_id == "P02" and r.reviewer_id == "R3")]
    reviews.append(
        Review("P02", "R3", {}, comment="", conflict=True, conflict_reason="같은 기관 소속")
    )
    reviews.append(Review("P02", "R4", {"tech": 51, "biz": 34}, comment="양호"))
    return replace(data, reviewers=(*data.reviewers, extra), reviews=tuple(reviews))


@pytest.fixture(scope="module")
def context() -> ReportContext:
    return sample_context()


@pytest.fixture(scope="module")
def sheets(context: ReportContext, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_score_sheets(tmp_path_factory.mktemp("sheets"), context, "ko")


def test_two_files_per_reviewer(sheets: list[Path], context: ReportContext) -> None:
    names = sorted(p.name for p in sheets)
    expected = sorted(
        f"{r.id}_{kind}" for r in context.data.reviewers for kind in ("평가표.pdf", "평가양식.xlsx")
    )
    assert names == expected
    assert all(p.exists() for p in sheets)


@needs_poppler
def test_pdf_has_a_page_per_application_with_scores(
    sheets: list[Path], context: ReportContext
) -> None:
    pdf = next(p for p in sheets if p.name == "R1_평가표.pdf")
    reviewed = [r for r in context.data.reviews if r.reviewer_id == "R1"]
    assert pdf_pages(pdf) == len(reviewed)
    for row in pdf_fonts(pdf):
        assert "Nanum" in row[0] and row[-5] == "yes"
    first = pdf_text(pdf, 1)
    assert "개인별 평가표" in first and "김심사 (R1)" in first
    assert "P01" in first and "스마트 공장 공정 최적화 플랫폼 개발" in first
    assert "기술성" in first and "54" in first and "90.00" in first  # score and total
    assert "김심사 의견: 기술성 우수" in first and "(서명)" in first
    tips = next(i for i in range(1, pdf_pages(pdf) + 1) if "T01" in pdf_text(pdf, i))
    text = pdf_text(pdf, tips)
    assert "투자 적정성" in text and "탁월" in text and "94.00" in text
    assert context.digest in text


@needs_poppler
def test_pdf_notes_a_conflict(tmp_path: Path, context: ReportContext) -> None:
    data = with_conflict(context.data)
    conflicted = context_for(data)
    files = write_score_sheets(tmp_path, conflicted, "ko")
    pdf = next(p for p in files if p.name == "R3_평가표.pdf")
    page = next(i for i in range(1, pdf_pages(pdf) + 1) if "P02" in pdf_text(pdf, i))
    text = pdf_text(pdf, page)
    assert "이해충돌로 이 과제의 평가에서 제외되었습니다" in text and "같은 기관 소속" in text


def test_form_layout_protection_and_validation(tmp_path: Path) -> None:
    data = sample_data()
    path = tmp_path / "R1.xlsx"
    write_score_form(path, data, "R1", "ko")
    book = load_workbook(path)
    assert book.sheetnames[0] == "점수"
    sheet = book["점수"]
    header = [c.value for c in sheet[HEADER_ROW]]
    assert header == [
        "과제번호",
        "과제명",
        "기업명",
        "심사위원ID",
        "기술성",
        "사업성",
        "투자 적정성",
        "의견",
        "이해충돌",
        "이해충돌 사유",
    ]
    assert sheet.protection.sheet
    rows = {sheet.cell(r, 1).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1)}
    p01, t01 = rows["P01"], rows["T01"]
    assert sheet.cell(p01, 1).protection.locked and sheet.cell(p01, 2).protection.locked
    assert not sheet.cell(p01, 5).protection.locked  # 기술성
    assert not sheet.cell(p01, 6).protection.locked  # 사업성 (its rubric)
    assert sheet.cell(p01, 7).protection.locked  # 투자 적정성 is not in pre-rnd's rubric
    assert sheet.cell(p01, 7).fill.fgColor.rgb.endswith("D9D9D9")
    assert sheet.cell(t01, 6).protection.locked  # 사업성 is not in tips' rubric
    assert not sheet.cell(t01, 7).protection.locked
    assert sheet.cell(p01, 2).value == "스마트 공장 공정 최적화 플랫폼 개발"
    assert sheet.cell(p01, 3).value == '=HYPERLINK("x")'
    assert sheet.cell(p01, 3).data_type == "s"
    assert sheet.cell(p01, 5).value == 54 and sheet.cell(t01, 7).value == "탁월"

    validations = list(sheet.data_validations.dataValidation)
    decimal = [v for v in validations if v.type == "decimal"]
    tech = next(v for v in decimal if f"E{p01}" in v)
    assert (tech.formula1, tech.formula2) == ("0", "60")
    biz = next(v for v in decimal if f"F{p01}" in v)
    assert (biz.formula1, biz.formula2) == ("0", "40")
    grades = next(v for v in validations if f"G{t01}" in v)
    assert grades.type == "list" and grades.formula1 == '"탁월,우수,보통,미흡"'
    flag = next(v for v in validations if f"I{p01}" in v)
    assert flag.type == "list" and flag.formula1 == '"Y,N"'
    # every score and conflict cell has exactly one validation; a locked cell has none
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        for column in (5, 6, 7, 9):
            cell = sheet.cell(row, column)
            holding = [v for v in validations if cell.coordinate in v]
            assert len(holding) == (0 if cell.protection.locked else 1), cell.coordinate


def test_prefilled_form_imports_back_into_the_same_reviews(tmp_path: Path) -> None:
    data = with_conflict(sample_data())
    for reviewer in ("R1", "R3", "R4"):
        path = tmp_path / f"{reviewer}.xlsx"
        write_score_form(path, data, reviewer, "ko")
        got = by_app(import_form(path, data))
        want = by_app([r for r in data.reviews if r.reviewer_id == reviewer])
        assert got == want, reviewer
    english = tmp_path / "R3-en.xlsx"
    write_score_form(english, data, "R3", "en")
    assert by_app(import_form(english, data)) == by_app(
        [r for r in data.reviews if r.reviewer_id == "R3"]
    )


def test_a_filled_in_blank_form_imports(tmp_path: Path) -> None:
    data = sample_data()
    newcomer = Reviewer("R9", "신규위원", "", tracks=("tips",))
    data = replace(data, reviewers=(*data.reviewers, newcomer))
    path = tmp_path / "R9.xlsx"
    write_score_form(path, data, "R9", "ko")
    book = load_workbook(path)
    sheet = book["점수"]
    header = [c.value for c in sheet[HEADER_ROW]]
    col = {name: index + 1 for index, name in enumerate(header)}
    rows = {sheet.cell(r, 1).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1)}
    assert set(rows) == {"T01", "T02", "T03", "T04"}  # the reviewer's track, unscored
    assert sheet.cell(rows["T01"], col["기술성"]).value is None
    for app_id, row in rows.items():
        if app_id == "T04":
            sheet.cell(row, col["이해충돌"]).value = "Y"
            sheet.cell(row, col["이해충돌 사유"]).value = "자문 이력"
            continue
        sheet.cell(row, col["기술성"]).value = 50
        sheet.cell(row, col["투자 적정성"]).value = "보통"
        sheet.cell(row, col["의견"]).value = f"{app_id} 검토 완료"
    book.save(path)
    got = by_app(import_form(path, data))
    assert got["T01"] == Review("T01", "R9", {"tech": 50, "invest": "보통"}, "T01 검토 완료")
    assert got["T04"].conflict and got["T04"].conflict_reason == "자문 이력"
    assert len(got) == 4


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_form_saved_by_libreoffice_still_imports(tmp_path: Path) -> None:
    data = with_conflict(sample_data())
    path = tmp_path / "form" / "R3.xlsx"
    path.parent.mkdir()
    write_score_form(path, data, "R3", "ko")
    out = tmp_path / "saved"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    saved = out / "R3.xlsx"
    assert by_app(import_form(saved, data)) == by_app(
        [r for r in data.reviews if r.reviewer_id == "R3"]
    )
    assert load_workbook(saved)["점수"].protection.sheet


def test_progress_counts_reviewers(tmp_path: Path, context: ReportContext) -> None:
    calls: list[tuple[int, int]] = []
    write_score_sheets(tmp_path, context, "en", lambda d, t: calls.append((d, t)))
    assert calls == [(i, 3) for i in range(4)]  # from 0: a caller may stop before the first


def test_form_prints_one_page_wide_with_the_round_in_the_header(tmp_path: Path) -> None:
    data = sample_data()
    path = tmp_path / "R1.xlsx"
    write_score_form(path, data, "R1", "ko")
    book = load_workbook(path)
    for sheet in book.worksheets:
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.oddHeader.left.text == data.config.name.replace("&", "&&")
        assert sheet.oddHeader.right.text == sheet.title
        assert sheet.oddFooter.center.text == "&P / &N"
        assert sheet.print_title_rows, sheet.title


def _words(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Every page's words with their boxes (``pdftotext -bbox``), in reading order."""
    import re

    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pattern = (
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        sorted((w[4], *(float(v) for v in w[:4])) for w in re.findall(pattern, page))
        for page in out.split("<page ")[1:]
    ]


def _with_long_texts(data: RoundData) -> RoundData:
    """P01 with a title of two lines, and R1's review of P02 with a comment that pushes the
    signature onto a page of its own."""
    apps = tuple(
        replace(a, title=a.title + " 그리고 " + "확장 " * 40) if a.id == "P01" else a
        for a in data.applications
    )
    reviews = tuple(
        replace(r, comment="의견 " * 750)
        if (r.application_id, r.reviewer_id) == ("P02", "R1")
        else replace(r, comment=r.comment + " co\xadoperation 협\xad력 & <b>")
        if r.reviewer_id == "R2"  # a soft hyphen a paragraph leaves unprinted, markup
        else r
        for r in data.reviews
    )
    return replace(data, applications=apps, reviews=reviews)


def _pixels(pdf: Path, folder: Path) -> list[Path]:
    folder.mkdir()
    # 150 dpi: where a grid line of a quarter point falls across pixel edges (at 100 or 200
    # dpi a line cut in half by a form's box can hide within the pixels)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", str(pdf), str(folder / "p")], check=True)
    return sorted(folder.iterdir())


@needs_poppler
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_fast_pages_are_the_pages_the_flowables_make(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The pages drawn from forms are the pages the flowables lay out: the same words in
    the same boxes (to a hundredth of a point) and the same pixels, lines and fills
    included (but for a few where the grid's lines meet); pages that do not fit the mould
    (a conflict, a title of two lines, a comment running over the page) are made by the
    flowables themselves."""
    from PIL import Image, ImageChops

    from reviewer.exchange.reports.pdf import sheet_fast

    context = context_for(_with_long_texts(with_conflict(sample_data())))
    made: list[bool] = []
    page = sheet_fast.FastSheet.page

    def counted(self: sheet_fast.FastSheet, app: object, review: object) -> object:
        result = page(self, app, review)  # type: ignore[arg-type]
        made.append(result is not None)
        return result

    monkeypatch.setattr(sheet_fast.FastSheet, "page", counted)
    fast = write_score_sheets(tmp_path / "fast", context, lang)
    assert any(made) and not all(made)  # both kinds of page are in these files
    monkeypatch.setattr(sheet_fast.FastSheet, "page", lambda self, app, review: None)
    slow = write_score_sheets(tmp_path / "slow", context, lang)
    for a, b in zip(fast, slow, strict=True):
        if a.suffix != ".pdf":
            continue
        pages_a, pages_b = _words(a), _words(b)
        assert len(pages_a) == len(pages_b), a.name
        for number, (words_a, words_b) in enumerate(zip(pages_a, pages_b, strict=True), 1):
            assert [w[0] for w in words_a] == [w[0] for w in words_b], (a.name, number)
            for wa, wb in zip(words_a, words_b, strict=True):
                assert max(abs(x - y) for x, y in zip(wa[1:], wb[1:], strict=True)) < 0.01, (
                    a.name,
                    number,
                    wa,
                    wb,
                )
        images = zip(
            _pixels(a, tmp_path / f"px-fast-{a.stem}"),
            _pixels(b, tmp_path / f"px-slow-{b.stem}"),
            strict=True,
        )
        for number, (image_a, image_b) in enumerate(images, 1):
            difference = ImageChops.difference(Image.open(image_a), Image.open(image_b))
            histogram = difference.histogram()
            assert sum(histogram[8:]) <= 4, (a.name, number)  # a corner or two at most


@needs_poppler
def test_a_long_title_and_comment_are_laid_out_by_the_flowables(tmp_path: Path) -> None:
    context = context_for(_with_long_texts(sample_data()))
    files = write_score_sheets(tmp_path, context, "ko")
    pdf = next(p for p in files if p.name == "R1_평가표.pdf")
    reviewed = [r for r in context.data.reviews if r.reviewer_id == "R1"]
    assert pdf_pages(pdf) == len(reviewed) + 1  # P02's signature on a page of its own
    text = " ".join(pdf_text(pdf, n) for n in range(1, pdf_pages(pdf) + 1))
    assert "확장" in text and text.count("의견") >= 600
    assert text.count("(서명)") == len(reviewed)


@pytest.mark.parametrize("words", [True, False])
def test_a_comment_of_any_length_is_printed_whole_across_pages(tmp_path: Path, words: bool) -> None:
    """The reviewer's words are kept whole: a comment longer than a page continues on the
    next, under the repeated heading, and the signature follows it."""
    comment = ("긴 의견입니다. " * 900) if words else ("가" * 7_999 + "끝")  # no space to break at
    data = sample_data()
    reviews = tuple(
        replace(r, comment=comment) if (r.application_id, r.reviewer_id) == ("P02", "R1") else r
        for r in data.reviews
    )
    context = context_for(replace(data, reviews=reviews))
    files = write_score_sheets(tmp_path, context, "ko")
    pdf = next(p for p in files if p.name == "R1_평가표.pdf")
    reviewed = [r for r in context.data.reviews if r.reviewer_id == "R1"]
    assert pdf_pages(pdf) >= len(reviewed) + 2
    text = "".join(pdf_text(pdf, n) for n in range(1, pdf_pages(pdf) + 1))
    squeezed = "".join(text.split())  # every word of it, though footers come between pages
    if words:
        assert squeezed.count("긴") == 900 and squeezed.count("의견입") >= 897  # split lines
    else:
        assert squeezed.count("가") >= 7_999 and "가가가끝" in squeezed
    assert text.count("(서명)") == len(reviewed)


def test_a_comment_of_thousands_of_lines_is_printed_whole(tmp_path: Path) -> None:
    comment = "\n".join(f"줄{n}" for n in range(3_000))
    data = sample_data()
    reviews = tuple(
        replace(r, comment=comment) if (r.application_id, r.reviewer_id) == ("P02", "R1") else r
        for r in data.reviews
    )
    files = write_score_sheets(tmp_path, context_for(replace(data, reviews=reviews)), "ko")
    pdf = next(p for p in files if p.name == "R1_평가표.pdf")
    text = "".join(pdf_text(pdf, n) for n in range(1, pdf_pages(pdf) + 1))
    assert text.count("줄") == 3_000 and "줄2999" in text and "줄0" in text
    assert text.count("(서명)") == len([r for r in data.reviews if r.reviewer_id == "R1"])
