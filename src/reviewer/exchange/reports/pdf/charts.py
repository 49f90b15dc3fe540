"""Small charts of the ranked PDF, drawn with reportlab.graphics shapes.

Drawn from primitives rather than the chart widgets so every label is set in the
embedded NanumGothic (a widget's default label font would pull in a base-14 font).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from reviewer.exchange.reports.fonts import FontNames
from reviewer.exchange.reports.pdf.layout import CUTOFF, INK, MUTED, RULE

REQUIRED_FILL = colors.HexColor("#9aa5b1")
ACHIEVED_FILL = colors.HexColor("#3e7c59")
SHORT_FILL = colors.HexColor("#c62828")
BAR_FILL = colors.HexColor("#4c6e8f")
PASS_FILL = colors.HexColor("#3e7c59")


@dataclass(frozen=True)
class QuotaBar:
    label: str
    sublabel: str
    required: int
    achieved: int


def _drawing(width: float, height: float, fonts: FontNames) -> Drawing:
    """A drawing whose initial graphics state uses NanumGothic (the renderer would
    otherwise start from a base-14 font)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.regular
    drawing.initialFontSize = 8
    return drawing


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with "…" to fit ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _ticks(top: int) -> list[int]:
    """Round tick values from 0 to at least ``top``, at most six of them."""
    top = max(top, 1)
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if top / step <= 5:
                return list(range(0, math.ceil(top / step) * step + 1, step))
        magnitude *= 10


def quota_chart(
    bars: Sequence[QuotaBar],
    fonts: FontNames,
    *,
    width: float,
    height: float,
    required_label: str,
    achieved_label: str,
) -> Drawing:
    """Grouped bars: per quota constraint, the required and the achieved count."""
    drawing = _drawing(width, height, fonts)
    left, bottom, top_pad = 34.0, 30.0, 22.0
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    ticks = _ticks(max([b.required for b in bars] + [b.achieved for b in bars] + [1]))
    scale = plot_h / ticks[-1]
    for tick in ticks:
        y = bottom + tick * scale
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.3))
        drawing.add(
            String(
                left - 4,
                y - 2.5,
                str(tick),
                fontName=fonts.regular,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    group = plot_w / max(len(bars), 1)
    bar_w = min(28.0, group / 3)
    for index, bar in enumerate(bars):
        centre = left + group * (index + 0.5)
        short = bar.achieved < bar.required
        for offset, value, fill in (
            (-bar_w, bar.required, REQUIRED_FILL),
            (0.0, bar.achieved, SHORT_FILL if short else ACHIEVED_FILL),
        ):
            x = centre + offset
            drawing.add(Rect(x, bottom, bar_w, value * scale, fillColor=fill, strokeColor=None))
            drawing.add(
                String(
                    x + bar_w / 2,
                    bottom + value * scale + 2,
                    str(value),
                    fontName=fonts.bold,
                    fontSize=7.5,
                    fillColor=INK,
                    textAnchor="middle",
                )
            )
        label = _fit(bar.label, fonts.regular, 7, group - 4)
        drawing.add(
            String(
                centre,
                bottom - 10,
                label,
                fontName=fonts.regular,
                fontSize=7,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        sub = _fit(bar.sublabel, fonts.regular, 6.5, group - 4)
        drawing.add(
            String(
                centre,
                bottom - 19,
                sub,
                fontName=fonts.regular,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.6))
    _legend(
        drawing,
        fonts,
        left,
        height - 10,
        ((REQUIRED_FILL, required_label), (ACHIEVED_FILL, achieved_label)),
    )
    return drawing


def _legend(
    drawing: Drawing,
    fonts: FontNames,
    x: float,
    y: float,
    items: Sequence[tuple[colors.Color, str]],
) -> None:
    for fill, text in items:
        drawing.add(Rect(x, y - 1, 8, 8, fillColor=fill, strokeColor=None))
        drawing.add(String(x + 11, y, text, fontName=fonts.regular, fontSize=7.5, fillColor=INK))
        x += 11 + stringWidth(text, fonts.regular, 7.5) + 12


def histogram(
    values: Sequence[float],
    cutoff: float,
    fonts: FontNames,
    *,
    width: float,
    height: float,
    cutoff_label: str,
    count_label: str,
    bin_size: float = 5.0,
) -> Drawing:
    """Final scores in bins of ``bin_size`` points, the cutoff as a red line."""
    drawing = _drawing(width, height, fonts)
    left, bottom, top_pad, right_pad = 30.0, 22.0, 16.0, 10.0
    plot_w, plot_h = width - left - right_pad, height - bottom - top_pad
    low_value = min([*values, cutoff]) if values else cutoff - 30
    high_value = max([*values, cutoff]) if values else cutoff + 30
    low = math.floor(low_value / bin_size) * bin_size
    high = max(math.floor(high_value / bin_size) * bin_size + bin_size, low + bin_size)
    bins = round((high - low) / bin_size)
    counts = [0] * bins
    for value in values:
        counts[min(int((value - low) // bin_size), bins - 1)] += 1
    ticks = _ticks(max([*counts, 1]))
    y_scale = plot_h / ticks[-1]
    x_scale = plot_w / (high - low)
    for tick in ticks:
        y = bottom + tick * y_scale
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.3))
        drawing.add(
            String(
                left - 4,
                y - 2.5,
                str(tick),
                fontName=fonts.regular,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    for index, count in enumerate(counts):
        start = low + index * bin_size
        if count:
            fill = PASS_FILL if start >= cutoff else BAR_FILL
            drawing.add(
                Rect(
                    left + (start - low) * x_scale + 0.5,
                    bottom,
                    bin_size * x_scale - 1,
                    count * y_scale,
                    fillColor=fill,
                    strokeColor=None,
                )
            )
    label_every = max(1, math.ceil(bins / 12))
    for index in range(0, bins + 1, label_every):
        edge = low + index * bin_size
        x = left + (edge - low) * x_scale
        drawing.add(Line(x, bottom, x, bottom - 2, strokeColor=INK, strokeWidth=0.5))
        drawing.add(
            String(
                x,
                bottom - 9,
                f"{edge:g}",
                fontName=fonts.regular,
                fontSize=6.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.6))
    x_cut = left + (cutoff - low) * x_scale
    drawing.add(
        Line(
            x_cut,
            bottom,
            x_cut,
            bottom + plot_h + 4,
            strokeColor=CUTOFF,
            strokeWidth=1.4,
            strokeDashArray=[3, 2],
        )
    )
    drawing.add(
        String(
            x_cut,
            bottom + plot_h + 6,
            cutoff_label,
            fontName=fonts.bold,
            fontSize=7,
            fillColor=CUTOFF,
            textAnchor="middle",
        )
    )
    drawing.add(
        String(
            left - 26,
            height - 8,
            count_label,
            fontName=fonts.regular,
            fontSize=6.5,
            fillColor=MUTED,
        )
    )
    return drawing
