"""round.toml (DESIGN §5), parsed and validated into a ``RoundConfig``.

``parse_config`` turns the TOML text into frozen dataclasses and refuses, with a
message a chair can act on, anything the scoring and selection rules cannot honour.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from reviewer.domain.config import (
    AI_CATEGORIES,
    COMMENT_ABOVE,
    COMMENT_BELOW,
    METHODS,
    NORMALIZERS,
    OBJECTIVES,
    REQUIREMENTS,
    Aggregation,
    Criterion,
    Quota,
    RoundConfig,
    SelectionRules,
    TextLimits,
    Track,
)
from reviewer.errors import ConfigError, Location

MAX_INTEGER = 2**63 - 1  # the largest whole number the round database stores (BIGINT)
MAX_SEATS = 100_000
MAX_NUMBER = 1e15  # points, weights, scales and caps: far beyond any rubric, still exact


def load_config(path: str, limits: TextLimits | None = None) -> RoundConfig:
    """Read and validate a round.toml file (``limits``: see :func:`parse_config`)."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise ConfigError("config.unreadable", Location(file=path), error=exc.strerror) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError("config.encoding", Location(file=path)) from exc
    return parse_config(text, filename=path, limits=limits)


def parse_config(
    text: str, filename: str = "round.toml", limits: TextLimits | None = None
) -> RoundConfig:
    """Parse and validate the TOML text of a round configuration; with ``limits``, also
    refuse names longer than the database can hold."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("config.syntax", Location(file=filename), error=str(exc)) from exc
    return _Parser(filename, limits or TextLimits()).build(data, text)


class _Parser:
    def __init__(self, filename: str, limits: TextLimits) -> None:
        self.filename = filename
        self.limits = limits

    def fail(self, where: str, message_key: str, /, **params: Any) -> ConfigError:
        return ConfigError(message_key, Location(file=self.filename, column=where), **params)

    def known(self, data: Mapping[str, Any], where: str, allowed: Sequence[str]) -> None:
        """Refuse keys the program does not know: a misspelt key would silently fall back
        to a default (``budjet`` would mean no budget at all)."""
        for key in data:
            if key not in allowed:
                raise self.fail(where, "config.unknown_key", key=key, known=", ".join(allowed))

    # -- typed getters -----------------------------------------------------------------

    def table(self, data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, Mapping):
            raise self.fail(where, "config.not_table", key=key)
        return value

    def string(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        default: str | None = None,
        limit: int | None = None,
    ) -> str:
        value = data.get(key, default)
        if value is None:
            raise self.fail(where, "config.missing", key=key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "config.not_text", key=key, value=value)
        text = value.strip()
        if limit is not None and len(text) > limit:
            raise self.fail(where, "config.too_long", key=key, limit=limit, length=len(text))
        return text

    def number(
        self, data: Mapping[str, Any], key: str, where: str, default: float | None = None
    ) -> float:
        value = data.get(key, default)
        if value is None:
            raise self.fail(where, "config.missing", key=key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, "config.not_number", key=key, value=value)
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):  # TOML allows nan and inf; no rule can use them
            raise self.fail(where, "config.not_finite", key=key, value=value)
        if abs(number) > MAX_NUMBER:
            raise self.fail(
                where, "config.too_large", key=key, value=value, maximum=f"{MAX_NUMBER:g}"
            )
        return number

    def share(self, data: Mapping[str, Any], key: str, where: str) -> Fraction:
        """An exact share in 0..1: a number (``0.3`` is read as 3/10, not as the binary
        float), or a string holding a fraction or a decimal (``"1/3"``, ``"0.3"``)."""
        value = data.get(key)
        if value is None:
            raise self.fail(where, "config.missing", key=key)
        share: Fraction | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if math.isfinite(value):
                share = Fraction(str(value))
        elif isinstance(value, str):
            try:
                share = Fraction("".join(value.split()))  # " 1 / 3 " is 1/3
            except (ValueError, ZeroDivisionError):
                share = None
        if share is None:
            raise self.fail(where, "config.not_share", key=key, value=value)
        if not 0 <= share <= 1:
            raise self.fail(where, "config.fraction", key=key, value=value)
        return share

    def integer(
        self,
        data: Mapping[str, Any],
        key: str,
        where: str,
        default: int | None = None,
        minimum: int = 0,
        maximum: int = MAX_INTEGER,
    ) -> int:
        value = data.get(key, default)
        if value is None:
            raise self.fail(where, "config.missing", key=key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(where, "config.not_integer", key=key, value=value)
        if value < minimum:
            raise self.fail(where, "config.too_small", key=key, value=value, minimum=minimum)
        if value > maximum:
            raise self.fail(where, "config.too_large", key=key, value=value, maximum=maximum)
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(where, "config.not_bool", key=key, value=value)
        return value

    def choice(
        self, data: Mapping[str, Any], key: str, where: str, default: str, choices: Sequence[str]
    ) -> str:
        value = data.get(key, default)
        if value not in choices:
            raise self.fail(
                where, "config.bad_choice", key=key, value=value, choices=", ".join(choices)
            )
        return str(value)

    def strings(
        self, data: Mapping[str, Any], key: str, where: str, default: Sequence[str] = ()
    ) -> tuple[str, ...]:
        value = data.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, "config.not_list", key=key, value=value)
        return tuple(value)

    # -- sections ----------------------------------------------------------------------

    def build(self, data: Mapping[str, Any], text: str) -> RoundConfig:
        self.known(
            data,
            "round.toml",
            ("round", "aggregation", "selection", "criteria", "tracks", "quotas"),
        )
        head = self.table(data, "round", "[round]")
        self.known(
            head,
            "[round]",
            (
                "name",
                "year",
                "cutoff",
                "min_reviews",
                "decimals",
                "region",
                "comment_below",
                "comment_above",
            ),
        )
        name = self.string(head, "name", "[round]", limit=self.limits.round_name)
        year = self.integer(head, "year", "[round]", minimum=2000, maximum=9999)
        cutoff = self.number(head, "cutoff", "[round]", 70)
        min_reviews = self.integer(head, "min_reviews", "[round]", 3, minimum=1, maximum=1000)
        decimals = self.integer(head, "decimals", "[round]", 2, maximum=6)
        if decimals > 6:
            raise self.fail(
                "[round]", "config.too_large", key="decimals", value=decimals, maximum=6
            )
        region = head.get("region")
        if region is not None and (not isinstance(region, str) or not region.strip()):
            raise self.fail("[round]", "config.not_text", key="region", value=region)
        comment_below = self.number(head, "comment_below", "[round]", COMMENT_BELOW)
        comment_above = self.number(head, "comment_above", "[round]", COMMENT_ABOVE)
        for key, value in (("comment_below", comment_below), ("comment_above", comment_above)):
            if not 0 <= value <= 100:
                raise self.fail("[round]", "config.total_bound", key=key, value=f"{value:g}")
        if comment_below > comment_above:
            raise self.fail(
                "[round]",
                "config.comment_bounds",
                below=f"{comment_below:g}",
                above=f"{comment_above:g}",
            )

        aggregation = self.aggregation(self.table(data, "aggregation", "[aggregation]"))
        default_rubric = self.rubric(data.get("criteria", []), "[[criteria]]")
        tracks = self.tracks(data.get("tracks"), default_rubric)
        quotas = self.quotas(data.get("quotas", []), tracks)
        selection = self.selection(
            self.table(data, "selection", "[selection]"), default_rubric, tracks
        )
        return RoundConfig(
            name=name,
            year=year,
            tracks=tracks,
            criteria=default_rubric,
            quotas=quotas,
            cutoff=cutoff,
            min_reviews=min_reviews,
            decimals=decimals,
            region=region.strip() if isinstance(region, str) else None,
            comment_below=comment_below,
            comment_above=comment_above,
            aggregation=aggregation,
            selection=selection,
            source=text,
        )

    def aggregation(self, data: Mapping[str, Any]) -> Aggregation:
        where = "[aggregation]"
        self.known(
            data,
            where,
            (
                "method",
                "trim_min_reviews",
                "normalize",
                "zscore_min_reviews",
                "bonus_cap",
                "criterion_floor",
            ),
        )
        floor = data.get("criterion_floor")
        if floor is not None:
            floor = self.number(data, "criterion_floor", where)
            if not 0 <= floor <= 1:
                raise self.fail(where, "config.fraction", key="criterion_floor", value=floor)
        bonus_cap = self.number(data, "bonus_cap", where, 5)
        if bonus_cap < 0:
            raise self.fail(where, "config.too_small", key="bonus_cap", value=bonus_cap, minimum=0)
        return Aggregation(
            method=self.choice(data, "method", where, "trimmed", METHODS),  # type: ignore[arg-type]
            trim_min_reviews=self.integer(
                data, "trim_min_reviews", where, 5, minimum=3, maximum=1000
            ),
            normalize=self.choice(data, "normalize", where, "none", NORMALIZERS),  # type: ignore[arg-type]
            zscore_min_reviews=self.integer(
                data, "zscore_min_reviews", where, 5, minimum=2, maximum=100_000
            ),
            bonus_cap=bonus_cap,
            criterion_floor=floor,
        )

    def rubric(self, items: Any, where: str) -> tuple[Criterion, ...]:
        if not isinstance(items, list):
            raise self.fail(where, "config.not_list", key="criteria", value=items)
        criteria: list[Criterion] = []
        for index, item in enumerate(items, start=1):
            here = f"{where} #{index}"
            if not isinstance(item, Mapping):
                raise self.fail(here, "config.not_table", key="criteria")
            criteria.append(self.criterion(item, here))
        ids = [c.id for c in criteria]
        for cid in ids:
            if ids.count(cid) > 1:
                raise self.fail(where, "config.duplicate_criterion", id=cid)
        return tuple(criteria)

    def criterion(self, data: Mapping[str, Any], where: str) -> Criterion:
        cid = self.string(data, "id", where, limit=self.limits.criterion_id)
        where = f"{where} ({cid})"
        self.known(data, where, ("id", "name", "weight", "min", "max", "grades"))
        name = self.string(data, "name", where, cid, limit=self.limits.criterion_name)
        weight = self.number(data, "weight", where)
        if weight <= 0:
            raise self.fail(where, "config.weight", id=cid, value=weight)
        grades_raw = data.get("grades")
        if grades_raw is not None:
            if not isinstance(grades_raw, Mapping) or not grades_raw:
                raise self.fail(where, "config.grades", id=cid)
            grades: dict[str, float] = {}
            for grade, value in grades_raw.items():
                if (
                    isinstance(value, bool)
                    or not isinstance(value, int | float)
                    or not 0 <= value <= 1
                ):
                    raise self.fail(where, "config.grade_value", id=cid, grade=grade, value=value)
                grades[str(grade).strip()] = float(value)
            return Criterion(id=cid, name=name, weight=weight, min=0.0, max=1.0, grades=grades)
        low = self.number(data, "min", where, 0)
        high = self.number(data, "max", where, weight)
        if low >= high:
            raise self.fail(where, "config.min_max", id=cid, min=low, max=high)
        return Criterion(id=cid, name=name, weight=weight, min=low, max=high)

    def tracks(self, items: Any, default_rubric: tuple[Criterion, ...]) -> tuple[Track, ...]:
        where = "[[tracks]]"
        if not isinstance(items, list) or not items:
            raise self.fail(where, "config.no_tracks")
        tracks: list[Track] = []
        for index, item in enumerate(items, start=1):
            here = f"{where} #{index}"
            if not isinstance(item, Mapping):
                raise self.fail(here, "config.not_table", key="tracks")
            tid = self.string(item, "id", here, limit=self.limits.track_id)
            here = f"{where} ({tid})"
            self.known(
                item, here, ("id", "name", "seats", "budget", "linked", "requires", "criteria")
            )
            name = self.string(item, "name", here, tid, limit=self.limits.track_name)
            seats = self.integer(item, "seats", here, minimum=0, maximum=MAX_SEATS)
            budget = item.get("budget")
            if budget is not None:
                budget = self.integer(item, "budget", here, minimum=0)
            requires = self.strings(item, "requires", here)
            for requirement in requires:
                if requirement not in REQUIREMENTS:
                    raise self.fail(
                        here,
                        "config.bad_choice",
                        key="requires",
                        value=requirement,
                        choices=", ".join(REQUIREMENTS),
                    )
            own = item.get("criteria")
            rubric = self.rubric(own, f"{here} criteria") if own is not None else default_rubric
            if not rubric:
                raise self.fail(here, "config.no_rubric", id=tid)
            tracks.append(
                Track(
                    id=tid,
                    name=name,
                    seats=seats,
                    criteria=rubric,
                    budget=budget,
                    linked=self.boolean(item, "linked", here, False),
                    requires=requires,
                )
            )
        for key in ("id", "name"):
            values = [getattr(t, key) for t in tracks]
            for value in values:
                if values.count(value) > 1:
                    raise self.fail(where, "config.duplicate_track", id=value)
        return tuple(tracks)

    def quotas(self, items: Any, tracks: tuple[Track, ...]) -> tuple[Quota, ...]:
        where = "[[quotas]]"
        if not isinstance(items, list):
            raise self.fail(where, "config.not_list", key="quotas", value=items)
        known = {t.id for t in tracks}
        quotas: list[Quota] = []
        for index, item in enumerate(items, start=1):
            here = f"{where} #{index}"
            if not isinstance(item, Mapping):
                raise self.fail(here, "config.not_table", key="quotas")
            name = self.string(item, "name", here)
            here = f"{where} ({name})"
            self.known(item, here, ("name", "categories", "tracks", "scope", "min_share", "strict"))
            categories = self.strings(item, "categories", here, ("AI", "AI+X"))
            if not categories:
                raise self.fail(here, "config.no_categories", name=name)
            for category in categories:
                if category not in AI_CATEGORIES:
                    raise self.fail(
                        here,
                        "config.bad_choice",
                        key="categories",
                        value=category,
                        choices=", ".join(AI_CATEGORIES),
                    )
            scope_tracks = item.get("tracks", "all")
            if scope_tracks == "all":
                ids = tuple(t.id for t in tracks)
            elif scope_tracks == "linked":
                ids = tuple(t.id for t in tracks if t.linked)
                if not ids:
                    raise self.fail(here, "config.no_linked", name=name)
            elif (
                isinstance(scope_tracks, list)
                and scope_tracks
                and all(isinstance(t, str) for t in scope_tracks)
            ):
                for tid in scope_tracks:
                    if tid not in known:
                        raise self.fail(
                            here,
                            "config.quota_track",
                            name=name,
                            track=tid,
                            known=", ".join(sorted(known)),
                        )
                ids = tuple(dict.fromkeys(scope_tracks))
            else:
                raise self.fail(here, "config.quota_tracks", name=name, value=scope_tracks)
            share = self.share(item, "min_share", here)
            strict = self.boolean(item, "strict", here, False)
            if strict and share == 1:
                raise self.fail(here, "config.strict_all", name=name)
            quotas.append(
                Quota(
                    name=name,
                    categories=frozenset(categories),
                    tracks=ids,
                    scope=self.choice(
                        item,
                        "scope",
                        here,
                        "combined",  # type: ignore[arg-type]
                        ("each", "combined"),
                    ),
                    share=share,
                    strict=strict,
                )
            )
        names = [q.name for q in quotas]
        for quota_name in names:
            if names.count(quota_name) > 1:
                raise self.fail(where, "config.duplicate_quota", name=quota_name)
        return tuple(quotas)

    def selection(
        self,
        data: Mapping[str, Any],
        default_rubric: tuple[Criterion, ...],
        tracks: tuple[Track, ...],
    ) -> SelectionRules:
        where = "[selection]"
        self.known(data, where, ("objective", "tie_break", "seat_transfer"))
        objective = self.strings(data, "objective", where, OBJECTIVES)
        if sorted(objective) != sorted(OBJECTIVES):
            raise self.fail(
                where, "config.objective", value=", ".join(objective), choices=", ".join(OBJECTIVES)
            )
        tie_break = self.strings(data, "tie_break", where)
        known = {c.id for c in default_rubric}
        for track in tracks:
            known.update(c.id for c in track.criteria)
        for cid in tie_break:
            if cid not in known:
                raise self.fail(where, "config.tie_break", id=cid, known=", ".join(sorted(known)))
        return SelectionRules(
            objective=objective,
            tie_break=tie_break,
            seat_transfer=self.boolean(data, "seat_transfer", where, False),
        )
