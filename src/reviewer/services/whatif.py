"""What-if scenarios: the newest run's configuration changed, evaluated against that run,
and saved as a new run when the chair adopts it.

:func:`load_baseline` reads the round's data and its newest recorded run once; the
:class:`Baseline` then evaluates any changed configuration with the what-if engine
(:mod:`reviewer.domain.whatif`, exactly as a selection run would) and compares it with
the recorded run: who enters and who leaves the selection, the seats filled, the quota
figures and the total score, old and new, and what changed in the configuration.

Saving a scenario (:func:`save_scenario`) records it as a new selection run with its own
round.toml and digest, and makes its configuration the round's configuration: the run
is then the round's current run (its digest is that of the round's data and
configuration now), the reports and exports print it, and the usual stale logic holds —
a later import, correction or configuration change makes it stale. The earlier runs
keep the configuration they were computed with. A save is refused in a locked round,
and when the round's data changed or another run was recorded since the baseline was
read (the scenario would then not describe the round any more).

A scenario leaves the selections' explanations out (they need one more selection per
quota, and the what-if shows statuses, not reasons): saving one evaluates the round
again in full, so the recorded run is exactly what a selection run records.
"""

from __future__ import annotations

import difflib
import gc
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

import tomli_w
from sqlalchemy.orm import Session

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import parse_config
from reviewer.domain.config_writer import config_document, config_toml, criterion_document
from reviewer.domain.digest import data_digest, inputs_digest
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import RoundData, RoundResult, Status
from reviewer.domain.recorded import RecordedRun
from reviewer.domain.stopping import CancelToken
from reviewer.domain.whatif import WhatIf
from reviewer.errors import InvalidInput, RefusedByState, SolverFailed
from reviewer.i18n import Lang
from reviewer.services.results import selection_json
from reviewer.services.selecting import store_run
from reviewer.store import audit as audit_log
from reviewer.store import repository, runs
from reviewer.store.engine import Database

#: The file name configurations are parsed under, as messages name it.
SCENARIO_FILE = "round.toml"


@dataclass(frozen=True)
class Movement:
    """An application that enters or leaves the selection, before and after."""

    id: str
    title: str
    track: str
    track_name: str
    old_final: Decimal | None
    new_final: Decimal | None
    old_rank: int | None
    new_rank: int | None
    old_status: Status
    new_status: Status


@dataclass(frozen=True)
class TrackFill:
    id: str
    name: str
    old_seats: int
    new_seats: int
    old_selected: int
    new_selected: int


@dataclass(frozen=True)
class QuotaFill:
    """A quota constraint's required and achieved counts, before and after."""

    name: str
    track: str | None  # the track of a ``scope = "each"`` constraint
    old_required: int
    old_achieved: int
    new_required: int
    new_achieved: int


@dataclass(frozen=True)
class SettingChange:
    """One changed setting: its path in round.toml and its old and new values."""

    key: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.key}: {self.old} → {self.new}"


@dataclass(frozen=True)
class Scenario:
    config: RoundConfig  # ``source`` is its round.toml text
    result: RoundResult
    entering: tuple[Movement, ...]
    leaving: tuple[Movement, ...]
    tracks: tuple[TrackFill, ...]
    quotas: tuple[QuotaFill, ...]
    old_selected: int
    new_selected: int
    old_total: Decimal
    new_total: Decimal
    old_shortfall: int
    new_shortfall: int
    changes: tuple[SettingChange, ...]
    toml_diff: str
    baseline_run: int
    baseline_digest: str  # the baseline data's digest without the configuration


@dataclass(frozen=True)
class SavedScenario:
    run_id: int
    digest: str
    created_at: datetime


class Baseline:
    """The round's data and its newest run, read once; evaluates scenarios against it.

    Its engine keeps what earlier scenarios computed, so one baseline is used by one
    thread at a time (the window's worker)."""

    def __init__(
        self,
        *,
        data: RoundData,
        run_id: int,
        recorded: RecordedRun,
        locked: bool,
        stale: bool,
    ) -> None:
        self.data = data
        self.config = data.config
        self.run_id = run_id
        self.recorded = recorded
        self.locked = locked
        self.stale = stale  # the round's data changed since the run was recorded
        self.digest = data_digest(data)
        self._engine = WhatIf(data)
        self._titles = {app.id: app.title for app in data.applications}
        self._track_names = {t.id: t.name for t in data.config.tracks}
        # what every scenario is compared with, written once
        self._base_toml = config_toml(self.config)
        self._base_settings = _flatten(_settings(self.config))

    def compute(self, config: RoundConfig, cancel: CancelToken | None = None) -> Scenario:
        """The scenario of ``config`` (a changed copy of :attr:`config`).

        Raises :class:`~reviewer.errors.ConfigError` when the configuration is not a
        valid round.toml (it is written and read back, so what is saved is what was
        evaluated) or changes the round's tracks or criteria, and
        :class:`~reviewer.errors.SolverCancelled` when ``cancel`` is set. The result's
        decisions have no explanations (``result.selection.explained`` is False)."""
        config = checked_config(self.config, config)
        # the round's data is a large heap of long-lived objects: a cycle collection in
        # the middle of a recomputation walks all of it, and nothing here makes cycles
        enabled = gc.isenabled()
        gc.disable()
        try:
            result = self._engine.evaluate(config, cancel=cancel, explanations=False)
            return self._scenario(config, result)
        finally:
            if enabled:
                gc.enable()

    def _scenario(self, config: RoundConfig, result: RoundResult) -> Scenario:
        recorded = self.recorded.applications
        selection = result.selection
        old_selected = {app_id for app_id, app in recorded.items() if app.status.is_selected}
        entering = sorted(selection.selected - old_selected)
        leaving = sorted(old_selected - selection.selected)
        names = self._track_names

        def movement(app_id: str) -> Movement:
            old = recorded.get(app_id)
            scored = result.scored[app_id]
            return Movement(
                id=app_id,
                title=self._titles.get(app_id, ""),
                track=scored.track,
                track_name=names.get(scored.track, scored.track),
                old_final=None if old is None else old.final,
                new_final=scored.final,
                old_rank=None if old is None else old.rank,
                new_rank=scored.rank,
                old_status=Status.NOT_SELECTED if old is None else old.status,
                new_status=result.status(app_id),
            )

        old_tracks = {t.id: t for t in self.recorded.tracks}
        tracks = tuple(
            TrackFill(
                id=t.id,
                name=names.get(t.id, t.id),
                old_seats=old_tracks[t.id].seats if t.id in old_tracks else 0,
                new_seats=t.seats,
                old_selected=old_tracks[t.id].selected if t.id in old_tracks else 0,
                new_selected=t.selected,
            )
            for t in selection.tracks
        )
        old_quotas = {(q.name, q.track): q for q in self.recorded.quotas}
        quotas = []
        for q in selection.quotas:
            before = old_quotas.get((q.name, q.track))
            quotas.append(
                QuotaFill(
                    name=q.name,
                    track=q.track,
                    old_required=before.required if before else 0,
                    old_achieved=before.achieved if before else 0,
                    new_required=q.required,
                    new_achieved=q.achieved,
                )
            )
        return Scenario(
            config=config,
            result=result,
            entering=tuple(movement(i) for i in _by_track(entering, result, self.config)),
            leaving=tuple(movement(i) for i in _by_track(leaving, result, self.config)),
            tracks=tracks,
            quotas=tuple(quotas),
            old_selected=self.recorded.selected,
            new_selected=len(selection.selected),
            old_total=self.recorded.total_score,
            new_total=selection.total_score,
            old_shortfall=self.recorded.shortfall,
            new_shortfall=selection.shortfall,
            changes=_changes(self._base_settings, _flatten(_settings(config))),
            toml_diff=_diff(self._base_toml, config.source or config_toml(config), self.run_id),
            baseline_run=self.run_id,
            baseline_digest=self.digest,
        )


def _by_track(ids: list[str], result: RoundResult, config: RoundConfig) -> list[str]:
    """``ids`` in the round's track order, then by new rank (unranked last), then id."""
    position = {track_id: n for n, track_id in enumerate(config.track_ids)}

    def key(app_id: str) -> tuple[int, int, str]:
        scored = result.scored[app_id]
        rank = scored.rank if scored.rank is not None else 1 << 30
        return (position.get(scored.track, len(position)), rank, app_id)

    return sorted(ids, key=key)


def load_baseline(database: Database) -> Baseline:
    """The round's data under its newest run's configuration, and that run.

    Raises :class:`~reviewer.errors.RefusedByState` when no selection has run."""
    with database.reading() as session:
        row = runs.latest_run(session)
        if row is None:
            raise RefusedByState("whatif.no_run")
        data = repository.load_round(session)
        locked = repository.round_info(session).status == "locked"
        run_id, digest, run_toml = row.id, row.digest, row.config_toml
        try:
            recorded = runs.recorded_run(row)
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise RefusedByState("export.unreadable_run", run=str(run_id)) from exc
    stale = digest != inputs_digest(data)
    if run_toml and run_toml != data.config.source:
        # the run's own configuration is the one its numbers came from
        data = replace(data, config=parse_config(run_toml, filename=SCENARIO_FILE))
        stale = digest != inputs_digest(data)
    return Baseline(data=data, run_id=run_id, recorded=recorded, locked=locked, stale=stale)


def checked_config(base: RoundConfig, config: RoundConfig) -> RoundConfig:
    """``config`` written as round.toml and read back (validated, with that text as its
    ``source``); it must keep ``base``'s tracks and their criteria."""
    text = config_toml(config)
    parsed = parse_config(text, filename=SCENARIO_FILE)
    if _fixed(parsed) != _fixed(base):
        raise InvalidInput("whatif.tracks_changed")
    return parsed


def _fixed(config: RoundConfig) -> Hashable:
    """Every setting a what-if keeps: all but the weights, the aggregation (method,
    trimming, calibration, floor), the cutoff, seats, budgets, quota shares and
    strictness and seat transfer. Saving a scenario writes only those to the round's
    tables (``repository.replace_config``), so a scenario changing anything else is
    refused rather than stored half."""
    return (
        config.name,
        config.year,
        config.min_reviews,
        config.decimals,
        config.region,
        config.aggregation.bonus_cap,
        config.selection.objective,
        config.selection.tie_break,
        tuple(
            (
                track.id,
                track.name,
                track.linked,
                track.requires,
                tuple(
                    (
                        c.id,
                        c.name,
                        c.min,
                        c.max,
                        None if c.grades is None else tuple(c.grades.items()),
                    )
                    for c in track.criteria
                ),
            )
            for track in config.tracks
        ),
        tuple((q.name, q.categories, q.tracks, q.scope) for q in config.quotas),
    )


def config_changes(old: RoundConfig, new: RoundConfig) -> tuple[SettingChange, ...]:
    """Every setting that differs, by its path in round.toml
    (``tracks.tips.criteria.tech.weight: 30 → 40``), in the order of the file."""
    return _changes(_flatten(_settings(old)), _flatten(_settings(new)))


def _changes(before: Mapping[str, str], after: Mapping[str, str]) -> tuple[SettingChange, ...]:
    keys = list(before) + [key for key in after if key not in before]
    return tuple(
        SettingChange(key, before.get(key, "—"), after.get(key, "—"))
        for key in keys
        if before.get(key) != after.get(key)
    )


def _settings(config: RoundConfig) -> dict[str, Any]:
    """round.toml's document with every track's own criteria written out: a track on the
    default rubric and a track with a rubric of its own compare criterion by criterion."""
    document = config_document(config)
    for item, track in zip(document.get("tracks", []), config.tracks, strict=True):
        item["criteria"] = [criterion_document(c) for c in track.criteria]
    return document


def toml_diff(old: RoundConfig, new: RoundConfig, run_id: int) -> str:
    """A unified diff of the two configurations as round.toml writes them."""
    return _diff(config_toml(old), config_toml(new), run_id)


def _diff(old: str, new: str, run_id: int) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"round.toml (run {run_id})",
            tofile="round.toml (scenario)",
        )
    )


def _flatten(document: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in document.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping) and key != "grades":
            flat.update(_flatten(value, path + "."))
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            for number, item in enumerate(value):
                name = item.get("id", item.get("name", number))
                flat.update(_flatten(item, f"{path}.{name}."))
        else:
            flat[path] = _value(value)
    return flat


def _value(value: Any) -> str:
    """A value as round.toml writes it: ``40``, ``0.3``, ``true``, ``"trimmed"``; a list
    on one line (``["guarantee"]``)."""
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()


def save_scenario(
    database: Database, scenario: Scenario, reason: str, lang: Lang | None = None
) -> SavedScenario:
    """Record ``scenario`` as a new run and make its configuration the round's, audited
    with ``reason`` (required) and the configuration's changes.

    Refused (:class:`~reviewer.errors.RefusedByState`) in a locked round, and when the
    round's data changed or a run was recorded since the scenario's baseline."""
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("whatif.reason_required")
    result = scenario.result
    if not result.selection.explained:
        # the preview left the explanations out: the run is evaluated in full, outside the
        # write transaction, and must agree with what the chair saw in every decision
        with database.session() as session:
            data = _unchanged(session, scenario)
        result = evaluate(replace(data, config=scenario.config))
        if _decisions(result) != _decisions(scenario.result):
            raise SolverFailed("selection.solver.reason.preview_differs")
    with database.session() as session:
        repository.require_open(session)
        data = replace(_unchanged(session, scenario), config=scenario.config)
        digest = inputs_digest(data)
        document = selection_json(data, result, lang)
        run_id, created = store_run(session, data, result, document, digest=digest)
        repository.replace_config(session, scenario.config)
        audit_log.audit(
            session,
            "scenario",
            str(run_id),
            reason=reason,
            baseline_run=scenario.baseline_run,
            changes=[str(change) for change in scenario.changes],
            diff=scenario.toml_diff,
        )
    return SavedScenario(run_id=run_id, digest=digest, created_at=created)


def _unchanged(session: Session, scenario: Scenario) -> RoundData:
    """The round's data, refused when it or its newest run changed since the baseline."""
    data = repository.load_round(session)
    if data_digest(data) != scenario.baseline_digest:
        raise RefusedByState("whatif.round_changed")
    latest = runs.latest_run_stamp(session)
    if latest is None or latest[0] != scenario.baseline_run:
        raise RefusedByState("whatif.newer_run", run=str(latest[0] if latest else ""))
    return data


def _decisions(result: RoundResult) -> dict[str, tuple[object, ...]]:
    """Every application's final, rank and status: what a scenario shows."""
    return {
        app_id: (app.final, app.rank, result.status(app_id))
        for app_id, app in result.scored.items()
    }
