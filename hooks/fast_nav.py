"""MkDocs hook: Material's navigation drawn without work that is thrown away.

`studysite.fast_nav` hands Jinja Material's navigation templates with the index search moved
below the pruning decision and each repeated item drawn once (tests/test_fast_nav.py compares
the navigation with and without this hook).
"""

from __future__ import annotations

from studysite.fast_nav import patch_environment


def on_env(env, config, files):
    return patch_environment(env, list(config.theme.get("features") or []))
