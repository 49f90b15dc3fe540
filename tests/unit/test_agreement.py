"""ICC(2,1) and Kendall's W against published worked examples; ICC(2,1) of incomplete
designs by Henderson's Method III against an independent dense least-squares computation;
the complete block of Kendall's W."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.domain.agreement import (
    MAX_ENUMERATED_REVIEWERS,
    complete_block,
    icc_2_1,
    icc_2_1_incomplete,
    kendall_w,
    track_concordance,
    variance_components,
)
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


def _rows(matrix: Sequence[Sequence[float]]) -> list[dict[str, float]]:
    return [{f"J{j}": v for j, v in enumerate(row)} for row in matrix]


def _shrout_fleiss_truncated(matrix: Sequence[Sequence[float]]) -> float | None:
    """ICC(2,1) from the two-way ANOVA mean squares, with the components
    σ²_a = (BMS − EMS)/k and σ²_b = (JMS − EMS)/n truncated at 0."""
    y = np.asarray(matrix, dtype=float)
    n, k = y.shape
    grand = y.mean()
    rows_ss = k * float(np.sum((y.mean(axis=1) - grand) ** 2))
    columns_ss = n * float(np.sum((y.mean(axis=0) - grand) ** 2))
    error_ss = float(np.sum((y - grand) ** 2)) - rows_ss - columns_ss
    bms, jms, ems = rows_ss / (n - 1), columns_ss / (k - 1), error_ss / ((n - 1) * (k - 1))
    a, b = max((bms - ems) / k, 0.0), max((jms - ems) / n, 0.0)
    if a + b + ems <= 1e-9:
        return None
    return a / (a + b + ems)


def _dense_henderson(ratings: Sequence[Mapping[str, float]]) -> tuple[float, ...] | None:
    """Henderson's Method III the long way, independently of the module: dense design
    matrices, least squares for the full fit (μ, a, b) and the reduced fits (μ, a) and
    (μ, b), ranks for the degrees of freedom and the traces tr(Z_bᵀ M_a Z_b),
    tr(Z_aᵀ M_b Z_a) computed from the projections. (σ²_a, σ²_b, σ²_e, ICC) or None."""
    reviewers = sorted({r for row in ratings for r in row})
    cells = [(i, reviewers.index(r), v) for i, row in enumerate(ratings) for r, v in row.items()]
    big_n, n, k = len(cells), len(ratings), len(reviewers)
    y = np.array([v for _, _, v in cells], dtype=float)
    z_a = np.zeros((big_n, n))
    z_b = np.zeros((big_n, k))
    for row, (i, j, _) in enumerate(cells):
        z_a[row, i] = 1.0
        z_b[row, j] = 1.0
    ones = np.ones((big_n, 1))
    full = np.hstack([ones, z_a, z_b])
    with_a = np.hstack([ones, z_a])
    with_b = np.hstack([ones, z_b])

    def residual_ss(x: np.ndarray) -> float:
        beta = np.linalg.lstsq(x, y, rcond=None)[0]
        return float(np.sum((y - x @ beta) ** 2))

    def annihilator(x: np.ndarray) -> np.ndarray:
        return np.eye(big_n) - x @ np.linalg.pinv(x)

    rank = np.linalg.matrix_rank(full)
    df_e = big_n - rank
    if df_e <= 0:
        return None
    sse = residual_ss(full)
    r_b = residual_ss(with_a) - sse
    r_a = residual_ss(with_b) - sse
    df_b = rank - np.linalg.matrix_rank(with_a)
    df_a = rank - np.linalg.matrix_rank(with_b)
    trace_b = float(np.trace(z_b.T @ annihilator(with_a) @ z_b))
    trace_a = float(np.trace(z_a.T @ annihilator(with_b) @ z_a))
    e = sse / df_e
    b = max((r_b - df_b * e) / trace_b, 0.0)
    a = max((r_a - df_a * e) / trace_a, 0.0)
    if a + b + e <= 1e-9:
        return None
    return a, b, e, a / (a + b + e)


class TestICC21Incomplete:
    """Henderson, C. R. (1953). Estimation of variance and covariance components.
    Biometrics 9, 226–252 (Method III, fitting constants); Searle, Casella & McCulloch
    (1992), Variance Components, ch. 5."""

    def test_shrout_fleiss_table_2_as_a_design(self) -> None:
        value = icc_2_1_incomplete(_rows(SHROUT_FLEISS))
        assert value is not None and value == pytest.approx(0.28976, abs=5e-6)
        assert value == icc_2_1(SHROUT_FLEISS)
        parts = variance_components(_rows(SHROUT_FLEISS))
        # EMS 1.0194; σ²_a = (BMS − EMS)/k = (11.2417 − 1.0194)/4; σ²_b = (JMS − EMS)/n
        assert parts.residual == pytest.approx(1.019444, abs=1e-6)
        assert parts.application == pytest.approx((11.241667 - 1.019444) / 4, abs=1e-6)
        assert parts.reviewer == pytest.approx((32.486111 - 1.019444) / 6, abs=1e-6)
        assert (parts.observations, parts.components, parts.residual_df) == (24, 1, 15)

    def test_irr_anxiety_as_a_design(self) -> None:
        assert icc_2_1_incomplete(_rows(ANXIETY)) == pytest.approx(0.1979983, abs=1e-7)

    def test_hand_checked_incomplete_design(self) -> None:
        # Two 2×2 blocks linked by reviewer B: N = 8, n = 4, k = 3, c = 1, df_e = 2.
        # Each block's interaction residual is ±0.5 in its four cells: SSE = 2, σ²_e = 1.
        # SS within applications: 2 + 8 + 2 + 0 = 12 → R(b|μ,a) = 10;
        # SS within reviewers: A 2, B 10, C 8 = 20 → R(a|μ,b) = 18.
        # σ²_b = (10 − 2·1)/(8 − 4) = 2; σ²_a = (18 − 3·1)/(8 − 3) = 3; ICC = 3/6 = 0.5.
        ratings = [{"A": 8, "B": 6}, {"A": 6, "B": 2}, {"B": 5, "C": 7}, {"B": 3, "C": 3}]
        parts = variance_components(ratings)
        assert (parts.observations, parts.applications, parts.reviewers) == (8, 4, 3)
        assert (parts.components, parts.residual_df) == (1, 2)
        assert parts.residual == pytest.approx(1.0, abs=1e-12)
        assert parts.reviewer == pytest.approx(2.0, abs=1e-12)
        assert parts.application == pytest.approx(3.0, abs=1e-12)
        assert parts.icc == 0.5

    def test_disconnected_design_counts_its_components(self) -> None:
        # The same two blocks without the link (C for B in the second): c = 2, df_e = 2.
        ratings = [{"A": 8, "B": 6}, {"A": 6, "B": 2}, {"C": 5, "D": 7}, {"C": 3, "D": 3}]
        parts = variance_components(ratings)
        assert (parts.components, parts.residual_df) == (2, 2)
        expected = _dense_henderson(ratings)
        assert expected is not None and parts.icc == pytest.approx(expected[3], abs=1e-9)

    def test_negative_components_are_truncated(self) -> None:
        # Reviewers disagree more than applications differ: BMS < EMS gives σ²_a < 0,
        # truncated to 0, so ICC is 0 (Shrout & Fleiss's formula would be negative).
        matrix = ((1, 9), (9, 1), (5, 5))
        assert icc_2_1(matrix) is not None and icc_2_1(matrix) < 0  # type: ignore[operator]
        parts = variance_components(_rows(matrix))
        assert parts.application == 0.0 and parts.icc == 0.0

    def test_not_computable(self) -> None:
        # no residual degrees of freedom: 4 − 2 − 3 + 1 = 0
        parts = variance_components([{"A": 70, "B": 60}, {"A": 70, "C": 60}])
        assert (parts.residual_df, parts.icc) == (0, None)
        assert icc_2_1_incomplete([]) is None
        assert icc_2_1_incomplete([{"A": 70, "B": 70}, {"A": 70, "B": 70}]) is None
        with pytest.raises(ValueError, match="finite"):
            variance_components([{"A": 70, "B": float("nan")}, {"A": 70, "B": 60}])

    @settings(max_examples=150, deadline=None)
    @given(
        st.integers(2, 10).flatmap(
            lambda n: st.integers(2, 6).flatmap(
                lambda k: st.lists(
                    st.lists(st.integers(0, 100), min_size=k, max_size=k),
                    min_size=n,
                    max_size=n,
                )
            )
        )
    )
    def test_complete_matrix_is_shrout_fleiss(self, matrix: list[list[int]]) -> None:
        value = icc_2_1_incomplete(_rows(matrix))
        expected = _shrout_fleiss_truncated(matrix)
        if expected is None:
            assert value is None
            return
        assert value == pytest.approx(expected, abs=1e-8)
        reference = icc_2_1(matrix)
        parts = variance_components(_rows(matrix))
        if parts.application > 0 and parts.reviewer > 0 and reference is not None:
            assert value == pytest.approx(reference, abs=1e-8)

    @settings(max_examples=200, deadline=None)
    @given(
        st.integers(2, 12).flatmap(
            lambda n: st.integers(2, 6).flatmap(
                lambda k: st.lists(
                    st.lists(
                        st.one_of(st.none(), st.integers(0, 100)), min_size=k, max_size=k
                    ).filter(lambda row: sum(v is not None for v in row) >= 2),
                    min_size=n,
                    max_size=n,
                )
            )
        )
    )
    def test_incomplete_design_matches_dense_least_squares(
        self, grid: list[list[int | None]]
    ) -> None:
        ratings = [{f"R{j}": v for j, v in enumerate(row) if v is not None} for row in grid]
        expected = _dense_henderson(ratings)
        parts = variance_components(ratings)
        if expected is None:
            assert parts.icc is None
            return
        a, b, e, icc = expected
        assert parts.icc is not None
        assert parts.icc == pytest.approx(icc, abs=1e-8)
        assert parts.application == pytest.approx(a, abs=1e-7)
        assert parts.reviewer == pytest.approx(b, abs=1e-7)
        assert parts.residual == pytest.approx(e, abs=1e-7)


@dataclass(frozen=True)
class Item:
    id: str
    track: str
    reviewer_totals: Mapping[str, float]


class TestCompleteBlock:
    def test_superset_applications_are_folded_in(self) -> None:
        items = [
            Item("a1", "t", {"A": 80, "B": 70, "C": 60}),
            Item("a2", "t", {"A": 70, "B": 60, "C": 50}),
            Item("c1", "t", {"A": 75, "B": 65}),
            Item("c2", "t", {"A": 65, "B": 55}),
            Item("b1", "t", {"D": 80, "E": 70}),
            Item("b2", "t", {"D": 70, "E": 60}),
            Item("b3", "t", {"D": 60, "E": 50}),
            Item("s", "t", {"A": 90}),
        ]
        block = complete_block(items)
        # {A, B}: a1, a2 (supersets, their C left out), c1, c2 → 4 × 2 = 8 cells, more
        # than {D, E} (3 × 2) or {A, B, C} (2 applications: too few)
        assert block is not None
        assert block.reviewers == ("A", "B")
        assert block.applications == ("a1", "a2", "c1", "c2")
        assert block.matrix == ((80, 70), (70, 60), (75, 65), (65, 55))

    def test_at_least_three_applications(self) -> None:
        five = {r: 50.0 for r in "ABCDE"}
        items = [
            Item("x1", "t", five),
            Item("x2", "t", five),
            Item("y1", "t", {"F": 1, "G": 2}),
            Item("y2", "t", {"F": 2, "G": 3}),
            Item("y3", "t", {"F": 3, "G": 1}),
        ]
        block = complete_block(items)
        assert block is not None and block.reviewers == ("F", "G")

    def test_ties_go_to_more_reviewers_then_smaller_ids(self) -> None:
        four = {r: 1.0 for r in "ABCD"}
        items = [Item(f"w{i}", "t", four) for i in range(3)]  # 3 × 4 = 12 cells
        items += [Item(f"v{i}", "t", {"X": i, "Y": i}) for i in range(6)]  # 6 × 2 = 12
        block = complete_block(items)
        assert block is not None and block.reviewers == ("A", "B", "C", "D")
        items = [Item(f"x{i}", "t", {"E": i, "F": i + 1}) for i in range(3)]
        items += [Item(f"y{i}", "t", {"B": i, "C": i + 1}) for i in range(3)]
        block = complete_block(items)
        assert block is not None and block.reviewers == ("B", "C")

    def test_the_order_of_the_applications_does_not_matter(self) -> None:
        rng = random.Random(3)
        pool = "ABCDEFG"
        items = [
            Item(f"a{i:02d}", "t", {r: float(rng.randint(0, 100)) for r in rng.sample(pool, 4)})
            for i in range(40)
        ]
        block = complete_block(items)
        assert block is not None
        for _ in range(5):
            rng.shuffle(items)
            assert complete_block(items) == block
        # the block is every application containing its reviewers, and no larger block
        members = [s for s in items if set(block.reviewers) <= set(s.reviewer_totals)]
        assert len(block.applications) == len(members) >= 3

    def test_an_application_with_very_many_reviewers(self) -> None:
        many = [f"R{i:02d}" for i in range(MAX_ENUMERATED_REVIEWERS + 4)]
        big = {r: 50.0 for r in many}
        # one large application folded into the block of two small ones
        items = [
            Item("s1", "t", {"R00": 60, "R01": 70}),
            Item("s2", "t", {"R00": 65, "R01": 75}),
            Item("big", "t", big),
        ]
        block = complete_block(items)
        assert block is not None
        assert (block.reviewers, block.applications) == (("R00", "R01"), ("big", "s1", "s2"))
        # three large applications with the same set: their own set is a candidate
        items = [Item(f"b{i}", "t", big) for i in range(3)]
        block = complete_block(items)
        assert block is not None and block.reviewers == tuple(many)

    @settings(max_examples=200, deadline=None)
    @given(
        st.lists(
            st.sets(st.sampled_from("ABCDE"), min_size=1, max_size=5),
            min_size=0,
            max_size=12,
        )
    )
    def test_the_block_is_the_best_over_every_reviewer_set(self, panels: list[set[str]]) -> None:
        # brute force: every set of two or more of the reviewers, every application
        # containing it; most cells, then more reviewers, then the smaller ids
        items = [
            Item(f"a{i:02d}", "t", {r: float(i + ord(r)) for r in sorted(panel)})
            for i, panel in enumerate(panels)
        ]
        best: tuple[int, int, tuple[str, ...]] | None = None
        for size in range(2, 6):
            for reviewers in combinations("ABCDE", size):
                count = sum(1 for p in panels if len(p) >= 2 and set(reviewers) <= p)
                if count < 3:
                    continue
                key = (-count * size, -size, reviewers)
                if best is None or key < best:
                    best = key
        block = complete_block(items)
        if best is None:
            assert block is None
            return
        assert block is not None and block.reviewers == best[2]
        assert block.applications == tuple(
            s.id for s in items if set(best[2]) <= set(s.reviewer_totals)
        )

    def test_none_without_three_applications_sharing_two_reviewers(self) -> None:
        items = [
            Item("a", "t", {"A": 1, "B": 2}),
            Item("b", "t", {"A": 1, "B": 2, "C": 2}),
            Item("c", "t", {"A": 1, "C": 2}),
        ]
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
    # ICC over all seven applications and five reviewers; W over the 6 × 4 block
    ratings = [scored[key].reviewer_totals for key in sorted(scored) if key != "u1"]
    assert (t.track, t.icc_applications, t.icc_reviewers) == ("t", 7, (*judges, "J9"))
    assert t.icc == icc_2_1_incomplete(ratings)
    assert (t.w_applications, t.w_reviewers, t.rated) == (6, judges, 7)
    assert t.kendall_w == kendall_w(SHROUT_FLEISS)
    assert (u.icc, u.kendall_w, u.icc_applications, u.w_applications, u.w_reviewers) == (
        None,
        None,
        0,
        0,
        (),
    )
