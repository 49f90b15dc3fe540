"""The reviewer statistics section of the ranked PDF: reviewer severity with its 95%
intervals (a chart over as many pages as the reviewers need, then the same figures as a
table), each track's agreement (ICC(2,1), Kendall's W, and what they cover), the quota
gauges and the score gaps of the quota displacements — the figures the run's export
computed. A long chart is cut into page-sized drawings that share one axis."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from reviewer.domain.chart_data import ChartData
from reviewer.domain.reviewer_statistics import ReviewerFigures
from reviewer.domain.robust import OUTLIER_MIN_POINTS
from reviewer.exchange.reports.charts import (
    chunks,
    displacement_gaps,
    gap_span,
    quota_gauges,
    reviewer_severity,
    severity_span,
)
from reviewer.exchange.reports.context import ReportContext
from reviewer.exchange.reports.pdf.layout import Styles, para, table_style
from reviewer.i18n import render

WIDTH = 756.0  # the frame of an A4 landscape page
SEVERITY_ROW_HEIGHT = 10.0  # labels in 7 pt whatever the number of reviewers
SEVERITY_ROWS = 34  # reviewers per page: 66 + 34 × 10 = 406 pt under the title and note
GAP_ROWS = 38  # displacements per page: 50 + 38 × 11 = 468 pt (the frame is about 500)
QUOTA_ROWS = 25  # quota constraints per drawing: 48 + 25 × 16 = 448 pt


def statistics_section(context: ReportContext, styles: Styles, lang: str) -> list[Flowable]:
    """Severity (chart pages, then its table); then agreement, the quota gauges and the
    displacement gaps."""
    figures = context.charts
    if figures is None:
        return []
    statistics = figures.statistics
    rows = figures.severity(None)
    note = render(
        "report.statistics.note",
        lang,
        threshold=f"{statistics.threshold:g}",
        points=f"{OUTLIER_MIN_POINTS:g}",
    )
    story: list[Flowable] = [
        para(render("report.statistics.title", lang), styles.h1),
        para(note, styles.note),
        Spacer(1, 4),
    ]
    low, high = severity_span(rows)
    for index, part in enumerate(chunks(rows, SEVERITY_ROWS)):
        if index:
            story.append(PageBreak())
        story.append(
            reviewer_severity(
                part,
                styles.fonts,
                lang,
                width=WIDTH,
                row_height=SEVERITY_ROW_HEIGHT,
                span=(low, high),
            )
        )
    story += [
        PageBreak(),
        para(render("report.statistics.table", lang), styles.h2),
        _severity_table(rows, styles, lang),
        PageBreak(),
        para(render("report.xlsx.agreement", lang), styles.h2),
        _agreement_table(context, figures, styles, lang),
        Spacer(1, 10),
    ]
    # a drawing cannot be split over pages: the gauges go in page-sized parts
    for quota_part in chunks(figures.quotas, QUOTA_ROWS):
        story.append(quota_gauges(quota_part, context.track_name, styles.fonts, lang, width=WIDTH))
    story.append(Spacer(1, 10))
    gaps_low, gaps_high = gap_span(figures.gaps)
    for gap_part in chunks(figures.gaps, GAP_ROWS):
        story.append(
            displacement_gaps(gap_part, styles.fonts, lang, width=WIDTH, span=(gaps_low, gaps_high))
        )
    return story


def _severity_table(rows: tuple[ReviewerFigures, ...], styles: Styles, lang: str) -> Table:
    """The severity chart's figures, harshest first: what a printed page records."""
    keys = (
        "reviewer_code",
        "reviewer",
        "count",
        "severity",
        "interval",
        "compared",
        "outlier_count",
        "outlier_eligible",
        "outlier_rate",
    )
    body: list[list[Any]] = [[para(render(f"report.col.{k}", lang), styles.cell) for k in keys]]
    for row in rows:
        interval = (
            f"{row.low:+.2f} … {row.high:+.2f}"
            if row.low is not None and row.high is not None
            else "—"
        )
        body.append(
            [
                row.reviewer_id,
                para(row.name, styles.cell),
                str(row.reviews),
                f"{row.severity:+.2f}",
                interval,
                str(row.compared),
                str(row.outliers),
                str(row.outlier_eligible),
                f"{row.outlier_rate:.1%}",
            ]
        )
    table = Table(body, colWidths=(80, 150, 55, 70, 130, 60, 60, 86, 65), repeatRows=1)
    table.setStyle(
        TableStyle([*table_style(styles.fonts, size=8), ("ALIGN", (2, 1), (-1, -1), "RIGHT")])
    )
    return table


def _agreement_table(
    context: ReportContext, figures: ChartData, styles: Styles, lang: str
) -> Table:
    header = [
        render(f"report.col.{key}", lang)
        for key in ("track", "measure", "value", "covers", "applications")
    ]
    rows: list[list[Any]] = [header]
    for agreement in figures.statistics.agreement:
        icc_covers = render(
            "report.statistics.covers",
            lang,
            applications=agreement.icc_applications,
            total=agreement.track_applications,
            reviewers=agreement.icc_reviewers,
        )
        w_covers = (
            render(
                "report.statistics.covers_block",
                lang,
                applications=agreement.w_applications,
                reviewers=agreement.w_reviewers,
            )
            if agreement.w_applications
            else ""
        )
        for measure, value, reason, covers in (
            ("ICC(2,1)", agreement.icc, agreement.icc_reason, icc_covers),
            ("Kendall's W", agreement.kendall_w, agreement.w_reason, w_covers),
        ):
            shown = (
                f"{value:.3f}" if value is not None else render(f"report.statistics.{reason}", lang)
            )
            rows.append(
                [
                    para(context.track_name(agreement.track), styles.cell),
                    measure,
                    para(shown, styles.cell),
                    para(covers, styles.cell),
                    str(agreement.track_applications),
                ]
            )
    table = Table(rows, colWidths=(170, 80, 230, 200, 76), repeatRows=1)
    table.setStyle(
        TableStyle([*table_style(styles.fonts, size=8.5), ("ALIGN", (4, 1), (4, -1), "RIGHT")])
    )
    return table
