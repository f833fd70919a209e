"""Broken notes stop the build with `file:line: field: problem` lines (behind `hooks/note_checks.py`).

MkDocs-facing glue over `note_lint` and `terminology` (pure). Source checks (encoding, snippets,
admonition types, links to missing pages, the glossary's avoided variants in prose) run on the
files collection, before any page is read, so MkDocs and
pymdown-extensions never get to raise their tracebacks; anchors can only be checked once every
page is rendered, which still comes before any page is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from studysite.glossary_data import load_glossary
from studysite.note_lint import Link, check_anchors, check_note
from studysite.paths import project_root
from studysite.terminology import avoided_variants, check_terms, variants_pattern
from studysite.yaml_lines import DataError


def fail(what: str, problems) -> None:
    lines = "\n".join(str(p) for p in problems)
    raise PluginError(f"{what} ({len(problems)} problems):\n{lines}")


def snippet_bases(config, root: Path) -> list[Path]:
    options = config.mdx_configs.get("pymdownx.snippets", {})
    bases = options.get("base_path", ["."])
    return [root / base for base in ([bases] if isinstance(bases, str) else bases)]


def check_sources(files: Files, config) -> dict[str, tuple[str, list[Link]]]:
    """Check every note's source; return src_uri -> (file as named in messages, links with anchors)."""
    root = project_root(config)
    bases = snippet_bases(config, root)
    pages = {f.src_uri for f in files.documentation_pages()}
    problems = []
    anchored: dict[str, tuple[str, list[Link]]] = {}
    try:
        avoided = avoided_variants(load_glossary(root).translations)
    except DataError:
        avoided = []  # the glossary hook reports the glossary's own problems
    variants = variants_pattern(avoided)
    for file in files.documentation_pages():
        if file.generated_by is not None or not file.abs_src_path:
            continue
        path = Path(file.abs_src_path)
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        source = path.read_bytes()
        found, links = check_note(source, display, file.src_uri, bases, pages.__contains__)
        if avoided:
            try:
                text = source.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            except UnicodeDecodeError:
                text = ""  # reported by check_note
            found = sorted(found + check_terms(text, display, avoided, variants), key=lambda p: p.line)
        problems += found
        anchored[file.src_uri] = (display, links)
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
