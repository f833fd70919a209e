"""MkDocs hook: the generated status and method pages get a place in the sidebar.

The two overview pages that `mkdocs.yml` lists are replaced by sections holding them and every
generated page (`studysite.reference_nav` arranges them, `studysite.site_files` puts them into
the navigation). With `navigation.prune`, each page draws only the sections on its own path.
"""

from __future__ import annotations

from studysite import site_files
from studysite.state import build_state


def on_nav(nav, config, files):
    return site_files.place_reference(nav, files, build_state(config))
