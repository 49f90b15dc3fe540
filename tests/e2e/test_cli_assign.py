"""``reviewer import assignments`` and ``reviewer assign`` end to end, with exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample.round import DemoFiles, write_demo_round


def run(*argv: str, lang: str = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", lang, *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    directory = tmp_path_factory.mktemp("cli-assign")
    return write_demo_round(directory, load_config(str(template_path())), applications=50, seed=5)


@pytest.fixture
def round_db(tmp_path: Path, demo: DemoFiles) -> str:
    path = str(tmp_path / "round.db")
    assert run("init", path, "--config", str(demo.config))[0] == 0
    assert run("import", "applications", path, *map(str, demo.applications))[0] == 0
    assert run("import", "reviewers", path, str(demo.reviewers))[0] == 0
    return path


def test_assign_prints_its_summary(round_db: str) -> None:
    code, out, err = run("assign", round_db, "--per-application", "3")
    assert (code, err) == (0, "")
    assert out.startswith("150 assignment(s) for 50 application(s) (150 new, 0 kept")
    assert "load of" in out
    assert "every application has 3 reviewer(s)" in out


def test_assign_json_and_shortfalls(round_db: str) -> None:
    code, out, _ = run("assign", round_db, "--per-application", "30", "--max-load", "9", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["per_application"] == 30 and document["max_load"] == 9
    assert document["load"]["max"] <= 9
    assert document["shortfalls"]
    assert {s["reason"] for s in document["shortfalls"]} <= {"panel_too_small", "max_load"}
    first = document["shortfalls"][0]
    assert set(first) == {
        "application_id",
        "track",
        "wanted",
        "assigned",
        "reason",
        "panel",
        "eligible",
    }


def test_assign_in_korean_names_each_short_application(round_db: str) -> None:
    code, out, _ = run("assign", round_db, "--per-application", "30", lang="ko")
    assert code == 0
    assert "심사위원이 부족한 과제 50건:" in out
    assert "트랙 심사위원이" in out


def test_scores_after_assign_must_be_of_assigned_pairs(round_db: str, demo: DemoFiles) -> None:
    assert run("assign", round_db, "--per-application", "2")[0] == 0
    code, out, err = run("import", "scores", round_db, *map(str, demo.scores))
    assert code == 3 and out == ""
    assert "is not assigned to application" in err


def test_import_assignments_then_scores(round_db: str, demo: DemoFiles) -> None:
    assert demo.assignments is not None
    code, out, _ = run("import", "assignments", round_db, str(demo.assignments))
    assert code == 0 and out.startswith("imported ")
    code, _, err = run("import", "scores", round_db, *map(str, demo.scores))
    assert (code, err) == (0, "")
    code, out, _ = run("assign", round_db, "--per-application", "3", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["kept"] > 0  # the scored pairs stay


def test_bad_assignment_files_exit_3_naming_the_cell(round_db: str, tmp_path: Path) -> None:
    path = tmp_path / "배정.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["과제번호", "심사위원ID"], ["2099-0001", "R001"]])
    code, out, err = run("import", "assignments", round_db, str(path))
    assert code == 3 and out == ""
    assert "배정.csv, row 2, column 과제번호: application 2099-0001 is not in the round" in err
    code, _, err = run("import", "assignments", round_db, str(tmp_path / "missing.xlsx"))
    assert code == 3


def test_usage_errors_exit_2(round_db: str) -> None:
    assert run("assign", round_db)[0] == 2
    assert run("assign", round_db, "--per-application", "0")[0] == 2
    assert run("assign", round_db, "--per-application", "2", "--max-load", "x")[0] == 2


def test_an_unknown_track_exits_3(round_db: str) -> None:
    code, _, err = run("assign", round_db, "--per-application", "2", "--track", "nowhere")
    assert code == 3
    assert "unknown track nowhere" in err


def test_a_locked_round_exits_4(round_db: str, demo: DemoFiles) -> None:
    assert demo.assignments is not None
    assert run("import", "assignments", round_db, str(demo.assignments))[0] == 0
    assert run("import", "scores", round_db, *map(str, demo.scores))[0] == 0
    assert run("select", round_db)[0] == 0
    assert run("lock", round_db)[0] == 0
    code, _, err = run("assign", round_db, "--per-application", "2")
    assert code == 4 and "locked" in err
    code, _, _ = run("import", "assignments", round_db, str(demo.assignments))
    assert code == 4


def test_the_demo_round_has_an_assignment_for_every_review(tmp_path: Path) -> None:
    from reviewer.services import rounds
    from reviewer.store import repository

    code, _, _ = run("demo", str(tmp_path / "demo"), "--applications", "40")
    assert code == 0
    assert (tmp_path / "demo" / "배정.xlsx").is_file()
    with (
        rounds.open_round(tmp_path / "demo" / "round.db") as database,
        database.session() as session,
    ):
        data = repository.load_round(session)
    assert data.assignments == {(r.application_id, r.reviewer_id) for r in data.reviews}
