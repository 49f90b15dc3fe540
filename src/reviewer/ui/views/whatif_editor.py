"""The settings a what-if changes, as a form: the scoring rules, the selection rules,
each quota's share and strictness, and per track its seats, budget and criterion
weights. It starts from a configuration (the recorded run's), says ``changed`` on every
edit, and gives the edited configuration back; a setting differs from the start is
shown in bold."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.config import Criterion, Quota, RoundConfig, Track

MILLION = 1_000_000
METHODS = ("trimmed", "mean", "median")


def _kept(spin: QDoubleSpinBox, start: float, scale: float = 1.0) -> float:
    """The spin box's value; the starting value itself while the box still shows it (a
    start with more decimals than the box shows is not changed by being shown)."""
    shown = round(start / scale, spin.decimals())
    if abs(spin.value() - shown) < 10 ** -(spin.decimals() + 3):
        return start
    return spin.value() * scale


def _spin(low: float, high: float, decimals: int, step: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setSingleStep(step)
    spin.setGroupSeparatorShown(True)
    spin.setKeyboardTracking(False)  # typing recomputes once, when the number is done
    return spin


def _int_spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setKeyboardTracking(False)
    return spin


def _plain(text: str) -> str:
    """``text`` as a label shows it: an ``&`` is not a shortcut mark (``R&D``)."""
    return text.replace("&", "&&")


def _bold(widget: QWidget, bold: bool) -> None:
    font = widget.font()
    if font.bold() != bold:
        font.setBold(bold)
        widget.setFont(font)


class _TrackEditor(QGroupBox):
    def __init__(self, track: Track, changed: Any) -> None:
        super().__init__(_plain(f"{track.name} ({track.id})"))
        self.track = track
        self.setObjectName(f"track-{track.id}")
        form = QFormLayout(self)
        self.seats = _int_spin(0, 1_000_000)
        self.seats.setObjectName(f"seats-{track.id}")
        self.seats.setValue(track.seats)
        self.seats.valueChanged.connect(changed)
        self.seats_label = QLabel()
        form.addRow(self.seats_label, self.seats)
        self.has_budget = QCheckBox()
        self.has_budget.setChecked(track.budget is not None)
        self.budget = _spin(0, 1e9, 0, 100)
        self.budget.setObjectName(f"budget-{track.id}")
        self.budget.setValue((track.budget or 0) / MILLION)
        self.budget.setEnabled(track.budget is not None)
        self.has_budget.toggled.connect(self.budget.setEnabled)
        self.has_budget.toggled.connect(changed)
        self.budget.valueChanged.connect(changed)
        row = QHBoxLayout()
        row.addWidget(self.has_budget)
        row.addWidget(self.budget, 1)
        self.budget_label = QLabel()
        form.addRow(self.budget_label, row)
        self.weights: list[tuple[Criterion, QDoubleSpinBox]] = []
        for criterion in track.criteria:
            spin = _spin(0.1, 1000, 1, 1)
            spin.setObjectName(f"weight-{track.id}-{criterion.id}")
            spin.setValue(criterion.weight)
            spin.valueChanged.connect(changed)
            self.weights.append((criterion, spin))
            form.addRow(_plain(criterion.name), spin)

    def edited(self) -> Track:
        budget: int | None = None
        if self.has_budget.isChecked():
            start = float(self.track.budget) if self.track.budget is not None else 0.0
            budget = round(_kept(self.budget, start, MILLION))
        criteria = tuple(replace(c, weight=_kept(spin, c.weight)) for c, spin in self.weights)
        return replace(self.track, seats=self.seats.value(), budget=budget, criteria=criteria)

    def mark(self) -> None:
        edited = self.edited()
        _bold(self.seats, edited.seats != self.track.seats)
        _bold(self.budget, edited.budget != self.track.budget)
        for (criterion, spin), new in zip(self.weights, edited.criteria, strict=True):
            _bold(spin, new.weight != criterion.weight)


class _QuotaEditor:
    def __init__(self, quota: Quota, form: QFormLayout, changed: Any, number: int) -> None:
        self.quota = quota
        self.share = _spin(0, 100, 1, 5)
        self.share.setObjectName(f"share-{number}")
        self.share.setSuffix(" %")
        self.share.setValue(float(quota.share) * 100)
        self.share.valueChanged.connect(changed)
        self.strict = QCheckBox()
        self.strict.setObjectName(f"strict-{number}")
        self.strict.setChecked(quota.strict)
        self._limit_share(quota.strict)
        self.strict.toggled.connect(self._limit_share)
        self.strict.toggled.connect(changed)
        row = QHBoxLayout()
        row.addWidget(self.share, 1)
        row.addWidget(self.strict)
        form.addRow(_plain(quota.name), row)

    def _limit_share(self, strict: bool) -> None:
        # more than 100 % can never be met: round.toml refuses strict with a share of 1
        self.share.setMaximum(99.9 if strict else 100.0)

    def edited(self) -> Quota:
        start = float(self.quota.share * 100)
        value = _kept(self.share, start)
        share = self.quota.share if value == start else Fraction(repr(value)) / 100
        return replace(self.quota, share=share, strict=self.strict.isChecked())

    def mark(self) -> None:
        edited = self.edited()
        _bold(self.share, edited.share != self.quota.share)
        _bold(self.strict, edited.strict != self.quota.strict)


class ScenarioEditor(QScrollArea):
    """The form; ``changed`` after every edit a user makes (not while it is filled)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.start: RoundConfig | None = None
        self._filling = False
        self.tracks: list[_TrackEditor] = []
        self.quotas: list[_QuotaEditor] = []
        self.setWidget(QWidget())

    # -- building ------------------------------------------------------------------------

    def set_config(self, config: RoundConfig) -> None:
        """Show ``config``'s settings (the starting point of every comparison)."""
        self._filling = True
        self.start = config
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._scoring(config))
        layout.addWidget(self._selection(config))
        self.tracks = []
        for track in config.tracks:
            editor = _TrackEditor(track, self._changed)
            self.tracks.append(editor)
            layout.addWidget(editor)
        layout.addStretch(1)
        self.setWidget(body)
        self._filling = False
        self.retranslate()
        self._mark()

    def _scoring(self, config: RoundConfig) -> QGroupBox:
        rules = config.aggregation
        self.scoring_box = QGroupBox()
        form = QFormLayout(self.scoring_box)
        self.method = QComboBox()
        self.method.setObjectName("method")
        for method in METHODS:
            self.method.addItem(method, method)
        self.method.setCurrentIndex(self.method.findData(rules.method))
        self.method.currentIndexChanged.connect(self._changed)
        self.method_label = QLabel()
        form.addRow(self.method_label, self.method)
        self.trim = _int_spin(3, 1000)  # round.toml's own limits
        self.trim.setObjectName("trim")
        self.trim.setValue(rules.trim_min_reviews)
        self.trim.valueChanged.connect(self._changed)
        self.trim_label = QLabel()
        form.addRow(self.trim_label, self.trim)
        self.zscore = QCheckBox()
        self.zscore.setObjectName("zscore")
        self.zscore.setChecked(rules.normalize == "zscore")
        self.zscore.toggled.connect(self._changed)
        form.addRow(self.zscore)
        self.zscore_min = _int_spin(2, 100_000)
        self.zscore_min.setObjectName("zscore-min")
        self.zscore_min.setValue(rules.zscore_min_reviews)
        self.zscore_min.valueChanged.connect(self._changed)
        self.zscore_label = QLabel()
        form.addRow(self.zscore_label, self.zscore_min)
        self.cutoff = _spin(0, 1000, 2, 1)
        self.cutoff.setObjectName("cutoff")
        self.cutoff.setValue(config.cutoff)
        self.cutoff.valueChanged.connect(self._changed)
        self.cutoff_label = QLabel()
        form.addRow(self.cutoff_label, self.cutoff)
        self.has_floor = QCheckBox()
        self.has_floor.setObjectName("has-floor")
        self.has_floor.setChecked(rules.criterion_floor is not None)
        self.floor = _spin(0, 1, 2, 0.05)
        self.floor.setObjectName("floor")
        self.floor.setValue(rules.criterion_floor or 0.4)
        self.floor.setEnabled(rules.criterion_floor is not None)
        self.has_floor.toggled.connect(self.floor.setEnabled)
        self.has_floor.toggled.connect(self._changed)
        self.floor.valueChanged.connect(self._changed)
        row = QHBoxLayout()
        row.addWidget(self.has_floor)
        row.addWidget(self.floor, 1)
        self.floor_label = QLabel()
        form.addRow(self.floor_label, row)
        return self.scoring_box

    def _selection(self, config: RoundConfig) -> QGroupBox:
        self.selection_box = QGroupBox()
        form = QFormLayout(self.selection_box)
        self.transfer = QCheckBox()
        self.transfer.setObjectName("seat-transfer")
        self.transfer.setChecked(config.selection.seat_transfer)
        self.transfer.toggled.connect(self._changed)
        form.addRow(self.transfer)
        self.quotas = [
            _QuotaEditor(quota, form, self._changed, number)
            for number, quota in enumerate(config.quotas)
        ]
        self.quota_hint = QLabel()
        self.quota_hint.setWordWrap(True)
        form.addRow(self.quota_hint)
        return self.selection_box

    def retranslate(self) -> None:
        if self.start is None:
            return
        self.scoring_box.setTitle(self.tr("Scoring"))
        self.selection_box.setTitle(self.tr("Selection and quotas"))
        self.method_label.setText(self.tr("Aggregation"))
        names = {
            "trimmed": self.tr("Trimmed mean"),
            "mean": self.tr("Mean"),
            "median": self.tr("Median"),
        }
        for index in range(self.method.count()):
            self.method.setItemText(index, names[str(self.method.itemData(index))])
        self.trim_label.setText(self.tr("Trim from reviews"))
        self.trim.setToolTip(
            self.tr("The highest and the lowest total are dropped from this many reviews on")
        )
        self.zscore.setText(self.tr("Z-score calibration per reviewer"))
        self.zscore_label.setText(self.tr("Calibrate from totals"))
        self.cutoff_label.setText(self.tr("Cutoff"))
        self.floor_label.setText(self.tr("Criterion floor"))
        self.has_floor.setToolTip(self.tr("Fail an application whose mean on a criterion is below"))
        self.transfer.setText(self.tr("Seat transfer between tracks"))
        self.quota_hint.setText(self.tr("Each quota: its share, and whether it must be exceeded."))
        for quota in self.quotas:
            quota.strict.setText(self.tr("More than"))
        for editor in self.tracks:
            editor.seats_label.setText(self.tr("Seats"))
            editor.budget_label.setText(self.tr("Budget (million KRW)"))

    # -- reading -------------------------------------------------------------------------

    def config(self) -> RoundConfig:
        """The configuration as edited (the start with the form's values)."""
        start = self.start
        if start is None:
            raise RuntimeError("the editor shows no configuration")
        rules = start.aggregation
        floor: float | None = None
        if self.has_floor.isChecked():
            floor = _kept(self.floor, rules.criterion_floor or 0.4)
        aggregation = replace(
            rules,
            method=str(self.method.currentData()),  # type: ignore[arg-type]
            trim_min_reviews=self.trim.value(),
            normalize="zscore" if self.zscore.isChecked() else "none",
            zscore_min_reviews=self.zscore_min.value(),
            criterion_floor=floor,
        )
        selection = replace(start.selection, seat_transfer=self.transfer.isChecked())
        return replace(
            start,
            cutoff=_kept(self.cutoff, start.cutoff),
            aggregation=aggregation,
            selection=selection,
            quotas=tuple(q.edited() for q in self.quotas),
            tracks=tuple(t.edited() for t in self.tracks),
        )

    def _changed(self, *_: object) -> None:
        if self._filling:
            return
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        start = self.start
        if start is None:
            return
        edited = self.config()
        rules, new = start.aggregation, edited.aggregation
        _bold(self.method, new.method != rules.method)
        _bold(self.trim, new.trim_min_reviews != rules.trim_min_reviews)
        _bold(self.zscore, new.normalize != rules.normalize)
        _bold(self.zscore_min, new.zscore_min_reviews != rules.zscore_min_reviews)
        _bold(self.cutoff, edited.cutoff != start.cutoff)
        _bold(self.floor, new.criterion_floor != rules.criterion_floor)
        _bold(self.transfer, edited.selection.seat_transfer != start.selection.seat_transfer)
        for quota in self.quotas:
            quota.mark()
        for track in self.tracks:
            track.mark()

    def weight(self, track_id: str, criterion_id: str) -> QDoubleSpinBox:
        """The weight box of a criterion (for tests and scripted use)."""
        editor = next(t for t in self.tracks if t.track.id == track_id)
        return next(spin for c, spin in editor.weights if c.id == criterion_id)

    def seats(self, track_id: str) -> QSpinBox:
        return next(t for t in self.tracks if t.track.id == track_id).seats
