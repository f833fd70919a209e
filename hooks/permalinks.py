"""MkDocs hook: heading permalinks named for screen readers, not given tooltips; the events are those of `studysite.permalinks`."""

from __future__ import annotations

from studysite.permalinks import on_page_content  # noqa: F401
