"""MkDocs hook: draw Material's navigation without work that is thrown away.

With `navigation.indexes`, Material's `partials/nav-item.html` looks through every child of
every section for the section's index page, and it does so before it decides whether the
section is drawn at all. With `navigation.prune`, every section outside the current page's path
is then drawn as one link, and the index it found is never used. On every page that loop visits
every page of the active tab: on a site of 1,000 notes it was about a tenth of the build
(bench/README.md).

This hook hands Jinja Material's own template with one change: the index search moves below
the pruning decision and runs only for sections drawn in full. The HTML is the same but for
whitespace between tags (tests/test_fast_nav.py builds the site with and without the hook and
compares every page's navigation). If a Material release changes the template so that the change no longer applies,
the build warns (and so fails under `strict`) instead of guessing.
"""

from __future__ import annotations

import logging
import re

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.fast_nav")

TEMPLATE = "partials/nav-item.html"

# Material's index search: from the namespace that holds the result to `set index`.
INDEX_SEARCH = re.compile(
    r"[ \t]*\{% set _ = namespace\(index = none\) %\}\n.*?\{% set index = _\.index %\}\n", re.DOTALL
)
# Material's pruning decision, which the index search is moved below.
PRUNING = re.compile(
    r'[ \t]*\{% if "navigation\.prune" in features %\}\n'
    r".*?\{% set is_pruned = true %\}\n\s*\{% endif %\}\n\s*\{% endif %\}\n",
    re.DOTALL,
)


class TemplateChanged(Exception):
    """Material's template no longer has the shape this hook expects."""


def move_index_search(source: str) -> str:
    """Return the template with the index search run only for sections that are not pruned.

    The index is used only inside `{% if not is_pruned %}`, and nothing between its old and
    new place reads it, so moving it changes no output.
    """
    search = INDEX_SEARCH.search(source)
    pruning = PRUNING.search(source)
    if not search or not pruning or search.end() > pruning.start():
        raise TemplateChanged(f"{TEMPLATE}: the index search or the pruning decision is not where expected")
    if re.search(r"\bindex\b", source[search.end() : pruning.start()]):
        raise TemplateChanged(f"{TEMPLATE}: the index is read before the pruning decision")
    moved = "    {% if not is_pruned %}\n" + search.group(0) + "    {% endif %}\n"
    return source[: search.start()] + source[search.end() : pruning.end()] + moved + source[pruning.end() :]


def on_env(env: Environment, config: MkDocsConfig, files) -> Environment:
    source, _, _ = env.loader.get_source(env, TEMPLATE)
    try:
        patched = move_index_search(source)
    except TemplateChanged as problem:
        log.warning("%s; the navigation is drawn by Material's template unchanged (slower)", problem)
        return env
    env.loader = ChoiceLoader([DictLoader({TEMPLATE: patched}), env.loader])
    return env
