"""``reviewer-gui --exit-after-first-paint`` shows the window and exits once painted
(the start-up benchmark times it), and the window carries the application icon."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import reviewer.ui.app
from reviewer.cli import gui_main
from reviewer.ui.app import application


def test_the_window_exits_after_its_first_paint(tmp_path: Path) -> None:
    # a program of its own: the application's event loop ends with it
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    code = "from reviewer.cli import gui_main; raise SystemExit(gui_main(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; {code}", "--lang", "en", "--exit-after-first-paint"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # never painted: fail, don't hang
    )
    assert result.returncode == 0, result.stderr


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
    assert calls == [
        ("r.db", {"password": None, "exit_after_first_paint": True}),
        ("r.db", {"password": None, "exit_after_first_paint": False}),
    ]
