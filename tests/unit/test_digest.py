"""The inputs digest changes with any input and not with the order of rows."""

from __future__ import annotations

import dataclasses

from reviewer.domain.config_toml import parse_config
from reviewer.domain.digest import inputs_digest
from reviewer.domain.model import Application, Review, Reviewer, RoundData

CONFIG = parse_config("""
[round]
name = "r"
year = 2025
[[criteria]]
id = "tech"
name = "기술성"
weight = 100
[[tracks]]
id = "a"
name = "A"
seats = 1
""")


def _data(reviews: tuple[Review, ...], applications: tuple[Application, ...]) -> RoundData:
    return RoundData(
        config=CONFIG,
        applications=applications,
        reviewers=(Reviewer("R1", "김"), Reviewer("R2", "이")),
        reviews=reviews,
    )


APPS = (Application("A1", "a", "t", "c"), Application("A2", "a", "t", "c"))
REVIEWS = (Review("A1", "R1", {"tech": 50.0}), Review("A2", "R2", {"tech": 60.0}))


def test_digest_is_sha256_and_order_independent() -> None:
    first = inputs_digest(_data(REVIEWS, APPS))
    assert len(first) == 64
    assert first == inputs_digest(_data(REVIEWS[::-1], APPS[::-1]))


def test_digest_changes_with_any_score_or_field() -> None:
    base = inputs_digest(_data(REVIEWS, APPS))
    changed = (Review("A1", "R1", {"tech": 50.5}), REVIEWS[1])
    assert inputs_digest(_data(changed, APPS)) != base
    commented = (dataclasses.replace(REVIEWS[0], comment="x"), REVIEWS[1])
    assert inputs_digest(_data(commented, APPS)) != base
    moved = (dataclasses.replace(APPS[0], amount=1), APPS[1])
    assert inputs_digest(_data(REVIEWS, moved)) != base
    other = dataclasses.replace(
        _data(REVIEWS, APPS), config=parse_config(CONFIG.source.replace("seats = 1", "seats = 2"))
    )
    assert inputs_digest(other) != base
