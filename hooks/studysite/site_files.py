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

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils.meta import get_data

from studysite import backlinks
from studysite.paths import GLOSSARY_FILE, GLOSSARY_PAGE, METHODS_INDEX, STATUS_INDEX, templates_dir
from studysite.reference_pages import make_environment, reference_files
from studysite.state import BuildState, Session

OVERVIEWS = (STATUS_INDEX, METHODS_INDEX)


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
    state.reference_env = make_environment(templates_dir(config))
    for src_uri, (content, data_file) in reference_files(state.reference_env, state.reference).items():
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
    results, found = backlinks.scan(notes(files, config, session.serving), state.linker, renderer)
    state.linked = results
    grouped = {target: backlinks.grouped(links, target) for target, links in found.items()}
    state.reference_building.clear()
    for src_uri, (content, _) in reference_files(state.reference_env, state.reference, grouped).items():
        file = files.get_file_from_path(src_uri)
        file.content_string = content
        if session.dirty and session.reference_built.get(src_uri) == content and os.path.isfile(file.abs_dest_path):
            file.is_modified = lambda: False  # keep the page the last build wrote
        state.reference_building[src_uri] = content


def finish_reference(state: BuildState, session: Session) -> None:
    """Only a finished build's pages are on disk to be kept by the next dirty build."""
    session.reference_built = dict(state.reference_building)


def linked_markdown(state: BuildState, markdown: str, src_uri: str) -> str:
    """A note's Markdown with its mentions linked (the result of the scan when it saw the same text)."""
    source, result = state.linked.get(src_uri, (None, None))
    if result is None or source != markdown:
        result = state.linker.link(markdown, src_uri)
    return result.markdown


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
    content = make_environment(templates_dir(config)).get_template("glossary.md.j2").render(
        abbreviations=sorted(glossary.abbreviations, key=lambda t: t.term.casefold()),
        translations=glossary.translations,
    )
    file = _replace(files, File.generated(config, GLOSSARY_PAGE, content=content))
    file.edit_uri = f"../{GLOSSARY_FILE}"
    return files


def with_definitions(markdown: str, src_uri: str, state: BuildState) -> str:
    """`*[TERM]: tooltip` definitions for the terms a page uses, at the very end of its Markdown."""
    if src_uri == GLOSSARY_PAGE:
        return markdown  # the page spells every term out already
    definitions = state.glossary.definitions(markdown, state.glossary_pattern)
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown
