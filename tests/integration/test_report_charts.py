"""The charts of the reports: vector drawings in the ranked PDF (its pages name them) and
the same drawings as pictures in the workbook's statistics sheet, right of its tables."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from PIL import Image
from reportlab.graphics.shapes import Circle, Line, Rect, String

from reviewer.exchange.reports.charts import drawing
from reviewer.exchange.reports.fonts import register_fonts
from reviewer.exchange.reports.raster import png
from reviewer.services import rounds
from reviewer.services.charts import charts
from reviewer.services.exporting import export_reports
from reviewer.services.review_statistics import review_statistics
from tests.integration.test_report_pdf import pdf_text


@pytest.fixture
def exported(selected_sample_round: Path, tmp_path: Path) -> tuple[Path, Path]:
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    with rounds.open_round(selected_sample_round) as database:
        export_reports(database, pdf=pdf, xlsx=xlsx, lang="ko")
    return pdf, xlsx


def test_the_statistics_sheet_holds_the_charts_beside_its_tables(
    exported: tuple[Path, Path], selected_sample_round: Path
) -> None:
    _, xlsx = exported
    book = load_workbook(xlsx)
    sheet = book["통계"]
    with rounds.open_round(selected_sample_round) as database:
        figures = charts(database)
    assert figures is not None
    # severity, one distribution per track, the displacement gaps
    assert len(sheet._images) == 1 + len(figures.charts.distributions) + 1
    used = max(
        column_index_from_string(cell.column_letter)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None and not (isinstance(cell.value, str) and len(cell.value) > 80)
    )
    tops = []
    for picture in sheet._images:
        anchor = picture.anchor._from
        assert anchor.col + 1 > used  # right of every table column
        tops.append(anchor.row)
        image = Image.open(io.BytesIO(picture._data()))
        assert image.format == "PNG" and image.width > 500
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one under the other
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["심사위원ID", "심사위원", "소속", "트랙"]
    assert "95% 하한" in header and "이상치 비율" in header
    eligible = header.index("이상치가 될 수 있는 평가")
    assert header[eligible + 1] == "이상치 비율"
    measures = {row[1] for row in sheet.iter_rows(values_only=True)}
    assert {"ICC(2,1)", "Kendall's W", "ICC(1)"} <= measures


def test_each_agreement_row_carries_its_own_coverage(
    exported: tuple[Path, Path], selected_sample_round: Path
) -> None:
    _, xlsx = exported
    rows = list(load_workbook(xlsx)["통계"].iter_rows(values_only=True))
    with rounds.open_round(selected_sample_round) as database:
        agreement = review_statistics(database).statistics.agreement
    for entry in agreement:
        icc = next(r for r in rows if r[0] == entry.track and r[1] == "ICC(2,1)")
        w = next(r for r in rows if r[0] == entry.track and r[1] == "Kendall's W")
        assert icc[3] == (
            f"전체 {entry.track_applications}건 중 {entry.icc_applications}건, "
            f"심사위원 {entry.icc_reviewers}명"
        )
        assert (icc[4], icc[5], icc[6]) == (
            entry.icc_applications,
            entry.rated,
            entry.icc_reviewers,
        )
        if entry.w_applications:
            assert w[3] == f"{entry.w_applications}건, 심사위원 {entry.w_reviewers}명"
        assert (w[4], w[6]) == (entry.w_applications, entry.w_reviewers)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_the_pdf_has_the_chart_pages(exported: tuple[Path, Path]) -> None:
    pdf, _ = exported
    text = pdf_text(pdf)
    assert "최종 점수 분포 (5점 구간)" in text
    assert "선정 최저점" in text
    assert "심사위원 통계" in text
    assert "심사위원 엄격도 (95% 신뢰구간)" in text
    assert "트랙별 심사위원 간 일치도" in text
    assert "Henderson 방법 III" in text
    assert "쿼터로 바뀐 선정의 점수 차" in text


def test_png_draws_the_shapes_in_place() -> None:
    fonts = register_fonts()
    picture = drawing(100, 50, fonts)
    picture.add(Rect(10, 10, 20, 20, fillColor="#ff0000", strokeColor=None))
    picture.add(Line(60, 0, 60, 50, strokeColor="#0000ff", strokeWidth=2))
    picture.add(String(70, 20, "가나", fontName=fonts.regular, fontSize=10))
    image = Image.open(io.BytesIO(png(picture, scale=2))).convert("RGB")
    assert image.size == (200, 100)
    assert image.getpixel((40, 60)) == (255, 0, 0)  # (20, 20) in points, y from the bottom
    assert image.getpixel((40, 20)) == (255, 255, 255)
    assert image.getpixel((120, 50))[2] > 200  # the blue line
    text = image.crop((140, 40, 200, 80))
    assert text.getextrema()[0][0] < 100  # the Korean text was drawn (dark pixels)
    picture.add(Circle(5, 5, 2))
    with pytest.raises(TypeError, match="Circle"):
        png(picture)
