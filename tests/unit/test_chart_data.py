"""The figures behind the charts of a recorded run: bins split by what became of the
applications, the cutoff and selection lines, the quota gauges and the displacement gaps."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal as D

import pytest

from reviewer.domain.chart_data import chart_data
from reviewer.domain.config import Criterion, RoundConfig, Track
from reviewer.domain.model import Application, Explanation, RoundData, Status, TrackOutcome
from reviewer.domain.recorded import RecordedApplication, RecordedQuota, RecordedRun
from reviewer.domain.reviewer_statistics import reviewer_statistics

RUBRIC = (Criterion(id="all", name="종합", weight=100, max=100),)
CONFIG = RoundConfig(
    name="r",
    year=2025,
    cutoff=70,
    tracks=(
        Track(id="t", name="트랙 T", seats=2, criteria=RUBRIC),
        Track(id="u", name="트랙 U", seats=1, criteria=RUBRIC),
    ),
)


def _app(
    app_id: str, track: str, final: str | None, rank: int | None, status: Status, **kw: object
) -> RecordedApplication:
    return RecordedApplication(
        id=app_id,
        track=track,
        ai_category="none",
        reviews=3,
        final=None if final is None else D(final),
        rank=rank,
        status=status,
        **kw,  # type: ignore[arg-type]
    )


APPS = (
    _app("a", "t", "90.00", 1, Status.SELECTED),
    _app(
        "b",
        "t",
        "85.00",
        2,
        Status.DISPLACED_BY_QUOTA,
        explanation=Explanation("displaced_by", "AI", (("c", D("80.50")),), D("4.50")),
    ),
    _app(
        "c",
        "t",
        "80.50",
        3,
        Status.SELECTED_BY_QUOTA,
        explanation=Explanation("selected_over", "AI", (("b", D("85.00")),), D("-4.50")),
    ),
    _app("d", "t", "70.00", 4, Status.NOT_SELECTED),  # on the cutoff: passed
    _app("e", "t", "69.99", 5, Status.BELOW_CUTOFF),
    _app("f", "t", None, None, Status.INELIGIBLE),
    _app("g", "u", "75.00", 1, Status.SELECTED),
    _app(
        "h",
        "u",
        "72.00",
        2,
        Status.SELECTED_BY_QUOTA,
        explanation=Explanation("selected_over", "AI", (("z", D("74.00")),), D("-2.00")),
    ),
)
RUN = RecordedRun(
    digest="0" * 64,
    created_at=datetime(2025, 1, 1, tzinfo=UTC),
    applications={a.id: a for a in APPS},
    quotas=(RecordedQuota("AI", None, ("t", "u"), 2, 2, 0),),
    tracks=(TrackOutcome("t", 2, 2, None, 0), TrackOutcome("u", 1, 2, None, 0)),
    boundary_ties=(),
    selected=4,
    shortfall=0,
    total_score=D("317.50"),
)
DATA = RoundData(
    config=CONFIG,
    applications=tuple(Application(a.id, a.track, "title", "co") for a in APPS),
)


def _charts(**kw: object):  # type: ignore[no-untyped-def]
    return chart_data(DATA, RUN, reviewer_statistics(DATA, RUN.applications), **kw)  # type: ignore[arg-type]


def test_bins_split_by_status_with_edges_in_the_upper_bin() -> None:
    t = _charts().distribution("t")
    assert t is not None
    assert (t.applications, t.ranked, t.cutoff, t.bin_size) == (6, 5, D(70), D(5))
    # 69.99 → [65, 70); 70.00 → [70, 75); 80.50 → [80, 85); 85.00 → [85, 90); 90 → [90, 95)
    assert [(b.low, b.high) for b in t.bins] == [
        (D(65), D(70)),
        (D(70), D(75)),
        (D(75), D(80)),
        (D(80), D(85)),
        (D(85), D(90)),
        (D(90), D(95)),
    ]
    assert [(b.selected, b.passed, b.below) for b in t.bins] == [
        (0, 0, 1),
        (0, 1, 0),
        (0, 0, 0),
        (1, 0, 0),
        (0, 1, 0),
        (1, 0, 0),
    ]
    assert sum(b.count for b in t.bins) == t.ranked
    assert t.selection_line == D("80.50")  # the lowest selected final, by quota too


def test_a_track_without_a_selection_has_no_selection_line() -> None:
    only_below = RecordedRun(**{**RUN.__dict__, "applications": {"e": APPS[4]}})
    figures = chart_data(DATA, only_below, reviewer_statistics(DATA, {}))
    t = figures.distribution("t")
    u = figures.distribution("u")
    assert t is not None and t.selection_line is None
    assert u is not None and (u.ranked, sum(b.count for b in u.bins)) == (0, 0)
    assert u.bins[0].low == D(70)  # an empty track still shows the cutoff's bin


def test_gaps_pair_each_displacement_once() -> None:
    gaps = _charts().gaps
    # b is displaced for c (4.50); c names b, already paired; h names z (not displaced
    # in the run) and appears with the sign turned: 74.00 − 72.00
    assert [(g.track, g.displaced, g.selected, g.gap) for g in gaps] == [
        ("t", "b", "c", D("4.50")),
        ("u", "z", "h", D("2.00")),
    ]
    assert (gaps[0].displaced_final, gaps[0].selected_final, gaps[0].quota) == (
        D("85.00"),
        D("80.50"),
        "AI",
    )
    figures = _charts()
    assert [g.displaced for g in figures.gaps_of("u")] == ["z"]


def test_quotas_and_severity_order() -> None:
    figures = _charts()
    assert [(q.name, q.required, q.achieved) for q in figures.quotas] == [("AI", 2, 2)]
    assert figures.quotas_of("t") == figures.quotas_of("u") == figures.quotas
    assert figures.quotas_of("w") == ()
    severity = [r.severity for r in figures.severity(None)]
    assert severity == sorted(severity)


def test_bad_bin_size() -> None:
    with pytest.raises(ValueError, match="bin size"):
        _charts(bin_size=D(0))


def test_note_lines_break_at_spaces_within_the_width() -> None:
    from reviewer.exchange.reports.workbook.ranking import note_lines

    assert note_lines("aa bb cc", 5) == ["aa bb", "cc"]
    assert note_lines("가나 다라", 4) == ["가나", "다라"]  # a syllable is two columns
    assert note_lines("toolongword x", 4) == ["toolongword", "x"]
    assert note_lines("", 4) == []


def test_a_criterion_floor_failure_has_its_own_segment() -> None:
    # 78.00 at or above the cutoff but below the cutoff status: a criterion floor failed
    floored = _app("k", "t", "78.00", 5, Status.BELOW_CUTOFF)
    run = RecordedRun(**{**RUN.__dict__, "applications": {**RUN.applications, "k": floored}})
    t = chart_data(DATA, run, reviewer_statistics(DATA, {})).distribution("t")
    assert t is not None
    segments = {b.low: (b.selected, b.passed, b.below, b.floor) for b in t.bins}
    assert segments[D(75)] == (0, 0, 0, 1)  # not "below the cutoff"
    assert segments[D(65)] == (0, 0, 1, 0)  # 69.99 stays below the cutoff
    assert sum(b.count for b in t.bins) == t.ranked


def test_the_runs_own_configuration_gives_the_cutoff_and_tracks() -> None:
    # the round's configuration changed after the run: cutoff 80, track "u" renamed
    now = RoundConfig(
        name="r",
        year=2025,
        cutoff=80,
        tracks=(
            Track(id="t", name="트랙 T", seats=2, criteria=RUBRIC),
            Track(id="u", name="새 이름", seats=1, criteria=RUBRIC),
        ),
    )
    changed = RoundData(config=now, applications=DATA.applications[:3])  # some removed
    figures = chart_data(changed, RUN, reviewer_statistics(DATA, {}), config=CONFIG)
    t, u = figures.distribution("t"), figures.distribution("u")
    assert t is not None and u is not None
    assert figures.cutoff == t.cutoff == D(70)
    assert u.name == "트랙 U"
    assert (t.applications, u.applications) == (6, 2)  # as the run recorded them
    # without the run's configuration: the current one
    assert chart_data(changed, RUN, reviewer_statistics(DATA, {})).cutoff == D(80)
