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

import inspect
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from studysite.glossary_data import Glossary
from studysite.json_cache import BuildCache, digest
from studysite.note_lint import (
    Link,
    check_admonitions,
    check_anchors,
    check_link_targets,
    check_snippets,
    decode,
    find_links,
)
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
from studysite.terminology import Avoided, avoided_variants, check_terms, variants_pattern

# Folders whose files end up in the site or in a page.
SOURCE_FOLDERS = ("docs", "overrides", "data", "examples")
CLEAN_CACHE = Path(".cache") / "note-checks" / "clean.json"
# The modules whose code decides a note's own-text verdict (a new rule is a new cache).
CHECKING_MODULES = ("studysite.note_checks", "studysite.note_lint", "studysite.untrusted",
                    "studysite.terminology", "studysite.yaml_lines")
BOM = b"\xef\xbb\xbf"


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


# --- checks that read nothing but the note ---------------------------------------------


def own_text_checks(source: bytes, display: str, src_uri: str, avoided: list[Avoided], variants
                    ) -> tuple[list, int, list[tuple[int, str, str | None, str]]]:
    """The checks of a note that read only its own bytes: (problems, markup weight, its links).

    Size and markup limits, control characters, encoding, admonition types and the glossary's
    avoided variants; the links are those `check_link_targets` looks up. Too large a note is
    not looked at beyond its size.
    """
    limits = source_problems(source.decode("utf-8", errors="replace"), len(source), display)
    if len(source) > MAX_NOTE_BYTES:
        return limits, 0, []
    weight = markup_weight(source.removeprefix(BOM).decode("utf-8", errors="replace"))[0]
    text, problems = decode(source, display)
    if text is None:
        return problems + limits, weight, []
    problems += check_admonitions(text, display) + limits
    if avoided:
        problems += check_terms(text, display, avoided, variants)
    return problems, weight, find_links(text, src_uri)


def checks_version() -> str:
    source = "".join(inspect.getsource(sys.modules[name]) for name in CHECKING_MODULES)
    return "own text checks " + digest(source)


def _valid_clean(value) -> bool:
    return (isinstance(value, list) and len(value) == 2 and type(value[0]) is int and isinstance(value[1], list)
            and all(isinstance(link, list) and len(link) == 4 and type(link[0]) is int and isinstance(link[1], str)
                    and isinstance(link[2], (str, type(None))) and isinstance(link[3], str) for link in value[1]))


class CleanNotes(BuildCache):
    """Notes whose own text passed `own_text_checks`, kept in .cache/ between builds.

    Those checks were most of the note checks of a rebuild of 1,000 notes, and their verdict
    depends on nothing but the note's bytes, its names, the glossary's avoided variants and the
    checking code (the cache's version). Only a clean verdict is kept, with the weight and the
    links the other checks need: a note with a problem is checked, and reported, on every build.
    The checks that read other files (included snippets, link targets, templates named in
    front matter) always run. A build from a clean checkout, as in CI and the deploy, has no
    cache, and a committed .cache/ is refused (`committed_caches`).
    """

    def __init__(self, path: Path | None, avoided: list[Avoided], version: str | None = None):
        super().__init__(path, version or checks_version(), valid=_valid_clean)
        self.avoided = avoided
        self.variants = variants_pattern(avoided)
        self._avoided_key = repr(avoided)

    def checks(self, source: bytes, display: str, src_uri: str) -> tuple[list, int, list[tuple]]:
        key = digest(self._avoided_key, display, src_uri, source)
        clean = self.get(key)
        if clean is not None:
            return [], clean[0], [tuple(link) for link in clean[1]]
        problems, weight, links = own_text_checks(source, display, src_uri, self.avoided, self.variants)
        if not problems:
            self.put(key, [weight, [list(link) for link in links]])
        return problems, weight, links


def check_sources(files: Files, config, glossary: Glossary, cache_path: Path | None = None
                  ) -> dict[str, tuple[str, list[Link]]]:
    """Check every note's source; return src_uri -> (file as named in messages, links with anchors).

    `glossary` is the build's, loaded and validated in on_config: its avoided variants are checked in prose.
    `cache_path`, relative to the repository: verdicts of earlier builds (`CleanNotes`).
    """
    root = project_root(config)
    bases = snippet_bases(config, root)
    pages = {f.src_uri for f in files.documentation_pages()}
    anchored: dict[str, tuple[str, list[Link]]] = {}
    own_text = CleanNotes(cache_path and root / cache_path, avoided_variants(glossary.translations))
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
        found, weight, links = own_text.checks(source, display, file.src_uri)
        if len(source) > MAX_NOTE_BYTES:
            problems += found  # too large to look at further
            continue
        weights.append(weight)
        text = source.removeprefix(BOM).decode("utf-8", errors="replace")
        link_problems, links = check_link_targets(links, display, pages.__contains__)
        found += link_problems + front_matter_problems(text, display, theme_file)
        strict, _ = decode(source, display)  # not UTF-8: reported by own_text_checks
        if strict is not None:
            found += check_snippets(strict, display, bases, root)
        problems += sorted(found, key=lambda p: p.line)
        anchored[file.src_uri] = (display, links)
    if not problems:
        problems += site_weight_problems(weights, Path(config.docs_dir).name)
    own_text.save()
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
