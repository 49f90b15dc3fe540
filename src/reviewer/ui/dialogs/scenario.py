"""Saving a what-if scenario as a selection run: the dialog shows what changed in the
configuration (each setting, and the round.toml diff) and asks for the reason, which is
required and audited with the run.

Window-modal and opened with ``open()``, like the unlock dialog: the window keeps
running, the reason is handed on by ``submitted``, and a refusal is shown in the
dialog with the reason kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from reviewer.services.whatif import Scenario
from reviewer.ui.dialogs.reason import ReasonDialog


class SaveScenarioDialog(ReasonDialog):
    def __init__(self, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveScenarioDialog")
        self.scenario = scenario
        self.setWindowTitle(self.tr("Save the scenario as a run"))
        intro = QLabel(
            self.tr(
                "The scenario is recorded as a new selection run compared with run #{run}, "
                "and its settings become the round's configuration. {enter} enter and "
                "{leave} leave the selection."
            ).format(
                run=scenario.baseline_run,
                enter=len(scenario.entering),
                leave=len(scenario.leaving),
            )
        )
        intro.setWordWrap(True)
        self.changes = QPlainTextEdit()
        self.changes.setObjectName("scenarioChanges")
        self.changes.setReadOnly(True)
        self.changes.setPlainText(
            "\n".join(str(change) for change in scenario.changes)
            or self.tr("No setting differs from the run's configuration.")
        )
        self.diff = QPlainTextEdit()
        self.diff.setObjectName("scenarioDiff")
        self.diff.setReadOnly(True)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.diff.setPlainText(scenario.toml_diff)
        tabs = QTabWidget()
        tabs.addTab(self.changes, self.tr("Changed settings"))
        tabs.addTab(self.diff, self.tr("round.toml diff"))
        reason_label = QLabel(
            self.tr("Why is this scenario adopted? The reason is written to the audit log.")
        )
        reason_label.setWordWrap(True)
        self.reason.setObjectName("scenarioReason")
        self.reason.setPlaceholderText(self.tr("e.g. the committee adopted the weights of 3 March"))
        self.reason.setMaximumHeight(90)
        self.ok_button.setText(self.tr("Save as run"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(tabs, 1)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self._changed()


def ask_save_scenario(
    parent: QWidget,
    scenario: Scenario,
    on_reason: Callable[[SaveScenarioDialog, str], None],
) -> SaveScenarioDialog:
    """Open the dialog; ``on_reason(dialog, reason)`` saves, then accepts the dialog on
    success or calls ``dialog.failed(message)``."""
    dialog = SaveScenarioDialog(scenario, parent)
    dialog.submitted.connect(lambda reason: on_reason(dialog, reason))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
