"""The colours of statuses and warnings: the same as the printed report's, so a chair
reads the window and the PDF alike."""

from __future__ import annotations

SELECTED = "#dff3e4"
QUOTA = "#d6ecfa"
DISPLACED = "#fdebd3"
UNRANKED = "#f0f0f0"
CUTOFF = "#c62828"
CUTOFF_FILL = "#fdecea"
PROBLEM_FILL = "#f8cdc8"  # a form field or cell holding a problem
WARNING = "#fff4ce"
LOCKED = "#e4e7eb"
INK = "#1f2933"
MET_BAR = "#a5d6a7"
CUTOFF_BAR = "#ef9a9a"
MUTED = "#616e7c"

STATUS_FILL = {
    "selected": SELECTED,
    "selected_by_quota": QUOTA,
    "displaced_by_quota": DISPLACED,
    "ineligible": UNRANKED,
    "incomplete": UNRANKED,
}
