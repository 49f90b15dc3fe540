"""The charts of the statistics sheet as pictures: reviewer severity, then each track's
score distribution with its cutoff and selection line, the quota gauges, then the score
gaps of the quota displacements — drawn by :mod:`reviewer.exchange.reports.charts` and
rasterised.

Printed, the sheet is one page wide and as many down as it takes; a picture crossing a
page break would be cut in two. So each picture starts a printed page (the sheet gets a
row break above it) and none is taller than a page: a long chart (many reviewers or
displacements) is cut into pictures of at most ``SEVERITY_ROWS`` / ``GAP_ROWS`` /
``QUOTA_ROWS`` rows that share one axis, each at most ``MAX_PICTURE_ROWS`` sheet rows
tall (a landscape A4 page holds about 32 rows of 15 points unscaled; fitting the sheet to
the page width only makes a page hold more)."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing
from xlsxwriter.worksheet import Worksheet

from reviewer.exchange.reports import charts, raster
from reviewer.exchange.reports.context import ReportContext
from reviewer.exchange.reports.fonts import register_fonts

PIXELS_PER_POINT = 4 / 3  # how a spreadsheet shows a picture at 100% (96 dpi)
SCALE = 2.0  # pixels rendered per point: sharp when zoomed
ROW_PIXELS = 20  # the default row height (15 points)
WIDTH = 520.0  # points
SEVERITY_ROWS = 30  # reviewers per picture: 66 + 30 × 9 = 336 points
GAP_ROWS = 25  # displacements per picture: 50 + 25 × 11 = 325 points
QUOTA_ROWS = 18  # constraints per picture: 48 + 18 × 16 = 336 points
MAX_PICTURE_ROWS = 26  # sheet rows (15 points each) a picture may span


@dataclass(frozen=True)
class Picture:
    png: bytes
    width: float  # pixels on the sheet
    height: float
    row: int  # the row of its top-left corner

    def insert(self, sheet: Worksheet, row: int, column: int) -> None:
        """Place the picture at zero-based ``row`` and ``column`` of an XlsxWriter sheet,
        shown ``width`` × ``height`` pixels (the PNG has ``SCALE`` pixels a point)."""
        pixels_wide, pixels_high = _png_size(self.png)
        sheet.insert_image(
            row,
            column,
            f"chart-{row + 1}.png",
            {
                "image_data": io.BytesIO(self.png),
                "x_scale": self.width / pixels_wide,
                "y_scale": self.height / pixels_high,
                "object_position": 2,  # moved with the cells, not sized
            },
        )


def _png_size(png: bytes) -> tuple[int, int]:
    """The pixel width and height in a PNG's header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def statistics_pictures(context: ReportContext, lang: str, first_row: int = 2) -> list[Picture]:
    """The pictures in order, each placed two rows below the one above; each one's
    ``row`` is where the sheet's printed page must start (module docstring)."""
    if context.charts is None:
        return []
    row = first_row
    result: list[Picture] = []
    for drawing in _drawings(context, lang):
        width = drawing.width * PIXELS_PER_POINT
        height = drawing.height * PIXELS_PER_POINT
        if math.ceil(height / ROW_PIXELS) > MAX_PICTURE_ROWS:
            raise ValueError(f"a chart of {drawing.height:g} points is taller than a page")
        result.append(Picture(raster.png(drawing, SCALE), width, height, row))
        row += math.ceil(height / ROW_PIXELS) + 2
    return result


def _drawings(context: ReportContext, lang: str) -> Iterator[Drawing]:
    figures = context.charts
    assert figures is not None
    fonts = register_fonts()
    rows = figures.severity(None)
    low, high = charts.severity_span(rows)
    for part in charts.chunks(rows, SEVERITY_ROWS):
        yield charts.reviewer_severity(part, fonts, lang, width=WIDTH, span=(low, high))
    for distribution in figures.distributions:
        yield charts.track_distribution(
            distribution, fonts, lang, decimals=context.config.decimals, width=WIDTH, height=190
        )
    for quotas in charts.chunks(figures.quotas, QUOTA_ROWS):
        yield charts.quota_gauges(quotas, context.track_name, fonts, lang, width=WIDTH)
    gaps_low, gaps_high = charts.gap_span(figures.gaps)
    for gaps in charts.chunks(figures.gaps, GAP_ROWS):
        yield charts.displacement_gaps(gaps, fonts, lang, width=WIDTH, span=(gaps_low, gaps_high))
