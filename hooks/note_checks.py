"""MkDocs hook: stop the build with `file:line: field: problem` lines for broken notes.

Thin event functions over `note_lint`. Source checks (encoding, snippets, admonition types,
links to missing pages) run in `on_files`, before any page is read, so MkDocs and
pymdown-extensions never get to raise their tracebacks; anchors can only be checked once
every page is rendered, in `on_env`, which still comes before any page is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from studysite.note_lint import Link, check_anchors, check_note
from studysite.yaml_lines import Problem
from studysite.untrusted import MAX_NOTE_BYTES, MAX_SITE_WEIGHT, front_matter_problems, markup_weight, is_inside, links_outside, source_problems

# Folders whose files end up in the site or in a page.
SOURCE_FOLDERS = ("docs", "overrides", "data", "examples")

# src_uri -> (file as named in messages, links with anchors), from the last on_files.
_anchored: dict[str, tuple[str, list[Link]]] = {}


def _fail(what: str, problems) -> None:
    lines = "\n".join(str(p) for p in problems)
    raise PluginError(f"{what} ({len(problems)} problems):\n{lines}")


def _snippet_bases(config: MkDocsConfig, root: Path) -> list[Path]:
    options = config.mdx_configs.get("pymdownx.snippets", {})
    bases = options.get("base_path", ["."])
    return [root / base for base in ([bases] if isinstance(bases, str) else bases)]


def template_exists(config: MkDocsConfig):
    """A predicate: is `name` a file inside one of the theme's folders?"""
    dirs = [os.path.realpath(d) for d in config.theme.dirs]

    def exists(name: str) -> bool:
        return any(os.path.isfile(os.path.join(d, name)) and is_inside(os.path.join(d, name), d) for d in dirs)

    return exists


@event_priority(-100)  # After the hooks and plugins that add generated pages.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).resolve().parent
    bases = _snippet_bases(config, root)
    pages = {f.src_uri for f in files.documentation_pages()}
    problems = links_outside(root, SOURCE_FOLDERS)
    _anchored.clear()
    theme_file = template_exists(config)
    site_weight = 0
    for file in list(files):
        # A file of docs/ or of the theme folder that resolves outside the repository (the
        # symlink itself is reported above) must never be read or copied.
        if file.generated_by is None and file.abs_src_path and not is_inside(file.abs_src_path, root):
            for folder in (config.docs_dir, config.theme.custom_dir):
                if folder and Path(file.abs_src_path).is_relative_to(folder):
                    files.remove(file)
    for file in files.documentation_pages():
        if file.generated_by is not None or not file.abs_src_path:
            continue
        path = Path(file.abs_src_path)
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        data = path.read_bytes()
        found = source_problems(data.decode("utf-8", errors="replace"), len(data), display)
        if len(data) > MAX_NOTE_BYTES:
            problems += found  # too large to look at further
            continue
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
        site_weight += markup_weight(text)[0]
        found += front_matter_problems(text, display, theme_file)
        checked, anchored = check_note(data, display, file.src_uri, bases, pages.__contains__, root)
        problems += sorted(found + checked, key=lambda p: p.line)
        _anchored[file.src_uri] = (display, anchored)
    if site_weight > MAX_SITE_WEIGHT and not problems:
        problems.append(Problem(config.docs_dir and Path(config.docs_dir).name or "docs", 1, "file",
                                f"the notes together are too costly to render ({site_weight:,} > {MAX_SITE_WEIGHT:,})"))
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
