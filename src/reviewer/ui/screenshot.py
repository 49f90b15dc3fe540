"""Render one view of the window to a PNG and exit: for the documentation, and for
checking by eye what a user sees (``reviewer gui ROUND.db --screenshot F.png --view V``).

It runs the real window offscreen with settings of its own (the user's recent rounds and
language are neither read nor changed), opens the round, waits until the view has shown
its data, and grabs the window.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.domain.package import PACKAGE_SUFFIX

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from reviewer.ui.main_window import MainWindow

VIEWS = (
    "start",
    "dashboard",
    "import",
    "applications",
    "reviewers",
    "assignments",
    "reviews",
    "statistics",
    "charts",
    "selection",
    "whatif",
    "audit",
    "export",  # the export dialog over the selection
    "correction",  # the score-correction dialog of the first application's first review
    "attachments",  # the applications with the first one's details and attachments
)
REVIEWER_VIEWS = ("reviewer-list", "reviewer-form", "reviewer-conflict")  # of a package
# a dialog or a state of a page → the page
DIALOG_VIEWS = {"export": "selection", "correction": "applications", "attachments": "applications"}
SIZE = (1320, 820)


def render_view(
    target: str | None,
    output: Path,
    view: str | None = "dashboard",
    lang: str | None = None,
    size: tuple[int, int] = SIZE,
    password: str | None = None,
) -> int:
    """Write the screenshot; 0 on success, 3 when the round (or the reviewer package,
    opened with ``password``) cannot be opened."""
    package = target is not None and target.lower().endswith(PACKAGE_SUFFIX)
    if view is None:
        view = "reviewer-list" if package else "dashboard"
    if package or view in REVIEWER_VIEWS:
        if not package or view not in REVIEWER_VIEWS:
            print(f"error: the view {view} is of a reviewer package (.rvpkg)", file=sys.stderr)
            return 2
        from reviewer.ui.reviewer.screenshot import render_reviewer_view

        output.parent.mkdir(parents=True, exist_ok=True)
        return render_reviewer_view(str(target), output, view, lang, size, password)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.app import application, make_window
    from reviewer.ui.settings import Settings

    app = application()
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings.at(Path(scratch) / "settings.ini")
        window = make_window(app, lang, settings)
        window.resize(*size)
        window.show()

        def wait(condition: Callable[[], bool], seconds: float = 60) -> bool:
            deadline = time.monotonic() + seconds
            while not condition():
                if time.monotonic() > deadline:
                    return False
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                time.sleep(0.005)
            return True

        if target and view != "start":
            window.open_round(target)
            if not wait(lambda: window.session.is_open or window.error_box is not None):
                print(f"error: {target} did not open in time", file=sys.stderr)
                return 3
            if not window.session.is_open:
                box = window.error_box
                print(f"error: {box.text() if box else target}", file=sys.stderr)
                return 3
            page = window.view(DIALOG_VIEWS.get(view, view))
            before = page.loads
            window.go_to(page.key)
            wait(lambda: page.loads > before and not window.session.busy)
            prepare = getattr(page, "prepare_screenshot", None)
            if callable(prepare):  # a view may choose what a screenshot should show
                prepare()
        shown: QWidget = window
        if view == "export" and window.session.is_open:
            window.export_reports()
            if window.dialog is not None:
                shown = window.dialog
        if view == "correction" and window.session.is_open:
            shown = _correction(window, wait) or window
        if view == "attachments" and window.session.is_open:
            _first_application(window, wait)
        for _ in range(5):  # let layouts settle
            app.processEvents()
        pixmap = shown.grab()
        output.parent.mkdir(parents=True, exist_ok=True)
        saved = pixmap.save(str(output), "PNG")
        window.session.close()
        window.close()
        if window.translations is not None:
            window.translations.uninstall()
        window.deleteLater()
        QApplication.processEvents()
    if not saved:
        print(f"error: cannot write {output}", file=sys.stderr)
        return 3
    return 0


def _correction(window: MainWindow, wait: Callable[[Callable[[], bool]], bool]) -> QWidget | None:
    """The score-correction dialog of the first application, once it shows its review."""
    from reviewer.ui.dialogs.score_correction import ScoreCorrectionDialog
    from reviewer.ui.views.applications import ApplicationsView

    page = window.view("applications")
    listed = page.listed if isinstance(page, ApplicationsView) else None
    if listed is None or not listed.applications:
        return None
    window.correct_score(listed.applications[0].id)
    dialog = window.dialog
    if not isinstance(dialog, ScoreCorrectionDialog):
        return None
    wait(lambda: dialog.loads > 0 or dialog.error.isVisible())
    return dialog


def _first_application(window: MainWindow, wait: Callable[[Callable[[], bool]], bool]) -> None:
    """Choose the first application and wait until its attachments are shown."""
    from reviewer.ui.views.applications import ApplicationsView

    page = window.view("applications")
    if isinstance(page, ApplicationsView) and page.proxy.rowCount():
        shown = page.attachments_shown
        page.table.selectRow(0)
        wait(lambda: page.attachments_shown > shown)
