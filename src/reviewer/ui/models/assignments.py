"""The table of assignments and conflicts: one row per application × reviewer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.domain.assignment import PairRow
from reviewer.ui import palette
from reviewer.ui.models.table import CENTER, Column, RowTableModel, header


def status_label(row: PairRow) -> str:
    if row.conflict is not None and not row.assigned:
        return QCoreApplication.translate("Assignments", "Conflict of interest")
    if row.conflict is not None:
        return QCoreApplication.translate("Assignments", "Assigned, conflicted")
    return QCoreApplication.translate("Assignments", "Assigned")


def conflict_source(row: PairRow) -> str:
    if row.conflict is None:
        return ""
    source = row.conflict.source
    if source == "declared":
        return QCoreApplication.translate("Assignments", "Declared")
    if source == "organisation":
        return QCoreApplication.translate("Assignments", "Same organisation")
    if source == "reviewer":
        return QCoreApplication.translate("Assignments", "Declared by the reviewer")
    return source


def scored_label(row: PairRow) -> str:
    return QCoreApplication.translate("Assignments", "Scored") if row.scored else ""


class PairTable(RowTableModel[PairRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    "application",
                    header("Assignments", "Application"),
                    lambda r: r.application_id,
                ),
                Column("reviewer", header("Assignments", "Reviewer"), lambda r: r.reviewer_id),
                Column("name", header("Assignments", "Name"), lambda r: r.reviewer_name),
                Column(
                    "status",
                    header("Assignments", "Status"),
                    status_label,
                    background=lambda r: palette.CUTOFF_FILL if r.conflict is not None else None,
                ),
                Column("scored", header("Assignments", "Review"), scored_label, align=CENTER),
                Column("source", header("Assignments", "Conflict"), conflict_source),
                Column(
                    "reason",
                    header("Assignments", "Reason"),
                    lambda r: r.conflict.reason if r.conflict is not None else "",
                    tooltip=lambda r: r.conflict.reason if r.conflict is not None else None,
                ),
                Column(
                    "track",
                    header("Assignments", "Track"),
                    lambda r: self.track_names.get(r.track, r.track),
                ),
                Column("company", header("Assignments", "Company"), lambda r: r.company),
                Column(
                    "affiliation", header("Assignments", "Affiliation"), lambda r: r.affiliation
                ),
            ],
            parent,
        )
        self.track_names: dict[str, str] = {}
