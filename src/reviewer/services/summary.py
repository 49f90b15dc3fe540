"""A readable per-track summary of a selection result for the terminal."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

from reviewer.i18n import Lang, render

STATUSES = (
    "selected",
    "selected_by_quota",
    "displaced_by_quota",
    "not_selected",
    "below_cutoff",
    "ineligible",
    "incomplete",
)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell + " " * (widths[0] - display_width(cell))
            if i == 0
            else " " * (widths[i] - display_width(cell)) + cell
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def summary_lines(document: dict[str, Any], lang: Lang) -> list[str]:
    objective = document["objective"]
    lines = [
        render(
            "summary.header",
            lang,
            name=document["round"],
            selected=objective["selected"],
            shortfall=objective["shortfall"],
            total=f"{objective['total_score']:.2f}",
        ),
        "",
    ]
    counts: dict[str, Counter[str]] = {}
    for app in document["applications"]:
        counts.setdefault(app["track"], Counter())[app["status"]] += 1
    rows = [render("summary.columns", lang).split("|")]
    for track in document["tracks"]:
        per = counts.get(track["id"], Counter())
        rows.append(
            [
                track["id"],
                str(track["seats"]),
                *(str(per[s]) for s in STATUSES),
                f"{track['budget_used']:,}",
            ]
        )
    lines.extend(_table(rows))
    lines.append("")
    for quota in document["quotas"]:
        scope = f" [{quota['track']}]" if quota["track"] else ""
        lines.append(
            render(
                "summary.quota",
                lang,
                name=quota["name"],
                scope=scope,
                required=quota["required"],
                achieved=quota["achieved"],
                shortfall=quota["shortfall"],
            )
        )
        if quota.get("why"):
            lines.append(f"  {quota['why']}")
    for tie in document["boundary_ties"]:
        lines.append(
            render(
                "summary.tie",
                lang,
                track=tie["track"],
                score=f"{tie['final_score']:.2f}",
                ids=", ".join(tie["ids"]),
            )
        )
    return lines
