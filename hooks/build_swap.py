"""MkDocs hook: a failed build leaves the previous site directory exactly as it was.

The event functions live in `studysite.atomic_build` next to the state of the build in progress;
this file names every one of them for MkDocs (tests/test_architecture.py checks that none is
left out). It must stay late in the `hooks:` list: see the comment there.
"""

from __future__ import annotations

from studysite.atomic_build import (  # noqa: F401
    on_build_error,
    on_config,
    on_post_build,
    on_serve,
    on_shutdown,
    on_startup,
)
