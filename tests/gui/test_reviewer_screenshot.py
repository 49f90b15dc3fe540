"""``reviewer gui R.rvpkg --screenshot F.png --view reviewer-…`` renders the reviewer's
window and exits, never changing the reviewer's working file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reviewer.cli import main
from reviewer.domain.score_form import Draft
from reviewer.exchange import packages
from reviewer.services.reviewer_work import ReviewerWork
from reviewer.ui.screenshot import REVIEWER_VIEWS, SIZE
from tests.reviewer_package import PASSWORD, build_package


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(packages, "SCRYPT_N", 2**4)


@pytest.fixture
def package_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TEST_PACKAGE_PASSWORD", PASSWORD)
    path = tmp_path / "R07.rvpkg"
    build_package(path)
    return path


def _colours(image: QImage) -> int:
    return len(
        {image.pixel(x, y) for y in range(0, image.height(), 7) for x in range(0, image.width(), 7)}
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_reviewer_view_is_rendered(package_file: Path, tmp_path: Path, lang: str) -> None:
    work = ReviewerWork.open(package_file, PASSWORD)
    work.save(Draft("2025-0001", {"tech": "30"}))
    work.close()
    before = work.work_file.read_bytes()
    for view in REVIEWER_VIEWS:
        out = tmp_path / f"{view}-{lang}.png"
        args = ["--lang", lang, "gui", str(package_file), "--screenshot", str(out)]
        args += ["--view", view, "--password-env", "TEST_PACKAGE_PASSWORD"]
        assert main(args) == 0, view
        image = QImage(str(out))
        if view == "reviewer-conflict":  # the dialog alone
            assert 0 < image.width() < SIZE[0] and _colours(image) > 5
        else:
            assert (image.width(), image.height()) == SIZE
            assert _colours(image) > 20
    assert work.work_file.read_bytes() == before


def test_a_package_without_its_password_is_exit_3(
    package_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.png"
    assert main(["gui", str(package_file), "--screenshot", str(out)]) == 3
    assert "needs a password" in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_password_variable_is_a_usage_error(
    package_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.png"
    args = ["--lang", "en", "gui", str(package_file), "--screenshot", str(out)]
    assert main([*args, "--password-env", "NO_SUCH_VARIABLE_SET"]) == 2
    assert "NO_SUCH_VARIABLE_SET is not set" in capsys.readouterr().err


def test_a_reviewer_view_of_a_round_is_a_usage_error(selected_round: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    args = ["gui", str(selected_round), "--screenshot", str(out), "--view", "reviewer-list"]
    assert main(args) == 2
    assert not out.exists()
