"""Correcting a round from the command line: reviewers imported again. What changed is
said and audited with old and new values."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from tests.e2e.test_cli import (
    APP_HEADER,
    REVIEWERS,
    SCORE_HEADER,
    app_rows,
    run,
    score_rows,
    workbook,
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A round with six challenge applications, five reviewers and their scores."""
    path = tmp_path / "round.db"
    apps = workbook(tmp_path / "apps.xlsx", APP_HEADER, app_rows(), title="2025 신청 과제 목록")
    reviewers = workbook(
        tmp_path / "reviewers.xlsx", ("심사위원ID", "성명", "소속", "담당트랙"), REVIEWERS
    )
    scores = workbook(tmp_path / "scores.xlsx", SCORE_HEADER, score_rows(), sheet="점수")
    assert run("init", str(path))[0] == 0
    assert run("import", "applications", str(path), str(apps))[0] == 0
    assert run("import", "reviewers", str(path), str(reviewers))[0] == 0
    assert run("import", "scores", str(path), str(scores))[0] == 0
    return path


def audit(db: Path, action: str) -> list[tuple[str, dict[str, Any]]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT target, detail FROM audit_log WHERE action = ? ORDER BY id", (action,)
        ).fetchall()
    return [(target, json.loads(detail)) for target, detail in rows]


def column(db: Path, query: str) -> list[Any]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute(query)]


# -- reviewers imported again -----------------------------------------------------------------


def test_reviewers_imported_again_keep_what_the_file_lacks(db: Path, tmp_path: Path) -> None:
    names = workbook(
        tmp_path / "names.xlsx",
        ("심사위원ID", "성명", "이메일"),
        [["R1", "심사위원1", "r1@example.kr"], ["R2", "심사위원2", ""], ["R6", "새위원", ""]],
    )
    code, out, err = run("import", "reviewers", str(db), str(names))
    assert code == 0, err
    assert out.strip() == "added 1 reviewers, updated 1 (e-mail 1), 1 unchanged (names.xlsx)"
    assert column(db, "SELECT affiliation FROM reviewer ORDER BY id") == [
        *["서울대학교"] * 5,
        "",
    ]
    assert column(db, "SELECT reviewer_id FROM reviewer_track ORDER BY reviewer_id") == [
        f"R{i}" for i in range(1, 6)
    ]
    assert audit(db, "reviewer.update") == [
        ("R1", {"old": {"email": None}, "new": {"email": "r1@example.kr"}})
    ]


def test_a_blank_reviewer_cell_clears_and_is_audited(db: Path, tmp_path: Path) -> None:
    cleared = workbook(
        tmp_path / "cleared.xlsx",
        ("심사위원ID", "성명", "소속", "담당트랙"),
        [["R1", "심사위원1", "", "challenge"], ["R2", "심사위원2", "KIST", ""]],
    )
    out = io.StringIO()
    code = main(["--lang", "ko", "import", "reviewers", str(db), str(cleared)], out=out)
    assert code == 0
    assert out.getvalue().strip() == (
        "심사위원 0명 추가, 2명 갱신 (소속 2건, 담당트랙 1건), 0명 변경 없음 (cleared.xlsx)"
    )
    assert column(db, "SELECT affiliation FROM reviewer WHERE id IN ('R1', 'R2') ORDER BY id") == [
        "",
        "KIST",
    ]
    assert column(db, "SELECT track_id FROM reviewer_track WHERE reviewer_id = 'R2'") == []
    assert audit(db, "reviewer.update") == [
        ("R1", {"old": {"affiliation": "서울대학교"}, "new": {"affiliation": ""}}),
        (
            "R2",
            {
                "old": {"affiliation": "서울대학교", "tracks": ["challenge"]},
                "new": {"affiliation": "KIST", "tracks": []},
            },
        ),
    ]
