"""A round configuration written back as round.toml (DESIGN §5).

``config_document`` turns a ``RoundConfig`` into the TOML document it was read from (plain
dicts and lists, keys in the order of DESIGN §5); ``document_toml`` lays a document out
as the template does: ``[round]``, ``[aggregation]``, ``[selection]``, then
``[[criteria]]``, ``[[tracks]]`` (each with its ``[[tracks.criteria]]``) and
``[[quotas]]``. Keys and values are written by ``tomli_w``; ``parse_config`` reads the
text back into an equal configuration (a property test keeps it so).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import tomli_w

from reviewer.domain.config import (
    AI_CATEGORIES,
    COMMENT_ABOVE,
    COMMENT_BELOW,
    Criterion,
    Quota,
    RoundConfig,
    Track,
)

Document = dict[str, Any]

_EXACT_INTEGER = 2**53  # floats below this that are whole numbers are written as integers


def config_toml(config: RoundConfig) -> str:
    """The round.toml text of ``config``."""
    return document_toml(config_document(config))


def number_value(value: float) -> int | float:
    """A number as round.toml writes it: ``40`` rather than ``40.0``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT_INTEGER:
        return int(value)
    return value


def share_value(share: Fraction) -> int | float | str:
    """A share written exactly: a decimal number when one reads back as the same fraction
    (``0.3``), else a fraction as text (``"1/3"``), which ``parse_config`` accepts too."""
    if share.denominator == 1:
        return share.numerator
    decimal = float(share)
    if Fraction(repr(decimal)) == share:
        return decimal
    return f"{share.numerator}/{share.denominator}"


def criterion_document(criterion: Criterion) -> Document:
    item: Document = {
        "id": criterion.id,
        "name": criterion.name,
        "weight": number_value(criterion.weight),
    }
    if criterion.grades is not None:
        item["grades"] = {k: float(v) for k, v in criterion.grades.items()}
    else:
        item["min"] = number_value(criterion.min)
        item["max"] = number_value(criterion.max)
    return item


def track_document(track: Track, default_rubric: Sequence[Criterion]) -> Document:
    item: Document = {"id": track.id, "name": track.name, "seats": track.seats}
    if track.budget is not None:
        item["budget"] = track.budget
    item["linked"] = track.linked
    item["requires"] = list(track.requires)
    if tuple(track.criteria) != tuple(default_rubric):
        item["criteria"] = [criterion_document(c) for c in track.criteria]
    return item


def quota_tracks(quota: Quota, tracks: Sequence[Track]) -> str | list[str]:
    """``"all"``, ``"linked"`` or the list of track ids a quota counts."""
    every = tuple(t.id for t in tracks)
    linked = tuple(t.id for t in tracks if t.linked)
    if quota.tracks == every:
        return "all"
    if linked and quota.tracks == linked:
        return "linked"
    return list(quota.tracks)


def quota_document(quota: Quota, tracks: Sequence[Track]) -> Document:
    return {
        "name": quota.name,
        "categories": [c for c in AI_CATEGORIES if c in quota.categories],
        "tracks": quota_tracks(quota, tracks),
        "scope": quota.scope,
        "min_share": share_value(quota.share),
        "strict": quota.strict,
    }


def config_document(config: RoundConfig) -> Document:
    """The TOML document of ``config``: what ``parse_config`` reads back as ``config``."""
    head: Document = {
        "name": config.name,
        "year": config.year,
        "cutoff": number_value(config.cutoff),
        "min_reviews": config.min_reviews,
        "decimals": config.decimals,
    }
    if config.region is not None:
        head["region"] = config.region
    if config.comment_below != COMMENT_BELOW:
        head["comment_below"] = number_value(config.comment_below)
    if config.comment_above != COMMENT_ABOVE:
        head["comment_above"] = number_value(config.comment_above)
    rules = config.aggregation
    aggregation: Document = {
        "method": rules.method,
        "trim_min_reviews": rules.trim_min_reviews,
        "normalize": rules.normalize,
        "zscore_min_reviews": rules.zscore_min_reviews,
        "bonus_cap": number_value(rules.bonus_cap),
    }
    if rules.criterion_floor is not None:
        aggregation["criterion_floor"] = number_value(rules.criterion_floor)
    selection: Document = {
        "objective": list(config.selection.objective),
        "tie_break": list(config.selection.tie_break),
        "seat_transfer": config.selection.seat_transfer,
    }
    document: Document = {"round": head, "aggregation": aggregation, "selection": selection}
    if config.criteria:
        document["criteria"] = [criterion_document(c) for c in config.criteria]
    document["tracks"] = [track_document(t, config.criteria) for t in config.tracks]
    if config.quotas:
        document["quotas"] = [quota_document(q, config.tracks) for q in config.quotas]
    return document


# -- layout --------------------------------------------------------------------------------


def document_toml(document: Mapping[str, Any]) -> str:
    """The TOML text of ``document``: tables as ``[name]``, lists of tables as
    ``[[name]]`` (nested ones as ``[[name.key]]``), other tables inline."""
    blocks: list[str] = []
    plain = {k: v for k, v in document.items() if not _is_table(v) and not _is_tables(v)}
    if plain:
        blocks.append(_lines(plain))
    for key, value in document.items():
        if _is_table(value):
            blocks.append(f"[{_key(key)}]\n{_lines(value)}")
    for key, value in document.items():
        if _is_tables(value):
            for item in value:
                blocks.extend(_table_block(_key(key), item))
    return "\n".join(blocks)


def _table_block(path: str, item: Mapping[str, Any]) -> list[str]:
    own = {k: v for k, v in item.items() if not _is_tables(v)}
    blocks = [f"[[{path}]]\n{_lines(own)}"]
    for key, value in item.items():
        if _is_tables(value):
            for sub in value:
                blocks.extend(_table_block(f"{path}.{_key(key)}", sub))
    return blocks


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_tables(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _lines(table: Mapping[str, Any]) -> str:
    return "".join(f"{_key(k)} = {_value(v)}\n" for k, v in table.items())


def _key(key: str) -> str:
    line = tomli_w.dumps({key: 0})
    return line[: -len(" = 0\n")]


def _value(value: Any) -> str:
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    line = tomli_w.dumps({"v": value})
    return line[len("v = ") : -1]
