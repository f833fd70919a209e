"""Drawn pages kept in .cache/ between builds: a page whose template context did not change is
not drawn again (the work behind `hooks/page_cache.py`).

MkDocs 1.6 draws every page's template on every build, and on a warm build of 1,000 notes that
was half of the build (bench/README.md). What a page's template writes depends on its context
and on the templates, so the key is a hash of all of it:

- the build, once: this module's source; the versions of the packages that draw (MkDocs or
  ProperDocs, Material, Jinja2, MarkupSafe, Babel); the configuration as the templates see it (every
  option, and each plugin's own options); the files of every theme folder inside the repository
  (`overrides/`), and any other theme folder by its path (a package's, covered by its version);
  every `hooks/**/*.py` (the hooks add Jinja globals and filters); every file of the site (the
  `pages` variable, and links);
- the navigation: each item's kind, title, URL, front matter and children. Which item is active,
  the breadcrumbs and the previous and next links follow from it and the page's URL. It is made
  again after a page that is not cached was drawn, because the blog plugin changes the
  navigation while it draws its views;
- the page: URL, file and its inclusion (a draft), title, Markdown, HTML, table of contents,
  front matter, edit and canonical URLs, update date, and every other value of the context (seo.py's structured data,
  the tags plugin's tags).

Only plain `Page` objects are kept (blog posts and views carry more than the key holds), and
only when every value is plain data: text, numbers, dates, lists, mappings, or a small object made
of those. A value of any other kind leaves the page uncached (or, in the configuration, the
whole build), never guessed at. A drawing that logged a warning or worse is not kept, so a strict
build fails on it again next time. Each drawing is a file `.cache/pages/KEY.html`; a full build
removes the files it did not use.

The drawing is intercepted in Jinja's `Template.render`, which MkDocs calls once per page and
templates never call for each other (`extends` and `include` use the compiled functions): the
template class of the environment is replaced in `on_env`, before any page template is loaded.
"""

from __future__ import annotations

import datetime
import enum
import functools
import inspect
import logging
import os
import sys
import types
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.structure import StructureItem
from mkdocs.structure.pages import Page

from studysite.render_cache import RecordCapture, digest, files_fingerprint, package_versions, tree_digest

CACHE = Path(".cache") / "pages"
FORMAT = "1"
# Distributions whose code draws a page from its context.
VERSIONED = ("mkdocs", "properdocs", "mkdocs-material", "jinja2", "markupsafe", "babel")
# The variables MkDocs puts into every page's context (`get_context`), each covered by the key
# in its own way; any other variable is hashed as plain data.
STANDARD = {"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version", "build_date_utc",
            "config", "page"}
# A small object is walked this deep at most; anything deeper is not plain data. The tags
# plugin's tag references are 7 deep (context, list, tag, its fields, links, link, its fields).
MAX_DEPTH = 8
# Options no template reads that change from build to build (build_swap.py builds into a new
# folder each time).
UNREAD_OPTIONS = {"site_dir"}

log = logging.getLogger("mkdocs.hooks.page_cache")


class NotPlain(Exception):
    """A value the key cannot describe: the page (or the build) is drawn uncached."""


def plain(value, depth: int = 0) -> str:
    """A stable text of `value`, or NotPlain. Two values with the same text draw the same."""
    if depth > MAX_DEPTH:
        raise NotPlain("nested too deep")
    if value is None or isinstance(value, (str, bool, int, float)):
        return repr(value)
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return f"{type(value).__name__}:{value.isoformat()}"
    if hasattr(value, "items") and callable(value.items):
        items = sorted(((str(k), v) for k, v in value.items()), key=lambda kv: kv[0])
        return "{" + ",".join(f"{k}:{plain(v, depth + 1)}" for k, v in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(plain(v, depth + 1) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "<" + ",".join(sorted(plain(v, depth + 1) for v in value)) + ">"
    if isinstance(value, types.ModuleType):
        return f"module:{value.__name__}"
    if isinstance(value, functools.partial):
        return f"partial({plain(value.func, depth + 1)},{plain(value.args, depth + 1)},{plain(value.keywords, depth + 1)})"
    if isinstance(value, (types.FunctionType, types.BuiltinFunctionType, type)):
        return f"code:{getattr(value, '__module__', '')}.{value.__qualname__}"
    if isinstance(value, StructureItem):  # a link to a page or section: walking it would walk the navigation
        file = getattr(value, "file", None)
        return f"{type(value).__qualname__}({value.title!r},{getattr(value, 'url', None)!r},{getattr(file, 'src_uri', None)!r})"
    if hasattr(value, "__dict__") and not callable(value):
        return f"{type(value).__module__}.{type(value).__qualname__}{plain(vars(value), depth + 1)}"
    raise NotPlain(f"a {type(value).__qualname__}")


def config_text(config) -> str:
    """The configuration as templates read it; a plugin by its class and its own options."""
    parts = []
    for name, value in config.items():
        if name in UNREAD_OPTIONS:
            continue
        if name == "plugins":
            value = {key: (f"{type(p).__module__}.{type(p).__qualname__}", getattr(p, "config", None))
                     for key, p in value.items()}
        elif name == "theme":
            value = {"name": value.name, "dirs": list(value.dirs), "locale": str(value.locale), "vars": dict(value.items())}
        parts.append(f"{name}={plain(value)}")
    return "\n".join(parts)


def theme_text(dirs: Iterable[str], root: Path) -> str:
    """Each theme folder: its files when it lies in the repository, else its path."""
    real_root = Path(os.path.realpath(root))
    parts = []
    for folder in dirs:
        real = Path(os.path.realpath(folder))
        inside = real == real_root or real.is_relative_to(real_root)
        parts.append(f"{folder}:{tree_digest(real) if inside else 'outside'}")
    return "\n".join(parts)


def own_source() -> str:
    return inspect.getsource(sys.modules[__name__])


def nav_text(items, depth: int = 0) -> str:
    """Every item of the navigation as the templates draw it (kind, title, URL, front matter)."""
    rows = []
    for item in items:
        meta = getattr(item, "meta", None)
        file = getattr(item, "file", None)
        rows.append("\0".join((
            str(depth), type(item).__qualname__, repr(item.title), repr(getattr(item, "url", None)),
            repr(file.src_uri if file is not None else None), plain(meta),
        )))
        if getattr(item, "children", None):
            rows.append(nav_text(item.children, depth + 1))
    return "\n".join(rows)


def page_text(page, context) -> str:
    """The page's part of its key, with every context value MkDocs does not put there itself."""
    extras = {name: value for name, value in context.items() if name not in STANDARD}
    return "\0".join((
        # MkDocs marks a draft's content after this event under `mkdocs serve`: the inclusion keys it.
        page.url, page.file.src_uri, page.file.dest_uri, str(getattr(page.file.inclusion, "name", page.file.inclusion)),
        repr(page.title), repr(page.is_homepage),
        repr(page.canonical_url), repr(page.edit_url), repr(page.update_date),
        page.markdown or "", page.content or "", plain(toc_rows(page.toc)), plain(page.meta),
        # The engine: ProperDocs runs the same hooks under the `mkdocs` name and Material writes
        # its version into every page.
        repr(context.get("mkdocs_version")), type(page).__module__,
        repr(context.get("base_url")), plain(context.get("extra_css")), plain(context.get("extra_javascript")),
        plain(extras),
    ))


def toc_rows(toc) -> list:
    return [[a.level, a.id, a.title, toc_rows(a.children)] for a in toc]


class PageCache:
    """This build's drawn pages, one file per key in `folder`."""

    def __init__(self, folder: Path | None, build_text: Callable[[object], str]):
        self.folder = folder
        self.build_text = build_text  # of this build's files (`on_env`), once per build
        self.files = None
        self._build: str | None = None  # None until the first page; "" when the build is not cacheable
        self._nav: str | None = None
        self.pending: tuple[object, str] | None = None  # (context, key) of the page about to be drawn
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def build_key(self) -> str:
        if self._build is None:
            try:
                self._build = digest(FORMAT, self.build_text(self.files))
            except NotPlain as problem:
                log.debug(f"Page cache: off for this build, the configuration holds {problem}")
                self._build = ""
        return self._build

    def prepare(self, context, page, nav) -> None:
        """`on_page_context`, after every other: remember the key of the page about to be drawn."""
        self.pending = None
        if type(page) is not Page or not self.build_key():
            self._nav = None  # a blog view may change the navigation while it is drawn
            return
        try:
            if self._nav is None:
                self._nav = digest(nav_text(nav.items), repr(nav.homepage.url if nav.homepage else None))
            key = digest(self._build, self._nav, page_text(page, context))
        except (NotPlain, ValueError, TypeError, AttributeError, RecursionError) as problem:  # never a failed build
            log.debug(f"Page cache: {page.file.src_uri} is drawn uncached, its context holds {problem!r}")
            return
        self.pending = (context, key)

    def render(self, original: Callable, context) -> str:
        """Draw the page, or read the drawing of an earlier build with the same key."""
        pending, self.pending = self.pending, None
        if pending is None or pending[0] is not context or self.folder is None:
            return original(context)
        key = pending[1]
        path = self.folder / f"{key}.html"
        try:
            output = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            output = None
        if output is not None:
            self.used.add(key)
            self.hits += 1
            return output
        with RecordCapture() as capture:
            output = original(context)
        self.misses += 1
        if not any(r.levelno >= logging.WARNING for r in capture.records):
            self.store(path, output)
            self.used.add(key)
        return output

    def store(self, path: Path, output: str) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(output, encoding="utf-8")
            temporary.replace(path)
        except (OSError, UnicodeEncodeError):  # a lone surrogate, a full disk: only slower next time
            pass

    def prune(self) -> None:
        """Remove the drawings this build did not use (pages deleted, edited, or drawn anew)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.stem not in self.used:
                try:
                    path.unlink()
                except OSError:
                    pass


# --- the environment and one build (called by hooks/page_cache.py) -----------------------

_active: PageCache | None = None


def cached_template_class(base: type) -> type:
    """A subclass of the environment's template class whose `render` goes through the cache."""
    if getattr(base, "_studysite_page_cache", False):
        return base

    class PageCacheTemplate(base):
        _studysite_page_cache = True

        def render(self, *args, **kwargs):
            cache = _active
            if cache is None or kwargs or len(args) != 1:
                return super().render(*args, **kwargs)
            return cache.render(super().render, args[0])

    return PageCacheTemplate


def start_build(config, root: Path) -> PageCache:
    try:
        config_file = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
    except OSError:
        config_file = "\0unreadable"

    def build_text(files) -> str:
        return "\n".join((
            own_source(), *package_versions(VERSIONED), config_file, config_text(config),
            theme_text(config.theme.dirs, root), f"hooks:{tree_digest(root / 'hooks', '.py')}",
            files_fingerprint(files or ()),
        ))

    cache = PageCache(root / CACHE, build_text)
    activate(cache)
    return cache


def use_environment(env, files) -> None:
    """`on_env`: draw pages through the cache, and key them by this build's files."""
    env.template_class = cached_template_class(env.template_class)
    if _active is not None:
        _active.files = files


def activate(cache: PageCache | None) -> None:
    global _active
    _active = cache


def active() -> PageCache | None:
    return _active


def finish_build(save: bool, complete: bool = True) -> PageCache | None:
    cache = _active
    activate(None)
    if cache is not None and save:
        if complete:
            cache.prune()
        log.info(f"Page cache: {cache.hits} pages reused, {cache.misses} drawn")
    return cache
