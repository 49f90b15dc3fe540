"""The form's contents, and the round.toml document they make.

``RoundForm`` holds what the user typed. ``form_document`` reads it only lexically: a
text that looks like a number becomes a number, a list is split at commas, a blank field
is left out (the default of round.toml applies, or ``parse_config`` says it is missing);
everything else is passed on as text, so the rules and their messages stay those of
``parse_config``. ``form_from_config`` fills a form from a configuration, through the same
document the configuration is written as.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reviewer.domain.config import REQUIREMENTS, RoundConfig
from reviewer.domain.config_writer import Document, config_document, number_value, share_value
from reviewer.ui.models.config_tables import (
    CriterionRow,
    QuotaRow,
    TrackRow,
    budget_won,
    share_of,
)

ROUND_KEYS = ("name", "year", "cutoff", "min_reviews", "decimals", "region")
AGGREGATION_KEYS = (
    "method",
    "trim_min_reviews",
    "normalize",
    "zscore_min_reviews",
    "bonus_cap",
    "criterion_floor",
)
SELECTION_KEYS = ("objective", "tie_break", "seat_transfer")
CATEGORY_FLAGS = (("ai", "AI"), ("ai_x", "AI+X"), ("non_ai", "none"))

_INTEGER = re.compile(r"[+-]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclass
class RoundForm:
    """What the form shows: the three sections as texts (flags as "true"/"false"), the
    default rubric, the tracks (each with its own rubric, if any) and the quotas."""

    round: dict[str, str] = field(default_factory=dict)
    aggregation: dict[str, str] = field(default_factory=dict)
    selection: dict[str, str] = field(default_factory=dict)
    criteria: list[CriterionRow] = field(default_factory=list)
    tracks: list[TrackRow] = field(default_factory=list)
    quotas: list[QuotaRow] = field(default_factory=list)


# -- texts to values -------------------------------------------------------------------------


def scalar(text: str) -> int | float | str | None:
    """A number when ``text`` is written as one (``1,000`` groups thousands), the text
    itself otherwise; None when blank."""
    stripped = text.strip()
    if not stripped:
        return None
    if _INTEGER.fullmatch(stripped):
        return int(stripped.replace(",", ""))
    if _DECIMAL.fullmatch(stripped):
        return float(stripped)
    return stripped


def words(text: str) -> list[str]:
    """A list written with commas (or one item a line)."""
    return [w.strip() for w in re.split(r"[,\n]", text) if w.strip()]


def grades(text: str) -> dict[str, Any]:
    """``탁월=1.0, 우수=0.8`` (``:`` also separates a grade from its value)."""
    result: dict[str, Any] = {}
    for item in words(text):
        name, _, value = item.partition("=") if "=" in item else item.partition(":")
        number = scalar(value)
        result[name.strip()] = "" if number is None else number
    return result


def budget(text: str) -> int | float | str | None:
    """A budget in won: a plain number, or an amount as workbooks write it (``80억``)."""
    number = scalar(text)
    if number is None or not isinstance(number, str):
        return number
    won = budget_won(text)
    return won if won is not None else number


def share(text: str) -> int | float | str | None:
    if not text.strip():
        return None
    exact = share_of(text)
    return share_value(exact) if exact is not None else text.strip()


def _flag(text: str) -> bool:
    return text.strip().casefold() == "true"


def _put(table: Document, key: str, value: Any) -> None:
    if value is not None:
        table[key] = value


def _text(text: str) -> str | None:
    return text.strip() or None


# -- the form as a document ------------------------------------------------------------------


def criterion_item(row: CriterionRow) -> Document:
    item: Document = {}
    _put(item, "id", _text(row.id))
    _put(item, "name", _text(row.name))
    _put(item, "weight", scalar(row.weight))
    if row.graded:
        item["grades"] = grades(row.grades)
    else:
        _put(item, "min", scalar(row.min))
        _put(item, "max", scalar(row.max))
    return item


def track_item(row: TrackRow) -> Document:
    item: Document = {}
    _put(item, "id", _text(row.id))
    _put(item, "name", _text(row.name))
    _put(item, "seats", scalar(row.seats))
    _put(item, "budget", budget(row.budget))
    item["linked"] = row.linked
    item["requires"] = [r for r in REQUIREMENTS if getattr(row, r)]
    if row.own_rubric:
        item["criteria"] = [criterion_item(c) for c in row.criteria]
    return item


def quota_item(row: QuotaRow) -> Document:
    item: Document = {}
    _put(item, "name", _text(row.name))
    item["categories"] = [value for flag, value in CATEGORY_FLAGS if getattr(row, flag)]
    scope = row.tracks.strip()
    if scope.casefold() in ("all", "linked"):
        item["tracks"] = scope.casefold()
    elif scope:
        item["tracks"] = words(scope)
    item["scope"] = "each" if row.each else "combined"
    _put(item, "min_share", share(row.min_share))
    item["strict"] = row.strict
    return item


def form_document(form: RoundForm) -> Document:
    """The round.toml document the form stands for."""
    head: Document = {}
    _put(head, "name", _text(form.round.get("name", "")))
    for key in ("year", "cutoff", "min_reviews", "decimals"):
        _put(head, key, scalar(form.round.get(key, "")))
    _put(head, "region", _text(form.round.get("region", "")))
    aggregation: Document = {}
    _put(aggregation, "method", _text(form.aggregation.get("method", "")))
    _put(aggregation, "trim_min_reviews", scalar(form.aggregation.get("trim_min_reviews", "")))
    aggregation["normalize"] = form.aggregation.get("normalize", "none")
    for key in ("zscore_min_reviews", "bonus_cap", "criterion_floor"):
        _put(aggregation, key, scalar(form.aggregation.get(key, "")))
    selection: Document = {}
    objective = words(form.selection.get("objective", ""))
    if objective:
        selection["objective"] = objective
    selection["tie_break"] = words(form.selection.get("tie_break", ""))
    selection["seat_transfer"] = _flag(form.selection.get("seat_transfer", "false"))
    document: Document = {"round": head, "aggregation": aggregation, "selection": selection}
    if form.criteria:
        document["criteria"] = [criterion_item(c) for c in form.criteria]
    document["tracks"] = [track_item(t) for t in form.tracks]
    if form.quotas:
        document["quotas"] = [quota_item(q) for q in form.quotas]
    return document


# -- a configuration as the form -------------------------------------------------------------


def value_text(value: Any) -> str:
    """How the form shows a value of the document."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(number_value(value))
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    return str(value)


def criterion_row(item: Document) -> CriterionRow:
    row = CriterionRow(
        id=item["id"], name=item.get("name", ""), weight=value_text(item.get("weight"))
    )
    if "grades" in item:
        row.grades = ", ".join(f"{k}={value_text(v)}" for k, v in item["grades"].items())
    else:
        row.min = value_text(item.get("min"))
        row.max = value_text(item.get("max"))
    return row


def track_row(item: Document) -> TrackRow:
    row = TrackRow(id=item["id"], name=item.get("name", ""), seats=value_text(item["seats"]))
    if item.get("budget") is not None:
        row.budget = f"{item['budget']:,}"
    row.linked = bool(item.get("linked", False))
    requires = item.get("requires", [])
    row.investment_commitment = "investment_commitment" in requires
    row.guarantee = "guarantee" in requires
    if "criteria" in item:
        row.own_rubric = True
        row.criteria = [criterion_row(c) for c in item["criteria"]]
    return row


def quota_row(item: Document) -> QuotaRow:
    categories = item.get("categories", [])
    tracks = item.get("tracks", "all")
    return QuotaRow(
        name=item["name"],
        ai="AI" in categories,
        ai_x="AI+X" in categories,
        non_ai="none" in categories,
        tracks=tracks if isinstance(tracks, str) else ", ".join(tracks),
        each=item.get("scope") == "each",
        min_share=value_text(item.get("min_share")),
        strict=bool(item.get("strict", False)),
    )


def form_from_config(config: RoundConfig) -> RoundForm:
    document = config_document(config)
    return RoundForm(
        round={k: value_text(document["round"].get(k)) for k in ROUND_KEYS},
        aggregation={k: value_text(document["aggregation"].get(k)) for k in AGGREGATION_KEYS},
        selection={k: value_text(document["selection"].get(k)) for k in SELECTION_KEYS},
        criteria=[criterion_row(c) for c in document.get("criteria", [])],
        tracks=[track_row(t) for t in document["tracks"]],
        quotas=[quota_row(q) for q in document.get("quotas", [])],
    )
