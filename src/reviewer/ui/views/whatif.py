"""What-if: change the rules of the newest run and see, at once, who would enter and who
would leave the selection, the seats filled, the quotas and the total score.

Every edit starts a recomputation in the round session's worker; a newer edit cancels
the one still running (its token is set, and its result is never shown — only the
result of the newest edit is). The chair can reset the form to the run's settings, or
save the scenario as a new run with a reason (refused in a locked round)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.config import RoundConfig
from reviewer.domain.stopping import CancelToken
from reviewer.errors import RefusedByState, SolverCancelled
from reviewer.services import whatif
from reviewer.services.session import OpenRound
from reviewer.services.whatif import Baseline, Scenario
from reviewer.ui import palette
from reviewer.ui.dialogs.scenario import SaveScenarioDialog, ask_save_scenario
from reviewer.ui.models.whatif import (
    MovesTable,
    QuotaFillTable,
    TotalsTable,
    TrackFillTable,
    move_rows,
    total_rows,
)
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.views.base import View
from reviewer.ui.views.whatif_editor import ScenarioEditor
from reviewer.ui.views.widgets import data_table
from reviewer.ui.worker import TaskControl, TaskHandle


class WhatIfView(View):
    key = "whatif"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.baseline: Baseline | None = None
        self.scenario: Scenario | None = None
        self.shown_config: RoundConfig | None = None  # the configuration of ``scenario``
        self.generation = 0  # the newest recomputation; only its result is shown
        self.token: CancelToken | None = None
        self.task: TaskHandle | None = None
        self.computing = False
        self.dialog: SaveScenarioDialog | None = None
        self.problem_error: BaseException | None = None  # why no baseline could be read

        self.state = QLabel()
        self.state.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setVisible(False)
        self.stop_button = QPushButton()
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            f"background: {palette.CUTOFF_FILL}; color: {palette.CUTOFF}; padding: 4px;"
        )
        self.notice.setVisible(False)

        self.editor = ScenarioEditor()
        self.editor.changed.connect(self.recompute)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.moves = MovesTable(self)
        self.move_table: QTableView = data_table(self.moves)
        self.totals = TotalsTable(self)
        self.totals_table = data_table(self.totals, sortable=False)
        self.fills = TrackFillTable(self)
        self.fill_table = data_table(self.fills, sortable=False, stretch=0)
        self.quotas = QuotaFillTable(self)
        self.quota_table = data_table(self.quotas, sortable=False, stretch=1)
        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setObjectName("whatifChanges")
        self.changes.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.moves_box = QGroupBox()
        moves_layout = QVBoxLayout(self.moves_box)
        moves_layout.addWidget(self.summary)
        moves_layout.addWidget(self.move_table, 1)
        self.totals_box = QGroupBox()
        QVBoxLayout(self.totals_box).addWidget(self.totals_table)
        self.fill_box = QGroupBox()
        QVBoxLayout(self.fill_box).addWidget(self.fill_table)
        self.quota_box = QGroupBox()
        QVBoxLayout(self.quota_box).addWidget(self.quota_table)
        self.changes_box = QGroupBox()
        QVBoxLayout(self.changes_box).addWidget(self.changes)
        left_column = QSplitter(Qt.Orientation.Vertical)
        left_column.addWidget(self.totals_box)
        left_column.addWidget(self.changes_box)
        left_column.setSizes([210, 160])
        right_column = QSplitter(Qt.Orientation.Vertical)
        right_column.addWidget(self.fill_box)
        right_column.addWidget(self.quota_box)
        right_column.setSizes([220, 150])
        figures = QSplitter(Qt.Orientation.Horizontal)
        figures.addWidget(left_column)
        figures.addWidget(right_column)
        figures.setSizes([375, 425])
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.moves_box)
        results.addWidget(figures)
        results.setStretchFactor(0, 3)
        results.setStretchFactor(1, 2)
        results.setSizes([360, 380])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.editor)
        splitter.addWidget(results)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 940])

        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        top.addWidget(self.progress)
        top.addWidget(self.stop_button)
        top.addWidget(self.reset_button)
        top.addWidget(self.save_button)
        self.empty = QLabel()
        self.empty.setObjectName("whatifEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {palette.MUTED}; font-size: 15px; padding: 40px;")
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("What-if")

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the recomputation running now"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Go back to the settings of the recorded run"))
        self.save_button.setText(self.tr("Save as run…"))
        self.moves_box.setTitle(self.tr("Who enters and who leaves the selection"))
        self.totals_box.setTitle(self.tr("Totals"))
        self.fill_box.setTitle(self.tr("Seats filled per track"))
        self.quota_box.setTitle(self.tr("Quota achievement"))
        self.changes_box.setTitle(self.tr("Changed settings"))
        self.changes.setPlaceholderText(self.tr("No setting differs from the recorded run."))
        self.editor.retranslate()
        for model in (self.moves, self.totals, self.fills, self.quotas):
            model.retranslate()
        self._show_state()
        self._show_summary()
        self.set_locked(self.session.locked)

    # -- the baseline --------------------------------------------------------------------

    def load(self) -> None:
        self.session.read(
            "whatif-baseline",
            lambda r: whatif.load_baseline(r.database),
            self.show_baseline,
            on_error=self._baseline_failed,
        )

    def show_baseline(self, baseline: Baseline) -> None:
        """Start from the newest run: the form shows its settings, and its scenario (no
        change yet) is computed, which also prepares the engine for the edits."""
        self._cancel_running()
        previous = self.baseline
        # the same run read again (another view changed the round): the edits are kept
        keep = (
            previous is not None
            and previous.run_id == baseline.run_id
            and previous.config == baseline.config
        )
        self.baseline = baseline
        self.problem_error = None
        self.scenario = None
        self.shown_config = None
        self.editor.setEnabled(True)
        if not keep:
            self.editor.set_config(baseline.config)
        self._show_scenario(None)
        self.recompute()
        self.loaded_with()

    def _baseline_failed(self, error: BaseException) -> None:
        self._cancel_running()
        self.baseline = None
        self.scenario = None
        self.problem_error = error
        self.editor.setEnabled(False)
        self._show_scenario(None)
        self.loaded_with()

    def clear(self) -> None:
        super().clear()
        self._cancel_running()
        self.problem_error = None
        self.baseline = None
        self.scenario = None
        self.shown_config = None
        self._show_scenario(None)

    # -- recomputing ---------------------------------------------------------------------

    def recompute(self) -> None:
        """Evaluate the form's settings in the worker; a recomputation still running is
        cancelled, and only the newest one's result is shown."""
        baseline = self.baseline
        if baseline is None or not self.session.is_open:
            return
        self._cancel_running()
        config = self.editor.config()
        self.generation += 1
        generation = self.generation
        token = CancelToken()

        def task(_round: OpenRound) -> Scenario:
            return baseline.compute(config, token)

        self.token = token
        self._set_computing(True)
        self.task = self.session.read(
            "whatif",
            task,
            lambda scenario: self._computed(generation, config, scenario),
            on_error=lambda error: self._compute_failed(generation, error),
        )
        if self.task is None:
            self._set_computing(False)

    def stop(self) -> None:
        """Stop the recomputation running now; the figures shown stay those of the last
        one that finished."""
        if self.computing:
            self._cancel_running()
            self.generation += 1  # what is still on its way is never shown
            self._set_computing(False)
            self.notice.setText(
                self.tr("Stopped: the figures shown are for the settings computed before.")
            )
            self.notice.setVisible(True)

    def _cancel_running(self) -> None:
        if self.token is not None:
            self.token.cancel()
        if self.task is not None:
            self.task.cancel()
        self.token = None
        self.task = None

    def _computed(self, generation: int, config: RoundConfig, scenario: Scenario) -> None:
        if generation != self.generation:
            return  # a newer edit was made meanwhile
        self.token = None
        self.task = None
        self._set_computing(False)
        self.shown_config = config
        self.notice.setVisible(False)
        self._show_scenario(scenario)

    def _compute_failed(self, generation: int, error: BaseException) -> None:
        if generation != self.generation or isinstance(error, SolverCancelled):
            return
        self.token = None
        self.task = None
        self._set_computing(False)
        self.notice.setText(
            self.tr("These settings cannot be evaluated: {error}").format(
                error=error_text(error, self.session.lang())
            )
        )
        self.notice.setVisible(True)
        self.save_button.setEnabled(False)

    def _set_computing(self, computing: bool) -> None:
        self.computing = computing
        self.progress.setVisible(computing)
        self.stop_button.setVisible(computing)
        self._show_state()
        self.set_locked(self.session.locked)

    # -- showing -------------------------------------------------------------------------

    def _show_scenario(self, scenario: Scenario | None) -> None:
        self.scenario = scenario
        overview = self.session.overview
        self.quotas.track_names = dict(overview.tracks) if overview is not None else {}
        self.moves.set_rows(move_rows(scenario))
        self.totals.set_rows(total_rows(scenario))
        self.fills.set_rows(scenario.tracks if scenario is not None else ())
        self.quotas.set_rows(scenario.quotas if scenario is not None else ())
        for table in (self.totals_table, self.fill_table, self.quota_table):
            # a few rows whose figures grow to "a → b"; the stretched column stays so
            header = table.horizontalHeader()
            for column in range(header.count() - 1):
                if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                    table.resizeColumnToContents(column)
        self.changes.setPlainText(
            "\n".join(str(c) for c in scenario.changes) if scenario is not None else ""
        )
        self._show_state()
        self._show_summary()
        self.set_locked(self.session.locked)

    def _show_state(self) -> None:
        baseline = self.baseline
        problem = self.problem_error
        self.pages.setCurrentIndex(1 if baseline is None and problem is not None else 0)
        if baseline is None:
            self.state.setText("")
            if isinstance(problem, RefusedByState) and problem.key == "whatif.no_run":
                self.empty.setText(
                    self.tr(
                        "No selection has run yet. A what-if compares changed rules with a "
                        "recorded selection run: run the selection first (Round ▸ Run "
                        "selection, Ctrl+R)."
                    )
                )
            elif problem is not None:
                self.empty.setText(error_text(problem, self.session.lang()))
            self.notice.setVisible(False)
            return
        text = self.tr("Compared with selection run #{run} · {selected} selected").format(
            run=baseline.run_id, selected=baseline.recorded.selected
        )
        if self.computing:
            text += " · " + self.tr("recomputing…")
        self.state.setText(text)
        if baseline.stale and not self.notice.isVisible():
            self.notice.setText(
                self.tr(
                    "The round's data changed after run #{run}: the comparison also shows "
                    "the effect of those changes."
                ).format(run=baseline.run_id)
            )
            self.notice.setVisible(True)

    def _show_summary(self) -> None:
        scenario = self.scenario
        if scenario is None:
            self.summary.setText("")
            return
        if not scenario.entering and not scenario.leaving:
            if scenario.changes:
                text = self.tr("Nobody enters or leaves the selection with these settings.")
            else:
                text = self.tr(
                    "These are the recorded run's settings: change a weight, a seat count, "
                    "a quota share or a scoring rule to see who would enter and who would "
                    "leave."
                )
        else:
            text = self.tr("{enter} enter and {leave} leave the selection.").format(
                enter=len(scenario.entering), leave=len(scenario.leaving)
            )
        self.summary.setText(text)

    def set_locked(self, locked: bool) -> None:
        ready = (
            self.scenario is not None
            and bool(self.scenario.changes)
            and not self.computing
            and not locked
            and self._shows_the_form()
        )
        self.save_button.setEnabled(ready)
        if locked:
            tip = self.tr("The round is locked: a scenario can be explored but not saved")
        else:
            tip = self.tr("Record this scenario as a new selection run, with a reason")
        self.save_button.setToolTip(tip)
        self.reset_button.setEnabled(self.baseline is not None)

    def _shows_the_form(self) -> bool:
        """Whether the figures shown are those of the form's settings (not of settings
        computed before a stopped recomputation)."""
        return self.editor.start is not None and self.shown_config == self.editor.config()

    # -- actions -------------------------------------------------------------------------

    def reset(self) -> None:
        """Show the recorded run's settings again."""
        baseline = self.baseline
        if baseline is None:
            return
        self.editor.set_config(baseline.config)
        self.recompute()

    def save(self) -> None:
        scenario = self.scenario
        if scenario is None or self.session.locked or self.computing or not scenario.changes:
            return
        if not self._shows_the_form():
            return
        self.dialog = ask_save_scenario(self, scenario, self._save)
        self.dialog.finished.connect(self._dialog_closed)

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None

    def _save(self, dialog: SaveScenarioDialog, reason: str) -> None:
        scenario = dialog.scenario
        lang = self.session.lang()

        def task(r: OpenRound, control: TaskControl) -> whatif.SavedScenario:
            return whatif.save_scenario(r.database, scenario, reason, lang)

        self.session.change(
            "scenario",
            task,
            lambda _saved: dialog.accept(),
            on_error=lambda error: dialog.failed(error_text(error, self.session.lang())),
        )
