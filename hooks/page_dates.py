"""MkDocs hook: "마지막 수정" dates from git history; the events are those of `studysite.page_dates`."""

from __future__ import annotations

from studysite.page_dates import on_pre_build, on_page_markdown  # noqa: F401
