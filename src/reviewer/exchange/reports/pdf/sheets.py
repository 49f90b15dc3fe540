"""A reviewer's individual score sheet (개인별 평가표) as PDF: one A4 page per
application with the criteria, the reviewer's scores, the total, the comment, a conflict
note and the signature line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from reviewer.domain.config import Criterion, Track
from reviewer.domain.model import Application, Review, Reviewer
from reviewer.exchange.reports.context import (
    ReportContext,
    ai_label,
    atomic_output,
    criterion_scale,
    format_amount,
)
from reviewer.exchange.reports.pdf.layout import (
    CUTOFF,
    CUTOFF_FILL,
    MARGIN,
    UNRANKED_FILL,
    Footer,
    ReportDocument,
    Styles,
    fit,
    para,
    pieces,
    table_style,
)
from reviewer.exchange.reports.pdf.sheet_fast import FastSheet
from reviewer.i18n import render

WIDTH = A4[0] - 2 * MARGIN  # the frame of a portrait page (``ReportDocument``)
HEIGHT = A4[1] - 2 * MARGIN - 4 * mm


def write_reviewer_pdf(
    path: Path,
    context: ReportContext,
    reviewer: Reviewer,
    applications: Sequence[Application],
    reviews: Mapping[str, Review],
    styles: Styles,
    lang: str,
) -> None:
    """One page per application of ``applications`` for ``reviewer``."""
    sheet = _ScoreSheet(context, reviewer, styles, lang)
    fast = FastSheet(sheet, WIDTH, HEIGHT)
    story: list[Flowable] = []
    for index, app in enumerate(applications):
        if index:
            story.append(PageBreak())
        review = reviews.get(app.id)
        page = fast.page(app, review)
        story += [page] if page is not None else sheet.page(app, review)
    if not story:
        story = [*sheet.heading(), para(sheet.t("report.sheet_pdf.none"), styles.body)]
    title = sheet.t("report.sheet_pdf.title")
    label = f"{reviewer.name} ({reviewer.id}) · {context.config.name}"
    with atomic_output(path) as temp:
        document = ReportDocument(
            temp,
            title=f"{title} — {reviewer.name}",
            author=reviewer.name,
            subject=context.config.name,
            pagesize=A4,
        )
        document.render(story, Footer(digest=context.digest, label=label))


class _ScoreSheet:
    def __init__(
        self, context: ReportContext, reviewer: Reviewer, styles: Styles, lang: str
    ) -> None:
        self.context = context
        self.reviewer = reviewer
        self.styles = styles
        self.lang = lang

    def t(self, key: str, **params: Any) -> str:
        return render(key, self.lang, **params)

    def heading(self) -> list[Flowable]:
        styles = self.styles
        reviewer = self.reviewer
        who = f"{reviewer.name} ({reviewer.id})"
        if reviewer.affiliation:
            who += f" · {reviewer.affiliation}"
        return [
            para(self.t("report.sheet_pdf.title"), styles.h1),
            para(self.context.config.name, styles.body),
            para(self.t("report.sheet_pdf.reviewer", reviewer=who), styles.body),
            Spacer(1, 4 * mm),
        ]

    def page(self, app: Application, review: Review | None) -> list[Flowable]:
        track = self.context.track(app.track)
        criteria = track.criteria if track is not None else ()
        story = [*self.heading(), self.application_table(app, track), Spacer(1, 5 * mm)]
        story.append(self.criteria_table(app, criteria, review))
        story.append(Spacer(1, 5 * mm))
        if review is not None and review.conflict:
            story.extend(self.conflict_note(review))
            story.append(Spacer(1, 4 * mm))
        story.extend(self.comment_box(review))
        story.append(Spacer(1, 8 * mm))
        conflict = review is not None and review.conflict
        story.append(KeepTogether(self.signature(conflict)))
        return story

    def application_labels(self) -> list[str]:
        keys = ("id", "title", "company", "track", "ai", "amount")
        return [self.t(f"report.col.{key}") for key in keys]

    def application_values(self, app: Application, track: Track | None) -> list[str]:
        return [
            app.id,
            app.title,
            app.company,
            track.name if track is not None else app.track,
            ai_label(app.ai_category, self.lang),
            f"{format_amount(app.amount)} {self.t('report.unit.won')}",
        ]

    def application_table(self, app: Application, track: Track | None) -> Table:
        return self.application_table_of(self.application_values(app, track))

    def application_table_of(self, values: Sequence[str] | None) -> Table:
        """The application's facts; without ``values`` the labels only (a fast page's
        form)."""
        styles = self.styles
        labels = self.application_labels()
        shown = [fit(v, WIDTH - 90, styles.body) for v in values] if values else [""] * 6
        cells = [[label, value] for label, value in zip(labels, shown, strict=True)]
        table = Table(cells, colWidths=(90, WIDTH - 90))
        table.setStyle(
            TableStyle(
                [
                    *table_style(styles.fonts, header_rows=0, size=9.5),
                    ("FONTNAME", (0, 0), (0, -1), styles.fonts.bold),
                    ("BACKGROUND", (0, 0), (0, -1), UNRANKED_FILL),
                ]
            )
        )
        return table

    def score_values(
        self, app: Application, criteria: Sequence[Criterion], review: Review | None
    ) -> tuple[list[tuple[str, str]], str]:
        """Per criterion the raw score and its points as shown, and the total."""
        scored = review is not None and not review.conflict
        values: list[tuple[str, str]] = []
        for criterion in criteria:
            raw = review.scores.get(criterion.id) if scored and review is not None else None
            points = ""
            if raw is not None:
                try:
                    points = f"{criterion.weight * criterion.normalise(raw):.2f}"
                except (KeyError, ValueError, ZeroDivisionError):
                    points = ""
            values.append(("" if raw is None else _raw_text(raw), points))
        recorded = self.context.run.applications.get(app.id)
        total = recorded.reviewer_totals.get(self.reviewer.id) if recorded is not None else None
        return values, "" if total is None else f"{total:.2f}"

    def criteria_table(
        self, app: Application, criteria: Sequence[Criterion], review: Review | None
    ) -> Table:
        values, total = self.score_values(app, criteria, review)
        return self.criteria_table_of(criteria, values, total)

    def criteria_table_of(
        self, criteria: Sequence[Criterion], values: Sequence[tuple[str, str]], total: str
    ) -> Table:
        styles = self.styles
        header = [
            self.t(f"report.sheet_pdf.{key}")
            for key in ("criterion", "weight", "scale", "score", "points")
        ]
        data: list[list[Any]] = [header]
        for criterion, (raw, points) in zip(criteria, values, strict=True):
            data.append(
                [
                    fit(criterion.name, 170, styles.body, 10),
                    f"{criterion.weight:g}",
                    fit(criterion_scale(criterion, self.lang), 150, styles.body, 10),
                    raw,
                    points,
                ]
            )
        weights = sum(c.weight for c in criteria)
        data.append([self.t("report.sheet_pdf.total"), f"{weights:g}", "", "", total])
        table = Table(
            data,
            colWidths=(170, 55, 150, 70, WIDTH - 445),
            repeatRows=1,
            rowHeights=[18] + [24] * (len(data) - 1),
        )
        last = len(data) - 1
        table.setStyle(
            TableStyle(
                [
                    *table_style(styles.fonts, size=10),
                    ("ALIGN", (1, 1), (1, -1), "CENTER"),
                    ("ALIGN", (3, 1), (4, -1), "CENTER"),
                    ("FONTNAME", (0, last), (-1, last), styles.fonts.bold),
                    ("BACKGROUND", (0, last), (-1, last), UNRANKED_FILL),
                    ("FONTSIZE", (3, 1), (4, -1), 11),
                ]
            )
        )
        return table

    def conflict_note(self, review: Review) -> list[Flowable]:
        reason = review.conflict_reason or review.comment or "—"
        text = self.t("report.sheet_pdf.conflict", reason=reason)
        parts = pieces(text, self.styles.body)
        if len(parts) > 1:  # the reviewer's own words, whole, continuing overleaf
            return parts
        table = Table([parts], colWidths=(WIDTH,), splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    *table_style(self.styles.fonts, header_rows=0, size=9.5),
                    ("BACKGROUND", (0, 0), (-1, -1), CUTOFF_FILL),
                    ("BOX", (0, 0), (-1, -1), 1.2, CUTOFF),
                ]
            )
        )
        return [table]

    def comment_box(self, review: Review | None) -> list[Flowable]:
        """The comment under its heading, boxed; a comment of more lines than one
        paragraph holds follows the heading unboxed, whole, continuing overleaf (a box
        split at every page would be laid out again at each)."""
        comment = review.comment if review is not None and not review.conflict else ""
        parts = pieces(comment, self.styles.body) if comment else []
        if len(parts) > 1:
            return [self.comment_header(), *parts]
        table = Table(
            [[para(self.t("report.sheet_pdf.comment"), self.styles.cell_bold)], [parts or ""]],
            colWidths=(WIDTH,),
            rowHeights=[18, None if comment else 90],
            repeatRows=1,
            splitInRow=1,  # the reviewer's own words, whole: a long one continues overleaf
        )
        table.setStyle(TableStyle(self._comment_style()))
        return [table]

    def comment_header(self) -> Table:
        """The comment box's header row alone (a fast page draws the body itself)."""
        table = Table(
            [[para(self.t("report.sheet_pdf.comment"), self.styles.cell_bold)]],
            colWidths=(WIDTH,),
            rowHeights=[18],
        )
        table.setStyle(TableStyle(self._comment_style()))
        return table

    def _comment_style(self) -> list[tuple[Any, ...]]:
        return [
            *table_style(self.styles.fonts, header_rows=1, size=9.5),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, 0), "LEFT"),
        ]

    def signature(self, conflict: bool) -> list[Flowable]:
        styles = self.styles
        line = "_" * 22
        rows = [
            [self.t("report.sheet_pdf.date"), self.t("report.sheet_pdf.date_blank")],
            [
                self.t("report.sheet_pdf.signer"),
                f"{self.reviewer.name}   {line}   {self.t('report.sheet_pdf.seal')}",
            ],
        ]
        table = Table(rows, colWidths=(90, 300), hAlign="RIGHT", rowHeights=[24, 30])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                    ("FONTNAME", (0, 0), (0, -1), styles.fonts.bold),
                    ("FONTSIZE", (0, 0), (-1, -1), 10.5),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ]
            )
        )
        statement = (
            "report.sheet_pdf.statement_conflict" if conflict else "report.sheet_pdf.statement"
        )
        return [para(self.t(statement), styles.body), Spacer(1, 4 * mm), table]


def _raw_text(raw: float | str) -> str:
    return raw if isinstance(raw, str) else f"{raw:g}"
