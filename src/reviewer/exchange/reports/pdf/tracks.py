"""The per-track section of the ranked PDF: facts and histogram, the ranked table with
the cutoff line, boundary ties, explanations, and the applications that are not ranked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape as _x

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from reviewer.domain.config import Track
from reviewer.domain.model import Status
from reviewer.exchange.reports.charts import track_distribution
from reviewer.exchange.reports.context import (
    ReportContext,
    ReportRow,
    ai_label,
    format_amount,
    report_reason,
    status_label,
)
from reviewer.exchange.reports.pdf.charts import histogram
from reviewer.exchange.reports.pdf.layout import (
    CUTOFF,
    CUTOFF_FILL,
    DISPLACED_FILL,
    QUOTA_FILL,
    SELECTED_FILL,
    UNRANKED_FILL,
    Styles,
    fit,
    para,
    table_style,
)
from reviewer.i18n import render

RANKED_WIDTHS = (34.0, 72.0, 118.0, 250.0, 40.0, 36.0, 52.0, 84.0, 70.0)
UNRANKED_WIDTHS = (72.0, 118.0, 230.0, 40.0, 36.0, 84.0, 176.0)
TIE_MARK = "◆"
NOTE_MARK = "※"

ROW_FILLS = {
    Status.SELECTED: SELECTED_FILL,
    Status.SELECTED_BY_QUOTA: QUOTA_FILL,
    Status.DISPLACED_BY_QUOTA: DISPLACED_FILL,
}


@dataclass
class _Notes:
    """Footnotes of a track: explanations and reasons referenced from the table."""

    lines: list[tuple[str, ReportRow, str]] = field(default_factory=list)  # (mark, row, text)

    def add(self, row: ReportRow, text: str) -> str:
        mark = f"{NOTE_MARK}{len(self.lines) + 1}"
        self.lines.append((mark, row, text))
        return mark


class TrackSection:
    """Builds the flowables of one track."""

    def __init__(self, context: ReportContext, styles: Styles, lang: str) -> None:
        self.context = context
        self.styles = styles
        self.lang = lang
        self.cutoff = context.config.cutoff

    def t(self, key: str, **params: Any) -> str:
        return render(key, self.lang, **params)

    def cell(self, text: str, width: float, style_name: str = "cell") -> str | Paragraph:
        return fit(text, width, getattr(self.styles, style_name))

    # -- the section ---------------------------------------------------------------------

    def build(self, track: Track, rows: Sequence[ReportRow]) -> list[Flowable]:
        ranked = [r for r in rows if r.rank is not None]
        unranked = [r for r in rows if r.rank is None]
        story: list[Flowable] = [
            Paragraph(f"{_x(track.name)} <font size=11>({_x(track.id)})</font>", self.styles.h1),
            self.overview(track, rows, ranked),
            Spacer(1, 3 * mm),
            self.legend(),
            Spacer(1, 2 * mm),
        ]
        notes = _Notes()
        if ranked:
            story.append(self.ranked_table(ranked, notes))
        else:
            story.append(para(self.t("report.track.no_ranked"), self.styles.body))
        story += self.ties(track)
        if notes.lines:
            story += [
                Paragraph(_x(self.t("report.track.notes")), self.styles.h2),
                self.notes_table(notes),
            ]
        if unranked:
            story += [
                CondPageBreak(30 * mm),
                Paragraph(_x(self.t("report.track.unranked")), self.styles.h2),
                self.unranked_table(unranked),
            ]
        return story

    def overview(
        self, track: Track, rows: Sequence[ReportRow], ranked: Sequence[ReportRow]
    ) -> Table:
        outcome = self.context.run.track(track.id)
        chosen = [r for r in rows if r.status.is_selected]
        selected = outcome.selected if outcome is not None else len(chosen)
        used = (
            outcome.budget_used
            if outcome is not None
            else sum(r.application.amount for r in chosen)
        )
        won = self.t("report.unit.won")
        facts = [
            (self.t("report.track.seats"), str(track.seats)),
            (self.t("report.track.selected"), str(selected)),
            (
                self.t("report.track.budget"),
                f"{format_amount(track.budget)} {won}"
                if track.budget is not None
                else self.t("report.track.no_budget"),
            ),
            (self.t("report.track.budget_used"), f"{format_amount(used)} {won}"),
            (self.t("report.track.applications"), str(len(rows))),
            (self.t("report.track.ranked"), str(len(ranked))),
            (
                self.t("report.track.passing"),
                str(sum(1 for r in ranked if r.final is not None and r.final >= _dec(self.cutoff))),
            ),
            (self.t("report.track.cutoff"), self.context.final_text(self.cutoff)),
        ]
        if track.linked or track.requires:
            needs = ", ".join(self.t(f"report.requires.{req}") for req in track.requires)
            facts.append((self.t("report.track.linked"), needs or self.t("report.yes")))
        fonts = self.styles.fonts
        fact_table = Table(facts, colWidths=(110, 170), hAlign="LEFT")
        fact_table.setStyle(
            TableStyle(
                [
                    *table_style(fonts, header_rows=0, size=8.5),
                    ("FONTNAME", (0, 0), (0, -1), fonts.bold),
                    ("BACKGROUND", (0, 0), (0, -1), UNRANKED_FILL),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ]
            )
        )
        figures = self.context.charts.distribution(track.id) if self.context.charts else None
        chart_cell: list[Flowable]
        if figures is not None:
            chart_cell = [
                track_distribution(
                    figures,
                    fonts,
                    self.lang,
                    decimals=self.context.config.decimals,
                    width=440,
                    height=160,
                )
            ]
        else:
            finals = [float(r.final) for r in ranked if r.final is not None]
            chart = histogram(
                finals,
                self.cutoff,
                fonts,
                width=420,
                height=135,
                cutoff_label=self.t(
                    "report.chart.cutoff", cutoff=self.context.final_text(self.cutoff)
                ),
                count_label=self.t("report.chart.count"),
            )
            chart_cell = [Paragraph(_x(self.t("report.chart.histogram")), self.styles.small), chart]
        layout = Table([[fact_table, chart_cell]], colWidths=(300, 456), hAlign="LEFT")
        layout.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
                ]
            )
        )
        return layout

    def legend(self) -> Table:
        fonts = self.styles.fonts
        items = [
            (status_label(Status.SELECTED, self.lang), SELECTED_FILL),
            (status_label(Status.SELECTED_BY_QUOTA, self.lang), QUOTA_FILL),
            (status_label(Status.DISPLACED_BY_QUOTA, self.lang), DISPLACED_FILL),
            (self.t("report.legend.cutoff"), CUTOFF_FILL),
            (f"{TIE_MARK} {self.t('report.legend.tie')}", None),
            (f"{NOTE_MARK} {self.t('report.legend.note')}", None),
        ]
        legend = Table(
            [[text for text, _ in items]],
            hAlign="LEFT",
            colWidths=[max(60.0, stringWidth(t, fonts.regular, 7.5) + 12) for t, _ in items],
        )
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEABOVE", (3, 0), (3, 0), 1.5, CUTOFF),
            ("TEXTCOLOR", (3, 0), (3, 0), CUTOFF),
        ]
        for column, (_, fill) in enumerate(items):
            if fill is not None:
                commands.append(("BACKGROUND", (column, 0), (column, 0), fill))
        legend.setStyle(TableStyle(commands))
        return legend

    # -- tables --------------------------------------------------------------------------

    def ranked_table(self, ranked: Sequence[ReportRow], notes: _Notes) -> Table:
        fonts = self.styles.fonts
        widths = RANKED_WIDTHS
        header = [
            self.t(f"report.col.{key}")
            for key in (
                "rank",
                "id",
                "company",
                "title",
                "ai",
                "reviews",
                "final",
                "status",
                "notes",
            )
        ]
        ties = {app_id for tie in self.context.run.boundary_ties for app_id in tie.ids}
        cutoff = _dec(self.cutoff)
        line_at = next(
            (i for i, r in enumerate(ranked) if r.final is not None and r.final < cutoff),
            len(ranked),
        )
        data: list[list[Any]] = [header]
        commands = table_style(fonts)
        commands += [
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("ALIGN", (4, 1), (6, -1), "CENTER"),
            ("ALIGN", (6, 1), (6, -1), "RIGHT"),
            ("ALIGN", (7, 1), (7, -1), "CENTER"),
        ]
        for index, row in enumerate(ranked):
            if index == line_at:
                self._cutoff_row(data, commands)
            app = row.application
            marks = []
            if row.id in ties:
                marks.append(TIE_MARK)
            note = self._note(row)
            if note:
                marks.append(notes.add(row, note))
            status = status_label(row.status, self.lang)
            data.append(
                [
                    str(row.rank),
                    self.cell(app.id, widths[1]),
                    self.cell(app.company, widths[2]),
                    self.cell(app.title, widths[3]),
                    ai_label(app.ai_category, self.lang),
                    str(row.reviews),
                    self.context.final_text(row.final),
                    self.cell(status, widths[7], "cell_center"),
                    " ".join(marks),
                ]
            )
            fill = ROW_FILLS.get(row.status)
            if fill is not None:
                at = len(data) - 1
                commands.append(("BACKGROUND", (0, at), (-1, at), fill))
            if row.status.is_selected:
                at = len(data) - 1
                commands.append(("FONTNAME", (6, at), (7, at), fonts.bold))
        if line_at == len(ranked):
            self._cutoff_row(data, commands)
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def _cutoff_row(self, data: list[list[Any]], commands: list[tuple[Any, ...]]) -> None:
        at = len(data)
        text = self.t("report.track.cutoff_line", cutoff=self.context.final_text(self.cutoff))
        data.append([Paragraph(_x(text), self.styles.cutoff)] + [""] * (len(RANKED_WIDTHS) - 1))
        commands += [
            ("SPAN", (0, at), (-1, at)),
            ("BACKGROUND", (0, at), (-1, at), CUTOFF_FILL),
            ("LINEABOVE", (0, at), (-1, at), 2.2, CUTOFF),
            ("LINEBELOW", (0, at), (-1, at), 2.2, CUTOFF),
            ("TOPPADDING", (0, at), (-1, at), 1),
            ("BOTTOMPADDING", (0, at), (-1, at), 1),
        ]

    def _note(self, row: ReportRow) -> str:
        """The footnote of a ranked row: a quota decision or transfer, or a failure that
        the cutoff line does not explain (a criterion floor)."""
        if row.explained:
            return report_reason(row, self.lang)
        if (
            row.status is Status.BELOW_CUTOFF
            and row.final is not None
            and row.final >= _dec(self.cutoff)
        ):
            return report_reason(row, self.lang)
        return ""

    def notes_table(self, notes: _Notes) -> Table:
        header = [
            self.t(f"report.col.{key}") for key in ("mark", "id", "status", "final", "explanation")
        ]
        data: list[list[Any]] = [header]
        commands = table_style(self.styles.fonts)
        commands += [
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("ALIGN", (2, 1), (2, -1), "CENTER"),
            ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ]
        for mark, row, text in notes.lines:
            data.append(
                [
                    mark,
                    self.cell(row.id, 72),
                    self.cell(status_label(row.status, self.lang), 90, "cell_center"),
                    self.context.final_text(row.final),
                    para(text, self.styles.cell),
                ]
            )
            fill = ROW_FILLS.get(row.status)
            if fill is not None:
                commands.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), fill))
        table = Table(data, colWidths=(36, 72, 90, 52, 506), repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def unranked_table(self, rows: Sequence[ReportRow]) -> Table:
        fonts = self.styles.fonts
        widths = UNRANKED_WIDTHS
        header = [
            self.t(f"report.col.{key}")
            for key in ("id", "company", "title", "ai", "reviews", "status", "reason")
        ]
        data: list[list[Any]] = [header]
        commands = table_style(fonts)
        commands += [
            ("ALIGN", (3, 1), (5, -1), "CENTER"),
            ("BACKGROUND", (0, 1), (-1, -1), UNRANKED_FILL),
        ]
        for row in rows:
            app = row.application
            data.append(
                [
                    self.cell(app.id, widths[0]),
                    self.cell(app.company, widths[1]),
                    para(app.title, self.styles.cell),
                    ai_label(app.ai_category, self.lang),
                    str(row.reviews),
                    self.cell(status_label(row.status, self.lang), widths[5], "cell_center"),
                    para(report_reason(row, self.lang), self.styles.cell),
                ]
            )
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def ties(self, track: Track) -> list[Flowable]:
        flowables: list[Flowable] = []
        for tie in self.context.run.boundary_ties:
            if tie.track != track.id:
                continue
            text = self.t(
                "report.track.tie",
                mark=TIE_MARK,
                final=self.context.final_text(tie.final_score),
                ids=", ".join(tie.ids),
            )
            flowables.append(Spacer(1, 2 * mm))
            flowables.append(para(text, self.styles.body))
        return flowables


def _dec(value: float) -> Decimal:
    return Decimal(str(value))
