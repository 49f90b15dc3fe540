"""The reviewer's working database: every change kept at once, reopening resumes it,
and each send writes a signed score file with the next version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewer.domain.score_form import Draft
from reviewer.errors import InvalidInput, RefusedByState
from reviewer.exchange import packages
from reviewer.exchange.packages import PackagePasswordError, read_score_file
from reviewer.services import reviewer_work
from reviewer.services.reviewer_work import ReviewerWork, work_path
from tests.reviewer_package import PACKAGE_ID, PASSWORD, SECRET, build_package


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "SCRYPT_N", 2**4)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def package_file(tmp_path: Path) -> Path:
    path = tmp_path / "R07.rvpkg"
    build_package(path)
    return path


def test_the_working_database_is_in_the_data_folder(data: Path, package_file: Path) -> None:
    work = ReviewerWork.open(package_file, PASSWORD)
    try:
        assert work.work_file == data / "packages" / f"{PACKAGE_ID}.db"
        assert work.work_file.exists()
        assert work.sent_version == 0 and work.current is None
    finally:
        work.close()


def test_without_the_variable_it_is_the_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REVIEWER_DATA_DIR", raising=False)
    monkeypatch.setattr(reviewer_work, "user_data_dir", lambda *a, **k: "/somewhere/reviewer")
    assert work_path("ab12") == Path("/somewhere/reviewer/packages/ab12.db")


def test_a_wrong_password_opens_nothing(data: Path, package_file: Path) -> None:
    with pytest.raises(PackagePasswordError):
        ReviewerWork.open(package_file, "wrong")
    with pytest.raises(PackagePasswordError):
        ReviewerWork.open(package_file, None)
    assert not (data / "packages").exists()


def test_every_change_is_in_the_database_when_it_returns(data: Path, package_file: Path) -> None:
    work = ReviewerWork.open(package_file, PASSWORD)
    try:
        work.save(Draft("2025-0001", {"tech": "35", "biz": ""}, comment="좋음"))
        rows = _rows(work.work_file)
        assert rows == [("2025-0001", '{"tech": "35"}', "좋음", 0, "")]
        work.set_current("2025-0002")
        with sqlite3.connect(work.work_file) as db:
            assert db.execute("select current_application from work_info").fetchone() == (
                "2025-0002",
            )
    finally:
        work.close()


def test_reopening_resumes_exactly(data: Path, package_file: Path) -> None:
    work = ReviewerWork.open(package_file, PASSWORD)
    first = work.first_opened_at
    work.save(Draft("2025-0001", {"tech": "35", "biz": "2"}, comment="메모"))
    work.save(Draft("2025-0003", conflict=True, conflict_reason="전 직장"))
    work.set_current("2025-0003")
    work.close()  # (a killed program closes nothing: see the window's tests)

    again = ReviewerWork.open(package_file, PASSWORD)
    try:
        assert again.first_opened_at == first
        assert again.current == "2025-0003"
        assert again.draft("2025-0001").texts == {"tech": "35", "biz": "2"}
        assert again.draft("2025-0001").comment == "메모"
        assert again.draft("2025-0003").conflict
        assert again.draft("2025-0003").conflict_reason == "전 직장"
        assert again.draft("2025-0002") == Draft("2025-0002")
        assert again.progress().done == 1  # the conflict
    finally:
        again.close()


def test_a_wrong_value_is_never_kept(data: Path, package_file: Path) -> None:
    work = ReviewerWork.open(package_file, PASSWORD)
    try:
        kept = work.save(Draft("2025-0001", {"tech": "45", "biz": "abc", "policy": "9"}))
        assert kept.texts == {}
        assert _rows(work.work_file)[0][1] == "{}"
        assert work.save(Draft("2025-0001", {"tech": " 40 ", "policy": "2"})).texts == {
            "tech": "40",
            "policy": "2",
        }
    finally:
        work.close()


def _complete(work: ReviewerWork) -> None:
    work.save(Draft("2025-0001", {"tech": "30", "biz": "20", "capability": "15", "policy": "2"}))
    work.save(Draft("2025-0002", {"tech": "10"}))  # half done: not sent
    work.save(Draft("2025-0003", conflict=True, conflict_reason="공동연구 이력"))


def test_send_writes_a_signed_file_and_counts_up(
    data: Path, package_file: Path, tmp_path: Path
) -> None:
    work = ReviewerWork.open(package_file, PASSWORD)
    try:
        _complete(work)
        assert work.default_score_name() == "R07_3f9c2a7b_v1.rvscore"
        result = work.send(tmp_path / "v1.rvscore")
        assert (result.version, result.sent, result.left_out) == (1, 2, ("2025-0002",))
        signed = read_score_file(tmp_path / "v1.rvscore")
        signed.verify(SECRET)
        scores = signed.scores
        assert (scores.package_id, scores.reviewer_id, scores.version) == (PACKAGE_ID, "R07", 1)
        assert scores.created_at == work.first_opened_at
        by_id = {e.application_id: e for e in scores.entries}
        assert dict(by_id["2025-0001"].scores) == {
            "tech": 30.0,
            "biz": 20.0,
            "capability": 15.0,
            "policy": "우수",
        }
        assert by_id["2025-0003"].conflict and by_id["2025-0003"].scores == {}
        assert "2025-0002" not in by_id
        assert work.default_score_name() == "R07_3f9c2a7b_v2.rvscore"
    finally:
        work.close()
    again = ReviewerWork.open(package_file, PASSWORD)
    try:
        assert again.sent_version == 1
        assert again.send(tmp_path / "v2.rvscore").version == 2
        assert read_score_file(tmp_path / "v2.rvscore").scores.version == 2
    finally:
        again.close()


def test_a_failed_write_does_not_count_a_version(
    data: Path, package_file: Path, tmp_path: Path
) -> None:
    work = ReviewerWork.open(package_file, PASSWORD)
    try:
        _complete(work)
        with pytest.raises(InvalidInput):
            work.send(tmp_path / "no-such-folder" / "x.rvscore")
        assert work.sent_version == 0
        assert work.send(tmp_path / "x.rvscore").version == 1
    finally:
        work.close()


def test_a_working_file_of_another_package_is_refused(data: Path, package_file: Path) -> None:
    work = ReviewerWork.open(package_file, PASSWORD)
    path = work.work_file
    work.close()
    with sqlite3.connect(path) as db:
        db.execute("update work_info set reviewer_id = 'R99'")
    with pytest.raises(RefusedByState) as caught:
        ReviewerWork.open(package_file, PASSWORD)
    assert "another reviewer package" in caught.value.message("en")


def test_a_package_without_password_opens_without_one(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "open.rvpkg"
    build_package(path, password=None)
    assert not reviewer_work.package_header(path).needs_password
    work = ReviewerWork.open(path, None)
    try:
        assert len(work.package.applications) == 5
    finally:
        work.close()


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "select application_id, scores, comment, conflict, conflict_reason from work_entry"
        ).fetchall()


def test_a_package_open_in_one_window_is_refused_in_another(data: Path, package_file: Path) -> None:
    """Two windows on one working file would each keep their own drafts and send
    counter; the second is refused until the first closes."""
    first = ReviewerWork.open(package_file, PASSWORD)
    try:
        with pytest.raises(RefusedByState) as busy:
            ReviewerWork.open(package_file, PASSWORD)
        assert busy.value.key == "work.in_use"
        first.save(Draft("2025-0001", {"tech": "35"}))
    finally:
        first.close()
    again = ReviewerWork.open(package_file, PASSWORD)
    try:
        assert again.draft("2025-0001").texts == {"tech": "35"}
    finally:
        again.close()


def test_the_lock_is_let_go_when_the_program_is_killed(data: Path, package_file: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from reviewer.exchange import packages\n"
        "packages.SCRYPT_N = 2**4\n"
        "from reviewer.services.reviewer_work import ReviewerWork\n"
        f"work = ReviewerWork.open(Path({str(package_file)!r}), {PASSWORD!r})\n"
        "print('open', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        with pytest.raises(RefusedByState):
            ReviewerWork.open(package_file, PASSWORD)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    deadline = time.monotonic() + 10
    while True:
        try:
            ReviewerWork.open(package_file, PASSWORD).close()
            break
        except RefusedByState:
            assert time.monotonic() < deadline
            time.sleep(0.05)
