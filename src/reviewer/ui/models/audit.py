"""The audit log table."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from reviewer.services.listing import AuditEntry
from reviewer.ui.models.table import Column, RowTableModel, header


def _detail_keys() -> dict[str, str]:
    """Keys of an undo or redo entry, said so that its reason is not read as the undo's."""
    translate = QCoreApplication.translate
    return {
        "undoes": translate("Audit", "undoes"),
        "redoes": translate("Audit", "redoes"),
        "original_reason": translate("Audit", "reason of the correction undone or redone"),
    }


def detail_text(detail: dict[str, Any], limit: int = 400) -> str:
    """The details of an entry on one line (the tooltip holds all of them). The action an
    undo or redo entry undoes or redoes is named in the window's words."""
    keys = _detail_keys()
    parts = []
    for key, value in detail.items():
        if key in ("undoes", "redoes") and isinstance(value, str):
            value = action_label(value)
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        parts.append(f"{keys.get(key, key)}: {shown}")
    text = " · ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def detail_tooltip(detail: dict[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, indent=1)[:4000]


def action_label(action: str) -> str:
    """An audited action in the window's words; an unknown one as it was written."""
    translate = QCoreApplication.translate
    labels = {
        "init": translate("Audit", "Round created"),
        "import.applications": translate("Audit", "Applications imported"),
        "import.applications.update": translate("Audit", "Applications corrected (import)"),
        "application.update": translate("Audit", "Application corrected"),
        "import.reviewers": translate("Audit", "Reviewers imported"),
        "reviewer.update": translate("Audit", "Reviewer changed"),
        "import.scores": translate("Audit", "Scores imported"),
        "review.replace": translate("Audit", "Review replaced"),
        "review.correct": translate("Audit", "Score corrected"),
        "review.conflict": translate("Audit", "Review marked as a conflict of interest"),
        "review.conflict.clear": translate("Audit", "Conflict of interest cleared"),
        "review.undo": translate("Audit", "Correction undone"),
        "review.redo": translate("Audit", "Correction redone"),
        "select": translate("Audit", "Selection run"),
        "scenario": translate("Audit", "What-if scenario saved as a run"),
        "lock": translate("Audit", "Round locked"),
        "unlock": translate("Audit", "Round unlocked"),
        "export": translate("Audit", "Reports exported"),
    }
    return str(labels.get(action, action))


class AuditTable(RowTableModel[AuditEntry]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    "at",
                    header("Audit", "Time"),
                    lambda e: e.at.isoformat(),
                    display=lambda e: f"{e.at:%Y-%m-%d %H:%M:%S}",
                ),
                Column("actor", header("Audit", "Actor"), lambda e: e.actor),
                Column(
                    "action",
                    header("Audit", "Action"),
                    lambda e: e.action,
                    display=lambda e: action_label(e.action),
                    tooltip=lambda e: e.action,
                ),
                Column("target", header("Audit", "Target"), lambda e: e.target),
                Column(
                    "detail",
                    header("Audit", "Details"),
                    lambda e: detail_text(e.detail),
                    tooltip=lambda e: detail_tooltip(e.detail),
                ),
            ],
            parent,
        )
