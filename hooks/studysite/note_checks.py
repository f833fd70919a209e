"""Broken notes stop the build with `file:line: field: problem` lines (behind `hooks/note_checks.py`).

MkDocs-facing glue over `note_lint` and `terminology` (pure). Source checks (encoding, snippets,
admonition types, links to missing pages, the glossary's avoided variants in prose, and the
checks on untrusted input of `studysite.untrusted`: front matter, limits, files from outside
the repository) run on the
files collection, before any page is read, so MkDocs and
pymdown-extensions never get to raise their tracebacks; anchors can only be checked once every
page is rendered, which still comes before any page is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from studysite.glossary_data import Glossary
from studysite.note_lint import Link, check_anchors, check_note
from studysite.untrusted import (
    MAX_NOTE_BYTES,
    committed_caches,
    front_matter_problems,
    is_inside,
    links_outside,
    markup_weight,
    site_weight_problems,
    source_problems,
)

from studysite.paths import project_root
from studysite.terminology import avoided_variants, check_terms, variants_pattern

# Folders whose files end up in the site or in a page.
SOURCE_FOLDERS = ("docs", "overrides", "data", "examples")


def fail(what: str, problems) -> None:
    lines = "\n".join(str(p) for p in problems)
    raise PluginError(f"{what} ({len(problems)} problems):\n{lines}")


def snippet_bases(config, root: Path) -> list[Path]:
    options = config.mdx_configs.get("pymdownx.snippets", {})
    bases = options.get("base_path", ["."])
    return [root / base for base in ([bases] if isinstance(bases, str) else bases)]


def template_exists(config):
    """A predicate: is `name` a file inside one of the theme's folders?"""
    dirs = [os.path.realpath(d) for d in config.theme.dirs]

    def exists(name: str) -> bool:
        return any(os.path.isfile(os.path.join(d, name)) and is_inside(os.path.join(d, name), d) for d in dirs)

    return exists


def check_sources(files: Files, config, glossary: Glossary) -> dict[str, tuple[str, list[Link]]]:
    """Check every note's source; return src_uri -> (file as named in messages, links with anchors).

    `glossary` is the build's, loaded and validated in on_config: its avoided variants are checked in prose.
    """
    root = project_root(config)
    bases = snippet_bases(config, root)
    pages = {f.src_uri for f in files.documentation_pages()}
    anchored: dict[str, tuple[str, list[Link]]] = {}
    avoided = avoided_variants(glossary.translations)
    variants = variants_pattern(avoided)
    problems = links_outside(root, SOURCE_FOLDERS) + committed_caches(root)
    for file in list(files):
        # A file of docs/ or of the theme folder that resolves outside the repository (the
        # symbolic link itself is reported above) must never be read or copied.
        if file.generated_by is None and file.abs_src_path and not is_inside(file.abs_src_path, root):
            for folder in (config.docs_dir, config.theme.custom_dir):
                if folder and Path(file.abs_src_path).is_relative_to(folder):
                    files.remove(file)
    theme_file = template_exists(config)
    weights = []
    for file in files.documentation_pages():
        if file.generated_by is not None or not file.abs_src_path:
            continue
        path = Path(file.abs_src_path)
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        source = path.read_bytes()
        limits = source_problems(source.decode("utf-8", errors="replace"), len(source), display)
        if len(source) > MAX_NOTE_BYTES:
            problems += limits  # too large to look at further
            continue
        text = source.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
        weights.append(markup_weight(text)[0])
        found, links = check_note(source, display, file.src_uri, bases, pages.__contains__, root)
        found += limits + front_matter_problems(text, display, theme_file)
        if avoided:
            try:
                text = source.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            except UnicodeDecodeError:
                text = ""  # reported by check_note
            found += check_terms(text, display, avoided, variants)
        problems += sorted(found, key=lambda p: p.line)
        anchored[file.src_uri] = (display, links)
    if not problems:
        problems += site_weight_problems(weights, Path(config.docs_dir).name)
    if problems:
        fail("invalid notes", problems)
    return anchored


def check_anchor_links(anchored: dict[str, tuple[str, list[Link]]], files: Files) -> None:
    """Every link with an anchor points at an anchor of the rendered target page."""
    def anchors_of(src_uri: str):
        file = files.get_file_from_path(src_uri)
        page = file.page if file else None
        return page.present_anchor_ids if page else None

    problems = []
    for src_uri, (display, links) in anchored.items():
        problems += check_anchors(links, display, src_uri, anchors_of)
    if problems:
        fail("broken links in notes", problems)
