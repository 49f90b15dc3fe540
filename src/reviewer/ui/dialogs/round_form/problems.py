"""Where in the form a ``ConfigError`` of ``parse_config`` points.

The error's ``Location.column`` names the part of round.toml (``[aggregation]``,
``[[tracks]] (tips)``, ``[[tracks]] (tips) criteria #2``, ``[[quotas]] (name)``) and its
``key`` parameter the setting; the form's rows are matched by the ids and names the
parser read (stripped), or by position (``#2``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.errors import ConfigError
from reviewer.i18n import Lang, render
from reviewer.ui.dialogs.round_form.document import RoundForm

SECTIONS = ("round", "aggregation", "selection", "criteria", "tracks", "quotas")

# the form's cells a message concerns when it names no key
_MESSAGE_KEYS: dict[str, tuple[str, ...]] = {
    "config.weight": ("weight",),
    "config.min_max": ("min", "max"),
    "config.grades": ("grades",),
    "config.grade_value": ("grades",),
    "config.duplicate_criterion": ("id",),
    "config.duplicate_quota": ("name",),
    "config.no_categories": ("ai", "ai_x", "non_ai"),
    "config.no_linked": ("tracks",),
    "config.quota_track": ("tracks",),
    "config.quota_tracks": ("tracks",),
    "config.strict_all": ("min_share", "strict"),
    "config.objective": ("objective",),
    "config.tie_break": ("tie_break",),
}
# round.toml keys shown by several cells
_KEY_CELLS: dict[str, tuple[str, ...]] = {
    "requires": ("investment_commitment", "guarantee"),
    "categories": ("ai", "ai_x", "non_ai"),
    "scope": ("each",),
    "criteria": (),
}


@dataclass(frozen=True)
class Problem:
    """A problem of the form: its ``section`` (one of ``SECTIONS``; ``criteria`` with
    ``track`` set is that track's own rubric), the fields or columns it concerns, the row."""

    section: str
    keys: tuple[str, ...]
    text: str
    row: int | None = None
    track: int | None = None

    @property
    def rubric(self) -> int | None:
        """-1 for the default rubric, a track's row for its own, None: not a rubric."""
        if self.section != "criteria":
            return None
        return -1 if self.track is None else self.track


def _keys(error: ConfigError) -> tuple[str, ...]:
    if error.key in _MESSAGE_KEYS:
        return _MESSAGE_KEYS[error.key]
    key = error.params.get("key")
    if not isinstance(key, str):
        return ()
    return _KEY_CELLS.get(key, (key,))


def _item(where: str, prefix: str, ids: Sequence[str]) -> tuple[bool, int | None, str]:
    """Whether ``where`` is about ``prefix``; the row it names (by ``#n`` or ``(id)``)
    and what follows."""
    if not where.startswith(prefix):
        return False, None, ""
    rest = where[len(prefix) :]
    numbered = re.match(r" #([0-9]+)", rest)
    if numbered:
        return True, int(numbered.group(1)) - 1, rest[numbered.end() :]
    for row, ident in enumerate(ids):
        tag = f" ({ident})"
        if ident and rest.startswith(tag) and rest[len(tag) : len(tag) + 1] in ("", " "):
            return True, row, rest[len(tag) :]
    return True, None, rest


def _last(ids: Sequence[str], value: object) -> int | None:
    rows = [i for i, ident in enumerate(ids) if ident == value]
    return rows[-1] if rows else None


def locate(error: ConfigError, form: RoundForm, lang: Lang) -> Problem:
    """The problem ``error`` describes, placed in ``form``."""
    text = render(error.key, lang, **error.params)
    where = (error.location.column if error.location is not None else None) or ""
    keys = _keys(error)
    for section in ("round", "aggregation", "selection"):
        if where == f"[{section}]":
            return Problem(section, keys, text)

    criterion_ids = [c.id.strip() for c in form.criteria]
    found, row, rest = _item(where, "[[criteria]]", criterion_ids)
    if found:
        if row is None and error.key == "config.duplicate_criterion":
            row = _last(criterion_ids, error.params.get("id"))
        return Problem("criteria", keys, text, row)

    track_ids = [t.id.strip() for t in form.tracks]
    found, row, rest = _item(where, "[[tracks]]", track_ids)
    if found:
        if rest.startswith(" criteria") and row is not None:
            ids = [c.id.strip() for c in form.tracks[row].criteria]
            _, criterion, _ = _item(rest, " criteria", ids)
            if criterion is None and error.key == "config.duplicate_criterion":
                criterion = _last(ids, error.params.get("id"))
            return Problem("criteria", keys, text, criterion, track=row)
        if error.key == "config.no_rubric":
            return Problem("criteria", (), text, None, track=row)
        if row is None and error.key == "config.duplicate_track":
            value = error.params.get("id")
            row = _last(track_ids, value)
            keys = ("id",)
            if row is None:
                row = _last([t.name.strip() or t.id.strip() for t in form.tracks], value)
                keys = ("name",)
        return Problem("tracks", keys, text, row)

    quota_names = [q.name.strip() for q in form.quotas]
    found, row, rest = _item(where, "[[quotas]]", quota_names)
    if found:
        if row is None and error.key == "config.duplicate_quota":
            row = _last(quota_names, error.params.get("name"))
        return Problem("quotas", keys, text, row)
    return Problem("round", keys, text)
