"""The selection result as the JSON object of DESIGN §6 (also stored with each run)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from reviewer.domain.model import RoundData, RoundResult, Status
from reviewer.domain.recorded import reason_text
from reviewer.domain.selection import render_quota_why
from reviewer.i18n import Lang, normalise_lang


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def selection_json(
    data: RoundData, result: RoundResult, lang: Lang | None = None
) -> dict[str, Any]:
    """The object ``reviewer select --json`` prints (DESIGN §6)."""
    selection = result.selection
    applications = []
    for app in sorted(data.applications, key=lambda a: a.id):
        scored = result.scored[app.id]
        status = selection.decisions[app.id].status
        rankable = status not in (Status.INELIGIBLE, Status.INCOMPLETE)
        applications.append(
            {
                "id": app.id,
                "track": app.track,
                "ai_category": app.ai_category,
                "reviews": scored.reviews,
                "final_score": _number(scored.final) if rankable else None,
                "rank": scored.rank if rankable else None,
                "status": status.value,
                "reason": reason_text(result, app.id, lang),
            }
        )
    quotas = []
    for outcome in selection.quotas:
        entry: dict[str, Any] = {
            "name": outcome.name,
            "track": outcome.track,
            "required": outcome.required,
            "achieved": outcome.achieved,
            "shortfall": outcome.shortfall,
        }
        if outcome.track is None:
            entry["tracks"] = list(outcome.tracks)
        if outcome.shortfall:
            entry["why"] = render_quota_why(outcome, lang)
        quotas.append(entry)
    return {
        "round": data.config.name,
        "objective": {
            "selected": len(selection.selected),
            "shortfall": selection.shortfall,
            "total_score": float(selection.total_score),
        },
        "applications": applications,
        "quotas": quotas,
        "tracks": [
            {
                "id": t.id,
                "seats": t.seats,
                "selected": t.selected,
                "budget": t.budget,
                "budget_used": t.budget_used,
            }
            for t in selection.tracks
        ],
        "boundary_ties": [
            {"track": tie.track, "final_score": float(tie.final_score), "ids": list(tie.ids)}
            for tie in selection.boundary_ties
        ],
    }


def stored_json(stored: Mapping[str, Any], lang: Lang | None = None) -> dict[str, Any]:
    """The object of DESIGN §6 as a run stored it, with the reasons in ``lang`` (each run
    keeps them in every language; a run of an older program kept one)."""
    document = {key: value for key, value in stored.items() if key not in ("reasons", "record")}
    reasons = stored.get("reasons", {}).get(normalise_lang(lang), {})
    document["applications"] = [
        {**entry, "reason": reasons.get(entry["id"], entry.get("reason", ""))}
        for entry in stored.get("applications", ())
    ]
    return document
