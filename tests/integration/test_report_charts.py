"""The charts of the reports: vector drawings in the ranked PDF (its pages name them) and
the same drawings as pictures in the workbook's statistics sheet, right of its tables."""

from __future__ import annotations

import dataclasses
import io
import math
import re
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from PIL import Image
from reportlab.graphics.shapes import Circle, Line, Rect, String

from reviewer.domain.chart_data import ChartData, DisplacementGap, QuotaGaugePoint, chart_data
from reviewer.domain.reviewer_statistics import ReviewerFigures
from reviewer.exchange.reports.charts import drawing, reviewer_severity
from reviewer.exchange.reports.fonts import register_fonts
from reviewer.exchange.reports.pdf.statistics import SEVERITY_ROW_HEIGHT, SEVERITY_ROWS
from reviewer.exchange.reports.raster import png
from reviewer.exchange.reports.workbook.pictures import (
    MAX_PICTURE_ROWS,
    PIXELS_PER_POINT,
    ROW_PIXELS,
    SCALE,
)
from reviewer.services import exporting, rounds
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
    # severity, one distribution per track, the quota gauges, the displacement gaps
    assert len(sheet._images) == 1 + len(figures.charts.distributions) + 1 + 1
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
    _assert_each_picture_starts_a_page(sheet)
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["심사위원ID", "심사위원", "소속", "트랙"]
    assert "95% 하한" in header and "이상치 비율" in header
    eligible = header.index("이상치가 될 수 있는 평가")
    assert header[eligible + 1] == "이상치 비율"
    notes = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "3.5 초과이면서 중앙값과 10점 이상" in " ".join(notes)  # both conditions
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


def _inflated(gaps: int, reviewers: int, quotas: int = 0) -> Callable[..., ChartData]:
    """``chart_data`` with ``gaps`` synthetic displacements and ``reviewers`` reviewers
    (and ``quotas`` synthetic quota constraints, when given)."""

    def build(*args: Any, **kwargs: Any) -> ChartData:
        figures = chart_data(*args, **kwargs)
        track = figures.distributions[0].track
        displaced = tuple(
            DisplacementGap(
                track=track,
                quota="q",
                displaced=f"D{i:03}",
                displaced_final=Decimal(80),
                selected=f"S{i:03}",
                selected_final=Decimal(80) - Decimal(i) / 10,
                gap=Decimal(i) / 10,
            )
            for i in range(gaps)
        )
        template = figures.statistics.rows(None)[0]
        rows = tuple(
            dataclasses.replace(
                template,
                reviewer_id=f"RV{i:03}",
                name=f"심사{i:03}",
                severity=-5 + i / 10,
                low=-7 + i / 10,
                high=-3 + i / 10,
            )
            for i in range(reviewers)
        )
        statistics = dataclasses.replace(figures.statistics, reviewers=rows)
        gauges = tuple(
            QuotaGaugePoint(f"Q{i:03}", track, (track,), 10, 10 - i % 2, i % 2)
            for i in range(quotas)
        )
        return dataclasses.replace(
            figures, gaps=displaced, statistics=statistics, quotas=gauges or figures.quotas
        )

    return build


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_many_gaps_and_reviewers_run_over_pages(
    selected_sample_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "chart_data", _inflated(gaps=130, reviewers=120, quotas=60))
    pdf = tmp_path / "r.pdf"
    with rounds.open_round(selected_sample_round) as database:
        export_reports(database, pdf=pdf, lang="ko")  # one drawing per page's worth
    text = pdf_text(pdf)
    for i in range(130):
        assert f"D{i:03} → S{i:03}" in text
    for i in range(60):  # 60 quota constraints (e.g. per-track quotas in many tracks)
        assert f"Q{i:03}" in text
    # the severity chart: every reviewer labelled in a readable size, over several pages
    assert text.count("심사위원 엄격도 (95% 신뢰구간)") == 4  # ceil(120 / 34)
    # the table after it records each reviewer's figures, the interval included
    assert "심사위원 엄격도 표" in text and "95% 신뢰구간" in text
    assert "이상치가 될 수 있는" in text
    for i in range(120):
        low, high = -7 + i / 10, -3 + i / 10
        assert re.search(
            rf"RV{i:03}\s+심사{i:03}.*" + re.escape(f"{low:+.2f} … {high:+.2f}"), text
        ), i
    # the note states both conditions of an outlier
    assert "3.5 초과이면서 중앙값과 10점 이상" in text


def test_the_severity_rows_keep_a_readable_label_size() -> None:
    fonts = register_fonts()
    rows = [
        ReviewerFigures("R", "n", None, 1, 70, 0, 70, 70, 0.0, 1, None, None, 0, 0.0)
    ] * SEVERITY_ROWS
    chart = reviewer_severity(rows, fonts, "ko", width=756, row_height=SEVERITY_ROW_HEIGHT)
    sizes = {s.fontSize for s in chart.contents if isinstance(s, String) and s.text.startswith("R")}
    assert sizes == {7.0}
    assert chart.height <= 420


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_the_pdf_has_the_quota_gauges(
    exported: tuple[Path, Path], selected_sample_round: Path
) -> None:
    pdf, _ = exported
    text = pdf_text(pdf)
    with rounds.open_round(selected_sample_round) as database:
        figures = charts(database)
    assert figures is not None and figures.charts.quotas
    assert "쿼터 달성 현황" in text
    for quota in figures.charts.quotas:
        assert re.search(rf"{quota.achieved}\s*/\s*{quota.required}", text)


def _assert_each_picture_starts_a_page(sheet: Any) -> None:
    """Every picture but the first has a row break right above it, and none reaches the
    next break (``anchor.row`` is 0-based, a break's id the last row of its page)."""
    breaks = sorted(b.id for b in sheet.row_breaks.brk)
    tops = [p.anchor._from.row for p in sheet._images]
    assert breaks == tops[1:]
    for picture, end in zip(sheet._images, [*breaks, None], strict=True):
        start, stop = picture.anchor._from, picture.anchor.to
        rows = stop.row - start.row + (1 if stop.rowOff else 0)  # the rows it touches
        shown = picture.height * PIXELS_PER_POINT / SCALE  # the PNG's height as shown
        assert rows == math.ceil(shown / ROW_PIXELS)
        assert rows <= MAX_PICTURE_ROWS
        if end is not None:
            assert start.row + rows <= end


def test_long_charts_are_cut_into_page_sized_pictures(
    selected_sample_round: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "chart_data", _inflated(gaps=130, reviewers=120))
    xlsx = tmp_path / "r.xlsx"
    with rounds.open_round(selected_sample_round) as database:
        export_reports(database, xlsx=xlsx, lang="ko")
        figures = charts(database)
    assert figures is not None
    sheet = load_workbook(xlsx)["통계"]
    distributions = len(figures.charts.distributions)
    assert len(sheet._images) == 4 + distributions + 1 + 6  # ceil(120/30), ceil(130/25)
    _assert_each_picture_starts_a_page(sheet)
