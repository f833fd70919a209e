"""MkDocs hook: Content-Security-Policy, safe links and escaping; the events are those of `studysite.security`."""

from __future__ import annotations

from studysite.security import on_startup, on_page_content, on_post_page, on_post_template  # noqa: F401
