"""The reviewer's window (``reviewer gui R.rvpkg``): the assigned applications on the
left, the proposal in the middle, the score form on the right, and "Send scores".

It composes the parts and the actions only: opening, every save, the attachments and
sending go through the :class:`WorkSession`'s worker, and every check is the domain's.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from reviewer.domain.attachments import accepted
from reviewer.domain.package import PACKAGE_SUFFIX, PackageAttachment
from reviewer.domain.score_form import Draft, FormStatus
from reviewer.exchange.packages import PackageHeader, PackagePasswordError
from reviewer.i18n import Lang
from reviewer.services.reviewer_work import ReviewerWork, SendResult
from reviewer.ui import palette
from reviewer.ui.reviewer.assigned import AssignedList
from reviewer.ui.reviewer.dialogs import (
    ConflictDialog,
    PasswordDialog,
    ask_conflict,
    ask_password,
    confirm,
    tell,
)
from reviewer.ui.reviewer.proposal import ProposalView, open_with_system
from reviewer.ui.reviewer.score_form import ScoreForm
from reviewer.ui.reviewer.work_session import WorkSession
from reviewer.ui.round_session import error_text
from reviewer.ui.settings import Settings
from reviewer.ui.translation import Translations


class ReviewerWindow(QMainWindow):
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
        self.session = WorkSession(self)
        self.session.opened.connect(self._opened)
        self.session.saved.connect(lambda _d: self._show_saving())
        self.session.idle.connect(self._show_saving)
        self.session.save_failed.connect(self._save_failed)
        self.work: ReviewerWork | None = None
        self.drafts: dict[str, Draft] = {}
        self.current: str | None = None
        self.package_path: Path | None = None
        self.dialog: QWidget | None = None  # the dialog open now, if any
        self.error_box: QMessageBox | None = None
        self.opener = open_with_system  # opens an attachment outside (tests replace it)
        self._files: tempfile.TemporaryDirectory[str] | None = None
        self._save_error: str | None = None
        self.setAcceptDrops(True)
        self.setObjectName("reviewerWindow")
        self.resize(1320, 820)

        self.assigned = AssignedList()
        self.assigned.chosen.connect(self.choose)
        self.proposal = ProposalView()
        self.proposal.open_requested.connect(self.open_attachment)
        self.form = ScoreForm()
        self.form.edited.connect(self._edited)
        self.form.next_requested.connect(self.next_application)
        self.form.conflict_requested.connect(self.declare_conflict)
        self.form.withdraw_requested.connect(self.withdraw_conflict)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.assigned)
        self.splitter.addWidget(self.proposal)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([450, 500, 370])
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(f"color: {palette.MUTED}; font-size: 13pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.where = QLabel()
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.statusBar().addWidget(self.where, 1)
        self.statusBar().addPermanentWidget(self.save_state)

        self._make_actions()
        self.retranslate()
        geometry = settings.geometry("reviewer")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # -- actions -----------------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.open_action.triggered.connect(self.choose_package)
        self.send_action = QAction(self)
        self.send_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.send_action.triggered.connect(self.send_scores)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.next_shortcuts = [
            QShortcut(QKeySequence(key), self, self.form.request_next)
            for key in ("Ctrl+Return", "Ctrl+Enter")
        ]
        self.language_group = QActionGroup(self)
        self.korean_action = QAction("한국어", self)
        self.english_action = QAction("English", self)
        for action, lang in ((self.korean_action, "ko"), (self.english_action, "en")):
            action.setCheckable(True)
            action.setChecked(self._lang == lang)
            action.triggered.connect(lambda _=False, lang=lang: self.set_language(lang))
            self.language_group.addAction(action)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.send_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.language_menu = bar.addMenu("")
        self.language_menu.addAction(self.korean_action)
        self.language_menu.addAction(self.english_action)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.open_action.setText(self.tr("&Open package…"))
        self.send_action.setText(self.tr("&Send scores…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.placeholder.setText(
            self.tr(
                "Open the reviewer package (.rvpkg) the secretariat sent you: drop it here, "
                "or choose File ▸ Open package."
            )
        )
        self.assigned.retranslate()
        self.proposal.retranslate()
        self.form.retranslate()
        self._update_title()
        self._show_saving()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, lang: Lang) -> None:
        self._lang = lang
        self.settings.set_language(lang)
        (self.korean_action if lang == "ko" else self.english_action).setChecked(True)
        if self.translations is not None:
            self.translations.set_language(lang)

    @property
    def lang(self) -> Lang:
        return self._lang

    def _update_title(self) -> None:
        work = self.work
        if work is None:
            self.setWindowTitle(self.tr("Scoring — Reviewer"))
            return
        package = work.package
        self.setWindowTitle(
            self.tr("{round} — {reviewer} — Reviewer").format(
                round=package.round_name, reviewer=package.reviewer_name
            )
        )
        if work.sent_version:
            self.where.setText(
                self.tr("{file} · version {version} sent").format(
                    file=self.package_path.name if self.package_path else "",
                    version=work.sent_version,
                )
            )
        else:
            self.where.setText(
                self.tr("{file} · not sent yet").format(
                    file=self.package_path.name if self.package_path else ""
                )
            )

    # -- opening -----------------------------------------------------------------------------

    def choose_package(self) -> None:
        dialog = QFileDialog(
            self, self.tr("Open reviewer package"), "", self.tr("Reviewer packages (*.rvpkg)")
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.fileSelected.connect(lambda path: self.open_package(Path(path)))
        dialog.open()
        self.dialog = dialog

    def open_package(self, path: Path, password: str | None = None) -> None:
        """Open the package at ``path``: its password is asked when it needs one (unless
        given), and a wrong one is asked again."""
        self.package_path = Path(path)
        self.where.setText(self.tr("Opening {file}…").format(file=Path(path).name))

        def ask(message: str | None = None) -> None:
            dialog = ask_password(self, Path(path).name, self._try_password)
            if message:
                dialog.failed(message)
            self.dialog = dialog

        def refused(error: BaseException) -> None:
            if isinstance(error, PackagePasswordError):
                ask(self._wrong_password())  # the password given was not the package's
            else:
                self._open_failed(error)

        def header(found: PackageHeader) -> None:
            if found.needs_password and not password:
                ask()
            else:
                self.session.open(Path(path), password, on_error=refused)

        self.session.header(Path(path), header, self._open_failed)

    def _try_password(self, dialog: PasswordDialog, password: str) -> None:
        path = self.package_path
        assert path is not None

        def failed(error: BaseException) -> None:
            if isinstance(error, PackagePasswordError):
                dialog.failed(self._wrong_password())
            else:
                dialog.reject()
                self._open_failed(error)

        self.session.open(path, password, on_error=failed)

    def _wrong_password(self) -> str:
        return self.tr("This is not the package's password. Check it and try again.")

    def _open_failed(self, error: BaseException) -> None:
        self.where.setText("")
        self.show_error(self.tr("Cannot open the package"), error_text(error, self._lang))

    def _opened(self, work: ReviewerWork) -> None:
        if isinstance(self.dialog, PasswordDialog):
            self.dialog.accept()
            self.dialog = None
        self.work = work
        self.drafts = dict(work.drafts)
        self.current = None
        self.assigned.set_rows(work.package.applications, work.checks())
        self.stack.setCurrentWidget(self.splitter)
        self._update_title()
        self._show_saving()
        ids = [app.id for app in work.package.applications]
        first = work.current if work.current in ids else (ids[0] if ids else None)
        if first is not None:
            self.choose(first)
        # once the password dialog has given the focus back, the cursor goes to the form
        QTimer.singleShot(0, self.form.focus_first)

    # -- the application shown ---------------------------------------------------------------

    def draft(self, app_id: str) -> Draft:
        return self.drafts.get(app_id) or Draft(app_id)

    def choose(self, app_id: str) -> None:
        work = self.work
        if work is None or app_id == self.current:
            return
        app = work.application(app_id)
        self.current = app_id
        self.assigned.select(app_id, quiet=True)
        self.form.show_application(
            app,
            work.criteria(app_id),
            self.draft(app_id),
            work.check,
            (work.package.comment_below, work.package.comment_above),
        )
        pdf = self.proposal.show_application(app)
        if pdf is not None:
            self.session.run(
                "proposal",
                lambda w: w.content(pdf.sha256),
                lambda content: self.proposal.show_pdf(pdf, content),
                lambda error: self.show_error(
                    self.tr("Cannot show the proposal"), error_text(error, self._lang)
                ),
            )
        self.session.set_current(app_id)
        self.form.focus_first()

    def next_application(self) -> None:
        """Ctrl+Enter: on to the next application still to finish."""
        if self.current is None:
            return
        following = self.assigned.next_id(self.current)
        if following is None or following == self.current:
            self.statusBar().showMessage(
                self.tr("Every application is done: send your scores with Ctrl+Shift+S."), 8000
            )
            return
        self.choose(following)

    # -- editing -----------------------------------------------------------------------------

    def _edited(self, draft: Draft) -> None:
        self._keep(draft)

    def _keep(self, draft: Draft) -> None:
        work = self.work
        if work is None:
            return
        self.drafts[draft.application_id] = draft
        self.assigned.update_row(draft.application_id, work.check(draft))
        self.session.save(draft)
        self._show_saving()

    def declare_conflict(self) -> None:
        if self.work is None or self.current is None:
            return
        self.dialog = ask_conflict(self, self.current, self._conflict)

    def _conflict(self, dialog: ConflictDialog, reason: str) -> None:
        if self.current is None:
            dialog.reject()
            return
        draft = replace(self.draft(self.current), conflict=True, conflict_reason=reason)
        self._keep(draft)
        self.form.set_draft(draft)
        dialog.accept()
        self.dialog = None
        self.form.focus_first()

    def withdraw_conflict(self) -> None:
        if self.current is None or not self.draft(self.current).conflict:
            return
        app_id = self.current

        def withdraw() -> None:
            draft = replace(self.draft(app_id), conflict=False, conflict_reason="")
            self._keep(draft)
            self.form.set_draft(draft)
            self.dialog = None
            self.form.focus_first()

        self.dialog = confirm(
            self,
            "withdrawConflict",
            self.tr("Withdraw the conflict"),
            self.tr(
                "Withdraw your conflict of interest for {application}? You can then score it."
            ).format(application=app_id),
            withdraw,
        )

    def _show_saving(self) -> None:
        if self._save_error is not None and self.session.saving:
            text, colour = self._save_error, palette.CUTOFF
        elif self.session.saving:
            text, colour = self.tr("Saving…"), palette.MUTED
        elif self.work is not None:
            self._save_error = None
            text, colour = self.tr("Every change is saved"), palette.MUTED
        else:
            text, colour = "", palette.MUTED
        self.save_state.setText(text)
        self.save_state.setStyleSheet(f"color: {colour};")

    def _save_failed(self, error: BaseException) -> None:
        self._save_error = self.tr("Not saved: {error} (saved again with your next change)").format(
            error=error_text(error, self._lang)
        )
        self._show_saving()

    # -- attachments -------------------------------------------------------------------------

    def open_attachment(self, attachment: PackageAttachment) -> None:
        """Write the file to a temporary folder (in the worker) and open it outside. Only
        the kinds of file the round takes as attachments are opened: a package anyone
        could make (without a password) must not start a program."""
        if not accepted(attachment.name):
            self.show_error(
                self.tr("Cannot open the file"),
                self.tr(
                    "{file} is not opened: only documents and pictures (PDF, HWP, HWPX, DOCX, "
                    "XLSX, PPTX, ZIP and images) are."
                ).format(file=attachment.name),
            )
            return
        if self._files is None:
            self._files = tempfile.TemporaryDirectory(
                prefix="reviewer-files-", ignore_cleanup_errors=True
            )
        folder = Path(self._files.name)

        def write(work: ReviewerWork) -> str:
            target = folder / Path(attachment.name).name
            target.write_bytes(work.content(attachment.sha256))
            return str(target)

        def opened(path: str) -> None:
            if not self.opener(path):
                self.show_error(
                    self.tr("Cannot open the file"),
                    self.tr("No program on this computer opens {file}.").format(file=path),
                )

        self.session.run(
            "attachment",
            write,
            opened,
            lambda error: self.show_error(
                self.tr("Cannot open the file"), error_text(error, self._lang)
            ),
        )

    # -- sending -----------------------------------------------------------------------------

    def incomplete(self) -> list[str]:
        work = self.work
        if work is None:
            return []
        done = (FormStatus.COMPLETE, FormStatus.CONFLICT)
        return [
            app.id
            for app in work.package.applications
            if work.check(self.draft(app.id)).status not in done
        ]

    def send_scores(self) -> None:
        """Ask where to save the score file (warning first when some applications are not
        complete), then write it."""
        if self.work is None:
            return
        missing = self.incomplete()
        if missing:
            self.dialog = confirm(
                self,
                "incompleteWarning",
                self.tr("Some applications are not complete"),
                self.tr(
                    "{count} of {total} applications are not complete ({ids}). Only complete "
                    "applications and declared conflicts are sent; you can send again later. "
                    "Send now?"
                ).format(
                    count=len(missing),
                    total=len(self.work.package.applications),
                    ids=", ".join(missing[:5]) + (" …" if len(missing) > 5 else ""),
                ),
                self._choose_score_file,
                QMessageBox.Icon.Warning,
            )
        else:
            self._choose_score_file()

    def _choose_score_file(self) -> None:
        work = self.work
        if work is None:
            return
        folder = self.package_path.parent if self.package_path is not None else Path.home()
        dialog = QFileDialog(
            self,
            self.tr("Send scores"),
            str(folder / work.default_score_name()),
            self.tr("Score files (*.rvscore)"),
        )
        dialog.setObjectName("scoreFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("rvscore")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.fileSelected.connect(lambda path: self.send_to(Path(path)))
        dialog.open()
        self.dialog = dialog

    def send_to(self, path: Path) -> None:
        """Write the score file to ``path`` (through the worker, after the saves)."""
        self.where.setText(self.tr("Writing {file}…").format(file=path.name))
        self.session.send(
            path,
            self._sent,
            lambda error: self.show_error(
                self.tr("The scores were not sent"), error_text(error, self._lang)
            ),
        )

    def _sent(self, result: SendResult) -> None:
        self._update_title()
        text = self.tr(
            "Version {version} of your scores was written to {file} ({count} applications). "
            "Send this file to the secretariat."
        ).format(version=result.version, file=str(result.path), count=result.sent)
        if result.left_out:
            text += "\n" + self.tr("Not in it, because not complete: {ids}").format(
                ids=", ".join(result.left_out)
            )
        self.dialog = tell(self, "sentMessage", self.tr("Scores written"), text)

    # -- messages ----------------------------------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        self.error_box = tell(self, "errorMessage", title, message, error=True)

    # -- drops and closing -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if any(u.toLocalFile().lower().endswith(PACKAGE_SUFFIX) for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith(PACKAGE_SUFFIX):
                self.open_package(Path(path))
                event.acceptProposedAction()
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry("reviewer", self.saveGeometry())
        self.settings.sync()
        self.session.close()  # after the saves asked for
        self.session.wait()
        if self._files is not None:
            self._files.cleanup()
        super().closeEvent(event)
