"""The reviews matrix, driven as a chair would: choose a track, find the planted outlier,
read its criterion scores and comment, filter by reviewer, ask for a correction."""

from __future__ import annotations

import dataclasses
import random

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from reviewer.domain.config_toml import load_config
from reviewer.resources import template_path
from reviewer.sample.rows import DemoReview, DemoRound, Shape, generate
from reviewer.services.review_matrix import Mark
from reviewer.ui.dialogs.score_correction import ScoreCorrectionDialog
from reviewer.ui.main_window import MainWindow
from reviewer.ui.models.reviews import CONFLICT_FILL, OUTLIER_FILL, reviewer_key
from reviewer.ui.translation import Translations
from reviewer.ui.views.reviews import ReviewsView
from tests.gui.conftest import wait_for_load


@pytest.fixture(scope="module")
def sample() -> DemoRound:
    """The rows the ``selected_round`` fixture was imported from (120 applications, seed 7)."""
    return generate(load_config(str(template_path())), Shape(applications=120), random.Random(7))


def _reviews(window: MainWindow, qtbot: QtBot) -> ReviewsView:
    view = window.view("reviews")
    assert isinstance(view, ReviewsView)
    before = view.loads
    window.go_to("reviews")
    if before == 0:
        wait_for_load(qtbot, view, before)
    return view


def _choose(combo_owner: ReviewsView, which: str, value: str) -> None:
    combo = combo_owner.track_filter if which == "track" else combo_owner.reviewer_filter
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _click(qtbot: QtBot, view: ReviewsView, index: QModelIndex) -> None:
    view.table.scrollTo(index)
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(index).center()
    )


def _planted(sample: DemoRound) -> tuple[DemoReview, str]:
    review = next(r for r in sample.reviews if r.outlier)
    track = next(a.track for a in sample.applications if a.id == review.application_id)
    return review, track


def test_a_planted_outlier_is_found_and_its_scores_shown(
    qtbot: QtBot, opened: MainWindow, sample: DemoRound
) -> None:
    view = _reviews(opened, qtbot)
    planted, track = _planted(sample)
    assert "robust z-score |z| > 3.5" in view.summary.text()  # the rule is stated
    assert "at least 10 points from the median" in view.summary.text()
    _choose(view, "track", track)
    assert {row.track for row in view.proxy.source_rows()} == {track}
    assert view.table.isColumnHidden(view.model.column_of("track"))  # one track: no column
    qtbot.mouseClick(view.outliers_only, Qt.MouseButton.LeftButton)
    assert view.outliers_only.isChecked()
    shown = view.proxy.source_rows()
    assert shown and all(row.outliers for row in shown)
    assert planted.application_id in {row.application_id for row in shown}

    index = view.cell_index(planted.application_id, planted.reviewer_id)
    assert index is not None
    assert planted.total is not None
    # marked by text, not colour alone; the lowest of five or more: the trimmed mean drops it
    assert index.data() == f"▼ ({planted.total:.2f})"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == OUTLIER_FILL
    assert "Outlier" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "the trimmed mean drops this total (the lowest)" in index.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "Totals in parentheses are the highest and lowest" in view.summary.text()
    assert "before calibration" not in view.summary.text()  # the demo round is not calibrated

    _click(qtbot, view, index)
    detail = view.detail
    assert detail is not None
    assert (detail.application_id, detail.reviewer.id) == (
        planted.application_id,
        planted.reviewer_id,
    )
    assert planted.application_id in view.heading.text()
    assert planted.reviewer_id in view.heading.text()
    assert "Outlier: |z| is above 3.5" in view.verdict.text()
    criteria = load_config(str(template_path())).track(track)
    assert criteria is not None
    names = [c.name for c in criteria.criteria]
    assert [view.criteria.index(r, 0).data() for r in range(view.criteria.rowCount())] == names
    shown_scores = [view.criteria.index(r, 2).data() for r in range(view.criteria.rowCount())]
    expected = [v if isinstance(v, str) else f"{v:g}" for v in planted.scores if v is not None]
    assert shown_scores == expected
    assert view.comment.text() == (planted.comment or "(no comment)")


def test_track_and_reviewer_filters_change_rows_and_columns(
    qtbot: QtBot, opened: MainWindow, sample: DemoRound
) -> None:
    view = _reviews(opened, qtbot)
    planted, track = _planted(sample)
    view.track_filter.setCurrentIndex(0)  # all tracks
    assert view.proxy.rowCount() == 120
    assert not view.table.isColumnHidden(view.model.column_of("track"))
    _choose(view, "track", track)
    in_track = {a.id for a in sample.applications if a.track == track}
    assert {row.application_id for row in view.proxy.source_rows()} == in_track
    reviewers_in_track = sorted(
        {r.reviewer_id for r in sample.reviews if r.application_id in in_track}
    )
    assert view.model.reviewer_columns() == reviewers_in_track
    assert view.filters.shown.text() == f"{len(in_track)} of {len(in_track)}"

    _choose(view, "reviewer", planted.reviewer_id)
    theirs = {
        r.application_id
        for r in sample.reviews
        if r.reviewer_id == planted.reviewer_id and r.application_id in in_track
    }
    assert {row.application_id for row in view.proxy.source_rows()} == theirs
    columns = view.model.reviewer_columns()
    assert columns[0] == planted.reviewer_id  # the chosen reviewer first, then co-reviewers
    assert set(columns) == {r.reviewer_id for r in sample.reviews if r.application_id in theirs}
    assert view.summary.text().splitlines()[1].startswith(f"{planted.reviewer_id}: ")

    qtbot.keyClicks(view.filters.search, planted.application_id)
    assert [row.application_id for row in view.proxy.source_rows()] == [planted.application_id]
    view.filters.search.clear()
    view.reviewer_filter.setCurrentIndex(0)
    assert {row.application_id for row in view.proxy.source_rows()} == in_track


def test_conflicts_are_marked_in_words_and_colour(
    qtbot: QtBot, opened: MainWindow, sample: DemoRound
) -> None:
    view = _reviews(opened, qtbot)
    recusal = next(r for r in sample.reviews if r.conflict)
    track = next(a.track for a in sample.applications if a.id == recusal.application_id)
    _choose(view, "track", track)
    index = view.cell_index(recusal.application_id, recusal.reviewer_id)
    assert index is not None
    assert index.data() == "COI"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == CONFLICT_FILL
    _click(qtbot, view, index)
    assert view.detail is not None and view.detail.cell.mark is Mark.CONFLICT
    assert "not counted" in view.verdict.text()
    assert not view.correct_button.isEnabled() and not view.conflict_button.isEnabled()
    # a reviewer without a cell on an application shows nothing there
    row = view.proxy.source_rows()[0]
    absent = next(r for r in view.model.reviewer_columns() if r not in row.cells)
    blank = view.proxy.index(0, view.model.column_of(reviewer_key(absent)))
    assert blank.data() == ""
    assert blank.data(Qt.ItemDataRole.ToolTipRole) == "Not assigned"


def test_the_correction_buttons_ask_for_the_chosen_cell(
    qtbot: QtBot, opened: MainWindow, sample: DemoRound
) -> None:
    view = _reviews(opened, qtbot)
    planted, track = _planted(sample)
    _choose(view, "track", track)
    assert not view.correct_button.isEnabled()  # nothing chosen yet
    index = view.cell_index(planted.application_id, planted.reviewer_id)
    assert index is not None
    _click(qtbot, view, index)
    assert view.correct_button.isEnabled() and view.conflict_button.isEnabled()
    with qtbot.waitSignal(view.correction_requested, timeout=2_000) as correction:
        qtbot.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    assert correction.args == [planted.application_id, planted.reviewer_id]
    with qtbot.waitSignal(view.conflict_requested, timeout=2_000) as conflict:
        qtbot.mouseClick(view.conflict_button, Qt.MouseButton.LeftButton)
    assert conflict.args == [planted.application_id, planted.reviewer_id]

    view.set_locked(True)
    assert not view.correct_button.isEnabled() and not view.conflict_button.isEnabled()
    assert "locked" in view.correct_button.toolTip()
    with qtbot.assertNotEmitted(view.correction_requested):
        qtbot.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    view.set_locked(False)
    assert view.correct_button.isEnabled()


def test_a_reload_keeps_the_chosen_track_and_cell(
    qtbot: QtBot, opened: MainWindow, sample: DemoRound
) -> None:
    view = _reviews(opened, qtbot)
    planted, track = _planted(sample)
    _choose(view, "track", track)
    index = view.cell_index(planted.application_id, planted.reviewer_id)
    assert index is not None
    _click(qtbot, view, index)
    before = view.loads
    view.load()
    wait_for_load(qtbot, view, before)
    assert view.track_filter.currentData() == track
    assert view.detail is not None
    assert (view.detail.application_id, view.detail.reviewer.id) == (
        planted.application_id,
        planted.reviewer_id,
    )
    current = view.table.currentIndex()
    assert current.data() == f"▼ ({planted.total:.2f})"


def test_the_marks_and_the_rule_read_in_korean(
    qtbot: QtBot, qapp: object, opened: MainWindow, sample: DemoRound
) -> None:
    view = _reviews(opened, qtbot)
    recusal = next(r for r in sample.reviews if r.conflict)
    track = next(a.track for a in sample.applications if a.id == recusal.application_id)
    _choose(view, "track", track)
    translations = Translations(qapp)  # type: ignore[arg-type]
    opened.translations = translations
    try:
        opened.korean_action.trigger()
        qtbot.waitUntil(lambda: view.outliers_only.text() == "이상치만 보기")
        index = view.cell_index(recusal.application_id, recusal.reviewer_id)
        assert index is not None and index.data() == "이해충돌"
        assert view.summary.text().startswith("이상치 기준: 로버스트 z점수 |z| > 3.5")
        assert view.track_filter.itemText(0) == "전체 트랙"
        assert view.correct_button.text() == "점수 정정…"
        column = view.model.column_of("median")
        assert view.model.headerData(column, Qt.Orientation.Horizontal) == "중앙값"
    finally:
        opened.english_action.trigger()
        translations.uninstall()
    qtbot.waitUntil(lambda: view.outliers_only.text() == "Outliers only")
    index = view.cell_index(recusal.application_id, recusal.reviewer_id)
    assert index is not None and index.data() == "COI"


def test_correct_score_in_the_matrix_opens_the_correction_of_that_review(
    qtbot: QtBot, opened: MainWindow, sample: DemoRound
) -> None:
    view = _reviews(opened, qtbot)
    planted, track = _planted(sample)
    _choose(view, "track", track)
    index = view.cell_index(planted.application_id, planted.reviewer_id)
    assert index is not None
    _click(qtbot, view, index)
    for button, ticked in ((view.correct_button, False), (view.conflict_button, True)):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = opened.dialog
        assert isinstance(dialog, ScoreCorrectionDialog) and dialog.isVisible()
        qtbot.waitUntil(lambda d=dialog: d.form is not None, timeout=15_000)  # type: ignore[misc]
        assert dialog.form is not None
        assert dialog.form.application_id == planted.application_id
        assert dialog.form.reviewer_id == planted.reviewer_id
        assert dialog.conflict.isChecked() is ticked
        dialog.reject()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=5_000)  # type: ignore[misc]


def test_a_zscore_round_says_the_totals_are_before_calibration(
    qtbot: QtBot, opened: MainWindow
) -> None:
    view = _reviews(opened, qtbot)
    assert view.matrix is not None
    view.matrix = dataclasses.replace(view.matrix, normalize="zscore")
    view._show_summary()
    lines = view.summary.text().splitlines()
    assert "Totals before calibration; the final uses calibrated (z-score) totals." in lines
    assert any("whose calibrated totals are the highest and lowest" in line for line in lines)
