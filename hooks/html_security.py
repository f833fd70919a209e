"""MkDocs hook: Content-Security-Policy, safe links and escaping that Material leaves out.

The event functions live in `studysite.security` next to the state they keep (whether the dev
server runs, the theme's script patterns); this file names every one of them for MkDocs
(tests/test_architecture.py checks that none is left out).
"""

from __future__ import annotations

from studysite.security import on_config, on_post_build, on_post_page, on_post_template, on_startup  # noqa: F401
