"""MkDocs hook: front-end libraries served from the site itself; the events are those of `studysite.vendor_assets`."""

from __future__ import annotations

from studysite.vendor_assets import on_config, on_files  # noqa: F401
