"""Export prints the recorded run: the finals, ranks, statuses, reasons, quota report and
ties a selection stored, never a new selection — also after the scoring code changes,
and for runs recorded by older programs."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from reviewer.domain import evaluate as evaluate_module
from reviewer.domain import scoring
from reviewer.domain.digest import inputs_digest
from reviewer.domain.evaluate import evaluate
from reviewer.domain.model import Review, Status
from reviewer.errors import RefusedByState
from reviewer.exchange.reports.context import format_score, status_label
from reviewer.services import exporting, rounds, selecting
from reviewer.services.exporting import export_reports
from reviewer.services.results import selection_json
from reviewer.store import audit, repository, runs
from reviewer.store.engine import Database
from reviewer.store.models import SelectionRunRow
from tests.integration.test_report_pdf import pdf_text, sample_data

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"


@pytest.fixture
def round_db(selected_sample_round: Path) -> Path:
    return selected_sample_round


def export(path: Path, out: Path, lang: str = "ko") -> tuple[str, dict[str, list[Any]]]:
    """Export the PDF and the workbook of the newest run; their text and cell values."""
    out.mkdir(parents=True, exist_ok=True)
    with rounds.open_round(path) as database:
        export_reports(database, pdf=out / "r.pdf", xlsx=out / "r.xlsx", lang=lang)  # type: ignore[arg-type]
    book = load_workbook(out / "r.xlsx", read_only=True)
    cells = {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    book.close()
    return pdf_text(out / "r.pdf"), cells


def ranking(cells: dict[str, list[Any]]) -> dict[str, dict[str, Any]]:
    """The 순위 sheet: application id → {header: value}."""
    rows = cells["순위"]
    header = next(i for i, row in enumerate(rows) if "과제번호" in row)
    names = [str(v) for v in rows[header]]
    return {
        row[names.index("과제번호")]: dict(zip(names, row, strict=False))
        for row in rows[header + 1 :]
        if row and row[names.index("과제번호")]
    }


def recorded(path: Path) -> dict[str, Any]:
    with rounds.open_round(path) as database, database.session() as session:
        run = runs.latest_run(session)
        assert run is not None
        return dict(run.result)


def set_document(path: Path, document: dict[str, Any]) -> None:
    with rounds.open_round(path) as database, database.session() as session:
        run = runs.latest_run(session)
        assert run is not None
        session.execute(
            update(SelectionRunRow).where(SelectionRunRow.id == run.id).values(result=document)
        )


def shift_scoring(monkeypatch: pytest.MonkeyPatch, points: int = 7) -> None:
    """A program whose scoring gives other finals (every final ``points`` higher)."""
    original = scoring.final_score

    def shifted(*args: Any) -> Decimal:
        return original(*args) + points

    monkeypatch.setattr(scoring, "final_score", shifted)


def break_scoring_and_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> Any:
        raise AssertionError("an export must not score or select again")

    for module, name in (
        (scoring, "score_round"),
        (evaluate_module, "score_round"),
        (evaluate_module, "select"),
        (evaluate_module, "evaluate"),
        (exporting, "score_round"),
    ):
        monkeypatch.setattr(module, name, broken)


def test_export_never_scores_or_selects_again(
    round_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before_text, before_cells = export(round_db, tmp_path / "before")
    break_scoring_and_selection(monkeypatch)
    after_text, after_cells = export(round_db, tmp_path / "after")
    assert after_text == before_text
    assert after_cells == before_cells
    with rounds.open_round(round_db) as database:
        written = export_reports(database, sheets=tmp_path / "sheets")
    assert len(written) == 2 * len(sample_data().reviewers)


def test_changed_scoring_code_still_prints_the_recorded_numbers(
    round_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = recorded(round_db)["record"]
    finals = {a["id"]: a["final"] for a in document["applications"]}
    statuses = {a["id"]: a["status"] for a in document["applications"]}
    shift_scoring(monkeypatch)
    fresh = evaluate(sample_data())
    assert fresh.scored["P01"].final == Decimal(finals["P01"]) + 7  # the new program differs
    assert any(d.status.value != statuses[i] for i, d in fresh.selection.decisions.items())

    text, cells = export(round_db, tmp_path / "out")
    sheet = ranking(cells)
    for app_id, final in finals.items():
        if final is None:
            continue
        assert Decimal(str(sheet[app_id]["최종 점수"])) == Decimal(final)
        assert format_score(Decimal(final)) in text
        shifted = format_score(Decimal(final) + 7)
        assert shifted not in text or shifted in finals.values()
    assert {app_id: row["상태"] for app_id, row in sheet.items()} == {
        app_id: {
            "selected": "선정",
            "selected_by_quota": "쿼터 선정",
            "displaced_by_quota": "쿼터 미선정",
            "not_selected": "미선정",
            "below_cutoff": "과락",
            "ineligible": "부적격",
            "incomplete": "평가 미완료",
        }[status]
        for app_id, status in statuses.items()
    }


def test_a_run_recorded_before_the_scores_changed_is_refused(
    round_db: Path, tmp_path: Path
) -> None:
    with rounds.open_round(round_db) as database:
        with database.session() as session:
            repository.replace_reviews(
                session, [Review("P06", "R1", {"tech": 60, "biz": 40})], source="late"
            )
        with pytest.raises(RefusedByState) as info:
            export_reports(database, pdf=tmp_path / "r.pdf")
    assert info.value.key == "export.stale"
    assert not (tmp_path / "r.pdf").exists()


def test_an_unreadable_record_is_refused(round_db: Path, tmp_path: Path) -> None:
    set_document(round_db, {"applications": [{"id": "P01"}]})
    with rounds.open_round(round_db) as database, pytest.raises(RefusedByState) as info:
        export_reports(database, pdf=tmp_path / "r.pdf")
    assert info.value.key == "export.unreadable_run"


def test_a_run_whose_record_cannot_be_read_is_not_locked(round_db: Path) -> None:
    """A locked round's final run must print, so a damaged record cannot be locked."""
    from reviewer.services import locking

    set_document(round_db, {"applications": [{"id": "P01"}]})
    with rounds.open_round(round_db) as database:
        with pytest.raises(RefusedByState) as info:
            locking.lock_round(database)
        assert info.value.key == "export.unreadable_run"
        assert not locking.is_locked(database)


def _legacy(document: dict[str, Any], *, reasons: bool) -> dict[str, Any]:
    """The document as an older program stored it: no ``record`` (and, before runs kept
    their reasons in both languages, no ``reasons``)."""
    legacy = {key: value for key, value in document.items() if key != "record"}
    if not reasons:
        legacy.pop("reasons", None)
    return legacy


@pytest.mark.parametrize("reasons", [True, False])
def test_a_run_of_an_older_program_prints_what_it_recorded(
    round_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reasons: bool
) -> None:
    current_text, current_cells = export(round_db, tmp_path / "current")
    document = recorded(round_db)
    set_document(round_db, _legacy(document, reasons=reasons))

    text, cells = export(round_db, tmp_path / "legacy")
    current, legacy = ranking(current_cells), ranking(cells)
    # Finals, ranks, statuses and the data-derived figures (taken from the same data)
    # are those of the run; only the score gaps, which older runs did not keep, are gone.
    for app_id, row in current.items():
        for header, value in row.items():
            if header != "사유":
                assert legacy[app_id][header] == value, (app_id, header)
        assert (legacy[app_id]["사유"] or "") in (row["사유"] or "")
    assert cells["쿼터"] == current_cells["쿼터"]
    assert cells["통계"] == current_cells["통계"]
    assert _without_gaps(text) == _without_gaps(current_text)

    # A newer program scores differently: the recorded finals still print, and the
    # figures it would compute are not put beside them.
    shift_scoring(monkeypatch)
    monkeypatch.setattr(evaluate_module, "select", lambda *a, **k: pytest.fail("selected"))
    text, cells = export(round_db, tmp_path / "shifted")
    assert _without_statistics(text) == _without_statistics(current_text)
    # ... and the reviewer statistics, which need the totals, say they cannot be computed
    assert "계산 불가" in _statistics(text)
    assert "계산 불가" not in _statistics(current_text)
    shifted = ranking(cells)
    for app_id, row in current.items():
        assert shifted[app_id]["최종 점수"] == row["최종 점수"]
        assert shifted[app_id]["순위"] == row["순위"]
        assert shifted[app_id]["상태"] == row["상태"]
    p01 = shifted["P01"]
    assert p01["최종 점수"] is not None
    assert all(value is None for header, value in p01.items() if header.startswith("기술성"))


_STATISTICS = re.compile(r"심사위원 통계 .*? 심사위원회 확인")


def _statistics(text: str) -> str:
    """The reviewer statistics section of a ranked PDF's text."""
    found = _STATISTICS.search(" ".join(text.split()))
    assert found is not None
    return found.group(0)


def _without_statistics(text: str) -> str:
    return _STATISTICS.sub("심사위원회 확인", _without_gaps(text))


def _without_gaps(text: str) -> str:
    """Text of a ranked PDF without the score gaps after the explanations and in the
    chart of the displacements' gaps (up to the page's footer), and with the lines
    joined (a shorter explanation wraps differently)."""
    joined = re.sub(r"\s*\(점수 차 [-0-9.]+점\)", "", " ".join(text.split()))
    return re.sub(r"쿼터로 바뀐 선정의 점수 차 .*? SHA-256", "SHA-256", joined)


def test_a_run_in_a_database_of_the_first_schema_revision_prints(tmp_path: Path) -> None:
    """A database saved by schema revision 0001 with a run as that program stored it:
    the §6 object alone."""
    copy = tmp_path / "old.db"
    shutil.copy(FIXTURES / "round-0001.db", copy)
    with rounds.open_round(copy) as database:
        document = _record_legacy_run(database)
        written = export_reports(
            database, pdf=tmp_path / "r.pdf", xlsx=tmp_path / "r.xlsx", sheets=tmp_path / "s"
        )
    assert tmp_path / "r.pdf" in written
    text = pdf_text(tmp_path / "r.pdf")
    statuses = {a["id"]: status_label(Status(a["status"]), "ko") for a in document["applications"]}
    assert set(statuses) == {"2025-0001", "2025-0002"}
    for app_id, label in statuses.items():
        assert app_id in text and label in text
    sheet = ranking(_cells(tmp_path / "r.xlsx"))
    assert {app_id: row["상태"] for app_id, row in sheet.items()} == statuses


def _cells(path: Path) -> dict[str, list[Any]]:
    book = load_workbook(path, read_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def _record_legacy_run(database: Database) -> dict[str, Any]:
    """Record a run the way the first program did: the §6 object as its document."""
    with database.session() as session:
        data = repository.load_round(session)
        result = evaluate(data)
        document = selection_json(data, result, "ko")
        runs.record_run(
            session,
            digest=inputs_digest(data),
            config_toml=data.config.source,
            result=result,
            document=document,
            created_at=audit.now(),
        )
    return document


def test_a_locked_rounds_select_prints_the_recorded_run_without_computing(
    round_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``select`` on a locked round answers with what its final run recorded — the same
    record the reports print — even when the program now computes something else."""
    from reviewer.services import locking

    with rounds.open_round(round_db) as database:
        locking.lock_round(database)
        with database.session() as session:
            row = runs.latest_run(session)
            assert row is not None
            stored = dict(row.result)
            # what an older program recorded: other ties, another reason text
            stored["boundary_ties"] = [{"track": "pre-rnd", "final_score": 1.0, "ids": ["P01"]}]
            stored["reasons"] = {
                "ko": {a["id"]: "기록된 사유" for a in stored["applications"]},
                "en": {a["id"]: "recorded reason" for a in stored["applications"]},
            }
            session.execute(
                update(SelectionRunRow).where(SelectionRunRow.id == row.id).values(result=stored)
            )

        def never(*_: Any, **__: Any) -> Any:
            raise AssertionError("a locked round's run is not computed again")

        monkeypatch.setattr(selecting, "evaluate", never)
        run = selecting.run_selection(database, "en")
    assert not run.recorded and run.result is None
    assert run.document["boundary_ties"] == stored["boundary_ties"]
    assert {a["reason"] for a in run.document["applications"]} == {"recorded reason"}
    assert "reasons" not in run.document and "record" not in run.document
    assert set(run.document) == {
        "round",
        "objective",
        "applications",
        "quotas",
        "tracks",
        "boundary_ties",
    }


def test_a_locked_round_whose_data_changed_is_refused_before_computing(
    round_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.services import locking

    with rounds.open_round(round_db) as database:
        locking.lock_round(database)
        with database.session() as session:
            repository.round_info(session).status = "open"
            first = repository.load_round(session).reviews[0]
            repository.replace_reviews(
                session, [Review(first.application_id, first.reviewer_id, first.scores, "x")], "t"
            )
            repository.round_info(session).status = "locked"

        def never(*_: Any, **__: Any) -> Any:
            raise AssertionError("computed for a locked round")

        monkeypatch.setattr(selecting, "evaluate", never)
        with pytest.raises(RefusedByState):
            selecting.run_selection(database, "en")
