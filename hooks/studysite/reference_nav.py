"""Where the generated reference pages sit in the navigation (no MkDocs import).

The status and method pages are generated from `data/`, so `mkdocs.yml` lists only the two
overviews. `reference_tree` arranges the generated pages into sections around them: status
codes by class (1xx to 5xx), methods with the nine common ones first in the registry's usual
order, then the rest alphabetically. Each section is a `(title, children)` tuple and a page is
whatever object the caller passes in, so the adapter can hand in MkDocs pages and a test plain
strings. Material's footer takes previous/next from the resulting page order (403 -> 404 -> 405).
"""

from __future__ import annotations

import re
from typing import Iterable, TypeVar

from studysite.paths import METHODS_INDEX, STATUS_INDEX, method_src_uri, status_src_uri

P = TypeVar("P")

STATUS_OVERVIEW = STATUS_INDEX
METHOD_OVERVIEW = METHODS_INDEX
STATUS_PAGE = re.compile(re.escape(status_src_uri(999)).replace("999", r"([1-5]\d\d)"))
METHOD_PAGE = re.compile(re.escape(method_src_uri("zzz")).replace("zzz", r"([a-z][a-z-]*)"))

Tree = list  # of P or tuple[str, Tree]


def reference_tree(
    pages: dict[str, P], class_titles: dict[int, str], common_methods: Iterable[str], titles: dict[str, str]
) -> tuple[tuple[str, Tree], tuple[str, Tree]] | None:
    """(status section, method section) built from `pages` (src_uri -> page), or None.

    `class_titles` maps a class's first digit to its title (1 -> "1xx 정보 응답"); `titles` names
    the sections (`status`, `methods`, `common`, `extension`: `reference_nav` in labels.j2);
    `common_methods` lists the common methods in the order they are shown.
    None when an overview page is missing (then the navigation stays as configured).
    """
    if STATUS_OVERVIEW not in pages or METHOD_OVERVIEW not in pages:
        return None
    codes = sorted((int(m.group(1)), page) for uri, page in pages.items() if (m := STATUS_PAGE.fullmatch(uri)))
    status: Tree = [pages[STATUS_OVERVIEW]]
    for digit, title in sorted(class_titles.items()):
        members = [page for code, page in codes if code // 100 == digit]
        if members:
            status.append((title, members))

    slugs = {
        m.group(1): page for uri, page in pages.items() if (m := METHOD_PAGE.fullmatch(uri)) and uri != METHOD_OVERVIEW
    }
    common_slugs = [name.lower() for name in common_methods]
    common = [slugs[slug] for slug in common_slugs if slug in slugs]
    others = [slugs[slug] for slug in sorted(slugs) if slug not in common_slugs]
    methods: Tree = [pages[METHOD_OVERVIEW]]
    if common:
        methods.append((titles["common"], common))
    if others:
        methods.append((titles["extension"], others))
    return (titles["status"], status), (titles["methods"], methods)


def flatten(tree: Tree) -> list:
    """The pages of a tree in navigation order."""
    flat = []
    for item in tree:
        if isinstance(item, tuple):
            flat.extend(flatten(item[1]))
        else:
            flat.append(item)
    return flat
