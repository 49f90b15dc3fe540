"""ICC(2,1) and Kendall's W against published worked examples, and the complete block."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from reviewer.domain.agreement import complete_block, icc_2_1, kendall_w, track_concordance
from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import RoundData

# Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
# reliability. Psychological Bulletin 86(2), 420–428, Table 2: 6 targets × 4 judges.
# The paper reports ICC(2,1) = .29 for these data (its ANOVA: BMS 11.24, JMS 32.49,
# EMS 1.02).
# Unrounded, by hand from those mean squares (11.2417, 32.4861, 1.0194):
# (11.2417 − 1.0194) / (11.2417 + 3·1.0194 + 4·(32.4861 − 1.0194)/6) = 0.28976.
SHROUT_FLEISS = (
    (9, 2, 5, 8),
    (6, 1, 3, 2),
    (8, 4, 6, 8),
    (7, 1, 2, 6),
    (10, 5, 6, 9),
    (6, 2, 4, 7),
)

# The `anxiety` data of the R package irr (Gamer et al.; also printed in the
# DescTools::KendallW documentation): 20 subjects × 3 raters, with many ties.
# Published values: psych::ICC(anxiety) "Single_random_raters ICC2 0.1979983";
# irr::kendall(anxiety, correct = TRUE) "Wt = 0.54", chi-squared(19) = 30.8 — and
# chi² = m(n − 1)W = 57·W, so W = 30.76 / 57 = 0.5397 to 3 decimals (the test below also
# checks the chi-square). By hand: rank-sum S = 3004, tie sum Σ(t³ − t) = 1674, so
# W = 12·3004 / (9·(8000 − 20) − 3·1674) = 36048 / 66798 = 0.53966.
_RATER1 = (3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3)
_RATER2 = (3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4)
_RATER3 = (2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2)
ANXIETY = tuple(zip(_RATER1, _RATER2, _RATER3, strict=True))


class TestICC21:
    def test_shrout_fleiss_table_2(self) -> None:
        value = icc_2_1(SHROUT_FLEISS)
        assert value is not None
        assert round(value, 2) == 0.29
        assert value == pytest.approx(0.28976, abs=5e-6)

    def test_irr_anxiety(self) -> None:
        assert icc_2_1(ANXIETY) == pytest.approx(0.1979983, abs=1e-7)

    def test_perfect_agreement_is_one(self) -> None:
        assert icc_2_1(((80, 80), (60, 60), (70, 70))) == 1.0

    def test_rater_offset_lowers_absolute_agreement(self) -> None:
        # Perfectly consistent, but B is 10 points harsher: absolute agreement < 1.
        # n = 3, k = 2; BMS = 2·200/2 = 200, JMS = 3·50 = 150, EMS = 0
        # ICC = 200 / (200 + 0 + 2·150/3) = 2/3
        value = icc_2_1(((80, 70), (60, 50), (70, 60)))
        assert value == pytest.approx(2 / 3, abs=1e-9)

    def test_not_computable(self) -> None:
        assert icc_2_1(((80, 70),)) is None
        assert icc_2_1(((80,), (70,))) is None
        assert icc_2_1(((80, 80), (80, 80))) is None
        with pytest.raises(ValueError):
            icc_2_1(((80, 70), (60,)))

    def test_row_order_does_not_matter(self) -> None:
        assert icc_2_1(SHROUT_FLEISS[::-1]) == icc_2_1(SHROUT_FLEISS)


class TestKendallW:
    def test_irr_anxiety_with_tie_correction(self) -> None:
        value = kendall_w(ANXIETY)
        assert value is not None
        assert round(value, 2) == 0.54
        assert round(3 * (20 - 1) * value, 1) == 30.8  # the published chi-square
        assert value == pytest.approx(36048 / 66798, abs=1e-9)

    def test_siegel_executives_ranking_applicants(self) -> None:
        # Siegel, S. (1956). Nonparametric Statistics for the Behavioral Sciences, ch. 9,
        # the Kendall coefficient of concordance W: three executives (m = 3) rank six
        # applicants (n = 6), no ties. R = 8, 14, 11, 11, 11, 8; mean 10.5; s = 25.5;
        # W = 25.5 / (m²(n³ − n)/12) = 25.5 / 157.5 = 0.162 (the book: W = .16).
        ranks = ((1, 1, 6), (6, 5, 3), (3, 6, 2), (2, 4, 5), (5, 2, 4), (4, 3, 1))
        value = kendall_w(ranks)
        assert value is not None
        assert round(value, 3) == 0.162
        assert value == pytest.approx(25.5 / 157.5, abs=1e-9)

    def test_shrout_fleiss_by_hand(self) -> None:
        # Columns ranked (mean ranks for ties): judge 1: 9 6 8 7 10 6 → 5, 1.5, 4, 3, 6, 1.5;
        # judge 2: 2 1 4 1 5 2 → 3.5, 1.5, 5, 1.5, 6, 3.5; judge 3: 5 3 6 2 6 4 → 4, 2,
        # 5.5, 1, 5.5, 3; judge 4: 8 2 8 6 9 7 → 4.5, 1, 4.5, 2, 6, 3.
        # R = 17, 6, 19, 7.5, 23.5, 11; centre 14; S = 9+64+25+42.25+90.25+9 = 239.5
        # ties: one pair for judges 1, 3 and 4, two for judge 2 → Σ(t³ − t) = 5·6 = 30
        # W = 12·239.5 / (4²·(216 − 6) − 4·30) = 2874 / 3240
        assert kendall_w(SHROUT_FLEISS) == pytest.approx(2874 / 3240, abs=1e-9)

    def test_perfect_and_reversed(self) -> None:
        assert kendall_w(((1, 1, 1), (2, 2, 2), (3, 3, 3))) == 1.0
        # two raters in opposite orders: every rank sum is n + 1 → W = 0
        assert kendall_w(((1, 3), (2, 2), (3, 1))) == 0.0

    def test_not_computable(self) -> None:
        assert kendall_w(((1, 2),)) is None
        assert kendall_w(((5, 5), (5, 5))) is None


@dataclass(frozen=True)
class Item:
    id: str
    track: str
    reviewer_totals: Mapping[str, float]


class TestCompleteBlock:
    def test_largest_exact_reviewer_set(self) -> None:
        items = [
            Item("a1", "t", {"A": 80, "B": 70, "C": 60}),
            Item("a2", "t", {"A": 70, "B": 60, "C": 50}),
            Item("b1", "t", {"D": 80, "E": 70}),
            Item("b2", "t", {"D": 70, "E": 60}),
            Item("b3", "t", {"D": 60, "E": 50}),
            Item("c1", "t", {"A": 80, "B": 70}),  # a subset of the first set: not folded in
            Item("s", "t", {"A": 90}),
        ]
        block = complete_block(items)
        # 2 × 3 = 6 cells against 3 × 2 = 6: the tie goes to more reviewers
        assert block is not None
        assert block.reviewers == ("A", "B", "C")
        assert block.applications == ("a1", "a2")
        assert block.matrix == ((80, 70, 60), (70, 60, 50))

    def test_ties_go_to_the_smaller_ids(self) -> None:
        items = [
            Item("x1", "t", {"E": 1, "F": 2}),
            Item("x2", "t", {"E": 2, "F": 3}),
            Item("y1", "t", {"B": 1, "C": 2}),
            Item("y2", "t", {"B": 2, "C": 3}),
        ]
        block = complete_block(items)
        assert block is not None
        assert block.reviewers == ("B", "C")

    def test_none_without_two_applications_sharing_reviewers(self) -> None:
        items = [Item("a", "t", {"A": 1, "B": 2}), Item("b", "t", {"A": 1, "C": 2})]
        assert complete_block(items) is None


RUBRIC = (Criterion(id="all", name="종합", weight=100, max=100),)


def test_track_concordance_per_track() -> None:
    config = RoundConfig(
        name="r",
        year=2025,
        tracks=(
            Track(id="t", name="t", seats=1, criteria=RUBRIC),
            Track(id="u", name="u", seats=1, criteria=RUBRIC),
        ),
    )
    data = RoundData(config=config, applications=())
    judges = ("J1", "J2", "J3", "J4")
    scored = {
        f"s{i}": Item(f"s{i}", "t", dict(zip(judges, row, strict=True)))
        for i, row in enumerate(SHROUT_FLEISS)
    }
    scored["lone"] = Item("lone", "t", {"J1": 5, "J9": 7})
    scored["u1"] = Item("u1", "u", {"J1": 5})
    t, u = track_concordance(data, scored)
    assert (t.track, t.applications, t.reviewers, t.rated) == ("t", 6, judges, 7)
    assert t.icc == icc_2_1(SHROUT_FLEISS)
    assert t.kendall_w == kendall_w(SHROUT_FLEISS)
    assert u == type(u)("u", None, None, 0, (), 0)
