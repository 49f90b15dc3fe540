"""The applications table: every field, and every free attribute as a column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.domain.model import Application
from reviewer.ui.models.table import Column, RowTableModel, header


def ai_label(category: str) -> str:
    if category == "none":
        return QCoreApplication.translate("Status", "None")
    return category


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return (
        QCoreApplication.translate("Applications", "Yes")
        if value
        else QCoreApplication.translate("Applications", "No")
    )


def application_columns(
    track_names: dict[str, str], reviews: dict[str, int], attributes: Sequence[str]
) -> list[Column[Application]]:
    columns: list[Column[Application]] = [
        Column("id", header("Applications", "Application"), lambda a: a.id),
        Column(
            "track", header("Applications", "Track"), lambda a: track_names.get(a.track, a.track)
        ),
        Column("title", header("Applications", "Title"), lambda a: a.title),
        Column("company", header("Applications", "Company"), lambda a: a.company),
        Column("business_no", header("Applications", "Business no."), lambda a: a.business_no),
        Column(
            "ai_category",
            header("Applications", "AI"),
            lambda a: a.ai_category,
            display=lambda a: ai_label(a.ai_category),
        ),
        Column("field", header("Applications", "Field"), lambda a: a.field),
        Column("amount", header("Applications", "Amount (KRW)"), lambda a: a.amount, number=True),
        Column("region", header("Applications", "Region"), lambda a: a.region),
        Column("bonus", header("Applications", "Bonus"), lambda a: a.bonus or None, number=True),
        Column(
            "penalty", header("Applications", "Penalty"), lambda a: a.penalty or None, number=True
        ),
        Column(
            "investment_commitment",
            header("Applications", "Investment"),
            lambda a: a.investment_commitment,
            display=lambda a: yes_no(a.investment_commitment),
        ),
        Column(
            "guarantee",
            header("Applications", "Guarantee"),
            lambda a: a.guarantee,
            display=lambda a: yes_no(a.guarantee),
        ),
        Column(
            "reviews",
            header("Applications", "Reviews"),
            lambda a: reviews.get(a.id, 0),
            number=True,
        ),
    ]
    for name in attributes:
        columns.append(
            Column(f"attr:{name}", lambda n=name: n, lambda a, n=name: a.attributes.get(n))  # type: ignore[misc]
        )
    return columns


class ApplicationTable(RowTableModel[Application]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(application_columns({}, {}, ()), parent)

    def set_applications(
        self,
        applications: Sequence[Application],
        track_names: dict[str, str],
        reviews: dict[str, int],
        attributes: Sequence[str],
    ) -> None:
        self.replace(application_columns(track_names, reviews, attributes), applications)
