"""Reports are files like any other: created with the permissions ``open()`` gives them
(0666 less the user's umask), a replaced one keeping its own."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.exchange.reports.context import ReportContext, atomic_output
from reviewer.exchange.reports.pdf.ranking import write_ranked_pdf
from reviewer.exchange.reports.score_sheets import write_score_sheets
from reviewer.exchange.reports.workbook.ranking import write_workbook
from tests.integration.test_report_pdf import sample_context

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture(scope="module")
def context() -> ReportContext:
    return sample_context()


@pytest.fixture
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    mask: int = request.param
    previous = os.umask(mask)
    try:
        yield mask
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix
@pytest.mark.parametrize("umask", [0o077, 0o022, 0o002], indirect=True)
def test_reports_are_created_with_the_users_umask(
    tmp_path: Path, context: ReportContext, umask: int
) -> None:
    expected = 0o666 & ~umask
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    write_ranked_pdf(pdf, context, "ko")
    write_workbook(xlsx, context, "ko")
    sheets = write_score_sheets(tmp_path / "sheets", context, "ko")
    for path in [pdf, xlsx, *sheets]:
        assert _mode(path) == expected, path.name
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temporary file left


@posix
def test_a_replaced_report_keeps_its_permissions(tmp_path: Path, context: ReportContext) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"old")
    pdf.chmod(0o640)
    write_ranked_pdf(pdf, context, "ko")
    assert _mode(pdf) == 0o640
    assert pdf.read_bytes().startswith(b"%PDF")


@posix
@pytest.mark.parametrize("umask", [0o077], indirect=True)
def test_a_failed_write_leaves_nothing(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "r.xlsx"
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        assert _mode(temp) == 0o600
        raise RuntimeError("disk full")
    assert list(tmp_path.iterdir()) == []
