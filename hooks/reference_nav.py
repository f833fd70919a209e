"""MkDocs hook: the generated status and method pages get a place in the sidebar.

Thin adapter over `studysite.reference_nav`: the two overview pages that `mkdocs.yml` lists
are replaced by sections holding them and every generated page, and the navigation's page
order, parents and previous/next links are worked out again. With `navigation.prune`, each
page draws only the sections on its own path in full.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from studysite.reference_data import CLASSES, COMMON_METHODS
from studysite.reference_nav import METHOD_OVERVIEW, STATUS_OVERVIEW, reference_tree


def _section(title: str, children: list) -> Section:
    return Section(title, [_section(*child) if isinstance(child, tuple) else child for child in children])


def _replace(items: list, replacements: dict[int, Section]) -> bool:
    """Put each replacement in place of the page it stands for; True if any was placed."""
    placed = False
    for index, item in enumerate(items):
        if id(item) in replacements:
            items[index] = replacements[id(item)]
            placed = True
        elif item.children:
            placed |= _replace(item.children, replacements)
    return placed


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
    tree = reference_tree(pages, {start // 100: title for start, title in CLASSES.values()}, COMMON_METHODS)
    if tree is None:
        return nav
    status, methods = tree
    replacements = {id(pages[STATUS_OVERVIEW]): _section(*status), id(pages[METHOD_OVERVIEW]): _section(*methods)}
    if not _replace(nav.items, replacements):
        return nav
    for page in _get_by_type(nav.items, Page):
        page.parent = None
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    _add_parent_links(nav.items)
    return nav
