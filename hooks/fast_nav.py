"""MkDocs hook: Material's navigation drawn without work that is thrown away; the events are those of `studysite.fast_nav`."""

from __future__ import annotations

from studysite.fast_nav import on_env  # noqa: F401
