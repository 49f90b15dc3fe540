"""The reviewer statistics section of the ranked PDF: reviewer severity with its 95%
intervals, each track's agreement (ICC(2,1), Kendall's W, and what they cover) and the
score gaps of the quota displacements — the figures the run's export computed."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from reviewer.domain.chart_data import ChartData
from reviewer.exchange.reports.charts import displacement_gaps, reviewer_severity
from reviewer.exchange.reports.context import ReportContext
from reviewer.exchange.reports.pdf.layout import Styles, para, table_style
from reviewer.i18n import render

WIDTH = 756.0  # the frame of an A4 landscape page
SEVERITY_HEIGHT = 420.0  # at most, so the chart and its title share a page


def statistics_section(context: ReportContext, styles: Styles, lang: str) -> list[Flowable]:
    """Two pages: severity; then agreement and the displacement gaps."""
    figures = context.charts
    if figures is None:
        return []
    statistics = figures.statistics
    rows = figures.severity(None)
    row_height = min(9.0, (SEVERITY_HEIGHT - 66) / max(len(rows), 1))
    note = render("report.statistics.note", lang, threshold=f"{statistics.threshold:g}")
    return [
        para(render("report.statistics.title", lang), styles.h1),
        para(note, styles.note),
        Spacer(1, 4),
        reviewer_severity(rows, styles.fonts, lang, width=WIDTH, row_height=row_height),
        PageBreak(),
        para(render("report.xlsx.agreement", lang), styles.h2),
        _agreement_table(context, figures, styles, lang),
        Spacer(1, 10),
        displacement_gaps(figures.gaps, styles.fonts, lang, width=WIDTH),
    ]


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
