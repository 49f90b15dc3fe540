"""The terminal summary lines up Korean and English columns."""

from __future__ import annotations

from reviewer.services.summary import display_width, summary_lines

DOCUMENT = {
    "round": "회차",
    "objective": {"selected": 1, "shortfall": 0, "total_score": 80.5},
    "applications": [
        {"id": "A", "track": "tips", "status": "selected"},
        {"id": "B", "track": "tips", "status": "below_cutoff"},
    ],
    "quotas": [{"name": "AI 과반", "track": None, "required": 1, "achieved": 1, "shortfall": 0}],
    "tracks": [{"id": "tips", "seats": 3, "selected": 1, "budget_used": 400_000_000}],
    "boundary_ties": [],
}


def test_display_width_counts_hangul_as_two() -> None:
    assert display_width("트랙") == 4
    assert display_width("tips") == 4


def test_columns_line_up_in_korean() -> None:
    lines = summary_lines(DOCUMENT, "ko")
    header, row = lines[2], lines[3]
    assert header.startswith("트랙")
    assert row.startswith("tips")
    assert display_width(header) == display_width(row)
    assert row.endswith("400,000,000")
    assert "필요 1, 달성 1, 부족 0" in lines[-1]
