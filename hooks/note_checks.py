"""MkDocs hook: stop the build with `file:line: field: problem` lines for broken notes.

Thin event functions over `note_lint` and `studysite.terminology`. Source checks (encoding,
snippets, admonition types, links to missing pages, the glossary's avoided variants in prose)
run in `on_files`, before any page is read, so MkDocs and pymdown-extensions never get to
raise their tracebacks; anchors can only be checked once every page is rendered, in
`on_env`, which still comes before any page is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from studysite.glossary_data import load_glossary
from studysite.note_lint import Link, check_anchors, check_note
from studysite.terminology import avoided_variants, check_terms, variants_pattern
from studysite.yaml_lines import DataError

# src_uri -> (file as named in messages, links with anchors), from the last on_files.
_anchored: dict[str, tuple[str, list[Link]]] = {}


def _fail(what: str, problems) -> None:
    lines = "\n".join(str(p) for p in problems)
    raise PluginError(f"{what} ({len(problems)} problems):\n{lines}")


def _snippet_bases(config: MkDocsConfig, root: Path) -> list[Path]:
    options = config.mdx_configs.get("pymdownx.snippets", {})
    bases = options.get("base_path", ["."])
    return [root / base for base in ([bases] if isinstance(bases, str) else bases)]


@event_priority(-100)  # After the hooks and plugins that add generated pages.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent
    bases = _snippet_bases(config, root)
    pages = {f.src_uri for f in files.documentation_pages()}
    problems = []
    _anchored.clear()
    try:
        avoided = avoided_variants(load_glossary(root).translations)
    except DataError:
        avoided = []  # hooks/glossary.py reports the glossary's own problems
    variants = variants_pattern(avoided)
    for file in files.documentation_pages():
        if file.generated_by is not None or not file.abs_src_path:
            continue
        path = Path(file.abs_src_path)
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        found, anchored = check_note(path.read_bytes(), display, file.src_uri, bases, pages.__contains__)
        if avoided:
            try:
                text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
            except UnicodeDecodeError:
                text = ""  # reported by check_note
            found = sorted(found + check_terms(text, display, avoided, variants), key=lambda p: p.line)
        problems += found
        _anchored[file.src_uri] = (display, anchored)
    if problems:
        _fail("invalid notes", problems)
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    def anchors_of(src_uri: str):
        file = files.get_file_from_path(src_uri)
        page = file.page if file else None
        return page.present_anchor_ids if page else None

    problems = []
    for src_uri, (display, links) in _anchored.items():
        problems += check_anchors(links, display, src_uri, anchors_of)
    if problems:
        _fail("broken links in notes", problems)
    return env
