"""The dashboard's tables: tracks, reviewers' progress and warnings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.domain.progress import ReviewerProgress
from reviewer.services.dashboard import PackageState, TrackSummary, Warning
from reviewer.ui import palette
from reviewer.ui.models.table import CENTER, RIGHT, Column, RowTableModel, header

NONE = "—"  # a reviewer without a package


def track_columns() -> list[Column[TrackSummary]]:
    def missing_fill(row: TrackSummary) -> str | None:
        return palette.WARNING if row.short else None

    return [
        Column("name", header("Dashboard", "Track"), lambda r: r.name),
        Column("seats", header("Dashboard", "Seats"), lambda r: r.seats, number=True),
        Column(
            "applications",
            header("Dashboard", "Applications"),
            lambda r: r.applications,
            number=True,
        ),
        Column("counted", header("Dashboard", "Reviews"), lambda r: r.counted, number=True),
        Column("missing", header("Dashboard", "Missing"), lambda r: r.missing, number=True),
        Column(
            "short",
            header("Dashboard", "Short of reviews"),
            lambda r: r.short,
            number=True,
            background=missing_fill,
        ),
        Column(
            "ineligible", header("Dashboard", "Ineligible"), lambda r: r.ineligible, number=True
        ),
        Column(
            "incomplete", header("Dashboard", "Incomplete"), lambda r: r.incomplete, number=True
        ),
        Column("selected", header("Dashboard", "Selected"), lambda r: r.selected, number=True),
    ]


class TrackTable(RowTableModel[TrackSummary]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(track_columns(), parent)


class ReviewerProgressTable(RowTableModel[ReviewerProgress]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("reviewer", header("Dashboard", "Reviewer"), lambda r: r.reviewer),
                Column(
                    "name", header("Dashboard", "Name"), lambda r: self.names.get(r.reviewer, "")
                ),
                Column("done", header("Dashboard", "Scored"), lambda r: r.done, number=True),
                Column(
                    "conflicts",
                    header("Dashboard", "Conflicts"),
                    lambda r: r.conflicts,
                    number=True,
                ),
                Column(
                    "assigned", header("Dashboard", "Assigned"), lambda r: r.assigned, number=True
                ),
                Column(
                    "missing",
                    header("Dashboard", "Missing"),
                    lambda r: r.missing,
                    number=True,
                    background=lambda r: palette.WARNING if r.missing else None,
                ),
                Column(
                    "package",
                    header("Dashboard", "Package"),
                    lambda r: self._created(r),
                    display=lambda r: self._created(r) or NONE,
                    align=CENTER,
                    tooltip=lambda r: self._package_tip(r),
                ),
                Column(
                    "returned",
                    header("Dashboard", "Returned"),
                    lambda r: self._returned_at(r),
                    display=lambda r: self._returned(r),
                    align=CENTER,
                ),
                Column(
                    "package_missing",
                    header("Dashboard", "Outstanding"),
                    lambda r: self._missing(r),
                    display=lambda r: NONE if self._missing(r) is None else f"{self._missing(r)}",
                    align=RIGHT,
                    number=True,
                    background=lambda r: palette.WARNING if self._missing(r) else None,
                    tooltip=lambda r: self._missing_tip(r),
                ),
            ],
            parent,
        )
        self.names: dict[str, str] = {}
        self.packages: dict[str, PackageState] = {}

    def _created(self, row: ReviewerProgress) -> str | None:
        state = self.packages.get(row.reviewer)
        return None if state is None else f"{state.created_at:%m-%d %H:%M}"

    def _returned_at(self, row: ReviewerProgress) -> str | None:
        state = self.packages.get(row.reviewer)
        if state is None or state.returned_at is None:
            return None
        return f"{state.returned_at:%Y-%m-%d %H:%M}"

    def _returned(self, row: ReviewerProgress) -> str:
        state = self.packages.get(row.reviewer)
        if state is None:
            return NONE
        if state.returned_version is None or state.returned_at is None:
            return QCoreApplication.translate("Dashboard", "not yet")
        return QCoreApplication.translate("Dashboard", "v{version} · {at}").format(
            version=state.returned_version, at=f"{state.returned_at:%m-%d %H:%M}"
        )

    def _missing(self, row: ReviewerProgress) -> int | None:
        state = self.packages.get(row.reviewer)
        return None if state is None else len(state.missing)

    def _package_tip(self, row: ReviewerProgress) -> str | None:
        state = self.packages.get(row.reviewer)
        if state is None:
            return QCoreApplication.translate(
                "Dashboard", "No package was written for this reviewer"
            )
        text = QCoreApplication.translate("Dashboard", "Package {id} of {at}: {count} applications")
        return text.format(
            id=state.package_id,
            at=f"{state.created_at:%Y-%m-%d %H:%M}",
            count=state.applications,
        )

    def _missing_tip(self, row: ReviewerProgress) -> str | None:
        state = self.packages.get(row.reviewer)
        if state is None or not state.missing:
            return None
        shown = ", ".join(state.missing[:20])
        if len(state.missing) > 20:
            shown += " …"
        return QCoreApplication.translate(
            "Dashboard", "Applications of the package not yet scored: {ids}"
        ).format(ids=shown)


def warning_text(warning: Warning, track_names: dict[str, str]) -> str:
    translate = QCoreApplication.translate
    track = track_names.get(warning.track or "", warning.track or "")
    if warning.kind == "no_run":
        return translate("Dashboard", "No selection has run yet.")
    if warning.kind == "stale":
        return translate(
            "Dashboard", "Scores or applications changed since the last selection run."
        )
    if warning.kind == "short":
        return translate(
            "Dashboard", "{track}: too few reviews for {count} of its applications"
        ).format(track=track, count=warning.count)
    if warning.kind == "shortfall":
        where = f" ({track})" if track else ""
        return translate("Dashboard", "Quota {quota}{where} is short by {count}").format(
            quota=warning.quota, where=where, count=warning.count
        )
    if warning.kind == "tie":
        return translate("Dashboard", "{track}: boundary tie at {score} between {ids}").format(
            track=track,
            score=f"{warning.score:.2f}" if warning.score is not None else "",
            ids=", ".join(warning.ids),
        )
    return warning.kind


class WarningTable(RowTableModel[Warning]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    "warning",
                    header("Dashboard", "Warning"),
                    lambda w: warning_text(w, self.track_names),
                    background=lambda w: (
                        palette.CUTOFF_FILL if w.kind in ("stale", "shortfall") else palette.WARNING
                    ),
                    tooltip=lambda w: (
                        QCoreApplication.translate(
                            "Dashboard", "Double-click to see the applications"
                        )
                        if w.ids
                        else None
                    ),
                )
            ],
            parent,
        )
        self.track_names: dict[str, str] = {}
