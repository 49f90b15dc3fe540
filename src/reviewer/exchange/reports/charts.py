"""The charts of the reports, drawn with reportlab.graphics shapes: vector drawings in the
ranked PDF and the same drawings as PNG in the workbook's statistics sheet.

Drawn from a few primitives (rectangles, lines, strings) rather than the chart widgets so
every label is set in the embedded NanumGothic (a widget's default label font would pull
in a base-14 font). The figures come computed (:mod:`reviewer.domain.chart_data`): these
functions only place them; :mod:`reviewer.exchange.reports.raster` turns a drawing into
a PNG.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from reviewer.domain.chart_data import DisplacementGap, QuotaGaugePoint, TrackDistribution
from reviewer.domain.reviewer_statistics import ReviewerFigures
from reviewer.exchange.reports.fonts import FontNames
from reviewer.i18n import render

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#c5ccd3")
CUTOFF = colors.HexColor("#c62828")
SELECTION = colors.HexColor("#1b5e20")
SELECTED_FILL = colors.HexColor("#3e7c59")
PASSED_FILL = colors.HexColor("#7b9cbc")
BELOW_FILL = colors.HexColor("#c9ced6")
HARSH = colors.HexColor("#c62828")
LENIENT = colors.HexColor("#1565c0")
NEUTRAL = colors.HexColor("#616e7c")
GAP_FILL = colors.HexColor("#e08a1e")
FLOOR_FILL = colors.HexColor("#d4a373")
MET_FILL = colors.HexColor("#3e7c59")
SHORT_FILL = colors.HexColor("#c62828")

T = TypeVar("T")


def drawing(width: float, height: float, fonts: FontNames) -> Drawing:
    """A drawing whose initial graphics state uses NanumGothic (the renderer would
    otherwise start from a base-14 font)."""
    result = Drawing(width, height)
    result.initialFontName = fonts.regular
    result.initialFontSize = 8
    return result


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with "…" to fit ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def ticks(top: float, bottom: float = 0.0, most: int = 6) -> list[float]:
    """Round tick values covering ``bottom``..``top`` (at most ``most`` of them)."""
    if top - bottom < 1:
        top = bottom + 1  # a span too short to show gets one point
    span = top - bottom
    magnitude = 10 ** math.floor(math.log10(span / max(most - 1, 1)))
    for factor in (1, 2, 5, 10, 20, 50):
        step = magnitude * factor
        first = math.floor(bottom / step) * step
        last = math.ceil(top / step) * step
        if (last - first) / step <= most - 1:
            return [first + i * step for i in range(round((last - first) / step) + 1)]
    return [bottom, top]


def _label(text: str, x: float, y: float, fonts: FontNames, **style: object) -> String:
    options: dict[str, object] = {"fontName": fonts.regular, "fontSize": 7, "fillColor": INK}
    options.update(style)
    return String(x, y, text, **options)


def _legend(
    target: Drawing, fonts: FontNames, x: float, y: float, items: Sequence[tuple[object, str]]
) -> None:
    for fill, text in items:
        outline = INK if fill == colors.white else None  # an outlined bar's legend
        target.add(Rect(x, y - 1, 8, 8, fillColor=fill, strokeColor=outline, strokeWidth=0.8))
        target.add(_label(text, x + 11, y, fonts, fontSize=7.5))
        x += 11 + stringWidth(text, fonts.regular, 7.5) + 12


@dataclass(frozen=True)
class DistributionLabels:
    title: str
    count: str
    cutoff: str  # e.g. "cutoff 70.00"
    selection: str  # e.g. "lowest selected 84.17"; unused without a selection line
    selected: str
    passed: str
    below: str
    floor: str  # failing a criterion floor at or above the cutoff (과락)


def distribution_chart(
    figures: TrackDistribution,
    fonts: FontNames,
    labels: DistributionLabels,
    *,
    width: float,
    height: float,
) -> Drawing:
    """Stacked bins of finals (selected, passed, below the cutoff, failing a criterion
    floor — in the legend only when a bin has one) with the cutoff as a red dashed line
    and the selection line (the lowest selected final) as a green one."""
    result = drawing(width, height, fonts)
    left, bottom, top_pad, right_pad = 30.0, 22.0, 36.0, 10.0
    plot_w, plot_h = width - left - right_pad, height - bottom - top_pad
    result.add(_label(labels.title, left - 26, height - 11, fonts, fontName=fonts.bold, fontSize=9))
    _legend(
        result,
        fonts,
        left,
        height - 25,
        (
            (SELECTED_FILL, labels.selected),
            (PASSED_FILL, labels.passed),
            (BELOW_FILL, labels.below),
            *([(FLOOR_FILL, labels.floor)] if any(b.floor for b in figures.bins) else []),
        ),
    )
    bins = figures.bins
    low = float(bins[0].low)
    high = float(bins[-1].high)
    y_ticks = ticks(max([b.count for b in bins] + [1]))
    y_scale = plot_h / y_ticks[-1]
    x_scale = plot_w / (high - low)
    for tick in y_ticks:
        y = bottom + tick * y_scale
        result.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.3))
        result.add(
            _label(
                f"{tick:g}",
                left - 4,
                y - 2.5,
                fonts,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    for item in bins:
        x = left + (float(item.low) - low) * x_scale + 0.5
        y = bottom
        for count, fill in (
            (item.selected, SELECTED_FILL),
            (item.passed, PASSED_FILL),
            (item.below, BELOW_FILL),
            (item.floor, FLOOR_FILL),
        ):
            if count:
                result.add(
                    Rect(
                        x,
                        y,
                        float(figures.bin_size) * x_scale - 1,
                        count * y_scale,
                        fillColor=fill,
                        strokeColor=None,
                    )
                )
                y += count * y_scale
    every = max(1, math.ceil(len(bins) / 12))
    for index in range(0, len(bins) + 1, every):
        edge = low + index * float(figures.bin_size)
        x = left + (edge - low) * x_scale
        result.add(Line(x, bottom, x, bottom - 2, strokeColor=INK, strokeWidth=0.5))
        result.add(_label(f"{edge:g}", x, bottom - 9, fonts, fontSize=6.5, textAnchor="middle"))
    result.add(Line(left, bottom, left + plot_w, bottom, strokeColor=INK, strokeWidth=0.6))
    result.add(
        _label(labels.count, left - 26, bottom + plot_h + 4, fonts, fontSize=6.5, fillColor=MUTED)
    )
    lines: list[tuple[Decimal, object, str]] = [(figures.cutoff, CUTOFF, labels.cutoff)]
    if figures.selection_line is not None:
        lines.append((figures.selection_line, SELECTION, labels.selection))
    placed: list[tuple[float, float]] = []
    for value, colour, _ in lines:  # every line first, so no line crosses a label
        x = left + (float(value) - low) * x_scale
        result.add(
            Line(
                x,
                bottom,
                x,
                bottom + plot_h,
                strokeColor=colour,
                strokeWidth=1.4,
                strokeDashArray=[3, 2],
            )
        )
    for value, colour, text in lines:
        x = left + (float(value) - low) * x_scale
        text_w = stringWidth(text, fonts.bold, 7)
        start = x + 3 if x + 3 + text_w <= left + plot_w else x - 3 - text_w
        y = bottom + plot_h - 8
        if any(start < end and start + text_w > begin for begin, end in placed):
            y -= 9
        placed.append((start, start + text_w))
        result.add(Rect(start - 1, y - 2, text_w + 2, 9, fillColor=colors.white, strokeColor=None))
        result.add(_label(text, start, y, fonts, fontName=fonts.bold, fillColor=colour))
    return result


def severity_span(rows: Sequence[ReviewerFigures]) -> list[float]:
    """The lowest and highest severity or interval end of ``rows`` (0 when none)."""
    values = [v for r in rows for v in (r.severity, r.low, r.high) if v is not None] or [0.0]
    return [min(values), max(values)]


def gap_span(gaps: Sequence[DisplacementGap]) -> list[float]:
    values = [float(g.gap) for g in gaps] or [0.0]
    return [min(values), max(values)]


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` in runs of ``size`` (one empty run when there are none)."""
    if size < 1:
        raise ValueError(f"a page holds at least one row, not {size}")
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


@dataclass(frozen=True)
class SeverityLabels:
    title: str
    axis: str  # what the horizontal axis measures
    harsh: str
    lenient: str


def severity_chart(
    rows: Sequence[ReviewerFigures],
    fonts: FontNames,
    labels: SeverityLabels,
    *,
    width: float,
    row_height: float = 9.0,
    span: tuple[float, float] | None = None,
) -> Drawing:
    """One row per reviewer (in the given order): the severity as a dot and its 95%
    interval as a bar, against a zero line; red where the whole interval is below 0,
    blue where it is above, grey otherwise. ``span`` (the lowest and highest value to
    show) gives the pages of one long chart the same axis."""
    label_w = 110.0
    top_pad, bottom_pad = 40.0, 26.0
    height = top_pad + bottom_pad + row_height * max(len(rows), 1)
    result = drawing(width, height, fonts)
    result.add(_label(labels.title, 4, height - 11, fonts, fontName=fonts.bold, fontSize=9))
    _legend(result, fonts, 4, height - 25, ((HARSH, labels.harsh), (LENIENT, labels.lenient)))
    left, right = label_w, width - 12
    values = list(span) if span is not None else severity_span(rows)
    x_ticks = ticks(max([*values, 0.0]), min([*values, 0.0]), most=9)
    lo, hi = x_ticks[0], x_ticks[-1]
    scale = (right - left) / (hi - lo)
    plot_top = height - top_pad
    for tick in x_ticks:
        x = left + (tick - lo) * scale
        result.add(
            Line(
                x,
                bottom_pad,
                x,
                plot_top,
                strokeColor=INK if tick == 0 else RULE,
                strokeWidth=0.8 if tick == 0 else 0.3,
            )
        )
        result.add(_label(f"{tick:g}", x, bottom_pad - 9, fonts, fontSize=6.5, textAnchor="middle"))
    result.add(
        _label(
            labels.axis,
            (left + right) / 2,
            4,
            fonts,
            fontSize=7,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    size = min(row_height - 1.5, 7.0)
    for index, row in enumerate(rows):
        y = plot_top - (index + 0.5) * row_height
        if row.high is not None and row.high < 0:
            colour = HARSH
        elif row.low is not None and row.low > 0:
            colour = LENIENT
        else:
            colour = NEUTRAL
        text = f"{row.reviewer_id} {row.name}".strip()
        result.add(
            _label(
                fit(text, fonts.regular, size, label_w - 8),
                label_w - 6,
                y - size / 3,
                fonts,
                fontSize=size,
                textAnchor="end",
            )
        )
        if row.low is not None and row.high is not None:
            x1, x2 = left + (row.low - lo) * scale, left + (row.high - lo) * scale
            result.add(
                Rect(x1, y - 1.2, max(x2 - x1, 0.5), 2.4, fillColor=colour, strokeColor=None)
            )
            for x in (x1, x2):
                result.add(Line(x, y - 2.5, x, y + 2.5, strokeColor=colour, strokeWidth=0.6))
        x = left + (row.severity - lo) * scale
        result.add(
            Rect(x - 2, y - 2, 4, 4, fillColor=colour, strokeColor=colors.white, strokeWidth=0.4)
        )
    return result


@dataclass(frozen=True)
class GapLabels:
    title: str
    axis: str
    none: str  # shown when no quota displaced anyone


def gap_chart(
    gaps: Sequence[DisplacementGap],
    fonts: FontNames,
    labels: GapLabels,
    *,
    width: float,
    row_height: float = 11.0,
    span: tuple[float, float] | None = None,
) -> Drawing:
    """One bar per quota displacement: the displaced application's final minus that of
    the application selected in its place. ``span`` as for :func:`severity_chart`."""
    label_w = 150.0
    top_pad, bottom_pad = 24.0, 26.0
    height = top_pad + bottom_pad + row_height * max(len(gaps), 1)
    result = drawing(width, height, fonts)
    result.add(_label(labels.title, 4, height - 11, fonts, fontName=fonts.bold, fontSize=9))
    plot_top = height - top_pad
    if not gaps:
        result.add(_label(labels.none, 4, plot_top - row_height, fonts, fillColor=MUTED))
        return result
    left, right = label_w, width - 40
    values = list(span) if span is not None else gap_span(gaps)
    x_ticks = ticks(max([*values, 0.0]), min([*values, 0.0]))
    lo, hi = x_ticks[0], x_ticks[-1]
    scale = (right - left) / (hi - lo)
    for tick in x_ticks:
        x = left + (tick - lo) * scale
        result.add(
            Line(
                x, bottom_pad, x, plot_top, strokeColor=INK if tick == 0 else RULE, strokeWidth=0.3
            )
        )
        result.add(_label(f"{tick:g}", x, bottom_pad - 9, fonts, fontSize=6.5, textAnchor="middle"))
    result.add(
        _label(labels.axis, (left + right) / 2, 4, fonts, fillColor=MUTED, textAnchor="middle")
    )
    zero = left + (0 - lo) * scale
    for index, gap in enumerate(gaps):
        y = plot_top - (index + 0.5) * row_height
        text = f"{gap.displaced} → {gap.selected}"
        result.add(
            _label(
                fit(text, fonts.regular, 7, label_w - 8),
                label_w - 6,
                y - 2.5,
                fonts,
                textAnchor="end",
            )
        )
        x = left + (float(gap.gap) - lo) * scale
        result.add(
            Rect(
                min(zero, x),
                y - 3.5,
                max(abs(x - zero), 0.5),
                7,
                fillColor=GAP_FILL,
                strokeColor=None,
            )
        )
        result.add(_label(f"{gap.gap}", max(zero, x) + 3, y - 2.5, fonts, fontSize=6.5))
    return result


# -- the charts of a report, labelled in its language ------------------------------------


def _score(value: Decimal, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def track_distribution(
    figures: TrackDistribution,
    fonts: FontNames,
    lang: str,
    *,
    decimals: int,
    width: float,
    height: float,
) -> Drawing:
    """The distribution chart of one track, titled with the track's name."""
    selection = figures.selection_line
    labels = DistributionLabels(
        title=render("report.chart.distribution", lang, track=figures.name),
        count=render("report.chart.count", lang),
        cutoff=render("report.chart.cutoff", lang, cutoff=_score(figures.cutoff, decimals)),
        selection=render(
            "report.chart.selection",
            lang,
            final=_score(selection, decimals) if selection is not None else "",
        ),
        selected=render("report.chart.selected", lang),
        passed=render("report.chart.passed", lang),
        below=render("report.chart.below", lang),
        floor=render("report.chart.floor", lang),
    )
    return distribution_chart(figures, fonts, labels, width=width, height=height)


def reviewer_severity(
    rows: Sequence[ReviewerFigures],
    fonts: FontNames,
    lang: str,
    *,
    width: float,
    row_height: float = 9.0,
    span: tuple[float, float] | None = None,
) -> Drawing:
    labels = SeverityLabels(
        title=render("report.chart.severity", lang),
        axis=render("report.chart.severity_axis", lang),
        harsh=render("report.chart.harsh", lang),
        lenient=render("report.chart.lenient", lang),
    )
    return severity_chart(rows, fonts, labels, width=width, row_height=row_height, span=span)


def displacement_gaps(
    gaps: Sequence[DisplacementGap],
    fonts: FontNames,
    lang: str,
    *,
    width: float,
    span: tuple[float, float] | None = None,
) -> Drawing:
    labels = GapLabels(
        title=render("report.chart.gaps", lang),
        axis=render("report.chart.gaps_axis", lang),
        none=render("report.chart.no_gaps", lang),
    )
    return gap_chart(gaps, fonts, labels, width=width, span=span)


@dataclass(frozen=True)
class QuotaLabels:
    title: str
    required: str  # legend: the required count (an outlined bar)
    achieved: str  # legend: the achieved count (a filled bar)
    short: str  # legend: achieved below required
    none: str  # shown when the round has no quota


def quota_chart(
    quotas: Sequence[QuotaGaugePoint],
    names: Sequence[str],
    fonts: FontNames,
    labels: QuotaLabels,
    *,
    width: float,
    row_height: float = 16.0,
) -> Drawing:
    """One gauge per quota constraint (``names`` its labels, in order): the required
    count as an outlined bar, the achieved count as a filled one over it (green when it
    meets the requirement, red when short), and "achieved / required" at its end."""
    if len(names) != len(quotas):
        raise ValueError(f"{len(names)} labels for {len(quotas)} quotas")
    label_w = 180.0
    top_pad, bottom_pad = 40.0, 8.0
    height = top_pad + bottom_pad + row_height * max(len(quotas), 1)
    result = drawing(width, height, fonts)
    result.add(_label(labels.title, 4, height - 11, fonts, fontName=fonts.bold, fontSize=9))
    plot_top = height - top_pad
    if not quotas:
        result.add(_label(labels.none, 4, plot_top - row_height / 2, fonts, fillColor=MUTED))
        return result
    _legend(
        result,
        fonts,
        4,
        height - 25,
        ((colors.white, labels.required), (MET_FILL, labels.achieved), (SHORT_FILL, labels.short)),
    )
    left, right = label_w, width - 60
    most = max(max(q.required, q.achieved) for q in quotas) or 1
    scale = (right - left) / most
    for index, (quota, name) in enumerate(zip(quotas, names, strict=True)):
        y = plot_top - (index + 0.5) * row_height
        result.add(
            _label(
                fit(name, fonts.regular, 7.5, label_w - 10),
                label_w - 6,
                y - 2.5,
                fonts,
                fontSize=7.5,
                textAnchor="end",
            )
        )
        fill = MET_FILL if quota.achieved >= quota.required else SHORT_FILL
        if quota.achieved:
            result.add(
                Rect(left, y - 4, quota.achieved * scale, 8, fillColor=fill, strokeColor=None)
            )
        result.add(
            Rect(
                left,
                y - 5,
                max(quota.required * scale, 0.5),
                10,
                fillColor=None,
                strokeColor=INK,
                strokeWidth=0.8,
            )
        )
        end = left + max(quota.required, quota.achieved) * scale
        result.add(
            _label(f"{quota.achieved} / {quota.required}", end + 4, y - 2.5, fonts, fillColor=fill)
        )
    return result


def quota_gauges(
    quotas: Sequence[QuotaGaugePoint],
    track_name: Callable[[str], str],
    fonts: FontNames,
    lang: str,
    *,
    width: float,
) -> Drawing:
    """The quota gauges of a report, each named by its constraint (and its track when it
    is a per-track one)."""
    names = [f"{q.name} · {track_name(q.track)}" if q.track is not None else q.name for q in quotas]
    labels = QuotaLabels(
        title=render("report.chart.quotas", lang),
        required=render("report.chart.quota_required", lang),
        achieved=render("report.chart.quota_achieved", lang),
        short=render("report.chart.quota_short", lang),
        none=render("report.chart.no_quotas", lang),
    )
    return quota_chart(quotas, names, fonts, labels, width=width)
