"""The planted outliers of the sample round: few, clear, deterministic, and nothing else
of the round changed by them."""

from __future__ import annotations

import random
import statistics

import pytest

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample import rows
from reviewer.sample.rows import DemoRound, Shape, generate


@pytest.fixture(scope="module")
def config() -> RoundConfig:
    return load_config(str(template_path()))


def _round(config: RoundConfig, applications: int, seed: int) -> DemoRound:
    return generate(config, Shape(applications=applications), random.Random(seed))


@pytest.mark.parametrize(("applications", "planted"), [(120, 3), (600, 6)])
def test_a_few_clear_outliers_are_planted(
    config: RoundConfig, applications: int, planted: int
) -> None:
    demo = _round(config, applications, seed=11)
    outliers = [r for r in demo.reviews if r.outlier]
    assert len(outliers) == planted
    assert len({r.application_id for r in outliers}) == planted  # one per application
    track_of = {a.id: a.track for a in demo.applications}
    assert len({track_of[r.application_id] for r in outliers}) == planted  # tracks in turn
    for review in outliers:
        others = [
            r.total
            for r in demo.reviews
            if r.application_id == review.application_id and not r.conflict and r is not review
        ]
        assert len(others) >= rows.PLANTED_REVIEWS - 1
        assert review.total is not None and not review.conflict
        assert review.total <= statistics.median(others) - rows.PLANTED_GAP


def test_planting_is_deterministic(config: RoundConfig) -> None:
    assert _round(config, 120, seed=5) == _round(config, 120, seed=5)


def test_the_rest_of_the_round_is_unchanged(
    config: RoundConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    planted = _round(config, 200, seed=3)
    monkeypatch.setattr(rows, "PLANTED_MIN", 0)
    monkeypatch.setattr(rows, "PLANTED_PER", 10**9)
    plain = _round(config, 200, seed=3)
    assert not any(r.outlier for r in plain.reviews)
    assert planted.applications == plain.applications
    assert planted.reviewers == plain.reviewers
    assert len(planted.reviews) == len(plain.reviews)
    changed = [
        (old, new) for old, new in zip(plain.reviews, planted.reviews, strict=True) if old != new
    ]
    assert [new for _, new in changed] == [r for r in planted.reviews if r.outlier]
    for old, new in changed:
        assert (old.application_id, old.reviewer_id) == (new.application_id, new.reviewer_id)
        assert old.total is not None and new.total is not None
        assert new.total <= old.total - 20
        for before, after in zip(old.scores, new.scores, strict=True):
            if isinstance(before, float | int) and isinstance(after, float | int):
                assert after <= before
