"""The tables of the statistics view: the reviewers' figures and each track's agreement."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.domain.reviewer_statistics import (
    NO_COMMON_BLOCK,
    NO_RESIDUAL,
    NO_VARIANCE,
    TOO_FEW_RATED,
    ReviewerFigures,
    TrackAgreementFigures,
)
from reviewer.ui.models.table import RIGHT, Column, RowTableModel, header


def signed(value: float) -> str:
    """A signed number with one decimal and a real minus sign: "−4.2", "+1.3"."""
    text = f"{value:+.1f}"
    return text.replace("-", "\u2212")


def severity_text(row: ReviewerFigures) -> str:
    """The severity with its interval: "−4.2 (−6.0 … −2.4)"."""
    if row.low is None or row.high is None:
        return signed(row.severity)
    return f"{signed(row.severity)} ({signed(row.low)} … {signed(row.high)})"


def reason_text(reason: str | None) -> str:
    if reason == TOO_FEW_RATED:
        return QCoreApplication.translate(
            "Statistics", "not computable: fewer than two applications have two or more reviews"
        )
    if reason == NO_RESIDUAL:
        return QCoreApplication.translate(
            "Statistics",
            "not computable: the reviews overlap too little to separate applications "
            "from reviewers",
        )
    if reason == NO_COMMON_BLOCK:
        return QCoreApplication.translate(
            "Statistics", "not computable: no two reviewers rated three applications in common"
        )
    if reason == NO_VARIANCE:
        return QCoreApplication.translate("Statistics", "not computable: the totals do not vary")
    return ""


def icc_coverage_text(row: TrackAgreementFigures) -> str:
    """What ICC(2,1) is computed over: every application with two or more reviews."""
    if not row.icc_applications:
        return ""
    return QCoreApplication.translate(
        "Statistics", "over {applications} of {total} applications, {reviewers} reviewers"
    ).format(
        applications=row.icc_applications, total=row.track_applications, reviewers=row.icc_reviewers
    )


def w_coverage_text(row: TrackAgreementFigures) -> str:
    """What Kendall's W is computed over: its complete block."""
    if not row.w_applications:
        return ""
    return QCoreApplication.translate(
        "Statistics", "over {applications} applications, {reviewers} reviewers"
    ).format(applications=row.w_applications, reviewers=row.w_reviewers)


class ReviewerStatisticsTable(RowTableModel[ReviewerFigures]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("id", header("Statistics", "Reviewer"), lambda r: r.reviewer_id),
                Column("name", header("Statistics", "Name"), lambda r: r.name),
                Column(
                    "reviews",
                    header("Statistics", "Reviews"),
                    lambda r: r.reviews,
                    number=True,
                    align=RIGHT,
                ),
                Column("mean", header("Statistics", "Mean"), lambda r: r.mean, align=RIGHT),
                Column("std", header("Statistics", "Std dev"), lambda r: r.std, align=RIGHT),
                Column("minimum", header("Statistics", "Min"), lambda r: r.minimum, align=RIGHT),
                Column("maximum", header("Statistics", "Max"), lambda r: r.maximum, align=RIGHT),
                Column(
                    "severity",
                    header("Statistics", "Severity (95% interval)"),
                    lambda r: r.severity,
                    display=severity_text,
                    tooltip=lambda r: QCoreApplication.translate(
                        "Statistics", "Compared on {count} reviews with co-reviewers"
                    ).format(count=r.compared),
                    align=RIGHT,
                ),
                Column(
                    "outliers",
                    header("Statistics", "Outliers"),
                    lambda r: r.outliers,
                    number=True,
                    align=RIGHT,
                ),
                Column(
                    "outlier_eligible",
                    header("Statistics", "Reviews that can be outliers"),
                    lambda r: r.outlier_eligible,
                    number=True,
                    align=RIGHT,
                    tooltip=lambda r: QCoreApplication.translate(
                        "Statistics",
                        "Totals on applications with three or more counted totals; "
                        "the outlier rate is outliers divided by these",
                    ),
                ),
                Column(
                    "outlier_rate",
                    header("Statistics", "Outlier rate"),
                    lambda r: r.outlier_rate,
                    display=lambda r: f"{r.outlier_rate:.1%}",
                    align=RIGHT,
                ),
            ],
            parent,
        )


class AgreementTable(RowTableModel[TrackAgreementFigures]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    "track",
                    header("Statistics", "Track"),
                    lambda r: self.track_names.get(r.track, r.track),
                ),
                Column(
                    "icc",
                    header("Statistics", "ICC(2,1)"),
                    lambda r: r.icc,
                    display=lambda r: (
                        f"{r.icc:.3f}" if r.icc is not None else reason_text(r.icc_reason)
                    ),
                ),
                Column(
                    "icc_covers",
                    header("Statistics", "ICC computed over"),
                    icc_coverage_text,
                ),
                Column(
                    "w",
                    header("Statistics", "Kendall's W"),
                    lambda r: r.kendall_w,
                    display=lambda r: (
                        f"{r.kendall_w:.3f}" if r.kendall_w is not None else reason_text(r.w_reason)
                    ),
                ),
                Column("w_covers", header("Statistics", "W computed over"), w_coverage_text),
                Column(
                    "applications",
                    header("Statistics", "Applications"),
                    lambda r: r.track_applications,
                    number=True,
                    align=RIGHT,
                ),
            ],
            parent,
        )
        self.track_names: dict[str, str] = {}
