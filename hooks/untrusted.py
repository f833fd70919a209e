"""MkDocs hook: untrusted input stops the build with `file:line: field: problem` lines.

The events live in `studysite.untrusted_build` (see there and `studysite.untrusted`); this
file names every one of them for MkDocs.
"""

from __future__ import annotations

from studysite.untrusted_build import (  # noqa: F401
    on_build_error,
    on_config,
    on_env,
    on_page_content,
    on_page_markdown,
    on_startup,
)
