"""MkDocs hook: Material's search index from cached page sections; the events are those of `studysite.search_sections`."""

from __future__ import annotations

from studysite.search_sections import on_startup, on_config, on_post_build  # noqa: F401
