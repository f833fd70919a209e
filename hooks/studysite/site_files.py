"""Generated pages in MkDocs' files collection: the reference, its JSON export and the glossary.

The generators themselves (`reference_pages`, `glossary_data`) know nothing of MkDocs; this module
puts their output into the build: `File.generated(...)` in memory (nothing is written into
`docs/`), edit links that open the data file, and the backlinks that the reference templates
render, found from the notes' sources before any page is rendered (`backlinks.scan`).

`mkdocs serve --dirty` re-renders only the pages whose file is modified, and MkDocs counts a
generated page as always modified. Re-rendering the hundred reference pages on every edit would
take most of a dirty rebuild, so a reference page whose Markdown (backlinks included) is the
same as in the previous finished build keeps its page from that build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import get_data

from studysite import backlinks, render_cache
from studysite.cheatsheet import render_cheatsheet
from studysite.paths import (
    CHEATSHEET_PAGE,
    GLOSSARY_FILE,
    GLOSSARY_PAGE,
    METHODS_INDEX,
    STATUS_FILE,
    STATUS_INDEX,
    templates_dir,
)
from studysite.reference_data import CLASSES, COMMON_METHODS
from studysite.reference_nav import METHOD_OVERVIEW, STATUS_OVERVIEW, reference_tree
from studysite.reference_pages import RenderedReference, class_titles, labels
from studysite.state import BuildState, Session

OVERVIEWS = (STATUS_INDEX, METHODS_INDEX)
SCAN_CACHE = Path(".cache") / "backlinks" / "notes.json"
REFERENCE_CACHE = Path(".cache") / "reference" / "files.json"


def _replace(files: Files, file: File) -> File:
    if existing := files.get_file_from_path(file.src_uri):
        files.remove(existing)
    files.append(file)
    return file


def remove_templates(files: Files) -> None:
    """The page templates sit in the theme folder, which MkDocs would copy into the site as static
    files; they are inputs of the build, not part of the site."""
    for template in [f for f in files if f.src_uri.endswith(".j2")]:
        files.remove(template)


def add_reference(files: Files, config, state: BuildState) -> Files:
    """The reference pages and JSON exports, without backlinks yet (the nav is not built)."""
    remove_templates(files)
    state.reference_cache = rendered_reference(config, state.root)
    for src_uri, (content, data_file) in state.reference_cache.files(state.reference_env, state.reference).items():
        inclusion = InclusionLevel.UNDEFINED if src_uri in OVERVIEWS else InclusionLevel.NOT_IN_NAV
        file = _replace(files, File.generated(config, src_uri, content=content, inclusion=inclusion))
        file.edit_uri = f"../{data_file}"  # the edit button opens the data record's file
    return files


def notes(files: Files, config, serving: bool):
    """Every note the build renders, with its Markdown and how MkDocs titles it."""
    inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
    for file in files.documentation_pages(inclusion=inclusion):
        if not backlinks.is_note(file.src_uri, file.generated_by is not None):
            continue
        markdown, meta = get_data(file.content_string)
        page = file.page

        def title(h1: str | None, page=page, meta=meta, file=file) -> str:
            explicit = vars(page).get("title") if page is not None else None  # a title from the nav
            return backlinks.page_title(explicit, meta, h1, file.name, bool(page and page.is_homepage))

        yield backlinks.Note(file.src_uri, markdown, title)


def add_backlinks(files: Files, config, state: BuildState, session: Session) -> None:
    """Link every note, then render the reference pages again with the notes that mention them.

    Runs in `on_nav`, when MkDocs has given pages their nav titles and before any is read.
    """
    renderer = backlinks.HeadingRenderer(config.markdown_extensions, config.mdx_configs or {})
    state.scan_cache = scan_cache(files, state.root)
    results, found = backlinks.scan(notes(files, config, session.serving), state.linker, renderer, state.scan_cache)
    state.linked = results
    grouped = {target: backlinks.grouped(links, target) for target, links in found.items()}
    state.reference_building.clear()
    if state.reference_cache is None:
        state.reference_cache = rendered_reference(config, state.root)
    for src_uri, (content, _) in state.reference_cache.files(state.reference_env, state.reference, grouped).items():
        file = files.get_file_from_path(src_uri)
        file.content_string = content
        if session.dirty and session.reference_built.get(src_uri) == content and os.path.isfile(file.abs_dest_path):
            file.is_modified = lambda: False  # keep the page the last build wrote
        state.reference_building[src_uri] = content


def scan_cache(files: Files, root: Path) -> backlinks.ScanCache | None:
    """The notes' scans from earlier builds, keyed with the render cache's fingerprint of the
    build's other inputs (no render cache, as in tests that build no site: no scan cache)."""
    pages = render_cache.active()
    return None if pages is None else backlinks.ScanCache(root / SCAN_CACHE, pages.site_key(files))


def rendered_reference(config, root: Path) -> RenderedReference:
    """The reference files of earlier builds (none without a render cache, as in tests that
    build no site), for the templates, hooks and Jinja of this build."""
    if render_cache.active() is None:
        return RenderedReference(None, "")
    inputs = render_cache.digest(
        sys.version,
        "\n".join(render_cache.package_versions(("jinja2", "markupsafe"))),
        render_cache.tree_digest(templates_dir(config)),
        render_cache.tree_digest(root / "hooks", ".py"),
    )
    return RenderedReference(root / REFERENCE_CACHE, inputs)


def finish_reference(state: BuildState, session: Session) -> None:
    """Only a finished build's pages are on disk to be kept by the next dirty build, and only a
    finished build's scans and reference files are kept for the next one."""
    session.reference_built = dict(state.reference_building)
    if state.scan_cache is not None:
        state.scan_cache.save(keep_unseen=session.dirty)
    if state.reference_cache is not None:
        state.reference_cache.save()


def linked_markdown(state: BuildState, markdown: str, src_uri: str) -> str:
    """A note's Markdown with its mentions linked (the result of the scan when it saw the same text)."""
    source, result = state.linked.get(src_uri, (None, None))
    if result is None or source != markdown:
        result = state.linker.link(markdown, src_uri)
    return result.markdown


# --- the cheat sheet and the reference's place in the navigation --------------------------


def add_cheatsheet(files: Files, config, state: BuildState) -> Files:
    """The printable cheat sheet, from the same records as the reference pages."""
    content = render_cheatsheet(state.reference_env, state.reference)
    file = _replace(files, File.generated(config, CHEATSHEET_PAGE, content=content))
    file.edit_uri = f"../{STATUS_FILE}"
    return files


def _section(title: str, children: list):
    from mkdocs.structure.nav import Section

    return Section(title, [_section(*child) if isinstance(child, tuple) else child for child in children])


def _replace_in_nav(items: list, replacements: dict) -> bool:
    """Put each replacement in place of the page it stands for; True if any was placed."""
    placed = False
    for index, item in enumerate(items):
        if id(item) in replacements:
            items[index] = replacements[id(item)]
            placed = True
        elif item.children:
            placed |= _replace_in_nav(item.children, replacements)
    return placed


def place_reference(nav, files: Files, state: BuildState):
    """The two overview pages of the nav become sections holding every generated reference page.

    The page order, parents and previous/next links are then worked out again with MkDocs' own
    (private) functions, as `get_navigation` does.
    """
    from mkdocs.structure.nav import _add_parent_links, _add_previous_and_next_links, _get_by_type
    from mkdocs.structure.pages import Page

    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
    titles = {CLASSES[klass] // 100: title for klass, title in class_titles(state.reference_env).items()}
    tree = reference_tree(pages, titles, COMMON_METHODS, labels(state.reference_env, "reference_nav"))
    if tree is None:
        return nav
    status, methods = tree
    replacements = {id(pages[STATUS_OVERVIEW]): _section(*status), id(pages[METHOD_OVERVIEW]): _section(*methods)}
    if not _replace_in_nav(nav.items, replacements):
        return nav
    for page in _get_by_type(nav.items, Page):
        page.parent = None
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
    _add_parent_links(nav.items)
    return nav


# --- the glossary -----------------------------------------------------------------------


def add_abbreviations(config, state: BuildState) -> None:
    """Validate the glossary (before MkDocs cleans the site directory) and add the `abbr` variant."""
    from studysite.glossary_data import FocusableAbbrExtension

    state.glossary  # noqa: B018 (loads and validates)
    if "abbr" not in config.markdown_extensions:
        raise PluginError("hooks/glossary.py needs the `abbr` Markdown extension in mkdocs.yml")
    config.markdown_extensions.append(FocusableAbbrExtension())


def add_glossary(files: Files, config, state: BuildState) -> Files:
    glossary = state.glossary
    content = state.reference_env.get_template("glossary.md.j2").render(
        abbreviations=sorted(glossary.abbreviations, key=lambda t: t.term.casefold()),
        translations=glossary.translations,
    )
    file = _replace(files, File.generated(config, GLOSSARY_PAGE, content=content))
    file.edit_uri = f"../{GLOSSARY_FILE}"
    return files


def with_definitions(markdown: str, src_uri: str, state: BuildState) -> str:
    """`*[TERM]: tooltip` definitions for the terms a page uses, at the end of its Markdown."""
    if src_uri == GLOSSARY_PAGE:
        return markdown  # the page spells every term out already
    definitions = state.glossary.definitions(markdown, state.glossary_pattern)
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown
