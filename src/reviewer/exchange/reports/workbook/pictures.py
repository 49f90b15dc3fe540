"""The charts of the statistics sheet as pictures: reviewer severity, then each track's
score distribution with its cutoff and selection line, then the score gaps of the quota
displacements — drawn by :mod:`reviewer.exchange.reports.charts` and rasterised."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl.drawing.image import Image
from reportlab.graphics.shapes import Drawing

from reviewer.exchange.reports import charts, raster
from reviewer.exchange.reports.context import ReportContext
from reviewer.exchange.reports.fonts import register_fonts

PIXELS_PER_POINT = 4 / 3  # how a spreadsheet shows a picture at 100% (96 dpi)
SCALE = 2.0  # pixels rendered per point: sharp when zoomed
ROW_PIXELS = 20  # the default row height (15 points)
WIDTH = 520.0  # points


@dataclass(frozen=True)
class Picture:
    png: bytes
    width: float  # pixels on the sheet
    height: float
    row: int  # the row of its top-left corner

    def image(self) -> Image:
        picture = Image(io.BytesIO(self.png))
        picture.width, picture.height = self.width, self.height
        return picture


def statistics_pictures(context: ReportContext, lang: str, first_row: int = 2) -> list[Picture]:
    """The pictures in order, each placed two rows below the one above."""
    if context.charts is None:
        return []
    row = first_row
    result: list[Picture] = []
    for drawing in _drawings(context, lang):
        width = drawing.width * PIXELS_PER_POINT
        height = drawing.height * PIXELS_PER_POINT
        result.append(Picture(raster.png(drawing, SCALE), width, height, row))
        row += math.ceil(height / ROW_PIXELS) + 2
    return result


def _drawings(context: ReportContext, lang: str) -> Iterator[Drawing]:
    figures = context.charts
    assert figures is not None
    fonts = register_fonts()
    yield charts.reviewer_severity(figures.severity(None), fonts, lang, width=WIDTH)
    for distribution in figures.distributions:
        yield charts.track_distribution(
            distribution, fonts, lang, decimals=context.config.decimals, width=WIDTH, height=190
        )
    yield charts.displacement_gaps(figures.gaps, fonts, lang, width=WIDTH)
