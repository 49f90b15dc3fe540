"""A reviewer's window in a process of its own, for the test that kills it: it opens the
package, types scores and a comment, says ``SAVED`` once the working file has them, and
then waits — for the kill (``python -m tests.gui.reviewer_child PACKAGE PASSWORD``)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from reviewer.ui.app import application, make_reviewer_window
from reviewer.ui.settings import Settings


def main(package: str, password: str) -> int:
    app = application()
    settings = Settings.at(Path(tempfile.mkdtemp()) / "settings.ini")
    window = make_reviewer_window(app, "en", settings)
    window.show()
    typed = False

    def poll() -> None:
        nonlocal typed
        form = window.form
        if window.work is None or window.current != "2025-0001":
            return
        if not typed:
            QTest.keyClicks(form.editors["tech"], "33")
            QTest.keyClicks(form.editors["biz"], "21")
            QTest.keyClicks(form.comment, "typed before the kill")
            typed = True
        elif not window.session.saving:
            print("SAVED", flush=True)
            timer.stop()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    window.open_package(Path(package), password)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
