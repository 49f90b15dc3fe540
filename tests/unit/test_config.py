"""round.toml parsing and validation (DESIGN §5)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from reviewer.domain.config import Quota, TextLimits
from reviewer.domain.config_toml import load_config, parse_config
from reviewer.errors import ConfigError
from reviewer.resources import read_text, template_path

MINIMAL = """
[round]
name = "회차"
year = 2025

[[criteria]]
id = "tech"
name = "기술성"
weight = 60
min = 0
max = 60

[[criteria]]
id = "biz"
name = "사업성"
weight = 40

[[tracks]]
id = "a"
name = "트랙 A"
seats = 3

[[tracks]]
id = "b"
name = "트랙 B"
seats = 2
linked = true
"""


def test_template_is_seoul_2025() -> None:
    config = load_config(str(template_path()))
    assert config.year == 2025
    assert config.track_ids == (
        "pre-rnd",
        "challenge",
        "tips",
        "kibo",
        "testbed",
        "weak-tech",
        "reg-break",
    )
    assert {t.id for t in config.tracks if t.linked} == {"tips", "kibo"}
    assert sum(c.weight for c in config.criteria) == 100
    linked, overall = config.quotas
    assert (linked.scope, linked.tracks, linked.share, linked.strict) == (
        "each",
        ("tips", "kibo"),
        Fraction(3, 10),
        False,
    )
    assert (overall.scope, overall.share, overall.strict) == ("combined", Fraction(1, 2), True)
    assert len(overall.tracks) == 7
    tips = config.track("tips")
    assert tips is not None and tips.requires == ("investment_commitment",)
    policy = tips.criterion("정책부합성")
    assert policy is not None and policy.normalise("우수") == 0.8
    assert tips.criterion("invest") is not None
    assert config.source == read_text("templates", "seoul-2025.toml")


def test_defaults() -> None:
    config = parse_config(MINIMAL)
    assert (config.cutoff, config.min_reviews, config.decimals) == (70, 3, 2)
    agg = config.aggregation
    assert (agg.method, agg.trim_min_reviews, agg.normalize, agg.bonus_cap) == (
        "trimmed",
        5,
        "none",
        5,
    )
    assert agg.criterion_floor is None
    assert config.selection.objective == ("fill", "quota", "score")
    assert config.selection.tie_break == ()
    biz = config.criteria[1]
    assert (biz.min, biz.max) == (0, 40)  # max defaults to the weight
    assert config.tracks[0].criteria == config.criteria


def test_track_lookup_by_id_or_name() -> None:
    config = parse_config(MINIMAL)
    assert config.track("a") is config.tracks[0]
    assert config.track("트랙 B") is config.tracks[1]
    assert config.track("트랙b") is config.tracks[1]
    assert config.track("c") is None


def test_normalise_numeric_scale() -> None:
    criterion = parse_config(MINIMAL.replace("min = 0\nmax = 60", "min = 1\nmax = 5")).criteria[0]
    assert criterion.normalise(1) == 0
    assert criterion.normalise(5) == 1
    assert criterion.normalise(4) == 0.75


@pytest.mark.parametrize(
    ("share", "strict", "n", "required"),
    [
        (Fraction(3, 10), False, 10, 3),
        (Fraction(3, 10), False, 11, 4),
        (Fraction(3, 10), False, 0, 0),
        (Fraction(1, 2), True, 10, 6),
        (Fraction(1, 2), True, 11, 6),
        (Fraction(1, 2), False, 11, 6),
        (Fraction(1, 2), True, 0, 0),
        (Fraction(1, 2), True, 1, 1),
        (Fraction(0), False, 5, 0),
        (Fraction(1), False, 5, 5),
    ],
)
def test_quota_required_uses_exact_fractions(
    share: Fraction, strict: bool, n: int, required: int
) -> None:
    quota = Quota("q", frozenset({"AI"}), ("a",), "combined", share, strict)
    assert quota.required(n) == required


def test_share_is_an_exact_fraction() -> None:
    config = parse_config(MINIMAL + '\n[[quotas]]\nname = "q"\nmin_share = 0.3\n')
    assert config.quotas[0].share == Fraction(3, 10)
    assert config.quotas[0].required(10) == 3  # 0.3 * 10 in binary is 3.0000000000000004


BAD = [
    ('[[quotas]]\nname = "q"\ntracks = ["zzz"]\nmin_share = 0.3\n', "unknown track zzz"),
    ('[[quotas]]\nname = "q"\nmin_share = 1.5\n', "between 0 and 1"),
    ('[[quotas]]\nname = "q"\nmin_share = -0.1\n', "between 0 and 1"),
    ('[[quotas]]\nname = "q"\ncategories = ["ML"]\nmin_share = 0.3\n', "categories"),
    ('[[quotas]]\nname = "q"\nscope = "some"\nmin_share = 0.3\n', "scope"),
    ('[selection]\ntie_break = ["design"]\n', "tie-break criterion design"),
    ('[selection]\nobjective = ["fill", "score"]\n', "objective"),
    ('[aggregation]\nmethod = "max"\n', "method"),
    ("[aggregation]\ncriterion_floor = 2\n", "between 0 and 1"),
]


@pytest.mark.parametrize(("extra", "needle"), BAD)
def test_bad_configs_are_refused_with_a_message(extra: str, needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(MINIMAL + "\n" + extra, filename="round.toml")
    message = info.value.message("en")
    assert needle in message
    assert message.startswith("round.toml")
    assert info.value.exit_code == 3
    assert info.value.message("ko")  # a Korean message exists too


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("weight = 60", "weight = 0", "weight must be above 0"),
        ("weight = 60", "weight = -5", "weight must be above 0"),
        ("min = 0\nmax = 60", "min = 60\nmax = 60", "min 60.0 must be below max 60.0"),
        ("min = 0\nmax = 60", "min = 5\nmax = 1", "must be below max"),
        ("seats = 3", "seats = -1", "seats must be at least 0"),
        ("seats = 3", 'seats = "three"', "seats must be a whole number"),
        ('id = "b"', 'id = "a"', "track a appears twice"),
        ("year = 2025", "", "year is missing"),
    ],
)
def test_bad_values_are_refused(old: str, new: str, needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(MINIMAL.replace(old, new, 1))
    assert needle in info.value.message("en")


def test_syntax_error_names_the_file() -> None:
    with pytest.raises(ConfigError) as info:
        parse_config("[round\nname=", filename="bad.toml")
    assert info.value.message("en").startswith("bad.toml: TOML syntax error")


def test_no_tracks() -> None:
    with pytest.raises(ConfigError, match="at least one track"):
        parse_config('[round]\nname = "x"\nyear = 2025\n')


def test_linked_quota_without_linked_tracks() -> None:
    text = (
        MINIMAL.replace("linked = true", "")
        + '\n[[quotas]]\nname = "q"\ntracks = "linked"\nmin_share = 0.3\n'
    )
    with pytest.raises(ConfigError, match="no track is linked"):
        parse_config(text)


def test_graded_criterion_values_must_be_fractions() -> None:
    text = MINIMAL.replace("weight = 40\n", 'weight = 40\ngrades = { "A" = 1.0, "B" = 1.5 }\n')
    with pytest.raises(ConfigError, match="grade B"):
        parse_config(text)


def test_missing_file() -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config("/nonexistent/round.toml")


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("seats = 2\n", "seats = 2\nbudjet = 100\n", "unknown setting budjet"),
        ("year = 2025\n", "year = 2025\ncutof = 60\n", "unknown setting cutof"),
        ("weight = 40\n", "weight = 40\nmaximum = 40\n", "unknown setting maximum"),
    ],
)
def test_misspelt_keys_are_refused(old: str, new: str, needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(MINIMAL.replace(old, new, 1))
    assert needle in info.value.message("en")


def test_misspelt_quota_key_is_refused() -> None:
    text = MINIMAL + '\n[[quotas]]\nname = "q"\nmin_share = 0.3\nstirct = true\n'
    with pytest.raises(ConfigError, match="unknown setting stirct"):
        parse_config(text)


QUOTA = '\n[[quotas]]\nname = "q"\nmin_share = 0.3\n'
TRACK_RUBRIC = '\n[[tracks.criteria]]\nid = "own"\nname = "자체"\nweight = 100\n'


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("colour = 1\n" + MINIMAL, "round.toml"),
        (MINIMAL.replace("year = 2025\n", "year = 2025\ncutof = 60\n"), "[round]"),
        (MINIMAL + "\n[aggregation]\nmethd = 'mean'\n", "[aggregation]"),
        (MINIMAL + "\n[selection]\nseat_tranfer = true\n", "[selection]"),
        (MINIMAL.replace("weight = 40\n", "weight = 40\nmaximum = 40\n"), "[[criteria]] #2 (biz)"),
        (MINIMAL.replace("seats = 2\n", "seats = 2\nbudjet = 100\n"), "[[tracks]] (b)"),
        (MINIMAL + TRACK_RUBRIC + "scael = 5\n", "[[tracks]] (b) criteria #1 (own)"),
        (
            MINIMAL + TRACK_RUBRIC + 'grades = { "A" = 1.0, "B" = { value = 0.5 } }\n',
            "[[tracks]] (b) criteria #1 (own)",
        ),
        (MINIMAL + QUOTA + "stirct = true\n", "[[quotas]] (q)"),
    ],
    ids=[
        "top",
        "round",
        "aggregation",
        "selection",
        "criteria",
        "tracks",
        "tracks.criteria",
        "grades",
        "quotas",
    ],
)
def test_every_section_refuses_what_it_does_not_know(text: str, where: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text, filename="round.toml")
    message = info.value.message("en")
    assert message.startswith(f"round.toml, column {where}: "), message
    assert info.value.exit_code == 3


@pytest.mark.parametrize(
    ("written", "share"),
    [
        ('"1/3"', Fraction(1, 3)),
        ('" 2/3 "', Fraction(2, 3)),
        ('" 1 / 3 "', Fraction(1, 3)),
        ('"0.3"', Fraction(3, 10)),
        ('"1"', Fraction(1)),
        ("0.3", Fraction(3, 10)),
        ("0", Fraction(0)),
        ("1", Fraction(1)),
    ],
)
def test_shares_are_exact_fractions_also_when_written_as_text(
    written: str, share: Fraction
) -> None:
    config = parse_config(MINIMAL + f'\n[[quotas]]\nname = "q"\nmin_share = {written}\n')
    assert config.quotas[0].share == share
    assert isinstance(config.quotas[0].share, Fraction)


def test_a_third_as_text_requires_exactly_a_third() -> None:
    config = parse_config(MINIMAL + '\n[[quotas]]\nname = "q"\nmin_share = "1/3"\n')
    assert [config.quotas[0].required(n) for n in (3, 4, 6, 7)] == [1, 2, 2, 3]


@pytest.mark.parametrize(
    ("written", "needle"),
    [
        ("true", "must be a number in 0..1"),
        ("false", "must be a number in 0..1"),
        ("nan", "must be a number in 0..1"),
        ("inf", "must be a number in 0..1"),
        ("-inf", "must be a number in 0..1"),
        ('"a third"', "must be a number in 0..1"),
        ('"1/0"', "must be a number in 0..1"),
        ('""', "must be a number in 0..1"),
        ("[0.3]", "must be a number in 0..1"),
        ('"4/3"', "between 0 and 1 (got 4/3)"),
        ('"-0.1"', "between 0 and 1"),
        ("1.5", "between 0 and 1"),
    ],
)
def test_a_share_that_is_not_a_number_in_0_to_1_is_refused(written: str, needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(MINIMAL + f'\n[[quotas]]\nname = "q"\nmin_share = {written}\n')
    assert needle in info.value.message("en")
    assert "min_share" in info.value.message("ko")


def test_a_missing_share_is_refused() -> None:
    with pytest.raises(ConfigError, match="min_share is missing"):
        parse_config(MINIMAL + '\n[[quotas]]\nname = "q"\n')


@pytest.mark.parametrize("written", ["1", "1.0", '"1/1"', '"1"'])
def test_strict_with_a_share_of_one_can_never_be_met(written: str) -> None:
    text = MINIMAL + f'\n[[quotas]]\nname = "전부"\nmin_share = {written}\nstrict = true\n'
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    assert "quota 전부: strict = true with min_share = 1 can never be met" in info.value.message(
        "en"
    )
    assert parse_config(text.replace("strict = true", "strict = false")).quotas[0].share == 1


LIMITS = TextLimits(round_name=10, track_id=4, track_name=8, criterion_id=4, criterion_name=6)


@pytest.mark.parametrize(
    ("old", "new", "where", "key"),
    [
        ('name = "회차"', 'name = "' + "가" * 11 + '"', "[round]", "name"),
        ('id = "b"', 'id = "bbbbb"', "[[tracks]] #2", "id"),
        ('name = "트랙 B"', 'name = "트랙 B 아주 긴 이름"', "[[tracks]] (b)", "name"),
        ('id = "tech"', 'id = "techn"', "[[criteria]] #1", "id"),
        ('name = "기술성"', 'name = "기술성 (혁신성)"', "[[criteria]] #1 (tech)", "name"),
    ],
)
def test_names_longer_than_the_database_holds_are_refused(
    old: str, new: str, where: str, key: str
) -> None:
    text = MINIMAL.replace(old, new, 1)
    parse_config(text)  # without limits (opening a stored round) nothing is refused
    with pytest.raises(ConfigError) as info:
        parse_config(text, limits=LIMITS)
    message = info.value.message("en")
    assert message.startswith(f"round.toml, column {where}: {key} is longer than"), message
    assert info.value.exit_code == 3


def test_names_at_the_limit_are_accepted() -> None:
    text = MINIMAL.replace('id = "b"', 'id = "bbbb"').replace(
        'name = "회차"', 'name = "가나다라마바사아자차"'
    )
    config = parse_config(text, limits=LIMITS)
    assert config.tracks[1].id == "bbbb"
    assert len(config.name) == 10


TEMPLATE = read_text("templates", "seoul-2025.toml")


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("cutoff = 70", "cutoff = nan", "cutoff"),
        ("cutoff = 70", "cutoff = inf", "cutoff"),
        ("bonus_cap = 5", "bonus_cap = inf", "bonus_cap"),
        ("weight = 40", "weight = -inf", "weight"),
        ("max = 40", "max = nan", "max"),
    ],
)
def test_non_finite_numbers_are_refused(old: str, new: str, where: str) -> None:
    text = TEMPLATE.replace(old, new, 1)
    assert text != TEMPLATE
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    assert info.value.key == "config.not_finite"
    assert where in info.value.message("en")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("seats = 50", "seats = 9999999999999999999"),
        ("budget = 5000000000", "budget = 99999999999999999999"),
        ("cutoff = 70", "cutoff = 1e300"),
        ("decimals = 2", "decimals = 400"),
        ("year = 2025", "year = 20250"),
    ],
)
def test_numbers_too_large_for_the_rules_or_the_database_are_refused(old: str, new: str) -> None:
    text = TEMPLATE.replace(old, new, 1)
    assert text != TEMPLATE
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    assert info.value.key in ("config.too_large", "config.syntax")


def test_comment_bounds_default_to_60_and_95() -> None:
    config = parse_config(MINIMAL)
    assert (config.comment_below, config.comment_above) == (60.0, 95.0)
    template = load_config(str(template_path()))
    assert (template.comment_below, template.comment_above) == (60.0, 95.0)


def test_comment_bounds_are_read_and_written_back() -> None:
    from reviewer.domain.config_writer import config_toml

    text = MINIMAL.replace("[round]\n", "[round]\ncomment_below = 50\ncomment_above = 97.5\n", 1)
    config = parse_config(text)
    assert (config.comment_below, config.comment_above) == (50.0, 97.5)
    again = parse_config(config_toml(config))
    assert (again.comment_below, again.comment_above) == (50.0, 97.5)
    assert "comment_below" not in config_toml(parse_config(MINIMAL))


@pytest.mark.parametrize(
    ("lines", "needle"),
    [
        ("comment_below = -1", "comment_below must be a total between 0 and 100 (got -1)"),
        ("comment_above = 101", "comment_above must be a total between 0 and 100 (got 101)"),
        ("comment_below = 90\ncomment_above = 80", "comment_below (90) cannot be above"),
        ('comment_below = "60"', "comment_below"),
    ],
)
def test_bad_comment_bounds_are_refused(lines: str, needle: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(MINIMAL.replace("[round]\n", f"[round]\n{lines}\n", 1))
    assert needle in caught.value.message("en")
    assert caught.value.message("ko")
