"""Test set-up shared by every test: Qt offscreen, a fixed UI language."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["REVIEWER_LANG"] = "en"
