"""benchmarks/run.py's arithmetic and JSON shape, from a made-up stage table (nothing is
timed or run here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

RUN_PY = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def run() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", RUN_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


STAGES = {
    "init": 0.5,
    "import_applications": 1.0,
    "import_reviewers": 0.25,
    "import_scores": 2.0,
    "select": 0.75,
    "select_budget": 3.0,
    "export_xlsx": 6.0,
    "export_pdf": 3.0,
    "export_sheets": 31.0,
    "gui_open": 2.5,
    "whatif": 0.15,
}
FLOOR = {"parse_scores": 1.0, "parse_applications": 0.25, "write_xlsx": 2.0}
PEER = {"pandas_default": 8.0, "pandas_calamine": 3.0}
COUNTS = {"pages": 100, "reviewers": 62}


def test_ratios_are_those_of_the_targets(run: ModuleType) -> None:
    ratios = run.compute_ratios(STAGES, FLOOR, PEER, 100, 62)
    assert ratios == {
        "fixed_cost": 0.25,
        "import_scores": 2.0,
        "import_applications": 4.0,
        "select": 0.75,
        "select_budget": 3.0,
        "export_xlsx": 3.0,
        "export_pdf_per_page": 0.03,
        "export_sheets_per_reviewer": 0.5,
        "pipeline_vs_peer": pytest.approx(4.5 / 3.0),
    }
    assert {t.key for t in run.TARGETS} <= {*ratios, *STAGES, "peak_rss_mb"}


def test_a_missing_figure_gives_no_ratio(run: ModuleType) -> None:
    stages = {**STAGES, "select": None}
    ratios = run.compute_ratios(stages, {**FLOOR, "write_xlsx": None}, PEER, None, 62)
    assert ratios["select"] is None
    assert ratios["pipeline_vs_peer"] is None
    assert ratios["export_xlsx"] is None
    assert ratios["export_pdf_per_page"] is None
    assert ratios["import_scores"] == 2.0


def test_targets_by_scale(run: ModuleType) -> None:
    figures = {"whatif": 0.5, "gui_open": 1.5, "peak_rss_mb": 700.0, "fixed_cost": 0.3}
    at_s = run.verdicts("S", figures)
    at_l = run.verdicts("L", figures)
    assert at_s["whatif"] == (0.5, 0.2, False)
    assert at_l["whatif"] == (0.5, 1.0, True)
    assert at_s["gui_open"] == (1.5, None, None)  # a target at L only
    assert at_l["gui_open"][2] is True
    assert at_l["peak_rss_mb"][2] is False
    assert at_s["fixed_cost"][2] is True  # at the limit is met
    assert run.verdicts("XL", figures)["whatif"][1] is None


def test_document_shape(run: ModuleType) -> None:
    rss = {name: 100.0 for name in STAGES} | {"gui_open": 180.0}
    doc = run.document("S", STAGES, rss, FLOOR, PEER, COUNTS)
    assert json.loads(json.dumps(doc)) == doc
    assert {"scale", "stages", "peak_rss_mb", "floor", "peer", "ratios"} <= set(doc)
    assert doc["scale"] == "S"
    assert doc["peak_rss_mb"] == 180.0
    assert set(doc["floor"]) == {"parse_scores", "parse_applications", "write_xlsx"}
    assert set(doc["peer"]) == {"pandas_default", "pandas_calamine"}
    assert doc["met"]["whatif"] is True
    assert doc["met"]["import_applications"] is False


def test_budgets_lifted(run: ModuleType) -> None:
    text = '[[tracks]]\nid = "a"\nseats = 5\nbudget = 100\n\n[[tracks]]\nid = "b"\n'
    assert run.lift_budgets(text) == '[[tracks]]\nid = "a"\nseats = 5\n\n[[tracks]]\nid = "b"\n'
