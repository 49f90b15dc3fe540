"""Screenshots of the reviewer's window (``reviewer gui R.rvpkg --screenshot F.png --view
reviewer-list``): the real window offscreen, on a copy of the reviewer's working file in
a temporary folder, so taking a screenshot never changes what the reviewer typed."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def render_reviewer_view(
    target: str,
    output: Path,
    view: str,
    lang: str | None,
    size: tuple[int, int],
    password: str | None,
) -> int:
    """Write the screenshot; 0 on success, 3 when the package cannot be opened."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QWidget

    from reviewer.exchange.packages import read_header
    from reviewer.services.reviewer_work import DATA_DIR_VARIABLE, work_path
    from reviewer.ui.app import application, make_reviewer_window
    from reviewer.ui.reviewer.dialogs import PasswordDialog
    from reviewer.ui.round_session import error_text
    from reviewer.ui.settings import Settings

    package = Path(target)
    app = application()
    previous = os.environ.get(DATA_DIR_VARIABLE)
    with tempfile.TemporaryDirectory() as scratch:
        try:
            existing = work_path(read_header(package).package_id)
        except Exception:  # the window says why the package does not open
            existing = None
        if existing is not None and existing.exists():
            copy = work_path(existing.stem, Path(scratch) / "data")
            copy.parent.mkdir(parents=True)
            shutil.copy(existing, copy)
        os.environ[DATA_DIR_VARIABLE] = str(Path(scratch) / "data")
        try:
            window = make_reviewer_window(app, lang, Settings.at(Path(scratch) / "settings.ini"))
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

            window.open_package(package, password)
            wait(
                lambda: (
                    window.work is not None
                    or window.error_box is not None
                    or isinstance(window.dialog, PasswordDialog)
                )
            )
            if window.work is None:
                if isinstance(window.dialog, PasswordDialog):
                    message = window.dialog.error.text() or error_text(
                        _needs_password(), window.lang
                    )
                else:
                    box = window.error_box
                    message = box.text() if box is not None else target
                print(f"error: {message}", file=sys.stderr)
                window.close()
                return 3
            wait(lambda: not window.session.worker.running() and not window.session.saving)
            shown: QWidget = window
            if view == "reviewer-form":
                window.splitter.setSizes([0, 760, 560])
            if view == "reviewer-conflict":
                window.declare_conflict()
                if window.dialog is not None:
                    shown = window.dialog
            for _ in range(10):  # let layouts and the PDF's pages settle
                app.processEvents()
                time.sleep(0.02)
            saved = shown.grab().save(str(output), "PNG")
            if window.dialog is not None:
                window.dialog.close()
            window.close()
            if window.translations is not None:
                window.translations.uninstall()
            window.deleteLater()
            QApplication.processEvents()
        finally:
            if previous is None:
                os.environ.pop(DATA_DIR_VARIABLE, None)
            else:
                os.environ[DATA_DIR_VARIABLE] = previous
    if not saved:
        print(f"error: cannot write {output}", file=sys.stderr)
        return 3
    return 0


def _needs_password() -> Exception:
    from reviewer.errors import Location
    from reviewer.exchange.packages import PackagePasswordError

    return PackagePasswordError("package.password_needed", Location())
