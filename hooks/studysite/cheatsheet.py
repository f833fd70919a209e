"""The printable cheat sheet of status codes and common methods (no MkDocs import).

One generated page, `reference/cheatsheet.md`, from the same records as the reference pages,
rendered through `overrides/reference/cheatsheet.md.j2` with the reference pages' escaping
filters. Its print layout (two A4 pages) is in `overrides/assets/stylesheets/site.css`.
"""

from __future__ import annotations

from jinja2 import Environment

from studysite.paths import CHEATSHEET_PAGE
from studysite.reference_data import CLASSES, COMMON_METHODS, Reference

SRC_URI = CHEATSHEET_PAGE
TEMPLATE = "cheatsheet.md.j2"


def render_cheatsheet(env: Environment, reference: Reference) -> str:
    """The cheat sheet's Markdown: every status code by class, then the nine common methods."""
    groups = []
    for klass, start in CLASSES.items():
        members = [s for s in reference.status_codes if s.klass == klass]
        if members:
            groups.append((start // 100, klass, members))
    methods = sorted((m for m in reference.methods if m.common), key=lambda m: COMMON_METHODS.index(m.method))
    return env.get_template(TEMPLATE).render(groups=groups, methods=methods, count=len(reference.status_codes), page=SRC_URI)
