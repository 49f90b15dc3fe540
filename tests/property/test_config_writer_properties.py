"""round.toml written from a configuration reads back as the same configuration."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.domain.config import (
    AI_CATEGORIES,
    METHODS,
    NORMALIZERS,
    OBJECTIVES,
    REQUIREMENTS,
    Aggregation,
    Criterion,
    Quota,
    RoundConfig,
    SelectionRules,
    Track,
)
from reviewer.domain.config_toml import MAX_NUMBER, MAX_SEATS, parse_config
from reviewer.domain.config_writer import config_toml

SETTINGS = settings(max_examples=120, deadline=None)

# any text a round.toml string may hold once stripped: Korean, quotes, escapes, controls
texts = st.text(min_size=1, max_size=12).map(str.strip).filter(bool)
# every number round.toml accepts: finite and at most MAX_NUMBER in size
numbers = st.floats(min_value=-MAX_NUMBER, max_value=MAX_NUMBER, allow_nan=False, width=64)
unit = st.floats(min_value=0, max_value=1, allow_nan=False)
shares = st.one_of(
    st.fractions(min_value=0, max_value=1, max_denominator=1000),
    st.decimals(min_value=0, max_value=1, places=4).map(Fraction),
)


@st.composite
def criterion(draw: st.DrawFn, cid: str) -> Criterion:
    weight = draw(st.floats(min_value=0.001, max_value=1e6, allow_nan=False))
    name = draw(texts)
    if draw(st.booleans()):
        grades = draw(st.dictionaries(texts, unit, min_size=1, max_size=4))
        return Criterion(id=cid, name=name, weight=weight, min=0.0, max=1.0, grades=grades)
    low = draw(numbers.filter(lambda x: abs(x) < 1e12))
    high = low + draw(st.floats(min_value=1e-3, max_value=1e6, allow_nan=False))
    return Criterion(id=cid, name=name, weight=weight, min=low, max=high)


@st.composite
def rubric(draw: st.DrawFn, min_size: int = 0) -> tuple[Criterion, ...]:
    ids = draw(st.lists(texts, min_size=min_size, max_size=4, unique=True))
    return tuple(draw(criterion(cid)) for cid in ids)


@st.composite
def configs(draw: st.DrawFn) -> RoundConfig:
    default = draw(rubric())
    ids = draw(st.lists(texts, min_size=1, max_size=4, unique=True))
    names = draw(st.lists(texts, min_size=len(ids), max_size=len(ids), unique=True))
    tracks = tuple(
        Track(
            id=tid,
            name=name,
            seats=draw(st.integers(0, MAX_SEATS)),
            criteria=draw(rubric(min_size=1)) if not default or draw(st.booleans()) else default,
            budget=draw(st.none() | st.integers(0, 10**15)),
            linked=draw(st.booleans()),
            requires=tuple(draw(st.lists(st.sampled_from(REQUIREMENTS), unique=True))),
        )
        for tid, name in zip(ids, names, strict=True)
    )
    quota_names = draw(st.lists(texts, max_size=3, unique=True))
    quotas = []
    for name in quota_names:
        share = draw(shares)
        quotas.append(
            Quota(
                name=name,
                categories=frozenset(
                    draw(st.lists(st.sampled_from(AI_CATEGORIES), min_size=1, unique=True))
                ),
                tracks=tuple(draw(st.permutations(ids)))[: draw(st.integers(1, len(ids)))],
                scope=draw(st.sampled_from(("each", "combined"))),
                share=share,
                strict=share < 1 and draw(st.booleans()),
            )
        )
    known = sorted({c.id for c in default} | {c.id for t in tracks for c in t.criteria})
    return RoundConfig(
        name=draw(texts),
        year=draw(st.integers(2000, 9999)),
        tracks=tracks,
        criteria=default,
        quotas=tuple(quotas),
        cutoff=draw(numbers),
        min_reviews=draw(st.integers(1, 50)),
        decimals=draw(st.integers(0, 6)),
        region=draw(st.none() | texts),
        aggregation=Aggregation(
            method=draw(st.sampled_from(METHODS)),  # type: ignore[arg-type]
            trim_min_reviews=draw(st.integers(3, 50)),
            normalize=draw(st.sampled_from(NORMALIZERS)),  # type: ignore[arg-type]
            zscore_min_reviews=draw(st.integers(2, 50)),
            bonus_cap=draw(st.floats(min_value=0, max_value=1e6, allow_nan=False)),
            criterion_floor=draw(st.none() | unit),
        ),
        selection=SelectionRules(
            objective=tuple(draw(st.permutations(OBJECTIVES))),
            tie_break=tuple(draw(st.lists(st.sampled_from(known), max_size=3, unique=True))),
            seat_transfer=draw(st.booleans()),
        ),
    )


@SETTINGS
@given(configs())
def test_a_written_configuration_reads_back_equal(config: RoundConfig) -> None:
    text = config_toml(config)
    assert replace(parse_config(text), source="") == config


@SETTINGS
@given(shares)
def test_shares_are_written_exactly(share: Fraction) -> None:
    config = RoundConfig(
        name="r",
        year=2025,
        tracks=(Track(id="t", name="t", seats=1, criteria=(Criterion("c", "c", 1, max=1),)),),
        quotas=(Quota(name="q", categories=frozenset({"AI"}), tracks=("t",), share=share),),
    )
    assert parse_config(config_toml(config)).quotas[0].share == share
