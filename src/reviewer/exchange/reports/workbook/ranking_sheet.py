"""The ranking sheets of the results workbook: every application (순위), and one sheet per
track with that track's rubric, each reviewer's total in a column of its own and the
cutoff drawn as a thick red line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reviewer.domain.config import Criterion, Track
from reviewer.domain.model import Status
from reviewer.domain.recorded import RecordedApplication
from reviewer.exchange.reports.context import (
    ReportContext,
    ReportRow,
    ai_label,
    report_reason,
    status_label,
)
from reviewer.exchange.reports.workbook.cells import AMOUNT, POINTS, Counter, Sheet, Table
from reviewer.i18n import render

ROW_KIND = {
    Status.SELECTED: "selected",
    Status.SELECTED_BY_QUOTA: "quota",
    Status.DISPLACED_BY_QUOTA: "displaced",
    Status.INELIGIBLE: "unranked",
    Status.INCOMPLETE: "unranked",
}


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    value: Callable[[ReportRow], Any]
    number_format: str | None = None


class RankingWriter:
    """Writes ranking tables of one context in one language."""

    def __init__(self, context: ReportContext, lang: str, counter: Counter) -> None:
        self.context = context
        self.lang = lang
        self.counter = counter
        decimals = context.config.decimals
        self.final_format = "0" if decimals == 0 else "0." + "0" * decimals
        statistics = context.statistics
        self.spreads = statistics.applications if statistics is not None else {}

    def t(self, key: str, **params: Any) -> str:
        return render(key, self.lang, **params)

    def columns(self, track: Track | None) -> list[Column]:
        """The columns before the reviewers' totals."""
        t, lang, context = self.t, self.lang, self.context
        columns: list[Column] = []
        if track is None:
            columns += [
                Column(t("report.col.track_id"), 10, lambda r: r.application.track),
                Column(
                    t("report.col.track"), 24, lambda r: context.track_name(r.application.track)
                ),
            ]
        columns += [
            Column(t("report.col.rank"), 6, lambda r: r.rank),
            Column(t("report.col.id"), 12, lambda r: r.id),
            Column(t("report.col.company"), 22, lambda r: r.application.company),
            Column(t("report.col.title"), 44, lambda r: r.application.title),
            Column(t("report.col.ai"), 7, lambda r: ai_label(r.application.ai_category, lang)),
            Column(t("report.col.amount"), 15, lambda r: r.application.amount, AMOUNT),
            Column(t("report.col.bonus"), 6, lambda r: r.application.bonus or None, POINTS),
            Column(t("report.col.penalty"), 6, lambda r: r.application.penalty or None, POINTS),
            Column(t("report.col.reviews"), 7, lambda r: r.reviews),
        ]
        criteria = track.criteria if track is not None else context.config.all_criteria()
        for criterion in criteria:
            header = (
                t("report.xlsx.criterion_mean", name=criterion.name, weight=f"{criterion.weight:g}")
                if track is not None
                else t("report.xlsx.criterion_mean_any", name=criterion.name)
            )
            columns.append(Column(header, 11, self._mean_points(criterion), POINTS))
        spread = self.spreads.get
        columns += [
            Column(
                t("report.col.aggregate"),
                10,
                lambda r: r.recorded.aggregate if r.recorded is not None else None,
                POINTS,
            ),
            Column(t("report.col.final"), 10, lambda r: r.final, self.final_format),
            Column(t("report.col.status"), 11, lambda r: status_label(r.status, lang)),
            Column(t("report.col.reason"), 48, lambda r: report_reason(r, lang) or None),
            Column(t("report.col.spread"), 9, lambda r: _attr(spread(r.id), "spread"), POINTS),
            Column(t("report.col.std"), 9, lambda r: _attr(spread(r.id), "std"), POINTS),
            Column(
                t("report.col.outliers"),
                14,
                lambda r: ", ".join(_attr(spread(r.id), "outliers") or ()) or None,
            ),
        ]
        return columns

    def _mean_points(self, criterion: Criterion) -> Callable[[ReportRow], float | None]:
        """A criterion's mean normalised score as points of the weight it has in the
        application's own rubric."""
        weights = {
            t.id: own.weight
            for t in self.context.config.tracks
            if (own := t.criterion(criterion.id)) is not None and own.id == criterion.id
        }

        def value(row: ReportRow) -> float | None:
            if row.recorded is None:
                return None
            mean = row.recorded.criterion_means.get(criterion.id)
            weight = weights.get(row.application.track)
            return None if mean is None or weight is None else round(mean * weight, 6)

        return value

    def write(self, sheet: Sheet, track: Track | None, rows: Sequence[ReportRow]) -> None:
        columns = self.columns(track)
        reviewers = _ReviewerColumns(self, rows, by_reviewer=track is not None)
        table = Table(sheet)
        table.start(
            [c.header for c in columns] + reviewers.headers,
            [c.width for c in columns] + reviewers.widths,
            freeze_columns=4 if track is None else 2,
        )
        formats = [c.number_format for c in columns] + reviewers.formats
        cutoff = Decimal(str(self.context.config.cutoff))
        previous: ReportRow | None = None
        for row in rows:
            values = [c.value(row) for c in columns] + reviewers.values(row.recorded)
            kind = ROW_KIND.get(row.status, "")
            if track is not None and not kind and _first_below(previous, row, cutoff):
                kind = "cutoff"
            table.row(values, kind, formats, shaded=len(columns))
            previous = row
            self.counter.step()
        table.finish()


class _ReviewerColumns:
    """The reviewers' totals of a ranking table: one column per reviewer on a track's
    sheet; across all tracks, pairs of reviewer id and total, one pair per review."""

    def __init__(self, writer: RankingWriter, rows: Sequence[ReportRow], by_reviewer: bool) -> None:
        t = writer.t
        self.by_reviewer = by_reviewer
        self.adjusted = writer.context.config.aggregation.normalize == "zscore"
        totals = [row.recorded.reviewer_totals for row in rows if row.recorded is not None]
        self.ids: list[str] = []
        self.headers: list[str] = []
        self.formats: list[str | None] = []
        self.widths: list[float] = []
        if by_reviewer:
            self.ids = sorted({rid for mapping in totals for rid in mapping})
            self.headers = [t("report.xlsx.reviewer_total", id=rid) for rid in self.ids]
            if self.adjusted:
                self.headers += [t("report.xlsx.reviewer_adjusted", id=rid) for rid in self.ids]
            self.formats = [POINTS] * len(self.headers)
            self.widths = [9.0] * len(self.headers)
            return
        for slot in range(1, max((len(m) for m in totals), default=0) + 1):
            self.headers += [t("report.xlsx.reviewer_n", n=slot), t("report.xlsx.total_n", n=slot)]
            self.formats += [None, POINTS]
            self.widths += [9.0, 8.0]
            if self.adjusted:
                self.headers.append(t("report.xlsx.adjusted_n", n=slot))
                self.formats.append(POINTS)
                self.widths.append(8.0)

    def values(self, recorded: RecordedApplication | None) -> list[Any]:
        totals = recorded.reviewer_totals if recorded is not None else {}
        adjusted = recorded.adjusted_totals if recorded is not None else {}
        if self.by_reviewer:
            values: list[Any] = [totals.get(rid) for rid in self.ids]
            if self.adjusted:
                values += [adjusted.get(rid) for rid in self.ids]
            return values
        values = []
        for rid in sorted(totals):
            values += [rid, totals[rid]]
            if self.adjusted:
                values.append(adjusted.get(rid))
        return values


def _attr(item: object | None, name: str) -> Any:
    return getattr(item, name) if item is not None else None


def _first_below(previous: ReportRow | None, row: ReportRow, cutoff: Decimal) -> bool:
    """True for the first ranked row below the cutoff after one at or above it."""
    if row.final is None or row.final >= cutoff:
        return False
    return previous is not None and previous.final is not None and previous.final >= cutoff
