"""Rendered pages kept in .cache/ between builds: a page whose final Markdown and every other
input of the conversion are unchanged is not converted again.

MkDocs 1.6 has no event between `on_page_markdown` and the conversion, so the cache wraps
`Page.render(config, files)` (see CONTRIBUTING, the private internals). A call runs after every
hook's `on_page_markdown`, so `page.markdown` is final. Its key is a hash of:

- the page: its Markdown, `src_uri`, `url`, `dest_uri`, whether it is excluded, and the content
  of every file its `--8<--` lines include (and those files include in turn);
- the build (`site_fingerprint`, computed once per build): every file of the site (src_uri, url,
  dest_uri, page or not, inclusion) because link resolution and its warnings read them;
  `use_directory_urls` and `validation`; the Markdown extensions' names; the text of
  mkdocs.yml; the whole of examples/, data/, every `hooks/**/*.py` and each snippet base path
  inside the repository other than the repository itself (the root is covered per page by the
  included files: hashing all of it would make any note's edit a miss for every page); the
  levels of the loggers a render writes to; the versions of the converting packages and this
  module's own source.

A hit sets what `render` sets (`content`, `toc`, `_title_from_render`, `present_anchor_ids`,
`links_to_anchors` under the same log-level condition) and replays the log records the original
render wrote, so a strict build still fails on a broken link when every page is a hit. A render
that raised is never stored; an entry that is malformed or does not fit this build is a miss.
"""

from __future__ import annotations

import inspect
import logging
import os
import sys
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from studysite.json_cache import BuildCache, digest
from studysite.note_lint import MAX_SNIPPET_DEPTH, SNIPPET_SPEC, _snippet_names, _snippet_path_problem

CACHE = Path(".cache") / "render" / "pages.json"
FORMAT = "1"
# Distributions whose code converts Markdown (a new version may render differently).
VERSIONED = ("markdown", "pymdown-extensions", "pygments", "mkdocs", "mkdocs-material", "properdocs")
# Folders of the repository whose content Markdown extensions and hooks may read.
READ_FOLDERS = ("examples", "data")
# Loggers a render writes to (MkDocs or ProperDocs, Python-Markdown, pymdown-extensions); the
# root logger catches any other that propagates.
CAPTURED = ("", "mkdocs", "properdocs", "MARKDOWN", "pymdownx", "material")
SKIPPED_DIRS = {"__pycache__", ".git", "node_modules", ".cache"}

log = logging.getLogger("mkdocs.hooks.render_cache")


def package_versions(names: Iterable[str] = VERSIONED) -> list[str]:
    found = []
    for name in names:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}: none")
    return found


def own_source() -> str:
    return inspect.getsource(sys.modules[__name__])


def tree_digest(folder: Path, suffix: str = "") -> str:
    """Names and contents of every file under `folder` (ending in `suffix`), in a stable order."""
    parts: list[str | bytes] = []
    if folder.is_dir():
        for base, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
            for name in sorted(names):
                path = Path(base, name)
                if not name.endswith(suffix) or not path.is_file():
                    continue
                try:
                    data = path.read_bytes()
                except OSError:
                    data = b"\0unreadable"
                parts += [path.relative_to(folder).as_posix(), data]
    return digest(*parts)


def plain(value) -> str:
    """A stable text of a config value (nested config sections, mappings, lists, enums)."""
    if hasattr(value, "items"):
        return "{" + ",".join(f"{k!s}:{plain(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(plain(v) for v in value) + "]"
    return repr(value) if isinstance(value, (str, int, float, bool, type(None))) else f"{type(value).__name__}:{value!s}"


def extension_names(extensions: Iterable) -> list[str]:
    """Markdown extensions by name (an instance by its class: its repr holds an address)."""
    return [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}" for e in extensions]


def files_fingerprint(files: Iterable) -> str:
    """Every file of the site as links see it: src_uri, url, dest_uri, page or not, inclusion."""
    rows = sorted(
        f"{f.src_uri}\0{f.url}\0{f.dest_uri}\0{int(f.is_documentation_page())}\0{getattr(f.inclusion, 'name', f.inclusion)}"
        for f in files
    )
    return digest(*rows)


def logger_levels(names: Iterable[str] = CAPTURED, extra: Iterable[str] = ()) -> str:
    """Which records a render creates depends on the loggers' levels; a cached list holds those."""
    return ",".join(f"{n}={logging.getLogger(n).getEffectiveLevel()}" for n in (*names, *extra))


def repository_folders(root: Path, bases: Iterable[Path]) -> list[Path]:
    """The folders to hash whole: examples/, data/ and each snippet base path inside the
    repository, except the repository itself (or a folder holding it)."""
    real_root = Path(os.path.realpath(root))
    folders = [root / name for name in READ_FOLDERS]
    for base in bases:
        real = Path(os.path.realpath(base))
        if real != real_root and real.is_relative_to(real_root) and real not in {Path(os.path.realpath(f)) for f in folders}:
            folders.append(base)
    return folders


def site_fingerprint(root: Path, config_text: str, files: Iterable, use_directory_urls: bool, validation,
                     extensions: Iterable, bases: Iterable[Path], levels: str,
                     versions: Iterable[str] | None = None, source: str | None = None) -> str:
    """The part of every page's key that is the same for the whole build."""
    folders = repository_folders(root, bases)
    return digest(
        FORMAT,
        sys.version,  # the standard library's HTML parser, which Python-Markdown uses, changes in patch releases
        "\n".join(package_versions() if versions is None else versions),
        own_source() if source is None else source,
        config_text,
        files_fingerprint(files),
        repr(bool(use_directory_urls)),
        plain(validation),
        "\n".join(extension_names(extensions)),
        levels,
        *(f"{folder.relative_to(root).as_posix() if folder.is_relative_to(root) else folder}:{tree_digest(folder)}" for folder in folders),
        f"hooks:{tree_digest(root / 'hooks', '.py')}",
    )


class SnippetFiles:
    """The files `--8<--` lines include, resolved as pymdownx.snippets does: the first base path
    that has the file. Contents are read once per build."""

    def __init__(self, bases: Iterable[Path]):
        self.bases = list(bases)
        self.read: dict[Path, tuple[str, str] | None] = {}

    def _load(self, path: Path) -> tuple[str, str] | None:
        if path not in self.read:
            try:
                data = path.read_bytes()
                self.read[path] = (digest(data), data.decode("utf-8", errors="replace"))
            except OSError:
                self.read[path] = None
        return self.read[path]

    def digest(self, markdown: str) -> str:
        parts: list[str] = []
        self._walk(markdown, 0, parts, set())
        return digest(*parts)

    def _walk(self, text: str, depth: int, parts: list[str], seen: set[Path]) -> None:
        for _, name in _snippet_names(text):
            path = SNIPPET_SPEC.sub("", name)
            if _snippet_path_problem(path):  # the note checks stop the build before any render
                parts.append(f"{name}\0refused")
                continue
            found = next((base / path for base in self.bases if (base / path).is_file()), None)
            loaded = self._load(found) if found is not None else None
            parts.append(f"{name}\0{found}\0{loaded[0] if loaded else 'missing'}")
            if loaded and found not in seen and depth <= MAX_SNIPPET_DEPTH:
                seen.add(found)
                self._walk(loaded[1], depth + 1, parts, seen)


def page_key(site: str, markdown: str, file, snippets: str) -> str:
    inclusion = getattr(file.inclusion, "name", file.inclusion)
    return digest(site, file.src_uri, file.url, file.dest_uri, str(inclusion), snippets, markdown)


# --- what a render sets -------------------------------------------------------------------


def toc_tokens(toc) -> list[dict]:
    """`page.toc` as the tokens `get_toc` builds it from (name, id, level, children)."""
    return [{"level": a.level, "id": a.id, "name": a.title, "children": toc_tokens(a.children)} for a in toc]


def _valid_tokens(tokens) -> bool:
    return isinstance(tokens, list) and all(
        isinstance(t, dict) and isinstance(t.get("level"), int) and isinstance(t.get("id"), str)
        and isinstance(t.get("name"), str) and _valid_tokens(t.get("children"))
        for t in tokens
    )


def valid_entry(entry) -> bool:
    """The shape `entry_of` writes; anything else in the file is dropped and rendered again."""
    if not isinstance(entry, dict):
        return False
    links = entry.get("links")
    records = entry.get("records")
    return (
        isinstance(entry.get("content"), str)
        and _valid_tokens(entry.get("toc"))
        and (entry.get("title") is None or isinstance(entry.get("title"), str))
        and isinstance(entry.get("anchors"), list) and all(isinstance(a, str) for a in entry["anchors"])
        and (links is None or isinstance(links, list) and all(
            isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and isinstance(pair[1], dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in pair[1].items())
            for pair in links))
        and isinstance(records, list) and all(
            isinstance(r, dict) and isinstance(r.get("name"), str) and isinstance(r.get("levelno"), int)
            and isinstance(r.get("msg"), str) for r in records)
    )


def record_of(record: logging.LogRecord) -> dict:
    return {"name": record.name, "levelno": record.levelno, "msg": record.getMessage(),
            "pathname": record.pathname, "lineno": record.lineno, "funcName": record.funcName}


def replay(records: Iterable[dict]) -> None:
    """Emit each stored record again through its own logger, as the render did."""
    for stored in records:
        fields = dict(stored, args=None, levelname=logging.getLevelName(stored["levelno"]))
        fields["module"] = Path(fields.get("pathname") or "").stem
        logging.getLogger(stored["name"]).handle(logging.makeLogRecord(fields))


def entry_of(page, records: list[dict], with_links: bool) -> dict:
    links = None
    if with_links:
        links = [[target.src_uri, dict(anchors)] for target, anchors in (page.links_to_anchors or {}).items()]
    return {
        "content": page.content,
        "toc": toc_tokens(page.toc),
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": links,
        "records": records,
    }


def restore(page, entry: dict, files, with_links: bool, get_toc: Callable) -> bool:
    """Set what `render` sets from `entry`; False (nothing set) if it does not fit this build."""
    links = None
    if with_links:
        if entry["links"] is None:
            return False
        links = {}
        for src_uri, anchors in entry["links"]:
            target = files.get_file_from_path(src_uri)
            if target is None:
                return False
            links[target] = dict(anchors)
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if with_links:
        page.links_to_anchors = links
    replay(entry["records"])
    return True


class RecordCapture(logging.Handler):
    """Collects the records the loggers in CAPTURED see while it is attached (each once)."""

    def __init__(self, names: Iterable[str] = CAPTURED):
        super().__init__(logging.NOTSET)
        self.loggers = [logging.getLogger(n) for n in names]
        self.records: list[logging.LogRecord] = []
        self._ids: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) not in self._ids:
            self._ids.add(id(record))
            self.records.append(record)

    def __enter__(self) -> RecordCapture:
        for logger in self.loggers:
            logger.addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for logger in self.loggers:
            logger.removeHandler(self)


class RenderCache(BuildCache):
    """Key -> what one `Page.render` set, for one build; `render` is the wrapped call.

    `site` is the build's part of the key, made on the first render of the build (the files
    passed to render are the build's final files).
    """

    def __init__(self, path: Path | None, site: Callable[[object], str], snippets: SnippetFiles,
                 pages_log: logging.Logger, get_toc: Callable):
        super().__init__(path, FORMAT, valid=valid_entry)
        self.site = site
        self.snippets = snippets
        self.pages_log = pages_log
        self.get_toc = get_toc
        self._site: tuple[int, str] | None = None
        self.hits = 0
        self.misses = 0
        self.ahead = None  # the build's render_ahead.RenderAhead, if pages are converted ahead

    def site_key(self, files) -> str:
        if self._site is None or self._site[0] != id(files):
            self._site = (id(files), self.site(files))
        return self._site[1]

    def key(self, page, files) -> str:
        return page_key(self.site_key(files), page.markdown, page.file, self.snippets.digest(page.markdown))

    def render(self, original: Callable, page, config, files) -> None:
        if page.markdown is None:
            return original(page, config, files)  # render raises its own error
        try:
            key = self.key(page, files)
        except (OSError, ValueError, TypeError, AttributeError) as error:  # never a failed build because of the cache
            log.debug(f"Render cache: no key for {page.file.src_uri} ({error!r}); converting it uncached")
            return original(page, config, files)
        if self.ahead is not None:
            self.ahead.before(page)
        found = self.get(key)
        if found is not None and restore(page, found, files, self.with_links, self.get_toc):
            if self.ahead is None or not self.ahead.took(key):
                self.hits += 1
            return None
        entry = self.convert(original, page, config, files)  # an exception propagates: nothing is stored
        self.misses += 1
        self.put(key, entry)
        return None

    @property
    def with_links(self) -> bool:
        return self.pages_log.getEffectiveLevel() > logging.DEBUG

    def convert(self, original: Callable, page, config, files) -> dict:
        """Render the page and return its entry."""
        with RecordCapture() as capture:
            original(page, config, files)
        return entry_of(page, [record_of(r) for r in capture.records], self.with_links)


# --- the wrapper around Page.render ------------------------------------------------------

_active: RenderCache | None = None
WRAPPED = "_studysite_render_cache_original"


def install(page_class) -> None:
    """Wrap `page_class.render` once (a second call, as under `mkdocs serve`, changes nothing)."""
    if WRAPPED in page_class.render.__dict__:
        return
    original = page_class.render

    def render(self, config, files):
        cache = _active
        if cache is None:
            return original(self, config, files)
        return cache.render(original, self, config, files)

    render.__dict__[WRAPPED] = original
    render.__doc__ = original.__doc__
    page_class.render = render


def uninstall(page_class) -> None:
    original = page_class.render.__dict__.get(WRAPPED)
    if original is not None:
        page_class.render = original


def activate(cache: RenderCache | None) -> None:
    global _active
    _active = cache


def active() -> RenderCache | None:
    return _active


# --- one build (called by hooks/render_cache.py) -----------------------------------------


def start_build(config, root: Path, bases: list[Path]) -> RenderCache:
    """Wrap `Page.render` (once per process) and make this build's cache the active one."""
    from mkdocs.structure import pages
    from mkdocs.structure.toc import get_toc

    install(pages.Page)
    try:
        config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    except OSError:
        config_text = "\0unreadable"
    pages_log = getattr(pages, "log", None) or logging.getLogger(pages.__name__)

    def site(files) -> str:
        return site_fingerprint(root, config_text, files, config.use_directory_urls, config.validation,
                                config.markdown_extensions, bases, logger_levels(extra=(pages_log.name,)))

    cache = RenderCache(root / CACHE, site, SnippetFiles(bases), pages_log, get_toc)
    activate(cache)
    return cache


def finish_build(save: bool, keep_unseen: bool = False) -> RenderCache | None:
    """Stop using the cache; with `save`, keep this build's entries (all of them when only some
    pages were rendered, as in a dirty build) and drop the rest."""
    cache = _active
    activate(None)
    if cache is not None and cache.ahead is not None:
        cache.ahead.stop()
    if cache is not None and save:
        try:
            cache.save(keep_unseen=keep_unseen)
        except ValueError:  # text JSON cannot hold (a lone surrogate): only slower next time
            pass
        ahead = f", {cache.ahead.used} converted ahead" if cache.ahead is not None else ""
        log.info(f"Render cache: {cache.hits} pages reused, {cache.misses} converted{ahead}")
    return cache


def stop() -> None:
    """The process is done (end of `mkdocs build`, or of `mkdocs serve`): unwrap `Page.render`."""
    from mkdocs.structure import pages

    finish_build(save=False)
    uninstall(pages.Page)
