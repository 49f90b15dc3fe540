"""Messages of the non-Qt layers in Korean and English.

The window translates its own strings with Qt's ``tr()``; errors, reasons and report
texts produced below ``ui/`` come from these catalogs so the command line, the reports
and the window say the same thing. Each catalog module holds a ``MESSAGES`` mapping of
key → (Korean, English) templates in ``str.format`` syntax; a test keeps them complete.
A Korean template writes a particle after a placeholder as ``{name|이}``, and the
particle that fits the value is chosen (:mod:`reviewer.i18n.particles`).
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from functools import cache
from typing import Any, Literal

from reviewer.i18n.particles import attach

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")


@cache
def catalog() -> Mapping[str, tuple[str, str]]:
    """All message templates, merged from the catalog modules."""
    from reviewer.i18n import (
        assignments,
        attachments,
        config,
        core,
        corrections,
        importing,
        packages,
        reports,
        reviewer_work,
        scoring,
        selection,
        services,
    )

    merged: dict[str, tuple[str, str]] = {}
    for module in (
        core,
        config,
        importing,
        scoring,
        selection,
        reports,
        services,
        corrections,
        packages,
        assignments,
        attachments,
        reviewer_work,
    ):
        for key, value in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice")
            merged[key] = value
    return merged


def default_lang() -> Lang:
    """The UI language from the environment: ``REVIEWER_LANG``, then the locale; Korean first."""
    for value in (
        os.environ.get("REVIEWER_LANG"),
        os.environ.get("LC_ALL"),
        os.environ.get("LC_MESSAGES"),
        os.environ.get("LANG"),
    ):
        if value:
            return "en" if value.lower().startswith("en") else "ko"
    return _locale_lang()


@cache
def _locale_lang() -> Lang:
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "en" if name.lower().startswith("en") else "ko"


def normalise_lang(value: str | None) -> Lang:
    if value is None:
        return default_lang()
    return "en" if value.lower().startswith("en") else "ko"


def render(key: str, lang: Lang | str | None = None, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (default: the environment's), with ``params`` filled."""
    language = normalise_lang(lang)
    templates = catalog().get(key)
    if templates is None:
        raise KeyError(f"unknown message key {key!r}")
    if language == "ko":
        template, params = attach(templates[0], params)
        return template.format(**params)
    return templates[1].format(**params)
