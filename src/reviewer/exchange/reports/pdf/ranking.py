"""The ranked PDF of a selection run (DESIGN §7): cover, selection and quota summary,
one section per track, and the committee's signature block.

A4 landscape, set entirely in the embedded NanumGothic; every page carries "n / N" and
the run's SHA-256 digest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reviewer.exchange.reports.context import (
    STATUS_ORDER,
    Progress,
    ReportContext,
    atomic_output,
    format_amount,
    format_date,
    quota_rule,
    quota_why,
    status_label,
)
from reviewer.exchange.reports.pdf.charts import QuotaBar, quota_chart
from reviewer.exchange.reports.pdf.layout import (
    UNRANKED_FILL,
    Footer,
    PageProgress,
    ReportDocument,
    Styles,
    fit,
    make_styles,
    para,
    table_style,
)
from reviewer.exchange.reports.pdf.statistics import statistics_section
from reviewer.exchange.reports.pdf.tracks import TrackSection
from reviewer.i18n import normalise_lang, render

ROWS_PER_PAGE = 24  # a rough figure for the progress estimate only


def write_ranked_pdf(
    path: Path, context: ReportContext, lang: str = "ko", progress: Progress | None = None
) -> None:
    """Write the ranked PDF of ``context`` to ``path`` (atomically)."""
    language = normalise_lang(lang)
    styles = make_styles()
    builder = _RankedReport(context, styles, language)
    count = len(context.data.applications)
    pages = PageProgress(progress, 4 + len(context.config.tracks) * 2 + count // ROWS_PER_PAGE)
    pages.start()
    story = builder.story()
    title = render("report.title", language)
    with atomic_output(Path(path)) as temp:
        document = ReportDocument(
            temp,
            title=f"{context.config.name} — {title}",
            author=context.committee_name,
            subject=title,
        )
        document.render(
            story, Footer(digest=context.digest, label=context.config.name), on_page=pages.on_page
        )
        pages.finish()  # inside: a progress callback that raises (cancel) discards the file


class _RankedReport:
    def __init__(self, context: ReportContext, styles: Styles, lang: str) -> None:
        self.context = context
        self.styles = styles
        self.lang = lang

    def t(self, key: str, **params: Any) -> str:
        return render(key, self.lang, **params)

    def story(self) -> list[Flowable]:
        story: list[Flowable] = [*self.cover(), PageBreak(), *self.summary()]
        section = TrackSection(self.context, self.styles, self.lang)
        for track in self.context.config.tracks:
            story.append(PageBreak())
            story += section.build(track, self.context.rows_by_track.get(track.id, ()))
        statistics = statistics_section(self.context, self.styles, self.lang)
        if statistics:
            story.append(PageBreak())
            story += statistics
        story.append(PageBreak())
        story += self.signatures()
        return story

    # -- cover -----------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        context, config, styles = self.context, self.context.config, self.styles
        counts = context.status_counts()
        selected = counts[STATUS_ORDER[0]] + counts[STATUS_ORDER[1]]
        aggregation = self.t(f"report.method.{config.aggregation.method}")
        if config.aggregation.normalize == "zscore":
            aggregation += " · " + self.t("report.method.zscore")
        facts = [
            (self.t("report.cover.round"), config.name),
            (self.t("report.cover.year"), str(config.year)),
            (self.t("report.cover.date"), format_date(context.run_at, self.lang)),
            (self.t("report.cover.committee"), context.committee_name),
            (
                self.t("report.cover.applications"),
                self.t(
                    "report.cover.applications_value",
                    total=len(context.data.applications),
                    selected=selected,
                ),
            ),
            (self.t("report.cover.cutoff"), context.final_text(config.cutoff)),
            (self.t("report.cover.method"), aggregation),
            (self.t("report.cover.digest"), context.digest),
        ]
        rows = [[para(label, styles.cell_bold), para(value, styles.body)] for label, value in facts]
        table = Table(rows, colWidths=(130, 470), hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    *table_style(styles.fonts, header_rows=0, size=9.5),
                    ("BACKGROUND", (0, 0), (0, -1), UNRANKED_FILL),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return [
            Spacer(1, 28 * mm),
            para(self.t("report.title"), styles.title),
            para(config.name, styles.subtitle),
            Spacer(1, 14 * mm),
            table,
            Spacer(1, 10 * mm),
            para(self.t("report.cover.digest_note"), styles.note),
        ]

    # -- selection and quota summary -----------------------------------------------------

    def summary(self) -> list[Flowable]:
        context, styles = self.context, self.styles
        outcome = context.run
        story: list[Flowable] = [para(self.t("report.summary.title"), styles.h1)]
        story.append(
            para(
                self.t(
                    "report.summary.objective",
                    selected=outcome.selected,
                    shortfall=outcome.shortfall,
                    total=context.final_text(outcome.total_score),
                ),
                styles.body,
            )
        )
        story.append(Spacer(1, 3 * mm))
        story.append(self.status_table())
        story.append(Spacer(1, 3 * mm))
        story.append(self.track_table())
        story.append(CondPageBreak(60 * mm))
        story.append(para(self.t("report.quota.title"), styles.h2))
        if not outcome.quotas:
            story.append(para(self.t("report.quota.none"), styles.body))
            return story
        story.append(self.quota_table())
        story.append(Spacer(1, 4 * mm))
        bars = [
            QuotaBar(
                label=q.name,
                sublabel=context.track_name(q.track)
                if q.track is not None
                else self.t("report.quota.combined"),
                required=q.required,
                achieved=q.achieved,
            )
            for q in outcome.quotas
        ]
        chart = quota_chart(
            bars,
            styles.fonts,
            width=min(756.0, 170.0 * len(bars) + 60),
            height=120,
            required_label=self.t("report.quota.required"),
            achieved_label=self.t("report.quota.achieved"),
        )
        story.append(KeepTogether([para(self.t("report.quota.chart"), styles.small), chart]))
        return story

    def status_table(self) -> Table:
        counts = self.context.status_counts()
        header = [status_label(status, self.lang) for status in STATUS_ORDER]
        table = Table(
            [header, [str(counts[s]) for s in STATUS_ORDER]],
            colWidths=[756.0 / len(STATUS_ORDER)] * len(STATUS_ORDER),
        )
        table.setStyle(
            TableStyle(
                [*table_style(self.styles.fonts, size=8.5), ("ALIGN", (0, 1), (-1, -1), "CENTER")]
            )
        )
        return table

    def track_table(self) -> Table:
        context = self.context
        won = self.t("report.unit.won")
        header = [
            self.t(f"report.col.{key}")
            for key in ("track", "seats", "selected", "budget", "budget_used", "applications")
        ]
        rows: list[list[Any]] = [header]
        outcomes = {o.id: o for o in context.run.tracks}
        for track in context.config.tracks:
            outcome = outcomes.get(track.id)
            track_rows = context.rows_by_track.get(track.id, ())
            selected = (
                outcome.selected
                if outcome is not None
                else sum(1 for r in track_rows if r.status.is_selected)
            )
            used = outcome.budget_used if outcome is not None else 0
            rows.append(
                [
                    para(f"{track.name} ({track.id})", self.styles.cell),
                    str(track.seats),
                    str(selected),
                    f"{format_amount(track.budget)} {won}" if track.budget is not None else "—",
                    f"{format_amount(used)} {won}",
                    str(len(track_rows)),
                ]
            )
        table = Table(rows, colWidths=(276, 70, 70, 130, 130, 80), repeatRows=1)
        table.setStyle(
            TableStyle(
                [*table_style(self.styles.fonts, size=8.5), ("ALIGN", (1, 1), (-1, -1), "RIGHT")]
            )
        )
        return table

    def quota_table(self) -> Table:
        context = self.context
        header = [
            self.t(f"report.col.{key}")
            for key in ("quota", "rule", "scope", "required", "achieved", "shortfall", "why")
        ]
        rows: list[list[Any]] = [header]
        commands = table_style(self.styles.fonts, size=8.5)
        for index, quota in enumerate(context.run.quotas, start=1):
            if quota.track is not None:
                scope = context.track_name(quota.track)
            else:
                scope = self.t("report.quota.combined_of", tracks=", ".join(quota.tracks))
            rows.append(
                [
                    para(quota.name, self.styles.cell),
                    para(quota_rule(context.config, quota.name, self.lang), self.styles.cell),
                    para(scope, self.styles.cell),
                    str(quota.required),
                    str(quota.achieved),
                    str(quota.shortfall),
                    para(quota_why(quota, self.lang), self.styles.cell),
                ]
            )
            if quota.shortfall:
                commands.append(("TEXTCOLOR", (5, index), (5, index), "#c62828"))
                commands.append(("FONTNAME", (5, index), (5, index), self.styles.fonts.bold))
        commands.append(("ALIGN", (3, 1), (5, -1), "RIGHT"))
        table = Table(rows, colWidths=(150, 110, 150, 50, 50, 50, 196), repeatRows=1)
        table.setStyle(TableStyle(commands))
        return table

    # -- signatures ----------------------------------------------------------------------

    def signatures(self) -> list[Flowable]:
        context, styles = self.context, self.styles
        header = [
            self.t(f"report.sign.{key}") for key in ("role", "name", "affiliation", "date", "sign")
        ]
        rows: list[list[Any]] = [
            header,
            [self.t("report.sign.chair"), context.chair or "", "", "", ""],
        ]
        if context.members:
            members = [(name, "") for name in context.members]
        else:
            members = [(r.name, r.affiliation) for r in context.data.reviewers]
        member = self.t("report.sign.member")
        rows += [
            [
                member,
                fit(name, 150, styles.body, 10),
                fit(affiliation, 200, styles.body, 10),
                "",
                "",
            ]
            for name, affiliation in members
        ]
        table = Table(
            rows,
            colWidths=(80, 150, 200, 130, 196),
            repeatRows=1,
            rowHeights=[18] + [30] * (len(rows) - 1),
        )
        table.setStyle(
            TableStyle(
                [
                    *table_style(styles.fonts, size=10),
                    ("ALIGN", (0, 1), (1, -1), "CENTER"),
                    ("FONTNAME", (0, 1), (0, 1), styles.fonts.bold),
                ]
            )
        )
        committee = context.committee or self.t("report.sign.committee")
        statement = self.t("report.sign.statement", committee=committee, round=context.config.name)
        return [
            para(self.t("report.sign.title"), styles.h1),
            para(statement, styles.body),
            Spacer(1, 2 * mm),
            Paragraph(escape(self.t("report.sign.digest", digest=context.digest)), styles.note),
            Spacer(1, 5 * mm),
            table,
        ]
