"""Correcting a round from the command line: ``import applications --update`` and
reviewers imported again. What changed is said, audited with old and new values, and
makes the selection run stale; bad corrections exit 3 and write nothing."""

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
    _bytes,
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


# -- applications corrected ---------------------------------------------------------------------


def test_update_corrects_audits_and_makes_the_run_stale(db: Path, tmp_path: Path) -> None:
    assert run("select", str(db))[0] == 0
    report = tmp_path / "out.xlsx"
    fix = workbook(
        tmp_path / "fix.xlsx",
        ("과제번호", "과제명", "신청금액", "비고"),
        [["2025-0001", "과제 1 (보완)", "3억", "금액 정정"], ["2025-0002", "과제 2", "2억", ""]],
    )
    code, out, err = run("import", "applications", "--update", str(db), str(fix))
    assert code == 0, err
    assert out.strip() == (
        "corrected 1 applications, 3 fields changed (title 1, requested amount 1, 비고 1), "
        "1 unchanged (fix.xlsx)"
    )
    [(target, detail)] = audit(db, "application.update")
    assert target == "2025-0001"
    assert detail["old"] == {"title": "과제 1", "amount": 200_000_000, "attributes.비고": None}
    assert detail["new"] == {
        "title": "과제 1 (보완)",
        "amount": 300_000_000,
        "attributes.비고": "금액 정정",
    }
    assert detail["source"] == "fix.xlsx"
    assert column(db, "SELECT company FROM application WHERE id = '2025-0001'") == ["(주)기업1"]

    code, _, err = run("export", str(db), "--xlsx", str(report))
    assert code == 4
    assert "changed after the newest selection run" in err
    assert not report.exists()
    assert run("select", str(db))[0] == 0
    assert run("export", str(db), "--xlsx", str(report))[0] == 0

    # the same corrections again change nothing, and the run stays current
    code, out, _ = run("import", "applications", "--update", str(db), str(fix))
    assert code == 0
    assert out.strip() == "corrected 0 applications, 0 fields changed, 2 unchanged (fix.xlsx)"
    assert len(audit(db, "application.update")) == 1
    assert run("export", str(db), "--xlsx", str(tmp_path / "again.xlsx"))[0] == 0


def test_update_in_korean(db: Path, tmp_path: Path) -> None:
    fix = workbook(tmp_path / "fix.xlsx", ("과제번호", "소재지"), [["2025-0003", ""]])
    out = io.StringIO()
    code = main(["--lang", "ko", "import", "applications", "--update", str(db), str(fix)], out=out)
    assert code == 0
    assert out.getvalue().strip() == (
        "신청 과제 1건 수정, 바뀐 항목 1개 (소재지 1건), 0건 변경 없음 (fix.xlsx)"
    )
    assert column(db, "SELECT region FROM application WHERE id = '2025-0003'") == [None]


def test_a_track_change_to_the_same_criteria_is_a_correction(db: Path, tmp_path: Path) -> None:
    fix = workbook(tmp_path / "fix.xlsx", ("과제번호", "트랙"), [["2025-0004", "테스트베드 서울"]])
    code, out, err = run("import", "applications", "--update", str(db), str(fix))
    assert code == 0, err
    assert "(track 1)" in out
    assert audit(db, "application.update")[0][1]["new"] == {"track": "testbed"}
    document = json.loads(run("select", str(db), "--json")[1])
    moved = next(a for a in document["applications"] if a["id"] == "2025-0004")
    assert (moved["track"], moved["reviews"]) == ("testbed", 5)


def _fix(tmp_path: Path, rows: list[list[Any]], name: str = "fix.xlsx") -> Path:
    return workbook(tmp_path / name, ("과제번호", "사업유형", "과제명"), rows)


BAD_CORRECTIONS = [
    (
        "unknown id",
        lambda p: [
            _fix(p, [["2025-0001", "challenge", "새 제목"], ["2025-0999", "challenge", "x"]])
        ],
        (
            "fix.xlsx, sheet Sheet1, row 3, column 과제번호: application 2025-0999 is not in "
            "the round",
            "import new ones without --update",
        ),
    ),
    (
        "unknown track",
        lambda p: [_fix(p, [["2025-0001", "양자", "새 제목"]])],
        ("fix.xlsx, sheet Sheet1, row 2, column 사업유형: unknown track 양자",),
    ),
    (
        "scored under another rubric",
        lambda p: [_fix(p, [["2025-0001", "tips", "새 제목"]])],
        (
            "row 2, column 사업유형: application 2025-0001 has 5 review(s) scored on the "
            "criteria of track challenge",
        ),
    ),
    (
        "a required field cleared",
        lambda p: [_fix(p, [["2025-0001", "challenge", ""]])],
        ("fix.xlsx, sheet Sheet1, row 2, column 과제명: a value is required",),
    ),
    (
        "twice in the update files",
        lambda p: [
            _fix(p, [["2025-0001", "challenge", "하나"]], "a.xlsx"),
            _fix(p, [["2025-0001", "challenge", "둘"]], "b.xlsx"),
        ],
        ("b.xlsx, sheet Sheet1, row 2, column 과제번호: application id 2025-0001 appears twice",),
    ),
]


@pytest.mark.parametrize(
    ("build", "needles"),
    [case[1:] for case in BAD_CORRECTIONS],
    ids=[case[0] for case in BAD_CORRECTIONS],
)
def test_bad_corrections_exit_3_and_write_nothing(
    db: Path, tmp_path: Path, build: Any, needles: tuple[str, ...]
) -> None:
    paths = [str(p) for p in build(tmp_path)]
    before = _bytes(db)
    code, out, err = run("import", "applications", "--update", str(db), *paths)
    assert code == 3, (out, err)
    for needle in needles:
        assert needle in err, (needle, err)
    assert _bytes(db) == before


def test_update_is_refused_in_a_locked_round(db: Path, tmp_path: Path) -> None:
    assert run("select", str(db))[0] == 0
    assert run("lock", str(db))[0] == 0
    fix = _fix(tmp_path, [["2025-0001", "challenge", "새 제목"]])
    before = _bytes(db)
    code, _, err = run("import", "applications", "--update", str(db), str(fix))
    assert code == 4
    assert "locked" in err
    assert _bytes(db) == before


def test_without_update_an_application_in_the_round_points_to_update(
    db: Path, tmp_path: Path
) -> None:
    again = workbook(tmp_path / "again.xlsx", APP_HEADER, app_rows(1))
    before = _bytes(db)
    code, _, err = run("import", "applications", str(db), str(again))
    assert code == 3
    assert "application 2025-0001 is already in the round; to correct it" in err
    assert "reviewer import applications --update" in err
    assert _bytes(db) == before
