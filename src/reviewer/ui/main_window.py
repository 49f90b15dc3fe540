"""The chair's window: it composes the start page and the round's views, and owns the
menus and the status bar. It holds no business logic: each action calls a view's method
or a dialog, and those call the services through the round session."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from reviewer.domain.package import PACKAGE_SUFFIX, SCORE_FILE_SUFFIX
from reviewer.i18n import Lang
from reviewer.services import locking
from reviewer.services.browse import RoundOverview
from reviewer.ui.dialogs.lock import UnlockDialog, ask_lock, ask_unlock_reason
from reviewer.ui.dialogs.new_round import open_new_round
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.settings import Settings
from reviewer.ui.translation import Translations
from reviewer.ui.undo import UndoStack
from reviewer.ui.views.applications import ApplicationsView
from reviewer.ui.views.assignments import AssignmentsView
from reviewer.ui.views.audit import AuditView
from reviewer.ui.views.base import View
from reviewer.ui.views.charts import ChartsPage
from reviewer.ui.views.dashboard import DashboardView
from reviewer.ui.views.import_view import ImportView
from reviewer.ui.views.reviewers import ReviewersView
from reviewer.ui.views.reviews import ReviewsView
from reviewer.ui.views.selection import SelectionView
from reviewer.ui.views.start import StartPage
from reviewer.ui.views.statistics import StatisticsView
from reviewer.ui.views.whatif import WhatIfView

if TYPE_CHECKING:
    from reviewer.ui.reviewer.window import ReviewerWindow

# The dialogs of exports, imports and corrections and the reviewer's window are imported
# when first used: they bring the report, workbook and encryption libraries, and the
# window paints before those load.

ROUND_SUFFIXES = (".db", ".sqlite", ".sqlite3")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".csv")  # dropped on an open round: imported
OWN_SHORTCUTS = {"assignments": "Ctrl+Shift+G"}  # views without a digit of their own


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        translations: Translations | None = None,
        lang: Lang = "ko",
    ) -> None:
        super().__init__()
        self.settings = settings
        self.translations = translations
        self._lang: Lang = translations.lang if translations is not None else lang
        self.session = RoundSession(lambda: self._lang, self)
        self.session.opened.connect(self._opened)
        self.session.closed.connect(self._closed)
        self.session.changed.connect(self._changed)
        self.session.failed.connect(self.show_error)
        self.session.busy_changed.connect(self._busy)
        self.setAcceptDrops(True)
        self.resize(1320, 820)
        self.dialog: QWidget | None = None  # the dialog open now, if any
        self.reviewer_windows: list[ReviewerWindow] = []  # packages dropped on the window
        self.error_box: QMessageBox | None = None
        # the chair's review corrections; cleared when the round is closed or replaced
        self.undo_stack = UndoStack(self.session, self)
        self.undo_stack.failed.connect(self._step_failed)
        self.undo_stack.done.connect(self._step_done)
        self.undo_stack.settled.connect(self._steps_settled)
        self._after_steps: Callable[[], None] | None = None  # waits for undo steps
        self._failed_while_waiting = False
        # score files opened from the file manager, imported once their round is open
        self._pending_score_files: list[str] = []

        self.start = StartPage(settings)
        self.start.open_requested.connect(self.open_round)
        self.start.choose_requested.connect(self.choose_round)
        self.start.new_requested.connect(self.new_round)
        self.views: list[View] = [
            DashboardView(self.session),  # in the order a round is worked through
            ImportView(self.session),
            ApplicationsView(self.session),
            ReviewersView(self.session),
            AssignmentsView(self.session),
            ReviewsView(self.session),
            StatisticsView(self.session),
            ChartsPage(self.session),
            SelectionView(self.session),
            WhatIfView(self.session),
            AuditView(self.session),
        ]
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.pages = QStackedWidget()
        for view in self.views:
            self.navigation.addItem(view.title())
            self.pages.addWidget(view)
            view.navigate.connect(self.go_to)
        applications = self.view("applications")
        assert isinstance(applications, ApplicationsView)
        applications.correction_requested.connect(self.correct_score)
        importer = self.view("import")
        assert isinstance(importer, ImportView)
        importer.attachments_requested.connect(lambda: self.import_attachments())
        reviews = self.view("reviews")
        assert isinstance(reviews, ReviewsView)
        reviews.correction_requested.connect(self.correct_score)
        reviews.conflict_requested.connect(self.mark_conflict)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setFixedWidth(max(150, self.fontMetrics().horizontalAdvance("M" * 12)))
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { outline: 0; }"
            "QListWidget#navigation::item { padding: 6px 8px; }"
        )
        round_page = QWidget()
        row = QHBoxLayout(round_page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.stack.addWidget(round_page)
        self.setCentralWidget(self.stack)

        self.where = QLabel()
        self.lock_badge = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.statusBar().addWidget(self.where, 1)
        self.statusBar().addPermanentWidget(self.lock_badge)
        self.statusBar().addPermanentWidget(self.progress)

        self._make_actions()
        self.retranslate()
        geometry = settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._update_state()

    # -- actions and menus ------------------------------------------------------------------

    def _action(
        self, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _make_actions(self) -> None:
        self.new_action = self._action(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_round)
        self.open_action = self._action(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_round)
        self.close_action = self._action("Ctrl+W")
        self.close_action.triggered.connect(self.close_round)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.refresh_action = self._action("F5")  # Ctrl+R, the standard elsewhere, selects
        self.refresh_action.triggered.connect(self.session.refresh_overview)
        self.select_action = self._action("Ctrl+R")
        self.select_action.triggered.connect(self.run_selection)
        self.export_action = self._action("Ctrl+E")
        self.export_action.triggered.connect(self.export_reports)
        self.lock_action = self._action("Ctrl+L")
        self.lock_action.triggered.connect(self.lock_round)
        self.unlock_action = self._action("Ctrl+Shift+L")
        self.unlock_action.triggered.connect(self.unlock_round)
        self.undo_action, self.redo_action = self.undo_stack.make_actions(self)
        self.import_actions: dict[str, QAction] = {}
        for kind, shortcut in (
            ("applications", "Ctrl+Shift+A"),
            ("reviewers", "Ctrl+Shift+R"),
            ("scores", "Ctrl+Shift+S"),
        ):
            action = self._action(shortcut)
            action.triggered.connect(lambda _=False, kind=kind: self.import_files(kind))
            self.import_actions[kind] = action
        self.attachments_action = self._action("Ctrl+Shift+T")
        self.attachments_action.triggered.connect(lambda _=False: self.import_attachments())
        self.score_files_action = self._action("Ctrl+Shift+V")
        self.score_files_action.triggered.connect(lambda _=False: self.import_score_files())
        self.view_actions: list[QAction] = []
        number = 0
        for view in self.views:
            # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth view (the keyboard's order); the
            # views added later keep their own shortcut so the digits stay where they were
            keys = OWN_SHORTCUTS.get(view.key)
            if keys is None:
                number += 1
                keys = f"Ctrl+{number % 10}" if number <= 10 else None
            action = self._action(keys)
            action.triggered.connect(lambda _=False, key=view.key: self.go_to(key))
            self.view_actions.append(action)
        self.language_group = QActionGroup(self)
        self.korean_action = self._action()
        self.english_action = self._action()
        for action, lang in ((self.korean_action, "ko"), (self.english_action, "en")):
            action.setCheckable(True)
            action.setChecked(self._lang == lang)
            action.triggered.connect(lambda _=False, lang=lang: self.set_language(lang))
            self.language_group.addAction(action)

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addAction(self.close_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.round_menu = bar.addMenu("")
        self.round_menu.setToolTipsVisible(True)  # a disabled action says why
        for action in self.import_actions.values():
            self.round_menu.addAction(action)
        self.round_menu.addAction(self.attachments_action)
        self.round_menu.addAction(self.score_files_action)
        self.round_menu.addSeparator()
        self.round_menu.addAction(self.select_action)
        self.round_menu.addAction(self.export_action)
        self.round_menu.addSeparator()
        self.round_menu.addAction(self.lock_action)
        self.round_menu.addAction(self.unlock_action)
        self.view_menu = bar.addMenu("")
        for action in self.view_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.refresh_action)
        self.language_menu = bar.addMenu("")
        self.language_menu.addAction(self.korean_action)
        self.language_menu.addAction(self.english_action)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_stack.retranslate()
        self.round_menu.setTitle(self.tr("&Round"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.new_action.setText(self.tr("&New round…"))
        self.open_action.setText(self.tr("&Open round…"))
        self.close_action.setText(self.tr("&Close round"))
        self.quit_action.setText(self.tr("&Quit"))
        self.refresh_action.setText(self.tr("Re&fresh"))
        self.select_action.setText(self.tr("&Run selection"))
        self.export_action.setText(self.tr("&Export reports…"))
        self.lock_action.setText(self.tr("&Lock round…"))
        self.unlock_action.setText(self.tr("&Unlock round…"))
        self.import_actions["applications"].setText(self.tr("Import &applications…"))
        self.import_actions["reviewers"].setText(self.tr("Import r&eviewers…"))
        self.import_actions["scores"].setText(self.tr("Import &scores…"))
        self.attachments_action.setText(self.tr("Import a&ttachments…"))
        self.score_files_action.setText(self.tr("Import re&viewers' score files…"))
        self.korean_action.setText("한국어")
        self.english_action.setText("English")
        for number, view in enumerate(self.views):
            self.view_actions[number].setText(view.title())
            item = self.navigation.item(number)
            if item is not None:
                item.setText(view.title())
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- language --------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        """Switch the language now (every view sets its texts again) and remember it."""
        self._lang = lang
        self.settings.set_language(lang)
        (self.korean_action if lang == "ko" else self.english_action).setChecked(True)
        if self.translations is not None:
            self.translations.set_language(lang)
        if self.session.is_open:
            self.session.refresh_overview()  # reasons are kept in both languages

    @property
    def lang(self) -> Lang:
        return self._lang

    # -- opening and closing ---------------------------------------------------------------

    def new_round(self) -> None:
        """The new-round form; the round it creates is opened."""
        self.dialog = open_new_round(self, self.open_round, lambda: self._lang)

    def choose_round(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open round"), "", self.tr("Round databases (*.db);;All files (*)")
        )
        if path:
            self.open_round(path)

    def open_round(self, target: str | Path) -> None:
        """Open a round in the background; the start page stays until it is open. An
        undo, redo or correction still pending in the open round ends first."""

        def open_it() -> None:
            self.where.setText(self.tr("Opening {target}…").format(target=target))
            self.session.open(str(target), on_error=lambda e: self._open_failed(str(target), e))

        self._when_settled(open_it)

    def _open_failed(self, target: str, error: BaseException) -> None:
        message = error_text(error, self._lang)
        if self._pending_score_files:
            self._pending_score_files = []
            message += "\n" + self.tr("The score files were not imported.")
        self._update_state()
        self.show_error(self.tr("Cannot open the round"), message)
        if not Path(target).exists():
            self.settings.remove_recent(target)
            self.start.reload()

    def close_round(self) -> None:
        """Close the round, once an undo, redo or correction still pending has ended (its
        outcome is shown: a failure in a message, a success in the status bar)."""
        self._when_settled(self.session.close)

    def _when_settled(self, then: Callable[[], None]) -> None:
        stack = self.undo_stack
        if self.session.is_open and (stack.pending or stack.saving):
            self._after_steps = then  # the newest request wins
            self._failed_while_waiting = False
            self.where.setText(self.tr("Waiting for the undo to finish…"))
            return
        then()

    def _steps_settled(self) -> None:
        then, self._after_steps = self._after_steps, None
        if then is not None:
            then()

    def _step_failed(self, title: str, message: str) -> None:
        if self._after_steps is not None:
            self._failed_while_waiting = True
        self.show_error(title, message)

    def _step_done(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _opened(self, overview: RoundOverview) -> None:
        target = self.session.target or ""
        self.settings.add_recent(target)
        self.start.reload()
        self.stack.setCurrentIndex(1)
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        self._update_state()
        pending, self._pending_score_files = self._pending_score_files, []
        if pending:
            self.open_score_files(pending)  # imported, or refused when the round is locked

    def _closed(self) -> None:
        self.stack.setCurrentIndex(0)
        self._update_state()

    def _changed(self, _what: str) -> None:
        self._update_state()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for target in self.settings.recent_rounds():
            action = self.recent_menu.addAction(target)
            action.triggered.connect(lambda _=False, t=target: self.open_round(t))
        self.recent_menu.setEnabled(bool(self.settings.recent_rounds()))

    # -- views -----------------------------------------------------------------------------

    def view(self, key: str) -> View:
        return next(v for v in self.views if v.key == key)

    def go_to(self, key: str, ids: Sequence[str] | None = None) -> None:
        """Show the view ``key``; with ``ids`` (from a warning), only those rows — an
        empty list shows every row again."""
        view = self.view(key)
        self.navigation.setCurrentRow(self.views.index(view))
        if ids is not None:
            view.show_ids(list(ids))

    def current_view(self) -> View:
        return self.views[self.pages.currentIndex()]

    # -- round actions -----------------------------------------------------------------------

    def run_selection(self) -> None:
        selection = self.view("selection")
        assert isinstance(selection, SelectionView)
        self.go_to("selection")
        selection.run_selection()

    def export_reports(self) -> None:
        """Open the export dialog (refused there, with the reason, without a current run)."""
        if self.session.is_open:
            from reviewer.ui.dialogs.export import open_export

            self.dialog = open_export(self.session, self)

    def import_files(self, kind: str | None, paths: list[str] | None = None) -> None:
        """Show the import view and check ``paths`` (or the files the user chooses) as
        ``kind``; without a kind, the files' headers tell it."""
        view = self.view("import")
        assert isinstance(view, ImportView)
        if paths is None:
            self.go_to("import")
            view.choose_files(kind)
            self.dialog = view.file_dialog
        else:
            view.set_files(paths, kind)
            self.go_to("import")

    def import_attachments(self, folder: str | None = None) -> None:
        """Import the files below ``folder`` (or a folder the user chooses) as the
        applications' attachments, with progress and a summary."""
        if not self.session.is_open or self.session.locked:
            return
        from reviewer.ui.dialogs.attachments import choose_folder, import_folder

        if folder is None:
            self.dialog = choose_folder(self, self.import_attachments)
        else:
            self.dialog = import_folder(self.session, folder, self)

    def import_score_files(self, paths: list[str] | None = None) -> None:
        """Import the score files reviewers sent back (``paths``, or files the user
        chooses), with every check of ``reviewer import scores`` and a summary."""
        if not self.session.is_open or self.session.locked:
            return
        from reviewer.ui.dialogs.score_files import choose_score_files, import_score_file_paths

        if paths is None:
            self.dialog = choose_score_files(self, self.import_score_files)
        else:
            self.dialog = import_score_file_paths(self.session, paths, self)

    def open_score_files(self, paths: list[str]) -> None:
        """Score files opened from the file manager (a double-click on a ``.rvscore``):
        imported into the open round, else into the recent round they were made for,
        once it is open (found in the worker by the round's uid); otherwise the user is
        told what to do."""
        if self.session.is_open:
            if self.session.locked:
                self._score_files_refused(
                    self.tr("The round is locked: unlock it to import scores.")
                )
            else:
                self.import_score_files(paths)
            return
        recent = self.settings.recent_rounds()
        if not recent or not paths:
            self._score_files_refused(self._open_the_round())
            return
        from reviewer.services.score_returns import round_of_score_file

        def found(target: str | None) -> None:
            if self.session.is_open:  # a round was opened meanwhile: it decides
                self.open_score_files(paths)
            elif target is None:
                self._score_files_refused(
                    self.tr("None of the recently opened rounds is the round of {file}.").format(
                        file=Path(paths[0]).name
                    )
                    + " "
                    + self._open_the_round()
                )
            else:
                self._pending_score_files = list(paths)
                self.open_round(target)

        self.where.setText(
            self.tr("Looking for the round of {file}…").format(file=Path(paths[0]).name)
        )
        self.session.worker.submit(
            "find the round of a score file",
            lambda control: round_of_score_file(Path(paths[0]), recent),
            on_success=found,
            on_error=lambda error: self._score_files_refused(error_text(error, self._lang)),
        )

    def _open_the_round(self) -> str:
        return self.tr(
            "Open the round these scores belong to, then drop the score files on "
            "the window or choose Round ▸ Import reviewers' score files."
        )

    def _score_files_refused(self, message: str) -> None:
        self._pending_score_files = []
        self._update_state()
        self.show_error(self.tr("The score files were not imported"), message)

    def correct_score(self, application_id: str, reviewer_id: str = "") -> None:
        """Open the correction of a review (without a reviewer, the application's first)."""
        if self.session.is_open:
            from reviewer.ui.dialogs.score_correction import open_score_correction

            open_score_correction(
                self, self.session, self.undo_stack, application_id, reviewer_id or None
            )

    def mark_conflict(self, application_id: str, reviewer_id: str) -> None:
        """Open the correction of a review with its conflict-of-interest box ticked."""
        if self.session.is_open:
            from reviewer.ui.dialogs.score_correction import open_score_correction

            open_score_correction(
                self, self.session, self.undo_stack, application_id, reviewer_id, conflict=True
            )

    def lock_round(self) -> None:
        """Ask, then lock the round (refused, with the reason shown, when no current
        selection run exists)."""
        if self.session.is_open and not self.session.locked:
            self.dialog = ask_lock(self, self._lock)

    def _lock(self) -> None:
        self.session.change(
            "lock",
            lambda r, control: locking.lock_round(r.database),
            failure_title=self.tr("The round was not locked"),
        )

    def unlock_round(self) -> None:
        """Ask for the reason, then unlock the round."""
        if self.session.is_open and self.session.locked:
            self.dialog = ask_unlock_reason(self, self._unlock)

    def _unlock(self, dialog: UnlockDialog, reason: str) -> None:
        self.session.change(
            "unlock",
            lambda r, control: locking.unlock_round(r.database, reason),
            lambda _: dialog.accept(),
            on_error=lambda error: dialog.failed(error_text(error, self._lang)),
        )

    # -- state -------------------------------------------------------------------------------

    def _update_state(self) -> None:
        is_open = self.session.is_open
        overview = self.session.overview
        locked = self.session.locked
        busy = self.session.busy
        if overview is not None:
            self.setWindowTitle(self.tr("{name} — Reviewer").format(name=overview.name))
            self.where.setText(self.session.target or "")
        else:
            self.setWindowTitle(self.tr("Reviewer"))
            if not busy:
                self.where.setText(self.tr("Open a round database to begin."))
        self.lock_badge.setText(
            self.tr("🔒 Locked") if locked else (self.tr("Open for changes") if is_open else "")
        )
        self.lock_badge.setToolTip(
            self.tr("The round is locked: its data and results cannot change until it is unlocked")
            if locked
            else ""
        )
        self.close_action.setEnabled(is_open)
        self.refresh_action.setEnabled(is_open)
        for action in self.view_actions:
            action.setEnabled(is_open)
        self.select_action.setEnabled(is_open and not locked)
        self.export_action.setEnabled(is_open)  # also when locked: exporting only reads
        self.lock_action.setEnabled(is_open and not locked)
        self.unlock_action.setEnabled(is_open and locked)
        locked_tip = self.tr("The round is locked: unlock it first") if locked else ""
        self.select_action.setToolTip(locked_tip)
        for action in (
            *self.import_actions.values(),
            self.attachments_action,
            self.score_files_action,
        ):
            action.setEnabled(is_open and not locked)
            action.setToolTip(locked_tip)
        for view in self.views:
            view.set_locked(locked)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self._update_state()

    def show_error(self, title: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.error_box = box

    # -- drops -------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(self._droppable(url.toLocalFile()) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        reviewer_packages = [p for p in paths if p.lower().endswith(PACKAGE_SUFFIX)]
        if reviewer_packages:
            self.open_package(reviewer_packages[0])
            event.acceptProposedAction()
            return
        rounds = [p for p in paths if p.lower().endswith(ROUND_SUFFIXES)]
        if rounds:
            self.open_round(rounds[0])
            event.acceptProposedAction()
            return
        score_files = [p for p in paths if p.lower().endswith(SCORE_FILE_SUFFIX)]
        if score_files and self.session.is_open and not self.session.locked:
            self.import_score_files(score_files)
            event.acceptProposedAction()
            return
        workbooks = [p for p in paths if p.lower().endswith(WORKBOOK_SUFFIXES)]
        if workbooks and self.session.is_open:
            self.import_files(None, workbooks)
            event.acceptProposedAction()
            return
        folders = [p for p in paths if _folder_like(p)]
        if folders and self.session.is_open and not self.session.locked:
            # a folder dropped: its attachments (the import says so if it is no folder)
            self.import_attachments(folders[0])
            event.acceptProposedAction()

    def open_package(self, path: str | Path) -> ReviewerWindow:
        """Open a reviewer package in the reviewer's window of its own (its password is
        asked there)."""
        from reviewer.ui.reviewer.window import ReviewerWindow

        window = ReviewerWindow(self.settings, self.translations, self._lang)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_: self._forget_reviewer(window))
        self.reviewer_windows.append(window)
        window.show()
        window.open_package(Path(path))
        return window

    def _forget_reviewer(self, window: ReviewerWindow) -> None:
        if window in self.reviewer_windows:
            self.reviewer_windows.remove(window)

    def _droppable(self, path: str) -> bool:
        if path.lower().endswith(PACKAGE_SUFFIX):
            return True
        if self.session.is_open and path.lower().endswith(WORKBOOK_SUFFIXES):
            return True
        editable = self.session.is_open and not self.session.locked
        if editable and (path.lower().endswith(SCORE_FILE_SUFFIX) or _folder_like(path)):
            return True
        return path.lower().endswith(ROUND_SUFFIXES)

    # -- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        stack = self.undo_stack
        if self.session.is_open and (stack.pending or stack.saving):
            # quit once the pending step has ended, unless it failed: its message stays
            event.ignore()

            def quit_after() -> None:
                if not self._failed_while_waiting:
                    self.close()

            self._when_settled(quit_after)
            return
        self.settings.set_geometry("main", self.saveGeometry())
        self.settings.sync()
        self.session.close()
        self.session.wait()
        super().closeEvent(event)


def _folder_like(path: str) -> bool:
    """Whether a dropped path looks like a folder (no extension; the GUI thread does
    not ask the file system)."""
    return bool(path) and not Path(path.rstrip("/\\")).suffix
