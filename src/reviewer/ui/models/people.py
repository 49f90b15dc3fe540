"""The reviewers table and the table of one reviewer's conflicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.services.listing import ConflictEntry, ReviewerEntry
from reviewer.ui.models.table import Column, RowTableModel, header


def source_label(source: str) -> str:
    if source == "review":
        return QCoreApplication.translate("Reviewers", "Recused in a review")
    if source == "declared":
        return QCoreApplication.translate("Reviewers", "Declared")
    if source == "organisation":
        return QCoreApplication.translate("Reviewers", "Same organisation")
    if source == "reviewer":
        return QCoreApplication.translate("Reviewers", "Declared by the reviewer")
    return source


class ReviewerTable(RowTableModel[ReviewerEntry]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("id", header("Reviewers", "Reviewer"), lambda r: r.id),
                Column("name", header("Reviewers", "Name"), lambda r: r.name),
                Column("affiliation", header("Reviewers", "Affiliation"), lambda r: r.affiliation),
                Column(
                    "tracks",
                    header("Reviewers", "Tracks"),
                    lambda r: ", ".join(self.track_names.get(t, t) for t in r.tracks),
                ),
                Column("reviews", header("Reviewers", "Reviews"), lambda r: r.reviews, number=True),
                Column(
                    "conflicts",
                    header("Reviewers", "Conflicts"),
                    lambda r: len(r.conflicts),
                    number=True,
                ),
                Column("email", header("Reviewers", "E-mail"), lambda r: r.email),
            ],
            parent,
        )
        self.track_names: dict[str, str] = {}


class ConflictTable(RowTableModel[ConflictEntry]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    "application", header("Reviewers", "Application"), lambda c: c.application_id
                ),
                Column(
                    "source", header("Reviewers", "Recorded as"), lambda c: source_label(c.source)
                ),
                Column("reason", header("Reviewers", "Reason"), lambda c: c.reason),
            ],
            parent,
        )
