"""The results workbook of a selection run (DESIGN §7), written with XlsxWriter.

Sheets: summary (요약, with a chart of the selected finals per track), ranking (순위,
every application), one per track, the reviewers' raw scores (심사위원 점수), the quota
report (쿼터) and the review statistics (통계). Every table has a frozen header row, a
filter, number formats and column widths; selected rows are shaded.

The sheets are written row by row in XlsxWriter's constant-memory mode, so a round of
ten thousand applications stays fast, and text is always stored as text (see ``cells``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from reviewer.domain.config import Track
from reviewer.domain.robust import OUTLIER_MIN_POINTS
from reviewer.exchange.reports.context import (
    STATUS_ORDER,
    Progress,
    ReportContext,
    atomic_output,
    quota_rule,
    quota_why,
    status_label,
)
from reviewer.exchange.reports.workbook.cells import (
    AMOUNT,
    DATE_TIME,
    PERCENT,
    POINTS,
    STAT,
    Book,
    Cell,
    Counter,
    Sheet,
    Table,
    set_width,
    sheet_reference,
)
from reviewer.exchange.reports.workbook.pictures import statistics_pictures
from reviewer.exchange.reports.workbook.ranking_sheet import RankingWriter
from reviewer.i18n import normalise_lang, render

CONFLICT_FLAG = "Y"  # what the score import reads as a recusal
NOTE_LINE_WIDTH = 150  # a note line's width in columns (a Korean syllable takes two)
CHART_WIDTH, CHART_HEIGHT = 756, 321  # pixels: 20 × 8.5 cm at 96 dpi


def note_lines(text: str, width: int) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` columns, East Asian
    wide characters counting two (a word wider than a line stays whole)."""

    def columns(word: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in word)

    lines: list[str] = []
    current, used = "", 0
    for word in text.split():
        size = columns(word)
        if current and used + 1 + size > width:
            lines.append(current)
            current, used = "", 0
        current, used = (f"{current} {word}", used + 1 + size) if current else (word, size)
    if current:
        lines.append(current)
    return lines


def write_workbook(
    path: Path, context: ReportContext, lang: str = "ko", progress: Progress | None = None
) -> None:
    """Write the results workbook of ``context`` to ``path`` (atomically)."""
    language = normalise_lang(lang)
    counter = Counter(progress, len(context.data.applications) * 2 + len(context.data.reviews))
    counter.start()
    with atomic_output(Path(path)) as temp:
        book = Book(temp, context.config.name)
        try:
            book.book.set_properties(
                {
                    "title": f"{context.config.name} — {render('report.title', language)}",
                    "author": "reviewer",
                }
            )
            _WorkbookWriter(context, language, counter, book).write()
            book.close()
        except BaseException:
            book.discard()
            raise
        counter.finish()  # inside: a progress callback that raises (cancel) discards it


def criterion_columns(tracks: Iterable[Track]) -> list[tuple[str, tuple[str, ...]]]:
    """The score columns for the rubrics of ``tracks``: one per criterion name (headers
    by name are what the score import matches), with the criterion ids it stands for."""
    columns: dict[str, list[str]] = {}
    for track in tracks:
        for criterion in track.criteria:
            ids = columns.setdefault(criterion.name, [])
            if criterion.id not in ids:
                ids.append(criterion.id)
    return [(name, tuple(ids)) for name, ids in columns.items()]


class _WorkbookWriter:
    def __init__(self, context: ReportContext, lang: str, counter: Counter, book: Book) -> None:
        self.context = context
        self.config = context.config
        self.lang = lang
        self.counter = counter
        self.book = book
        self.ranking = RankingWriter(context, lang, counter)

    def t(self, key: str, **params: Any) -> str:
        return render(key, self.lang, **params)

    def sheet(self, name: str) -> Sheet:
        """A new sheet, printed one A4 landscape page wide with the round's header."""
        return self.book.sheet(name)

    def write(self) -> None:
        t, context = self.t, self.context
        summary = self.sheet(t("report.sheet.summary"))
        ranking = self.sheet(t("report.sheet.ranking"))
        tracks = [(track, self.sheet(track.id)) for track in self.config.tracks]
        self.write_summary(summary)
        self.ranking.write(ranking, None, list(context.rows))
        for track, sheet in tracks:
            self.ranking.write(sheet, track, context.rows_by_track.get(track.id, ()))
        self.write_scores(self.sheet(t("report.sheet.scores")))
        self.write_quotas(self.sheet(t("report.sheet.quotas")))
        self.write_statistics(self.sheet(t("report.sheet.statistics")))

    # -- summary -------------------------------------------------------------------------

    def write_summary(self, sheet: Sheet) -> None:
        t, context, config = self.t, self.context, self.config
        outcome = context.run
        final = self.ranking.final_format
        for column, width in enumerate((26, 36, 8, 8, 18, 18, 8, 11, 11, 11)):
            set_width(sheet.worksheet, column, width)
        run_at = context.run_at
        if run_at.tzinfo is not None:
            run_at = run_at.astimezone().replace(tzinfo=None)
        aggregation = t(f"report.method.{config.aggregation.method}")
        if config.aggregation.normalize == "zscore":
            aggregation += " · " + t("report.method.zscore")
        facts: list[tuple[str, Any, str | None]] = [
            ("report.cover.round", config.name, None),
            ("report.cover.year", config.year, None),
            ("report.cover.date", run_at, DATE_TIME),
            ("report.cover.committee", context.committee_name, None),
            ("report.cover.digest", context.digest, None),
            ("report.cover.cutoff", Decimal(str(config.cutoff)), final),
            ("report.cover.method", aggregation, None),
            ("report.xlsx.min_reviews", config.min_reviews, None),
            ("report.xlsx.selected", outcome.selected, None),
            ("report.xlsx.shortfall", outcome.shortfall, None),
            ("report.xlsx.total_score", outcome.total_score, final),
        ]
        sheet.append([Cell(t("report.xlsx.summary_title"), "title")])
        for key, value, number_format in facts:
            sheet.append([Cell(t(key), "label"), Cell(value, "value", number_format)])
        sheet.skip()
        sheet.row([t("report.col.status"), t("report.xlsx.count")], "header")
        counts = context.status_counts()
        for status in STATUS_ORDER:
            sheet.append([status_label(status, self.lang), counts[status]])
        sheet.skip()
        keys = ("track_id", "track", "seats", "selected", "budget", "budget_used", "applications")
        header_row = sheet.next_row
        sheet.row(
            [t(f"report.col.{key}") for key in keys]
            + [t("report.xlsx.final_max"), t("report.xlsx.final_mean"), t("report.xlsx.final_min")],
            "header",
        )
        formats = [None, None, None, None, AMOUNT, AMOUNT, None, final, final, final]
        outcomes = {o.id: o for o in outcome.tracks}
        quantum = Decimal(10) ** -(config.decimals + 2)
        for track in config.tracks:
            rows = context.rows_by_track.get(track.id, ())
            finals = [r.final for r in rows if r.status.is_selected and r.final is not None]
            track_outcome = outcomes.get(track.id)
            mean = (sum(finals, Decimal(0)) / len(finals)).quantize(quantum) if finals else None
            sheet.row(
                [
                    track.id,
                    track.name,
                    track.seats,
                    track_outcome.selected if track_outcome is not None else len(finals),
                    track.budget,
                    track_outcome.budget_used if track_outcome is not None else None,
                    len(rows),
                    max(finals, default=None),
                    mean,
                    min(finals, default=None),
                ],
                formats=formats,
            )
        self.summary_chart(sheet, header_row, len(config.tracks), sheet.next_row + 1)

    def summary_chart(self, sheet: Sheet, header_row: int, tracks: int, at_row: int) -> None:
        """A column chart of the highest, mean and lowest selected final per track; rows
        are zero-based, ``header_row`` the table's header."""
        if not tracks:
            return
        chart = self.book.book.add_chart({"type": "column"})
        assert chart is not None
        last = header_row + tracks
        for column in (7, 8, 9):  # the highest, mean and lowest final
            chart.add_series(
                {
                    "name": sheet_reference(sheet.title, header_row, column, header_row, column),
                    "categories": sheet_reference(sheet.title, header_row + 1, 0, last, 0),
                    "values": sheet_reference(sheet.title, header_row + 1, column, last, column),
                }
            )
        chart.set_title({"name": self.t("report.xlsx.chart_title")})
        chart.set_y_axis(
            {
                "name": self.t("report.col.final"),
                "min": max(0.0, min(self.config.cutoff - 10, 60.0)),
            }
        )
        chart.set_size({"width": CHART_WIDTH, "height": CHART_HEIGHT})
        sheet.worksheet.insert_chart(at_row, 0, chart)

    # -- raw scores ----------------------------------------------------------------------

    def write_scores(self, sheet: Sheet) -> None:
        """Every review, one row per application × reviewer in the wide layout the score
        import reads (criteria headed by name); a recusal is flagged and shaded."""
        t, context = self.t, self.context
        columns = criterion_columns(self.config.tracks)
        headers = [
            t("report.col.id"),
            t("report.col.track_id"),
            t("report.col.reviewer_id"),
            *(name for name, _ in columns),
            t("report.col.total"),
            t("report.col.comment"),
            t("report.col.conflict"),
            t("report.col.conflict_reason"),
        ]
        table = Table(sheet)
        table.start(headers, [12, 10, 11, *([10] * len(columns)), 9, 60, 9, 24], freeze_columns=3)
        formats = [None] * (3 + len(columns)) + [POINTS]
        tracks = {app.id: app.track for app in context.data.applications}
        for review in sorted(context.data.reviews, key=lambda r: (r.application_id, r.reviewer_id)):
            recorded = context.run.applications.get(review.application_id)
            total = None
            if recorded is not None and not review.conflict:
                total = recorded.reviewer_totals.get(review.reviewer_id)
            scores = [
                next((review.scores[i] for i in ids if i in review.scores), None)
                for _, ids in columns
            ]
            values = [
                review.application_id,
                tracks.get(review.application_id),
                review.reviewer_id,
                *scores,
                total,
                review.comment or None,
                CONFLICT_FLAG if review.conflict else None,
                review.conflict_reason or None,
            ]
            table.row(values, "unranked" if review.conflict else "", formats)
            self.counter.step()
        table.finish()

    # -- quotas and statistics -----------------------------------------------------------

    def write_quotas(self, sheet: Sheet) -> None:
        t = self.t
        keys = ("quota", "rule", "scope", "track", "required", "achieved", "shortfall", "why")
        table = Table(sheet)
        table.start(
            [t(f"report.col.{key}") for key in keys],
            [30, 24, 12, 40, 9, 9, 9, 60],
            freeze_columns=1,
        )
        for quota in self.context.run.quotas:
            each = quota.track is not None
            values = [
                quota.name,
                quota_rule(self.config, quota.name, self.lang),
                t("report.quota.each") if each else t("report.quota.combined"),
                quota.track if each else ", ".join(quota.tracks),
                quota.required,
                quota.achieved,
                quota.shortfall,
                quota_why(quota, self.lang) or None,
            ]
            table.row(values, "displaced" if quota.shortfall else "", wrap={7})
        table.finish()

    def write_statistics(self, sheet: Sheet) -> None:
        """Each reviewer's totals overall and per track, then each track's agreement;
        with the run's chart figures, severity with its interval and the outliers,
        ICC(2,1) and Kendall's W with what they cover, and the charts beside."""
        if self.context.charts is None:
            self.write_plain_statistics(sheet)
            return
        t, charts = self.t, self.context.charts
        statistics = charts.statistics
        keys = (
            "reviewer_id",
            "reviewer",
            "affiliation",
            "track",
            "count",
            "mean",
            "std",
            "minimum",
            "maximum",
            "severity",
            "ci_low",
            "ci_high",
            "compared",
            "outlier_count",
            "outlier_eligible",
            "outlier_rate",
        )
        table = Table(sheet)
        table.start(
            [t(f"report.col.{key}") for key in keys],
            [12, 12, 24, 14, 9, 9, 9, 9, 9, 9, 10, 10, 10, 9, 12, 10],
            freeze_columns=1,
        )
        formats = [None] * 5 + [POINTS] * 7 + [None, None, None, PERCENT]
        overall = t("report.xlsx.all_tracks")
        for row in statistics.reviewers:
            reviewer = self.context.reviewers.get(row.reviewer_id)
            values = [
                row.reviewer_id,
                reviewer.name if reviewer is not None else None,
                (reviewer.affiliation or None) if reviewer is not None else None,
                row.track if row.track is not None else overall,
                row.reviews,
                row.mean,
                row.std,
                row.minimum,
                row.maximum,
                row.severity,
                row.low,
                row.high,
                row.compared,
                row.outliers,
                row.outlier_eligible,
                row.outlier_rate,
            ]
            table.row(values, "" if row.track is not None else "label", formats)
        table.finish()
        sheet.skip()
        sheet.append([Cell(t("report.xlsx.agreement"), "label")])
        headers = ("track", "measure", "value", "covers", "app_count", "rated", "reviewers")
        sheet.row([t(f"report.col.{key}") for key in headers], "header")
        icc1 = (
            {a.track: a for a in self.context.statistics.agreement}
            if self.context.statistics
            else {}
        )
        for agreement in statistics.agreement:
            icc_covers = t(
                "report.statistics.covers",
                applications=agreement.icc_applications,
                total=agreement.track_applications,
                reviewers=agreement.icc_reviewers,
            )
            w_covers = t(
                "report.statistics.covers_block",
                applications=agreement.w_applications,
                reviewers=agreement.w_reviewers,
            )
            for measure, value, reason, covers, applications, reviewers in (
                (
                    "ICC(2,1)",
                    agreement.icc,
                    agreement.icc_reason,
                    icc_covers if agreement.icc_applications else None,
                    agreement.icc_applications,
                    agreement.icc_reviewers,
                ),
                (
                    "Kendall's W",
                    agreement.kendall_w,
                    agreement.w_reason,
                    w_covers if agreement.w_applications else None,
                    agreement.w_applications,
                    agreement.w_reviewers,
                ),
            ):
                shown: Any = value if reason is None else t(f"report.statistics.{reason}")
                sheet.row(
                    [
                        agreement.track,
                        measure,
                        shown,
                        covers,
                        applications,
                        agreement.rated,
                        reviewers,
                    ],
                    formats=[None, None, STAT],
                )
            one_way = icc1.get(agreement.track)
            if one_way is not None:
                sheet.row(
                    [
                        one_way.track,
                        one_way.measure,
                        one_way.value,
                        None,
                        one_way.applications,
                        one_way.applications,
                        one_way.reviewers,
                    ],
                    formats=[None, None, STAT],
                )
        sheet.skip()
        note = t(
            "report.statistics.note",
            threshold=f"{statistics.threshold:g}",
            points=f"{OUTLIER_MIN_POINTS:g}",
        )
        # in lines no wider than the table: text running on to the right would widen
        # the printed page and run under the charts
        for line in note_lines(note, NOTE_LINE_WIDTH):
            sheet.append([line])
        self.place_charts(sheet, len(keys) + 2)

    def place_charts(self, sheet: Sheet, column: int) -> None:
        """The statistics charts as pictures in a column right of the tables, one under
        the other, so none covers a cell the tables use; each starts a printed page, so
        no page break cuts one. ``column`` is one-based."""
        breaks: list[int] = []
        for index, picture in enumerate(statistics_pictures(self.context, self.lang)):
            picture.insert(sheet.worksheet, picture.row - 1, column - 1)
            if index:
                breaks.append(picture.row - 1)  # the break after this many rows
        if breaks:
            sheet.worksheet.set_h_pagebreaks(breaks)

    def write_plain_statistics(self, sheet: Sheet) -> None:
        """The statistics sheet of a context without chart figures."""
        t, statistics = self.t, self.context.statistics
        keys = (
            "reviewer_id",
            "reviewer",
            "affiliation",
            "track",
            "count",
            "mean",
            "std",
            "severity",
        )
        table = Table(sheet)
        table.start(
            [t(f"report.col.{key}") for key in keys],
            [12, 12, 24, 14, 9, 10, 10, 10],
            freeze_columns=1,
        )
        if statistics is None:
            sheet.append([t("report.xlsx.no_statistics")])
            return
        formats = [None, None, None, None, None, POINTS, POINTS, POINTS]
        overall = t("report.xlsx.all_tracks")
        for stats in statistics.reviewers:
            reviewer = self.context.reviewers.get(stats.reviewer_id)
            values = [
                stats.reviewer_id,
                reviewer.name if reviewer is not None else None,
                (reviewer.affiliation or None) if reviewer is not None else None,
                stats.track if stats.track is not None else overall,
                stats.count,
                stats.mean,
                stats.std,
                stats.severity,
            ]
            table.row(values, "" if stats.track is not None else "label", formats)
        table.finish()
        sheet.skip()
        sheet.append([Cell(t("report.xlsx.agreement"), "label")])
        headers = ("track", "measure", "value", "app_count", "reviewers")
        sheet.row([t(f"report.col.{key}") for key in headers], "header")
        for agreement in statistics.agreement:
            sheet.row(
                [
                    agreement.track,
                    agreement.measure,
                    agreement.value,
                    agreement.applications,
                    agreement.reviewers,
                ],
                formats=[None, None, STAT],
            )
