"""The what-if engine: each kind of change gives evaluate()'s result, and recomputes only
the steps that read the changed settings."""

from __future__ import annotations

import functools
import random
from dataclasses import replace
from fractions import Fraction

import pytest

from reviewer.domain import whatif
from reviewer.domain.config import Aggregation, Criterion, Quota, RoundConfig, Track
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import Application, Review, RoundData, ScoredApplication
from reviewer.domain.stopping import CancelToken
from reviewer.domain.whatif import WhatIf
from reviewer.errors import SolverCancelled

RUBRIC = (
    Criterion(id="tech", name="Tech", weight=40, min=0, max=40),
    Criterion(id="biz", name="Biz", weight=30, min=0, max=30),
    Criterion(id="grade", name="Grade", weight=30, grades={"A": 1.0, "B": 0.7, "C": 0.4}),
)


def sample_round(applications: int = 60, seed: int = 5) -> RoundData:
    rng = random.Random(seed)
    tracks = (
        Track(id="open", name="Open", seats=8, criteria=RUBRIC),
        Track(id="tips", name="TIPS", seats=5, criteria=RUBRIC, budget=2_000, linked=True),
    )
    config = RoundConfig(
        name="what-if",
        year=2025,
        tracks=tracks,
        quotas=(
            Quota("linked AI", frozenset({"AI", "AI+X"}), ("tips",), "each", Fraction(3, 10)),
            Quota("AI half", frozenset({"AI", "AI+X"}), ("open", "tips"), share=Fraction(1, 2)),
        ),
        cutoff=60,
        aggregation=Aggregation(criterion_floor=0.3),
    )
    apps: list[Application] = []
    reviews: list[Review] = []
    for index in range(applications):
        track = tracks[index % 2]
        app = Application(
            id=f"A{index:03d}",
            track=track.id,
            title=f"Project {index}",
            company="Co",
            ai_category=rng.choice(["AI", "AI+X", "none", "none"]),
            amount=rng.randrange(100, 700),
            bonus=rng.choice([0, 0, 1, 3]),
        )
        apps.append(app)
        for reviewer in rng.sample(range(9), 5):
            scores: dict[str, float | str] = {
                "tech": rng.randrange(10, 81) / 2,
                "biz": rng.randrange(6, 61) / 2,
                "grade": rng.choice("ABC"),
            }
            reviews.append(Review(app.id, f"r{reviewer}", scores))
    return RoundData(config=config, applications=tuple(apps), reviews=tuple(reviews))


def with_track(config: RoundConfig, track_id: str, **changes: object) -> RoundConfig:
    tracks = tuple(
        replace(t, **changes) if t.id == track_id else t  # type: ignore[arg-type]
        for t in config.tracks
    )
    return replace(config, tracks=tracks)


def with_weight(config: RoundConfig, track_id: str, criterion: str, weight: float) -> RoundConfig:
    track = next(t for t in config.tracks if t.id == track_id)
    criteria = tuple(replace(c, weight=weight) if c.id == criterion else c for c in track.criteria)
    return with_track(config, track_id, criteria=criteria)


@pytest.fixture
def data() -> RoundData:
    return sample_round()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the engine ran its costly steps."""
    counts = {"matrix": 0, "totals": 0, "final": 0, "judged": 0}

    def counting(name: str, function: object) -> object:
        def inner(*args: object, **kwargs: object) -> object:
            counts[name] += 1
            return function(*args, **kwargs)  # type: ignore[operator]

        return inner

    monkeypatch.setattr(whatif, "score_matrix", counting("matrix", whatif.score_matrix))
    monkeypatch.setattr(whatif, "matrix_scores", counting("totals", whatif.matrix_scores))
    monkeypatch.setattr(whatif.Judge, "final", counting("final", whatif.Judge.final))
    monkeypatch.setattr(whatif.Judge, "judged", counting("judged", whatif.Judge.judged))
    return counts


def test_unchanged_config_is_the_evaluation(data: RoundData) -> None:
    assert WhatIf(data).evaluate(data.config) == evaluate(data)


def test_weight_change_recomputes_totals_not_normalised_scores(
    data: RoundData, calls: dict[str, int]
) -> None:
    engine = WhatIf(data)
    engine.evaluate(data.config)
    assert calls["matrix"] == 2 and calls["totals"] == 2
    changed = with_weight(data.config, "tips", "tech", 10)
    result = engine.evaluate(changed)
    assert calls["matrix"] == 2  # the normalised scores are reused
    assert calls["totals"] == 3  # only the changed track's totals again
    assert result == evaluate(replace(data, config=changed))
    assert result != evaluate(data)


@pytest.mark.parametrize(
    "change",
    [
        lambda c: with_track(c, "open", seats=3),
        lambda c: with_track(c, "tips", budget=900),
        lambda c: with_track(c, "tips", budget=None),
        lambda c: replace(c, quotas=(replace(c.quotas[0], share=Fraction(1, 2)), c.quotas[1])),
        lambda c: replace(c, quotas=(c.quotas[0], replace(c.quotas[1], strict=True))),
        lambda c: replace(c, selection=replace(c.selection, seat_transfer=True)),
    ],
    ids=["seats", "budget", "no-budget", "share", "strict", "seat-transfer"],
)
def test_selection_changes_select_again_without_scoring(
    data: RoundData, calls: dict[str, int], change: object
) -> None:
    engine = WhatIf(data)
    base = engine.evaluate(data.config)
    before = dict(calls)
    changed = change(data.config)  # type: ignore[operator]
    result = engine.evaluate(changed)
    assert result.scored is base.scored  # the scoring is the baseline's, untouched
    assert calls == before
    assert result == evaluate(replace(data, config=changed))


@pytest.mark.parametrize(
    "change",
    [
        lambda c: replace(c, cutoff=75),
        lambda c: replace(c, aggregation=replace(c.aggregation, criterion_floor=0.55)),
        lambda c: replace(c, aggregation=replace(c.aggregation, criterion_floor=None)),
    ],
    ids=["cutoff", "floor", "no-floor"],
)
def test_cutoff_and_floor_only_judge_again(
    data: RoundData, calls: dict[str, int], change: object
) -> None:
    engine = WhatIf(data)
    engine.evaluate(data.config)
    before = dict(calls)
    changed = change(data.config)  # type: ignore[operator]
    result = engine.evaluate(changed)
    assert calls["matrix"] == before["matrix"] and calls["totals"] == before["totals"]
    assert calls["final"] == before["final"]  # no aggregate computed again
    assert calls["judged"] > before["judged"]
    assert result == evaluate(replace(data, config=changed))


@pytest.mark.parametrize(
    "aggregation",
    [
        Aggregation(method="mean", criterion_floor=0.3),
        Aggregation(method="median", criterion_floor=0.3),
        Aggregation(method="trimmed", trim_min_reviews=6, criterion_floor=0.3),
        Aggregation(normalize="zscore", zscore_min_reviews=5, criterion_floor=0.3),
        Aggregation(normalize="zscore", zscore_min_reviews=20, criterion_floor=0.3),
    ],
    ids=["mean", "median", "no-trim", "zscore", "zscore-few"],
)
def test_aggregation_changes_aggregate_again_from_the_same_totals(
    data: RoundData, calls: dict[str, int], aggregation: Aggregation
) -> None:
    engine = WhatIf(data)
    engine.evaluate(data.config)
    before = dict(calls)
    changed = replace(data.config, aggregation=aggregation)
    result = engine.evaluate(changed)
    assert calls["matrix"] == before["matrix"] and calls["totals"] == before["totals"]
    assert calls["final"] > before["final"]
    assert result == evaluate(replace(data, config=changed))


def test_returning_to_a_cached_config_computes_nothing(
    data: RoundData, calls: dict[str, int]
) -> None:
    engine = WhatIf(data)
    base = engine.evaluate(data.config)
    engine.evaluate(with_weight(data.config, "open", "biz", 5))
    before = dict(calls)
    again = engine.evaluate(data.config)
    assert again == base and calls == before


def test_several_changes_at_once(data: RoundData) -> None:
    changed = with_weight(data.config, "open", "tech", 20)
    changed = with_track(changed, "tips", seats=2)
    changed = replace(changed, cutoff=65, aggregation=replace(changed.aggregation, method="median"))
    assert WhatIf(data).evaluate(changed) == evaluate(replace(data, config=changed))


def test_cancelled_before_scoring_raises(data: RoundData) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(SolverCancelled):
        WhatIf(data).evaluate(data.config, cancel=token)


def test_cancel_token_reaches_the_selection(
    data: RoundData, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[CancelToken | None] = []
    real = whatif.select

    def spy(*args: object, cancel: CancelToken | None = None, **kwargs: object) -> object:
        seen.append(cancel)
        return real(*args, cancel=cancel, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(whatif, "select", spy)
    token = CancelToken()
    WhatIf(data).evaluate(data.config, cancel=token)
    assert seen == [token]


def test_a_changed_eligibility_rule_is_read_from_the_new_config() -> None:
    # a track's ``requires`` is no setting of the panel, but the engine must still read it
    # from the configuration it evaluates, not from the one that first placed the rows
    base = sample_round()
    apps = tuple(
        replace(app, guarantee=index % 3 != 0) for index, app in enumerate(base.applications)
    )
    data = replace(base, applications=apps)
    engine = WhatIf(data)
    strict = with_track(data.config, "tips", requires=("guarantee",))
    for config in (strict, data.config, strict):  # there and back: no stale placement
        result = engine.evaluate(config)
        assert result == evaluate(replace(data, config=config))
    ineligible = {
        a
        for a, s in engine.evaluate(strict).scored.items()
        if s.reason_key.startswith("scoring.requires")
    }
    assert ineligible  # the rule matters in this round
    engine = WhatIf(data)
    engine.evaluate(data.config)  # placed under the rule-free config first
    assert engine.evaluate(strict) == evaluate(replace(data, config=strict))


def test_a_weight_change_reuses_the_other_tracks_applications(data: RoundData) -> None:
    """Applications of an unchanged track are the same objects, moved to their new place
    where the change reordered the round — and equal to a fresh evaluation's."""
    engine = WhatIf(data)
    base = engine.evaluate(data.config).scored
    changed = with_weight(data.config, "open", "tech", 5)
    after = engine.evaluate(changed).scored
    assert after == evaluate(replace(data, config=changed)).scored
    others = [app_id for app_id, app in base.items() if app.track != "open"]
    assert others
    for app_id in others:
        old, new = base[app_id], after[app_id]
        assert new.reviewer_totals is old.reviewer_totals
        assert (new.rank, new.order) == (old.rank, old.order) or new is not old
    changed_track = [app_id for app_id, app in base.items() if app.track == "open"]
    assert any(after[i].reviewer_totals != base[i].reviewer_totals for i in changed_track)


def test_placed_is_replace_of_rank_and_order(data: RoundData) -> None:
    # ``placed`` copies the fields without ``__init__``: right only while the class has
    # nothing else an instance carries or computes
    assert not hasattr(ScoredApplication, "__post_init__")
    assert not hasattr(ScoredApplication, "__slots__")
    assert not any(
        isinstance(value, functools.cached_property) for value in vars(ScoredApplication).values()
    )
    scored = next(app for app in evaluate(data).scored.values() if app.rank is not None)
    moved = scored.placed(7, 42)
    assert moved == replace(scored, rank=7, order=42)
    assert (scored.rank, scored.order) != (7, 42)
    assert moved.placed(scored.rank, scored.order) == scored
