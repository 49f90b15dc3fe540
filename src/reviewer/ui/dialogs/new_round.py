"""New round: the Seoul 2025 template as a form, checked as round.toml is, then created.

The form stands for a round.toml document (``round_form.document``); after every edit
the document is written out and read back with ``parse_config``, the single source of
the rules, and the problem it reports is shown at the field or cell it names, under the
form, and on the page's tab. The TOML that will be saved is shown on its own page; a
round.toml can be imported into the form and the form exported as one. "Create" writes
the round database in the worker (the GUI thread never waits on files or the database)
and hands its path to the window, which opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.config import RoundConfig
from reviewer.domain.config_toml import parse_config
from reviewer.domain.config_writer import config_toml, document_toml
from reviewer.errors import ConfigError
from reviewer.i18n import Lang
from reviewer.resources import template_path
from reviewer.services import rounds, templates
from reviewer.ui import palette
from reviewer.ui.dialogs.round_form.document import RoundForm, form_document, form_from_config
from reviewer.ui.dialogs.round_form.fields import SettingsFields
from reviewer.ui.dialogs.round_form.problems import Problem, locate
from reviewer.ui.dialogs.round_form.tables import DEFAULT_RUBRIC, RubricPane, TablePane
from reviewer.ui.models.config_tables import QuotasModel, TracksModel
from reviewer.ui.round_session import error_text
from reviewer.ui.worker import Worker

SETTINGS_PAGE, TRACKS_PAGE, RUBRICS_PAGE, QUOTAS_PAGE, PREVIEW_PAGE = range(5)
_PAGE_OF_SECTION = {
    "round": SETTINGS_PAGE,
    "aggregation": SETTINGS_PAGE,
    "selection": SETTINGS_PAGE,
    "tracks": TRACKS_PAGE,
    "criteria": RUBRICS_PAGE,
    "quotas": QUOTAS_PAGE,
}


class NewRoundDialog(QDialog):
    created = Signal(str)  # the round database just created

    def __init__(self, parent: QWidget | None, lang: Callable[[], Lang]) -> None:
        super().__init__(parent)
        self.setObjectName("newRoundDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.lang = lang
        self.worker = Worker(self, threads=1)
        self.limits = rounds.text_limits()
        self.form = RoundForm()
        self.config: RoundConfig | None = None  # the form's configuration, when valid
        self.problem: Problem | None = None
        self.ready = False  # the template (or an imported file) is in the form
        self.busy = False
        self.error_box: QMessageBox | None = None

        self.fields = SettingsFields()
        self.fields.changed.connect(self._edited)
        settings_page = QScrollArea()
        settings_page.setWidgetResizable(True)
        settings_page.setFrameShape(QScrollArea.Shape.NoFrame)
        settings_page.setWidget(self.fields)
        self.tracks = TracksModel(self)
        self.tracks_pane = TablePane(self.tracks, "name")
        self.tracks.edited.connect(self._tracks_edited)
        self.rubric = RubricPane()
        self.rubric.changed.connect(self._rubric_edited)
        self.rubric.choice.currentIndexChanged.connect(self._show_problem)
        self.quotas = QuotasModel(self)
        self.quotas_pane = TablePane(self.quotas, "name")
        self.quotas.edited.connect(self._edited)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        preview_page = QWidget()
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.addWidget(self.preview_note)
        preview_layout.addWidget(self.preview, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(settings_page, "")
        self.tabs.addTab(self._padded(self.tracks_pane), "")
        self.tabs.addTab(self.rubric, "")
        self.tabs.addTab(self._padded(self.quotas_pane), "")
        self.tabs.addTab(preview_page, "")

        self.problem_label = QLabel()
        self.problem_label.setObjectName("problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setStyleSheet(f"color: {palette.CUTOFF};")
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.go_to_problem)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self.path_label = QLabel()
        self.path = QLineEdit()
        self.path_label.setBuddy(self.path)
        self.path.textChanged.connect(self._update_buttons)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.choose_path)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.choose_export)
        self.create_button = QPushButton()
        self.create_button.clicked.connect(self.create_round)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)

        problem_row = QHBoxLayout()
        problem_row.addWidget(self.problem_label, 1)
        problem_row.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(problem_row)
        layout.addWidget(self.notice)
        layout.addLayout(path_row)
        layout.addLayout(buttons)
        self.resize(1120, 720)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter in a field never creates the round
        self.retranslate()
        self._update_buttons()
        self.worker.submit(
            "template",
            lambda control: rounds.read_config(template_path()),
            on_success=self._template_read,
            on_error=self._template_failed,
        )

    @staticmethod
    def _padded(widget: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(widget)
        return page

    # -- the form's contents ---------------------------------------------------------------

    def fill(self, config: RoundConfig) -> None:
        """Show ``config`` in every field and table."""
        self.form = form_from_config(config)
        self.fields.show_form(self.form)
        self.tracks.bind(self.form.tracks)
        self.quotas.bind(self.form.quotas)
        self.rubric.set_form(self.form)
        self.ready = True
        self.validate()

    def _template_read(self, config: RoundConfig) -> None:
        self.fill(config)

    def _template_failed(self, error: BaseException) -> None:
        self.problem_label.setText(error_text(error, self.lang()))

    def _edited(self) -> None:
        self.fields.read_into(self.form)
        self._say("")
        self.validate()

    def _tracks_edited(self) -> None:
        self.rubric.refresh_choices()
        self._edited()

    def _rubric_edited(self) -> None:
        self.tracks.retranslate()  # the rubric column says which rubric a track has
        self._edited()

    def toml_text(self) -> str:
        """The round.toml the form stands for (as it will be saved, when valid)."""
        return self.preview.toPlainText()

    def validate(self) -> None:
        """Read the form as round.toml: keep the configuration, or show the problem."""
        if not self.ready:
            return
        text = document_toml(form_document(self.form))
        try:
            config = parse_config(text, limits=self.limits)
        except ConfigError as error:
            self.config = None
            self.problem = locate(error, self.form, self.lang())
        else:
            text = config_toml(config)
            self.config = replace(config, source=text)
            self.problem = None
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setPlainText(text)
        self.preview.verticalScrollBar().setValue(scroll)
        self._show_problem()
        self._update_buttons()

    # -- problems ----------------------------------------------------------------------------

    def _place(self, problem: Problem) -> str:
        row = None if problem.row is None else problem.row + 1
        if problem.section == "round":
            return self.tr("Round")
        if problem.section == "aggregation":
            return self.tr("Aggregation")
        if problem.section == "selection":
            return self.tr("Selection")
        if problem.section == "tracks":
            if row is None:
                return self.tr("Tracks")
            return self.tr("Tracks, row {row}").format(row=row)
        if problem.section == "quotas":
            if row is None:
                return self.tr("Quotas")
            return self.tr("Quotas, row {row}").format(row=row)
        if problem.track is None:
            rubric = self.tr("Default rubric")
        else:
            track = self.form.tracks[problem.track]
            rubric = self.tr("Rubric of {track}").format(track=track.name.strip() or track.id)
        if row is None:
            return rubric
        return self.tr("{rubric}, row {row}").format(rubric=rubric, row=row)

    def _show_problem(self, *_: object) -> None:
        problem = self.problem
        self.fields.show_problem(problem)
        for model, section in ((self.tracks, "tracks"), (self.quotas, "quotas")):
            if problem is not None and problem.section == section:
                model.set_problem(problem.row, problem.keys, problem.text)
            else:
                model.clear_problem()
        if problem is not None and problem.rubric == self.rubric.rubric():
            self.rubric.model.set_problem(problem.row, problem.keys, problem.text)
        else:
            self.rubric.model.clear_problem()
        page = None if problem is None else _PAGE_OF_SECTION[problem.section]
        for index, title in enumerate(self._page_titles()):
            self.tabs.setTabText(index, f"{title}  ⚠" if index == page else title)
        if problem is None:
            self.problem_label.setText("")
        else:
            self.problem_label.setText(f"{self._place(problem)}: {problem.text}")
        self.show_button.setVisible(problem is not None)

    def go_to_problem(self) -> None:
        """Show the page, the field or the cell the problem is in."""
        problem = self.problem
        if problem is None:
            return
        self.tabs.setCurrentIndex(_PAGE_OF_SECTION[problem.section])
        key = problem.keys[0] if problem.keys else None
        if problem.section in ("round", "aggregation", "selection"):
            self.fields.field(problem.section, key or "name").setFocus()
        elif problem.section == "tracks":
            self.tracks_pane.show_cell(problem.row, key)
        elif problem.section == "quotas":
            self.quotas_pane.show_cell(problem.row, key)
        else:
            rubric = problem.rubric
            self.rubric.choose(DEFAULT_RUBRIC if rubric is None else rubric)
            self.rubric.pane.show_cell(problem.row, key)

    # -- buttons -------------------------------------------------------------------------------

    def _update_buttons(self, *_: object) -> None:
        valid = self.ready and self.config is not None and not self.busy
        has_path = bool(self.path.text().strip())
        self.create_button.setEnabled(valid and has_path)
        if self.config is None:
            reason = self.tr("Correct the problem shown first")
        elif not has_path:
            reason = self.tr("Choose where to save the round database first")
        else:
            reason = ""
        self.create_button.setToolTip(reason)
        self.export_button.setEnabled(valid)
        self.import_button.setEnabled(not self.busy)
        self.browse_button.setEnabled(not self.busy)
        self.cancel_button.setEnabled(not self.busy)

    def _say(self, text: str, problem: bool = False) -> None:
        self.notice.setStyleSheet(f"color: {palette.CUTOFF};" if problem else "")
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _work(self, name: str, task: Callable[[], object], done: Callable[[object], None]) -> None:
        self.busy = True
        self._update_buttons()

        def ended() -> None:
            self.busy = False
            self._update_buttons()

        self.worker.submit(
            name,
            lambda control: task(),
            on_success=done,
            on_error=lambda error: self._failed(name, error),
            on_end=ended,
        )

    def _failed(self, name: str, error: BaseException) -> None:
        message = error_text(error, self.lang())
        if name == "import":
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("The round.toml was not imported"),
                message,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.open()
            self.error_box = box
        elif name == "export":
            text = self.tr("The round.toml was not saved: {message}")
            self._say(text.format(message=message), problem=True)
        else:
            text = self.tr("The round was not created: {message}")
            self._say(text.format(message=message), problem=True)

    # -- create ------------------------------------------------------------------------------

    def choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the round database as"),
            self.path.text() or "round.db",
            self.tr("Round databases (*.db);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def create_round(self) -> None:
        """Create the round database at the path given, then hand it to the window."""
        config, target = self.config, self.path.text().strip()
        if config is None or not target or self.busy:
            return
        self._say(self.tr("Creating the round…"))
        self._work(
            "create",
            lambda: rounds.create_round(target, config),
            lambda _result: self._created(target),
        )

    def _created(self, target: str) -> None:
        self.created.emit(target)
        self.accept()

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    # -- import and export -------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import round.toml"),
            "",
            self.tr("Round configurations (*.toml);;All files (*)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        """Read a round.toml into the form; a file with a problem changes nothing."""
        name = str(path)
        self._work("import", lambda: rounds.read_config(name), lambda c: self._imported(c, name))

    def _imported(self, config: object, name: str) -> None:
        assert isinstance(config, RoundConfig)
        self.fill(config)
        self._say(self.tr("Imported {path}").format(path=name))

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export round.toml"),
            "round.toml",
            self.tr("Round configurations (*.toml);;All files (*)"),
        )
        if path:
            self.export_file(path)

    def export_file(self, path: str | Path) -> None:
        """Write the form's configuration as round.toml (replacing the file)."""
        config = self.config
        if config is None:
            return
        target = Path(path)
        self._work(
            "export",
            lambda: templates.write_config(target, config),
            lambda _result: self._say(self.tr("Saved {path}").format(path=str(target))),
        )

    # -- texts -------------------------------------------------------------------------------

    def _page_titles(self) -> list[str]:
        return [
            self.tr("Round and rules"),
            self.tr("Tracks"),
            self.tr("Rubrics"),
            self.tr("Quotas"),
            self.tr("round.toml"),
        ]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New round from the Seoul 2025 template"))
        self.preview_note.setText(
            self.tr(
                "The round.toml the form stands for: it is kept in the round database, "
                "and Export writes it to a file. Edit the form to change it."
            )
        )
        self.tracks_pane.set_note(
            self.tr(
                "Each track selects at most its seats; a budget caps the sum of the amounts "
                "its selections request (blank: no budget). An application without the "
                "investment commitment or guarantee its track needs is ineligible. A quota "
                "on “linked” tracks counts the tracks ticked Linked."
            )
        )
        self.quotas_pane.set_note(
            self.tr(
                "A quota asks that the chosen AI categories make up at least (or, ticked "
                "“More than”, more than) a share of the selections in its tracks: each "
                "track on its own, or the tracks combined."
            )
        )
        self.show_button.setText(self.tr("Show"))
        self.path_label.setText(self.tr("Save the round &database as"))
        self.path.setPlaceholderText(self.tr("e.g. /rounds/2025-1.db"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.import_button.setText(self.tr("&Import round.toml…"))
        self.export_button.setText(self.tr("&Export round.toml…"))
        self.create_button.setText(self.tr("&Create"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_problem()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.validate()  # the problem's message in the new language
        super().changeEvent(event)


def open_new_round(
    parent: QWidget, on_created: Callable[[str], None], lang: Callable[[], Lang]
) -> NewRoundDialog:
    """Open the form (window-modal, without waiting); ``on_created`` gets the path."""
    dialog = NewRoundDialog(parent, lang)
    dialog.created.connect(on_created)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
