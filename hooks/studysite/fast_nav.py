"""Draw Material's navigation without work that is thrown away (the work behind `hooks/fast_nav.py`).

Material draws the whole navigation sidebar into every page. Two parts of that work give the
same HTML over and over, and this hook hands Jinja Material's own templates with both skipped:

1. With `navigation.indexes`, `partials/nav-item.html` looks through every child of every
   section for the section's index page, before it decides whether the section is drawn at
   all. With `navigation.prune`, every section outside the current page's path is then drawn
   as one link, and the index it found is never used. The index search moves below the
   pruning decision and runs only for sections drawn in full.
2. An item that is not on the current page's path (a sibling page, or a pruned section) is
   drawn the same on every page that reaches its link by the same relative URL: the fifty
   pages of one section all draw their forty-nine siblings alike. `nav_memo` keeps each such
   item's HTML for the rest of the build, keyed by the item, its place and that URL.

The HTML is the same but for whitespace between tags (tests/test_fast_nav.py builds the site with
and without the hook and compares every page's navigation). If a Material release changes the
templates so that a change no longer applies, the build warns (and so fails under `strict`)
instead of guessing. On a site of 1,000 notes the memo halved the time spent drawing the
navigation, from about 2.4 s to 1.2 s of the build (bench/README.md).
"""

from __future__ import annotations

import logging
import re
from typing import Callable

from jinja2 import ChoiceLoader, DictLoader, Environment, pass_context

log = logging.getLogger("mkdocs.hooks.fast_nav")

TEMPLATE = "partials/nav-item.html"
NAV_TEMPLATE = "partials/nav.html"

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
# Where an item of the navigation is drawn: `{{ render(item, ...) }}` in nav-item.html (the
# children of a section) and `{{ item.render(nav_item, path, 1) }}` in nav.html (the top level).
RENDER_CALL = re.compile(r"\{\{ ((?:\w+\.)?render)\(")


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


def memoise_render_calls(source: str, name: str) -> str:
    """Return the template with its one call of the `render` macro going through `nav_memo`."""
    patched, count = RENDER_CALL.subn(r"{{ nav_memo(\1, ", source)
    if count != 1:
        raise TemplateChanged(f"{name}: expected one call of the render macro, found {count}")
    return patched


def memo_key(nav_item, path: str, level: int, url: Callable[[str], str], prune: bool):
    """What an item's HTML depends on, or None when it depends on the current page.

    An item on the current page's path is marked active and may hold the page's table of
    contents. Any other page or link is drawn as one link; with `navigation.prune`, any other
    section is drawn as one link to its first page. Either way the HTML is fixed by the item,
    its place (`path`, `level`) and the relative URL of that link. Blog views (items with
    `pages`) may turn into the current page inside the template, so they are never kept.
    """
    if getattr(nav_item, "active", False) or getattr(nav_item, "pages", None):
        return None
    target = nav_item
    if nav_item.children:
        if not prune:
            return None
        while target.children:
            target = target.children[0]
    return id(nav_item), path, level, url(target.url)


def nav_memo(prune: bool):
    """A Jinja global that draws a navigation item with Material's macro, once per memo key.

    Each build gets a new one from `on_env`, so no HTML outlives the page objects it came from.
    """
    drawn: dict[tuple, str] = {}

    @pass_context
    def draw(context, render, nav_item, path, level, parent=None):
        url = context.environment.filters["url"]  # MkDocs' filter, as wrapped by the blog plugin
        key = memo_key(nav_item, path, level, lambda target: url(context, target), prune)
        if key is None:
            return render(nav_item, path, level, parent)
        if key not in drawn:
            drawn[key] = render(nav_item, path, level, parent)
        return drawn[key]

    return draw


def patched_templates(env: Environment) -> dict[str, str]:
    def source(name: str) -> str:
        return env.loader.get_source(env, name)[0]

    return {
        TEMPLATE: memoise_render_calls(move_index_search(source(TEMPLATE)), TEMPLATE),
        NAV_TEMPLATE: memoise_render_calls(source(NAV_TEMPLATE), NAV_TEMPLATE),
    }


def patch_environment(env: Environment, features: list[str]) -> Environment:
    """Hand Jinja the patched templates and the `nav_memo` global (or leave Material's as they are)."""
    try:
        patched = patched_templates(env)
    except TemplateChanged as problem:
        log.warning("%s; the navigation is drawn by Material's templates unchanged (slower)", problem)
        return env
    env.loader = ChoiceLoader([DictLoader(patched), env.loader])
    env.globals["nav_memo"] = nav_memo(prune="navigation.prune" in features)
    return env
