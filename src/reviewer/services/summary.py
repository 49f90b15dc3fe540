"""A readable per-track summary of a selection result for the terminal."""

from __future__ import annotations

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
        render("summary.columns", lang),
    ]
    counts: dict[str, Counter[str]] = {}
    for app in document["applications"]:
        counts.setdefault(app["track"], Counter())[app["status"]] += 1
    for track in document["tracks"]:
        per = counts.get(track["id"], Counter())
        cells = "".join(
            f"{per[s]:>{w}}" for s, w in zip(STATUSES, (5, 10, 11, 8, 7, 8, 8), strict=True)
        )
        lines.append(f"{track['id']:<12}{track['seats']:>6}{cells}{track['budget_used']:>16,}")
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
