"""The round, aggregation and selection settings of the new-round form, as form fields.

Every field is text (or a tick box) so that what the user types reaches ``parse_config``
as it is, and its message comes back to the field that holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.config import METHODS
from reviewer.ui import palette
from reviewer.ui.dialogs.round_form.document import (
    AGGREGATION_KEYS,
    ROUND_KEYS,
    SELECTION_KEYS,
    RoundForm,
)
from reviewer.ui.dialogs.round_form.problems import Problem

FieldWidget = QLineEdit | QComboBox | QCheckBox


def mark(widget: QWidget, message: str | None) -> None:
    """Tint a field that holds a problem; its tooltip says which."""
    widget.setProperty("problem", message is not None)
    if message is None:
        widget.setStyleSheet("")
        widget.setToolTip(str(widget.property("hint") or ""))
    else:
        name = type(widget).__name__
        widget.setStyleSheet(
            f"{name} {{ background: {palette.PROBLEM_FILL}; border: 1px solid {palette.CUTOFF}; }}"
        )
        widget.setToolTip(message)


class SettingsFields(QWidget):
    """The three settings sections; ``changed`` after every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[tuple[str, str], FieldWidget] = {}
        self.labels: dict[tuple[str, str], QLabel] = {}
        self.hints: dict[tuple[str, str], QLabel] = {}
        self.round_box = QGroupBox()
        self.aggregation_box = QGroupBox()
        self.selection_box = QGroupBox()
        round_form = self._form(self.round_box)
        for key in ROUND_KEYS:
            self._add(round_form, "round", key, self._line())
        aggregation_form = self._form(self.aggregation_box)
        method = QComboBox()
        method.setEditable(True)
        method.addItems(list(METHODS))
        method.setMinimumContentsLength(12)
        self._add(aggregation_form, "aggregation", "method", method)
        self._add(aggregation_form, "aggregation", "trim_min_reviews", self._line())
        self._add(aggregation_form, "aggregation", "normalize", QCheckBox())
        for key in ("zscore_min_reviews", "bonus_cap", "criterion_floor"):
            self._add(aggregation_form, "aggregation", key, self._line())
        selection_form = self._form(self.selection_box)
        self._add(selection_form, "selection", "objective", self._line())
        self._add(selection_form, "selection", "tie_break", self._line())
        self._add(selection_form, "selection", "seat_transfer", QCheckBox())

        left = QVBoxLayout()
        left.addWidget(self.round_box)
        left.addWidget(self.selection_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.aggregation_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.retranslate()

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(8)
        return form

    @staticmethod
    def _line() -> QLineEdit:
        edit = QLineEdit()
        edit.setClearButtonEnabled(False)
        return edit

    def _add(self, form: QFormLayout, section: str, key: str, widget: FieldWidget) -> None:
        widget.setObjectName(f"{section}.{key}")
        label = QLabel()
        label.setBuddy(widget)
        hint = QLabel()
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {palette.MUTED};")
        font = hint.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        hint.setFont(font)
        column = QVBoxLayout()
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(hint)
        form.addRow(label, column)
        self.fields[(section, key)] = widget
        self.labels[(section, key)] = label
        self.hints[(section, key)] = hint
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self.changed)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(self.changed)
        else:
            widget.toggled.connect(self.changed)

    def field(self, section: str, key: str) -> FieldWidget:
        return self.fields[(section, key)]

    # -- values ------------------------------------------------------------------------

    def _text(self, section: str, key: str) -> str:
        widget = self.fields[(section, key)]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        if key == "normalize":
            return "zscore" if widget.isChecked() else "none"
        return "true" if widget.isChecked() else "false"

    def read_into(self, form: RoundForm) -> None:
        form.round = {k: self._text("round", k) for k in ROUND_KEYS}
        form.aggregation = {k: self._text("aggregation", k) for k in AGGREGATION_KEYS}
        form.selection = {k: self._text("selection", k) for k in SELECTION_KEYS}

    def show_form(self, form: RoundForm) -> None:
        """Show the settings of ``form`` (without ``changed`` for each field)."""
        self.blockSignals(True)
        try:
            for section, values in (
                ("round", form.round),
                ("aggregation", form.aggregation),
                ("selection", form.selection),
            ):
                for key, text in values.items():
                    widget = self.fields[(section, key)]
                    if isinstance(widget, QLineEdit):
                        widget.setText(text)
                    elif isinstance(widget, QComboBox):
                        widget.setCurrentText(text)
                    elif key == "normalize":
                        widget.setChecked(text == "zscore")
                    else:
                        widget.setChecked(text == "true")
        finally:
            self.blockSignals(False)

    def show_problem(self, problem: Problem | None) -> None:
        for (section, key), widget in self.fields.items():
            hit = (
                problem is not None
                and problem.section == section
                and (key in problem.keys or (not problem.keys and key == "name"))
            )
            mark(widget, problem.text if hit and problem is not None else None)

    def problem_fields(self) -> list[str]:
        """``section.key`` of the fields marked (tests)."""
        return [f"{s}.{k}" for (s, k), w in self.fields.items() if w.property("problem")]

    # -- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.round_box.setTitle(self.tr("Round"))
        self.aggregation_box.setTitle(self.tr("Aggregation of the reviews"))
        self.selection_box.setTitle(self.tr("Selection"))
        texts = {
            ("round", "name"): (
                self.tr("Name"),
                self.tr("e.g. 2025 서울형 R&D 1차 평가"),
                self.tr("Shown in the window and on every report"),
            ),
            ("round", "year"): (self.tr("Year"), "2025", self.tr("The programme's year")),
            ("round", "cutoff"): (
                self.tr("Cutoff (points)"),
                "70",
                self.tr("An application whose final score is below it fails"),
            ),
            ("round", "min_reviews"): (
                self.tr("Minimum reviews"),
                "3",
                self.tr("An application with fewer reviews has no final score"),
            ),
            ("round", "decimals"): (
                self.tr("Decimals of scores"),
                "2",
                self.tr("Final scores are rounded half-up to this many decimals"),
            ),
            ("round", "region"): (
                self.tr("Region (eligibility)"),
                self.tr("blank: any region"),
                self.tr("Only applicants located here are eligible, e.g. 서울"),
            ),
            ("aggregation", "method"): (
                self.tr("Method"),
                "",
                self.tr("trimmed (highest and lowest review dropped), mean or median"),
            ),
            ("aggregation", "trim_min_reviews"): (
                self.tr("Trim from (reviews)"),
                "5",
                self.tr("Trimming applies from this many reviews on"),
            ),
            ("aggregation", "normalize"): (
                self.tr("Z-score calibration"),
                "",
                self.tr("Calibrate each reviewer's scores against their own mean and spread"),
            ),
            ("aggregation", "zscore_min_reviews"): (
                self.tr("Calibrate from (reviews)"),
                "5",
                self.tr("A reviewer is calibrated once they have scored this many"),
            ),
            ("aggregation", "bonus_cap"): (
                self.tr("Bonus cap (points)"),
                "5",
                self.tr("The most bonus points an application can get"),
            ),
            ("aggregation", "criterion_floor"): (
                self.tr("Criterion floor (share)"),
                self.tr("blank: none"),
                self.tr("An application whose mean on any criterion is below this share fails"),
            ),
            ("selection", "objective"): (
                self.tr("Objective order"),
                "fill, quota, score",
                self.tr("fill, quota and score, in the order they count"),
            ),
            ("selection", "tie_break"): (
                self.tr("Tie-break criteria"),
                "tech, biz",
                self.tr("Criterion IDs separated by commas, compared in this order"),
            ),
            ("selection", "seat_transfer"): (
                self.tr("Seat transfer"),
                "",
                self.tr("Seats a track cannot fill pass to the other tracks"),
            ),
        }
        for (section, key), (label, placeholder, hint) in texts.items():
            self.labels[(section, key)].setText(label)
            self.hints[(section, key)].setText(hint)
            self.hints[(section, key)].setVisible(bool(hint))
            widget = self.fields[(section, key)]
            widget.setProperty("hint", hint)
            if not widget.property("problem"):
                widget.setToolTip(hint)
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(placeholder)
        normalize = self.fields[("aggregation", "normalize")]
        assert isinstance(normalize, QCheckBox)
        normalize.setText(self.tr("Calibrate reviewers' scores (z-score)"))
        transfer = self.fields[("selection", "seat_transfer")]
        assert isinstance(transfer, QCheckBox)
        transfer.setText(self.tr("Pass unfilled seats to other tracks"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
