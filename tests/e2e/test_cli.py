"""The command line end to end: init, import, select, exit codes, bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from reviewer.cli import main

CRITERIA = ("기술성", "사업성", "수행역량", "정책부합성")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", "en", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def main_ko(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", "ko", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def workbook(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    sheet: str = "Sheet1",
    title: str | None = None,
) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    if title:
        ws.append([title])
        ws.append([])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


APP_HEADER = (
    "과제번호",
    "사업유형",
    "과제명",
    "기업명",
    "사업자등록번호",
    "AI구분",
    "신청금액",
    "소재지",
    "투자확약",
)


def app_rows(count: int = 6) -> list[list[Any]]:
    return [
        [
            f"2025-{i:04d}",
            "서울혁신챌린지",
            f"과제 {i}",
            f"(주)기업{i}",
            "",
            "AI" if i % 2 else "일반",
            "2억",
            "서울특별시 중구",
            "",
        ]
        for i in range(1, count + 1)
    ]


REVIEWERS = [[f"R{i}", f"심사위원{i}", "서울대학교", "challenge"] for i in range(1, 6)]


def score_rows(apps: int = 6, reviewers: int = 5) -> list[list[Any]]:
    rows = []
    for a in range(1, apps + 1):
        for r in range(1, reviewers + 1):
            rows.append([f"2025-{a:04d}", f"R{r}", 30 + (a + r) % 9, 20 + a % 7, 15, 8, "", ""])
    return rows


SCORE_HEADER = ("과제번호", "심사위원ID", *CRITERIA, "의견", "이해충돌")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {
        "apps": workbook(
            tmp_path / "apps.xlsx", APP_HEADER, app_rows(), title="2025 신청 과제 목록"
        ),
        "reviewers": workbook(
            tmp_path / "reviewers.xlsx", ("심사위원ID", "성명", "소속", "담당트랙"), REVIEWERS
        ),
        "scores": workbook(tmp_path / "scores.xlsx", SCORE_HEADER, score_rows(), sheet="점수"),
    }


@pytest.fixture
def db(tmp_path: Path, files: dict[str, Path]) -> Path:
    path = tmp_path / "round.db"
    assert run("init", str(path))[0] == 0
    assert run("import", "applications", str(path), str(files["apps"]))[0] == 0
    assert run("import", "reviewers", str(path), str(files["reviewers"]))[0] == 0
    return path


def test_init_import_select_json(db: Path, files: dict[str, Path]) -> None:
    code, out, err = run("import", "scores", str(db), str(files["scores"]))
    assert code == 0, err
    assert "30 reviews" in out
    code, out, err = run("select", str(db), "--json")
    assert code == 0, err
    document = json.loads(out)
    assert document["round"] == "2025 서울형 R&D 1차 평가"
    assert set(document) >= {"objective", "applications", "quotas", "tracks", "boundary_ties"}
    apps = {a["id"]: a for a in document["applications"]}
    assert len(apps) == 6
    assert all(a["reviews"] == 5 for a in apps.values())
    challenge = next(t for t in document["tracks"] if t["id"] == "challenge")
    assert challenge["selected"] == document["objective"]["selected"]
    ranks = sorted(a["rank"] for a in apps.values() if a["rank"] is not None)
    assert ranks == list(range(1, len(ranks) + 1))


def test_select_prints_a_readable_summary(db: Path, files: dict[str, Path]) -> None:
    run("import", "scores", str(db), str(files["scores"]))
    code, out, _ = run("select", str(db))
    assert code == 0
    assert "challenge" in out
    assert "recorded selection run #1" in out


def test_reimport_replaces_reviews(db: Path, files: dict[str, Path], tmp_path: Path) -> None:
    assert run("import", "scores", str(db), str(files["scores"]))[0] == 0
    same = workbook(tmp_path / "same.xlsx", SCORE_HEADER, score_rows()[:5])
    code, out, _ = run("import", "scores", str(db), str(same))
    assert code == 0
    assert "replaced 0, 5 unchanged" in out
    rows = score_rows()[:5]
    for row in rows[:3]:
        row[6] = "다시 검토함"
    again = workbook(tmp_path / "again.xlsx", SCORE_HEADER, rows)
    code, out, _ = run("import", "scores", str(db), str(again))
    assert code == 0
    assert "added 0 reviews, replaced 3, 2 unchanged" in out


def _bytes(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _bad_scores(tmp_path: Path, change: Any) -> Path:
    rows = score_rows()
    change(rows)
    return workbook(tmp_path / "bad_scores.xlsx", SCORE_HEADER, rows, sheet="점수")


def _bad_apps(tmp_path: Path, change: Any, name: str = "bad_apps.xlsx") -> Path:
    rows = [
        [
            f"2025-{i:04d}",
            "challenge",
            f"새 과제 {i}",
            f"(주)신규{i}",
            "",
            "AI",
            "1억",
            "서울 중구",
            "",
        ]
        for i in range(100, 104)
    ]
    change(rows)
    return workbook(tmp_path / name, APP_HEADER, rows)


def _set(row: int, col: int, value: Any) -> Any:
    def change(rows: list[list[Any]]) -> None:
        rows[row][col] = value

    return change


def _blank_amount_in_a_budgeted_track(rows: list[list[Any]]) -> None:
    rows[2][1], rows[2][6] = "pre-rnd", ""


def _scores_on_two_sheets(tmp_path: Path) -> Path:
    path = workbook(tmp_path / "two_sheets.xlsx", SCORE_HEADER, score_rows()[:15], sheet="1차")
    book = openpyxl.load_workbook(path)
    second = book.create_sheet("2차")
    for row in [SCORE_HEADER, *score_rows()[15:]]:
        second.append(list(row))
    book.save(path)
    return path


# (kind, file builder, expected fragments of the message)
BAD_INPUTS: list[tuple[str, Any, tuple[str, ...]]] = [
    (
        "scores",
        lambda p: _bad_scores(p, _set(12, 2, 45)),
        ("bad_scores.xlsx", "점수", "row 14", "기술성", "45", "40"),
    ),
    (
        "scores",
        lambda p: _bad_scores(p, _set(3, 3, "abc")),
        ("bad_scores.xlsx", "row 5", "사업성", "abc"),
    ),
    (
        "scores",
        lambda p: _bad_scores(p, _set(0, 0, "2025-9999")),
        ("bad_scores.xlsx", "row 2", "2025-9999"),
    ),
    ("scores", lambda p: _bad_scores(p, _set(1, 1, "R99")), ("bad_scores.xlsx", "row 3", "R99")),
    (
        "scores",
        lambda p: _bad_scores(p, lambda rows: rows.append(list(rows[0]))),
        ("bad_scores.xlsx", "row 32", "2025-0001"),
    ),
    (
        "applications",
        lambda p: _bad_apps(p, _set(1, 0, "2025-0100")),
        ("bad_apps.xlsx", "row 3", "2025-0100"),
    ),
    (
        "applications",
        lambda p: _bad_apps(p, _set(2, 1, "우주항공")),
        ("bad_apps.xlsx", "row 4", "우주항공"),
    ),
    (
        "applications",
        lambda p: _bad_apps(p, _set(0, 4, "123-45-67890")),
        ("bad_apps.xlsx", "row 2", "123-45-67890"),
    ),
    (
        "applications",
        lambda p: _bad_apps(p, _set(0, 0, "2025-0001")),
        ("bad_apps.xlsx", "row 2", "과제번호", "2025-0001 is already in the round"),
    ),
    (
        "applications",
        lambda p: _write(p / "corrupt.xlsx", b"PK\x03\x04 not really a zip"),
        ("corrupt.xlsx",),
    ),
    ("applications", lambda p: _write(p / "empty.xlsx", b""), ("empty.xlsx",)),
    (
        "applications",
        lambda p: workbook(p / "header_only.xlsx", APP_HEADER, []),
        ("header_only.xlsx",),
    ),
    ("applications", lambda p: _write(p / "empty.csv", b""), ("empty.csv",)),
    (
        "applications",
        lambda p: _bad_apps(p, _set(1, 6, "3,5억")),
        ("bad_apps.xlsx", "row 3", "신청금액", "3,5억 is not an amount"),
    ),
    (
        "applications",
        lambda p: _bad_apps(p, _blank_amount_in_a_budgeted_track),
        ("bad_apps.xlsx", "row 4", "신청금액", "track pre-rnd has a budget"),
    ),
    (
        "applications",
        lambda p: _bad_apps(p, _set(0, 6, "1,500조")),
        ("bad_apps.xlsx", "row 2", "신청금액", "too large"),
    ),
    (
        "applications",
        lambda p: _bad_apps(p, _set(3, 0, "2025-" + "9" * 60)),
        ("bad_apps.xlsx", "row 5", "과제번호", "too long (65 characters, at most 64)"),
    ),
    (
        "applications",
        lambda p: workbook(
            p / "usd.xlsx", [*APP_HEADER[:6], "신청금액(USD)", *APP_HEADER[7:]], app_rows()
        ),
        ("usd.xlsx", "row 1", "신청금액(USD)", "not a unit of won"),
    ),
    (
        "applications",
        lambda p: workbook(
            p / "no_amount.xlsx",
            [*APP_HEADER[:6], *APP_HEADER[7:]],
            [row[:6] + row[7:] for row in app_rows()],
        ),
        ("no_amount.xlsx", "row 1", "requested amount column", "신청금액"),
    ),
    (
        "scores",
        lambda p: _bad_scores(p, _set(3, 3, "2,5")),
        ("bad_scores.xlsx", "row 5", "사업성", "2,5 is not a number"),
    ),
    (
        "scores",
        _scores_on_two_sheets,
        ("two_sheets.xlsx", "several sheets: 1차, 2차"),
    ),
    (
        "applications",
        lambda p: _write(p / "latin.csv", "과제번호,트랙,과제명,기업명\n".encode("utf-16")),
        ("latin.csv",),
    ),
]


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("kind", "build", "needles"),
    BAD_INPUTS,
    ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(BAD_INPUTS)],
)
def test_bad_input_exits_3_names_the_place_and_writes_nothing(
    db: Path, tmp_path: Path, kind: str, build: Any, needles: tuple[str, ...]
) -> None:
    bad = build(tmp_path)
    before = _bytes(db)
    code, out, err = run("import", kind, str(db), str(bad))
    assert code == 3, (out, err)
    for needle in needles:
        assert needle in err, (needle, err)
    assert _bytes(db) == before


def test_errors_in_korean(db: Path, tmp_path: Path) -> None:
    bad = _bad_scores(tmp_path, _set(12, 2, 45))
    err = io.StringIO()
    code = main(["--lang", "ko", "import", "scores", str(db), str(bad)], err=err, out=io.StringIO())
    assert code == 3
    message = err.getvalue()
    assert "시트 점수" in message and "14행" in message and "기술성" in message


def test_one_bad_file_of_several_imports_nothing(
    db: Path, files: dict[str, Path], tmp_path: Path
) -> None:
    good = _bad_apps(tmp_path, lambda rows: None, name="good.xlsx")
    bad = _bad_apps(tmp_path, _set(0, 1, "nowhere"), name="bad.xlsx")
    before = _bytes(db)
    code, _, err = run("import", "applications", str(db), str(good), str(bad))
    assert code == 3
    assert "bad.xlsx" in err
    assert _bytes(db) == before


def test_locked_round_refuses_import_with_exit_4(db: Path, files: dict[str, Path]) -> None:
    assert run("select", str(db))[0] == 0
    assert run("lock", str(db))[0] == 0
    before = _bytes(db)
    code, _, err = run("import", "scores", str(db), str(files["scores"]))
    assert code == 4
    assert "locked" in err
    assert _bytes(db) == before
    assert run("unlock", str(db))[0] == 2  # a reason is required
    code, _, err = run("unlock", str(db), "--reason", "  ")
    assert code == 3 and "reason" in err
    assert _bytes(db) == before
    assert run("unlock", str(db), "--reason", "점수 정정")[0] == 0
    assert run("import", "scores", str(db), str(files["scores"]))[0] == 0


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run()[0] == 2
    assert run("import", "nonsense", str(tmp_path / "x.db"))[0] == 2
    assert run("select")[0] == 2


def test_missing_database_exits_3(tmp_path: Path) -> None:
    code, _, err = run("select", str(tmp_path / "missing.db"))
    assert code == 3
    assert "missing.db" in err


def test_init_refuses_existing_database(db: Path) -> None:
    assert run("init", str(db))[0] == 4


def test_bad_config_exits_3(tmp_path: Path) -> None:
    config = tmp_path / "round.toml"
    config.write_text('[round]\nname = "x"\nyear = 2025\n', encoding="utf-8")
    code, _, err = run("init", str(tmp_path / "r.db"), "--config", str(config))
    assert code == 3
    assert "round.toml" in err
    assert not (tmp_path / "r.db").exists()


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", "--lang", "en", "select", str(tmp_path / "no.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 3
    assert "no.db" in result.stderr


def test_demo_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    keep = tmp_path / "round.db"
    keep.write_bytes(b"a real round")
    code, _, err = run("demo", str(tmp_path), "--applications", "30")
    assert code == 4
    assert "round.db" in err
    assert keep.read_bytes() == b"a real round"


def test_lock_needs_a_current_run(db: Path, files: dict[str, Path]) -> None:
    run("import", "scores", str(db), str(files["scores"]))
    code, _, err = run("lock", str(db))
    assert code == 4
    assert "no selection run" in err
    assert run("select", str(db))[0] == 0
    assert run("lock", str(db))[0] == 0
    code, out, _ = run("select", str(db))
    assert code == 0
    assert "no new run recorded" in out
    assert run("export", str(db), "--pdf", str(db.parent / "r.pdf"))[0] == 0


def test_a_file_that_is_not_a_database_is_left_untouched(tmp_path: Path) -> None:
    for content in (b"", b"hello, not sqlite"):
        fake = tmp_path / "fake.db"
        fake.write_bytes(content)
        code, _, err = run("select", str(fake))
        assert code == 3
        assert "not a round database" in err
        assert fake.read_bytes() == content


def test_init_into_a_missing_folder_exits_3(tmp_path: Path) -> None:
    code, _, err = run("init", str(tmp_path / "nowhere" / "r.db"))
    assert code == 3
    assert "nowhere" in err


def test_template_into_a_missing_folder_exits_3(tmp_path: Path) -> None:
    code, _, err = run("template", str(tmp_path / "nowhere" / "round.toml"))
    assert code == 3
    assert "nowhere" in err


def test_export_refuses_without_a_run_and_after_changes(
    db: Path, files: dict[str, Path], tmp_path: Path
) -> None:
    pdf = tmp_path / "out.pdf"
    code, _, err = run("export", str(db), "--pdf", str(pdf))
    assert code == 4
    assert "no selection run" in err
    assert not pdf.exists()
    run("import", "scores", str(db), str(files["scores"]))
    assert run("select", str(db))[0] == 0
    changed = workbook(tmp_path / "changed.xlsx", SCORE_HEADER, score_rows()[:1])
    assert run("import", "scores", str(db), str(changed))[0] == 0
    assert run("export", str(db), "--pdf", str(pdf))[0] == 0  # same values: still current
    rows = score_rows()[:1]
    rows[0][2] = 10
    assert (
        run("import", "scores", str(db), str(workbook(tmp_path / "c2.xlsx", SCORE_HEADER, rows)))[0]
        == 0
    )
    code, _, err = run("export", str(db), "--xlsx", str(tmp_path / "out.xlsx"))
    assert code == 4
    assert "changed after the newest selection run" in err
    assert not (tmp_path / "out.xlsx").exists()
    assert run("select", str(db))[0] == 0
    code, out, _ = run("export", str(db), "--xlsx", str(tmp_path / "out.xlsx"))
    assert code == 0
    assert "out.xlsx" in out


def test_export_needs_an_output(db: Path) -> None:
    code, _, err = run("export", str(db))
    assert code == 3
    assert "--pdf" in err


def test_template_refuses_to_overwrite_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "round.toml"
    target.write_text("# our edited round\n", encoding="utf-8")
    code, out, err = run("template", str(target))
    assert (code, out) == (4, "")
    assert err.strip() == f"error: {target} already exists; add --force to overwrite it"
    assert target.read_text(encoding="utf-8") == "# our edited round\n"
    code, _, err = main_ko("template", str(target))
    assert code == 4 and "--force" in err and str(target) in err


def test_template_force_overwrites_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    from reviewer.resources import read_text

    target = tmp_path / "round.toml"
    target.write_text("# old\n", encoding="utf-8")
    code, out, err = run("template", str(target), "--force")
    assert code == 0, err
    assert out.strip() == str(target)
    assert target.read_text(encoding="utf-8") == read_text("templates", "seoul-2025.toml")
    assert [p.name for p in tmp_path.iterdir()] == ["round.toml"]


def test_template_is_written_beside_the_target_then_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    target = tmp_path / "round.toml"
    target.write_text("# old\n", encoding="utf-8")
    renames: list[tuple[Path, Path]] = []

    def failing_replace(source: str | Path, destination: str | Path) -> None:
        renames.append((Path(source), Path(destination)))
        raise OSError(28, "No space left on device", str(destination))

    monkeypatch.setattr(os, "replace", failing_replace)
    code, _, err = run("template", str(target), "--force")
    assert code == 3
    assert "No space left on device" in err
    [(source, destination)] = renames
    assert (source.parent, destination) == (tmp_path, target)
    assert target.read_text(encoding="utf-8") == "# old\n"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["round.toml"]  # temporary file removed


def test_template_into_a_folder_exits_3(tmp_path: Path) -> None:
    code, _, err = run("template", str(tmp_path), "--force")
    assert code == 3
    assert "folder" in err


@pytest.mark.parametrize(
    ("argv", "opened"),
    [
        (["--lang", "en", "round.db"], ("round.db", "en")),
        (["round.db", "--lang", "ko"], ("round.db", "ko")),
        (["--lang=en"], (None, "en")),
        (["--lang", "en"], (None, "en")),
        (["-x.db"], None),  # argparse: an unknown option is a usage error
    ],
)
def test_reviewer_gui_reads_its_options(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], opened: tuple[str | None, str] | None
) -> None:
    import reviewer.ui.app
    from reviewer.cli import gui_main

    calls: list[tuple[str | None, str | None]] = []

    def fake_run(
        target: str | None = None,
        lang: str | None = None,
        password: str | None = None,
        exit_after_first_paint: bool = False,
    ) -> int:
        calls.append((target, lang))
        return 0

    monkeypatch.setattr(reviewer.ui.app, "run", fake_run)
    code = gui_main(argv)
    if opened is None:
        assert (code, calls) == (2, [])
    else:
        assert (code, calls) == (0, [opened])


def test_reviewer_gui_reads_sys_argv(monkeypatch: pytest.MonkeyPatch) -> None:
    import reviewer.ui.app
    from reviewer.cli import gui_main

    calls: list[tuple[str | None, str | None]] = []
    monkeypatch.setattr(
        reviewer.ui.app,
        "run",
        lambda target=None, lang=None, password=None, exit_after_first_paint=False: (
            calls.append((target, lang)) or 0
        ),
    )
    monkeypatch.setattr(sys, "argv", ["reviewer-gui", "--lang", "en", "my round.db"])
    assert gui_main() == 0
    assert calls == [("my round.db", "en")]


class _Clock:
    """A clock for the selection's time limit in which every reading is a minute later."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 60.0
        return self.now


def test_select_past_its_time_limit_exits_5_and_records_nothing(
    db: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.domain import stopping

    assert run("import", "scores", str(db), str(files["scores"]))[0] == 0
    before = _bytes(db)
    monkeypatch.setattr(stopping, "time", _Clock())
    code, out, err = run("select", str(db), "--json", "--time-limit", "2")
    assert code == 5
    assert out == ""
    assert err.strip() == (
        "error: the selection stopped at its time limit (2 s) before an optimal selection"
        " was proven; there is no selection. Allow more time and run it again"
    )
    assert "Traceback" not in err
    err_ko = io.StringIO()
    args = ["--lang", "ko", "select", str(db), "--time-limit", "2.5"]
    assert main(args, out=io.StringIO(), err=err_ko) == 5
    assert "시간 제한(2.5초)" in err_ko.getvalue()
    assert _bytes(db) == before
    monkeypatch.undo()
    code, out, err = run("select", str(db), "--time-limit", "600")
    assert code == 0, err


def test_select_when_the_solver_fails_exits_5(
    db: Path, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import highspy

    from reviewer.domain import selection

    assert run("import", "scores", str(db), str(files["scores"]))[0] == 0
    before = _bytes(db)
    monkeypatch.setattr(selection, "solve_fast", lambda problem: None)  # HiGHS decides
    monkeypatch.setattr(
        highspy.Highs, "getModelStatus", lambda highs: highspy.HighsModelStatus.kSolveError
    )
    code, out, err = run("select", str(db))
    assert code == 5
    assert "did not prove an optimal selection: HiGHS ended with the status" in err
    assert "Traceback" not in err and out == ""
    assert _bytes(db) == before


@pytest.mark.parametrize("seconds", ["0", "-3", "soon", "inf", "nan"])
def test_select_time_limit_must_be_positive_seconds(
    db: Path, seconds: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("select", str(db), "--time-limit", seconds)[0] == 2
    assert "positive number of seconds" in capsys.readouterr().err  # argparse's own stream


def test_init_says_what_is_already_there(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (x)")
    connection.commit()
    connection.close()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("mine", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    for target, expected in (
        (other, f"{other} is an SQLite database of another program, not a round"),
        (text_file, f"{text_file} is already a file that is not a database"),
        (folder, f"{folder} is a folder; give the round's file name"),
    ):
        before = target.read_bytes() if target.is_file() else None
        code, out, err = run("init", str(target))
        assert (code, out) == (4, ""), err
        assert expected in err
        if before is not None:
            assert target.read_bytes() == before
    round_db = tmp_path / "round.db"
    assert run("init", str(round_db))[0] == 0
    code, _, err = run("init", str(round_db))
    assert code == 4 and f"a round database already exists at {round_db}" in err


def test_an_import_names_what_is_given_instead_of_a_file(tmp_path: Path) -> None:
    import os

    round_db = tmp_path / "round.db"
    assert run("init", str(round_db))[0] == 0
    folder = tmp_path / "apps"
    folder.mkdir()
    pipe = tmp_path / "apps.pipe"
    os.mkfifo(pipe)
    for target, expected in (
        (folder, "a folder, not a file"),
        (pipe, "a pipe (FIFO), not a file"),
        (Path("/dev/null"), "a device, not a file"),
        (tmp_path / "missing.xlsx", "no such file"),
    ):
        code, out, err = run("import", "applications", str(round_db), str(target))
        assert (code, out) == (3, ""), err
        assert err.strip() == f"error: {target}: {expected}"
