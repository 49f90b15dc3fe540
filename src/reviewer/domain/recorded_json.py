"""A recorded run as JSON: the ``record`` part of the document a run stores, and reading
a run back — also one recorded by an older program.

A run's document holds the object ``reviewer select --json`` printed (DESIGN §6), its
reasons in every language (``reasons``), and since record version 1 the ``record``
written by :func:`record_document`: every figure the reports print, decimals as exact
strings. A document without ``record`` (a run of an older program) is read from the
§6 object and ``reasons``: finals, ranks, statuses, reasons, the quota report, the
tracks and the boundary ties are all there (its numbers are the shortest ``repr`` of
decimals of a few places, so they read back exactly); what it lacks — the explanations'
structure, the quotas' reasons in other languages, the data-derived figures — is left
out, and ``scoring`` is false.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from reviewer.domain.model import BoundaryTie, Explanation, Status, TrackOutcome
from reviewer.domain.recorded import DECIDED, RecordedApplication, RecordedQuota, RecordedRun

RECORD_VERSION = 1


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def _exact(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _floats(mapping: Mapping[str, float]) -> dict[str, float]:
    return {key: float(value) for key, value in mapping.items()}


# -- writing -------------------------------------------------------------------------------


def _explanation(explanation: Explanation | None) -> dict[str, Any] | None:
    if explanation is None:
        return None
    return {
        "kind": explanation.kind,
        "quota": explanation.quota,
        "counterparts": [[cid, str(final)] for cid, final in explanation.counterparts],
        "gap": _exact(explanation.gap),
        "from_track": explanation.from_track,
    }


def record_document(run: RecordedRun) -> dict[str, Any]:
    """The ``record`` part of a run's document."""
    return {
        "version": RECORD_VERSION,
        "applications": [
            {
                "id": app.id,
                "track": app.track,
                "ai_category": app.ai_category,
                "reviews": app.reviews,
                "final": _exact(app.final),
                "rank": app.rank,
                "status": app.status.value,
                "reasons": dict(app.reasons),
                "explained": app.explained,
                "explanation": _explanation(app.explanation),
                "aggregate": app.aggregate,
                "reviewer_totals": _floats(app.reviewer_totals),
                "adjusted_totals": _floats(app.adjusted_totals),
                "criterion_means": _floats(app.criterion_means),
            }
            for app in run.applications.values()
        ],
        "quotas": [
            {
                "name": q.name,
                "track": q.track,
                "tracks": list(q.tracks),
                "required": q.required,
                "achieved": q.achieved,
                "shortfall": q.shortfall,
                "why": dict(q.why),
            }
            for q in run.quotas
        ],
        "tracks": [
            {
                "id": t.id,
                "seats": t.seats,
                "selected": t.selected,
                "budget": t.budget,
                "budget_used": t.budget_used,
            }
            for t in run.tracks
        ],
        "boundary_ties": [
            {"track": tie.track, "final_score": str(tie.final_score), "ids": list(tie.ids)}
            for tie in run.boundary_ties
        ],
        "selected": run.selected,
        "shortfall": run.shortfall,
        "total_score": str(run.total_score),
    }


# -- reading -------------------------------------------------------------------------------


def read_run(document: Mapping[str, Any], *, digest: str, created_at: datetime) -> RecordedRun:
    """The run a stored ``document`` records (``KeyError``/``ValueError`` when it is not
    a run's document)."""
    recorded = document.get("record")
    if isinstance(recorded, Mapping) and recorded.get("version") == RECORD_VERSION:
        return _read_record(recorded, digest=digest, created_at=created_at)
    return _read_legacy(document, digest=digest, created_at=created_at)


def _read_explanation(entry: Mapping[str, Any] | None) -> Explanation | None:
    if entry is None:
        return None
    return Explanation(
        kind=entry["kind"],
        quota=entry.get("quota"),
        counterparts=tuple((cid, Decimal(final)) for cid, final in entry.get("counterparts", ())),
        gap=_decimal(entry.get("gap")),
        from_track=entry.get("from_track"),
    )


def _read_tracks(entries: Any) -> tuple[TrackOutcome, ...]:
    return tuple(
        TrackOutcome(
            id=t["id"],
            seats=int(t["seats"]),
            selected=int(t["selected"]),
            budget=t.get("budget"),
            budget_used=int(t["budget_used"]),
        )
        for t in entries
    )


def _read_ties(entries: Any) -> tuple[BoundaryTie, ...]:
    return tuple(
        BoundaryTie(
            track=tie["track"],
            final_score=Decimal(0) if (final := _decimal(tie["final_score"])) is None else final,
            ids=tuple(tie["ids"]),
        )
        for tie in entries
    )


def _read_quota(entry: Mapping[str, Any], why: Mapping[str, str]) -> RecordedQuota:
    track = entry.get("track")
    return RecordedQuota(
        name=entry["name"],
        track=track,
        tracks=tuple(entry.get("tracks") or ([track] if track is not None else [])),
        required=int(entry["required"]),
        achieved=int(entry["achieved"]),
        shortfall=int(entry["shortfall"]),
        why=why,
    )


def _read_record(recorded: Mapping[str, Any], *, digest: str, created_at: datetime) -> RecordedRun:
    applications = {
        entry["id"]: RecordedApplication(
            id=entry["id"],
            track=entry["track"],
            ai_category=entry["ai_category"],
            reviews=int(entry["reviews"]),
            final=_decimal(entry["final"]),
            rank=entry["rank"],
            status=Status(entry["status"]),
            reasons=dict(entry.get("reasons") or {}),
            explained=bool(entry.get("explained")),
            explanation=_read_explanation(entry.get("explanation")),
            aggregate=entry.get("aggregate"),
            reviewer_totals=_floats(entry.get("reviewer_totals") or {}),
            adjusted_totals=_floats(entry.get("adjusted_totals") or {}),
            criterion_means=_floats(entry.get("criterion_means") or {}),
        )
        for entry in recorded["applications"]
    }
    return RecordedRun(
        digest=digest,
        created_at=created_at,
        applications=applications,
        quotas=tuple(_read_quota(q, dict(q.get("why") or {})) for q in recorded["quotas"]),
        tracks=_read_tracks(recorded["tracks"]),
        boundary_ties=_read_ties(recorded["boundary_ties"]),
        selected=int(recorded["selected"]),
        shortfall=int(recorded["shortfall"]),
        total_score=Decimal(recorded["total_score"]),
    )


def _read_legacy(document: Mapping[str, Any], *, digest: str, created_at: datetime) -> RecordedRun:
    """A run recorded before ``record``: the §6 object and, when kept, ``reasons``. A
    text whose language the run did not keep is filed under the key ''."""
    reasons: Mapping[str, Mapping[str, str]] = document.get("reasons") or {}
    applications: dict[str, RecordedApplication] = {}
    for entry in document["applications"]:
        app_id = entry["id"]
        texts = {lang: by_id[app_id] for lang, by_id in reasons.items() if app_id in by_id}
        if not texts and entry.get("reason"):
            texts = {"": entry["reason"]}
        status = Status(entry["status"])
        applications[app_id] = RecordedApplication(
            id=app_id,
            track=entry["track"],
            ai_category=entry["ai_category"],
            reviews=int(entry["reviews"]),
            final=_decimal(entry.get("final_score")),
            rank=entry.get("rank"),
            status=status,
            reasons=texts,
            explained=status in DECIDED and any(texts.values()),
        )
    objective = document["objective"]
    return RecordedRun(
        digest=digest,
        created_at=created_at,
        applications=applications,
        quotas=tuple(
            _read_quota(q, {"": q["why"]} if q.get("why") else {}) for q in document["quotas"]
        ),
        tracks=_read_tracks(document["tracks"]),
        boundary_ties=_read_ties(document.get("boundary_ties", ())),
        selected=int(objective["selected"]),
        shortfall=int(objective["shortfall"]),
        total_score=_decimal(objective["total_score"]) or Decimal(0),
        scoring=False,
    )
