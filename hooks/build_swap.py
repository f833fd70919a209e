"""MkDocs hook: a failed build leaves the previous site directory exactly as it was; the events are those of `studysite.atomic_build`."""

from __future__ import annotations

from studysite.atomic_build import on_startup, on_config, on_post_build, on_serve, on_build_error, on_shutdown  # noqa: F401
