"""The round session's changes: a change that was made is reported as made, even when
reading the round again after it fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reviewer.i18n import Lang
from reviewer.services import score_corrections as sc
from reviewer.services.browse import RoundOverview
from reviewer.services.session import OpenRound
from reviewer.ui.main_window import MainWindow
from tests.gui.test_score_corrections import _new_tech, _scored, _settled, _stored


def _overview_fails_once(monkeypatch: pytest.MonkeyPatch) -> None:
    real = OpenRound.overview
    calls = {"n": 0}

    def flaky(self: OpenRound, lang: Lang) -> RoundOverview:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("database is locked")
        return real(self, lang)

    monkeypatch.setattr(OpenRound, "overview", flaky)


def test_a_committed_change_is_delivered_when_the_overview_read_after_it_fails(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    overview = opened.session.overview
    _overview_fails_once(monkeypatch)
    results: list[Any] = []
    errors: list[BaseException] = []
    changed: list[str] = []
    failures: list[tuple[str, str]] = []
    opened.session.changed.connect(changed.append)
    opened.session.failed.connect(lambda title, text: failures.append((title, text)))
    opened.session.change(
        "test",
        lambda r, _: sc.correct_score(
            r.database, *key, "tech", _new_tech(review), "a", expected=None
        ),
        results.append,
        on_error=errors.append,
    )
    qtbot.waitUntil(lambda: bool(results or errors), timeout=15_000)
    assert not errors and results[0].after.scores["tech"] == float(_new_tech(review))
    assert changed == ["test"]  # the views refresh themselves
    assert opened.session.overview is overview  # kept as it was
    assert len(failures) == 1
    title, text = failures[0]
    assert title == "The view may be out of date"
    assert "The change was made" in text and "database is locked" in text
    assert _stored(qtbot, opened, review).scores["tech"] == float(_new_tech(review))


def test_an_undo_whose_overview_read_fails_is_still_undone_on_the_stack(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    review = _scored(qtbot, opened)
    key = (review.application_id, review.reviewer_id)
    box: list[sc.ReviewChange] = []
    opened.session.change(
        "test",
        lambda r, _: sc.correct_score(
            r.database, *key, "tech", _new_tech(review), "a", expected=None
        ),
        box.append,
    )
    qtbot.waitUntil(lambda: bool(box), timeout=15_000)
    stack = opened.undo_stack
    stack.push_change(box[0])
    _overview_fails_once(monkeypatch)
    opened.undo_action.trigger()
    _settled(qtbot, opened)
    assert _stored(qtbot, opened, review) == review
    assert stack.index() == 0 and stack.canRedo()  # undone, as the round is
    message = opened.error_box
    assert message is not None and "may be out of date" in message.windowTitle()
    assert "was not undone" not in message.text()
    opened.redo_action.trigger()  # the history is true: redo works
    _settled(qtbot, opened)
    assert _stored(qtbot, opened, review).scores["tech"] == float(_new_tech(review))


def test_other_changes_report_their_failure_as_before(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    errors: list[BaseException] = []
    results: list[Any] = []

    def fails(r: OpenRound, _: object) -> None:
        raise RuntimeError("refused")

    opened.session.change("test", fails, results.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=15_000)
    assert not results and str(errors[0]) == "refused"
