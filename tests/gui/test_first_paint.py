"""``reviewer-gui --exit-after-first-paint`` shows the window and exits once painted
(the start-up benchmark times it), and the window carries the application icon."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import reviewer.ui.app
from reviewer.cli import gui_main
from reviewer.ui.app import application, run
from reviewer.ui.settings import Settings


def test_the_window_exits_after_its_first_paint(tmp_path: Path) -> None:
    app = application()
    guard = QTimer()  # never painted: fail, don't hang
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: app.exit(99))
    guard.start(30_000)
    try:
        code = run(
            None, "en", exit_after_first_paint=True, settings=Settings.at(tmp_path / "s.ini")
        )
    finally:
        guard.stop()
    assert code == 0
    QApplication.processEvents()


def test_the_application_has_its_icon() -> None:
    app = application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()[0].width() == 256


def test_the_command_line_passes_the_option_on(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str | None, dict[str, object]]] = []

    def fake_run(target: str | None = None, lang: str | None = None, **options: object) -> int:
        calls.append((target, options))
        return 0

    monkeypatch.setattr(reviewer.ui.app, "run", fake_run)
    assert gui_main(["--exit-after-first-paint", "r.db"]) == 0
    assert gui_main(["r.db"]) == 0
    assert calls == [("r.db", {"exit_after_first_paint": True}), ("r.db", {})]
