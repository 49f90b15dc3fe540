"""The statuses of DESIGN §4 as the window names them (the report's own words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SELECTED_STATUSES = ("selected", "selected_by_quota")


def status_label(status: str) -> str:
    labels = {
        "selected": QCoreApplication.translate("Status", "Selected"),
        "selected_by_quota": QCoreApplication.translate("Status", "Selected by quota"),
        "displaced_by_quota": QCoreApplication.translate("Status", "Displaced by quota"),
        "not_selected": QCoreApplication.translate("Status", "Not selected"),
        "below_cutoff": QCoreApplication.translate("Status", "Below cutoff"),
        "ineligible": QCoreApplication.translate("Status", "Ineligible"),
        "incomplete": QCoreApplication.translate("Status", "Incomplete"),
    }
    return labels.get(status, status)
