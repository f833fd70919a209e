"""Pages converted ahead, from the last one backwards, in a forked copy of the build.

MkDocs converts the pages of a build one after another on one core. Right after the last
`on_nav`, `mkdocs build` forks: the copy converts the pages as the build would (read the source,
every hook's `on_page_markdown`, then `Page.render`), starting from the last page and going
backwards, and sends each page's render cache entry back through a pipe, with what the page
added to the caches the build fills after a conversion (`page_caches`: the search sections and
the findings of the HTML checks, both keyed by the page's HTML). The build goes on
forwards from the first page as usual; every conversion first takes in what the copy has sent,
so the pages the copy has done are render cache hits. When the build reaches a page the copy has
done, the two have met, and the copy is stopped.

Nothing the copy does is trusted beyond the caches' own rules: a render cache entry is used only
by a page whose final Markdown and every other input of the conversion are the same
(`render_cache.page_key`), sections and findings only for the same HTML. A hook whose
`on_page_markdown` gave the copy other Markdown costs time, never a different page. The copy
writes nothing, logs nothing (the records of each conversion travel in its entry and are
replayed by the build, as for any cache hit, so a strict build still fails on a broken link),
and ends with `os._exit`, so no clean-up of the build runs twice. The build never waits for the
copy.

Only a plain `mkdocs build` forks: `mkdocs serve` runs threads (a fork copies none of them, and
a lock one of them holds would never be released in the copy) and mostly finds its pages in the
cache, and a dirty build converts only the pages that changed.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import os
import signal
import threading
import warnings

from studysite.json_cache import BuildCache
from studysite.render_cache import WRAPPED, RenderCache
from studysite.search_sections import excluded, section_cache
from studysite.untrusted_build import findings_cache


class RenderAhead:
    """The build's side: the copy's process, its pipe, and how far back it has come."""

    def __init__(self, pid: int, connection, order: dict[str, int], cache: RenderCache,
                 page_caches: list[BuildCache] = ()):
        self.pid = pid
        self._connection = connection
        self.order = order  # src_uri -> position among the pages, in the build's order
        self.cache = cache
        self.page_caches = page_caches  # the same caches as the copy's, in the same order
        self.reached = len(order)  # the copy has sent every page from this position on
        self.keys: set[str] = set()  # entries that came from the copy
        self.used = 0  # pages the build took from the copy

    def before(self, page) -> None:
        """Take in what the copy has sent; stop it once the build reaches the pages it has done."""
        self._receive()
        if self.order.get(page.file.src_uri, -1) >= self.reached:
            self.stop()

    def took(self, key: str) -> bool:
        """Whether a hit on `key` is a page the copy converted (counted once)."""
        if key in self.keys:
            self.keys.discard(key)
            self.used += 1
            return True
        return False

    def _receive(self) -> None:
        try:
            while self._connection is not None and self._connection.poll():
                position, key, entry, added = self._connection.recv()
                if key is not None and self.cache.offer(key, entry):
                    self.keys.add(key)
                for page_cache, items in zip(self.page_caches, added):
                    for item_key, value in items:
                        page_cache.offer(item_key, value)
                self.reached = position
        except (EOFError, OSError, ValueError):
            self.stop()  # the copy ended or failed: the build converts the rest itself

    def stop(self) -> None:
        if self._connection is None:
            return
        self._connection.close()
        self._connection = None
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass  # already gone and reaped


def start(config, files, cache: RenderCache | None, serving: bool, dirty: bool) -> RenderAhead | None:
    """Fork the copy (see the module's docstring), or None where it must not or need not."""
    from mkdocs.structure.files import InclusionLevel

    if cache is None or serving or dirty or threading.active_count() != 1 or not hasattr(os, "fork"):
        return None
    pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
    if len(pages) < 2:
        return None
    cache.site_key(files)  # computed once, before the fork, for both
    receiver, sender = multiprocessing.Pipe(duplex=False)
    # The copy shares the build's memory until it writes to it; the garbage collector's passes
    # over every object would write to all of it. Frozen objects are left out of those passes.
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the copy
        receiver.close()
        try:
            quiet()
            convert_backwards(sender, config, files, pages, cache)
        finally:
            os._exit(0)
    gc.unfreeze()
    sender.close()
    ahead = RenderAhead(pid, receiver, {file.src_uri: n for n, file in enumerate(pages)}, cache, page_caches(config))
    cache.ahead = ahead
    return ahead


def page_caches(config) -> list[BuildCache]:
    """The caches keyed by a page's HTML that the build fills for every page after converting
    it: its search sections (search_sections) and the findings of the HTML checks that an
    `on_page_content` hook makes (untrusted_build). The copy fills them for its pages too."""
    return [cache for cache in (section_cache(config), findings_cache()) if cache is not None]


def convert_backwards(sender, config, files, pages: list, cache: RenderCache) -> None:
    """In the copy: convert the pages from the last one and send (position, key, entry, added)
    for each: key and entry None for what the render cache already has or what failed, and
    `added` the new entries of each of `page_caches`.

    After the conversion, the copy runs every hook's `on_page_content` and splits the search
    sections of the HTML that comes out, as the build will look them up."""
    from mkdocs.structure.pages import Page

    original = Page.render.__dict__.get(WRAPPED, Page.render)
    caches = page_caches(config)
    sections_cache = section_cache(config)
    sizes = [len(page_cache.entries) for page_cache in caches]
    for position in range(len(pages) - 1, -1, -1):
        file = pages[position]
        key = entry = None
        try:
            page = file.page if file.page is not None else Page(None, file, config)
            config._current_page = page
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            found = cache.key(page, files)
            if cache.get(found) is None:
                key, entry = found, cache.convert(original, page, config, files)
                html = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
                if sections_cache is not None and not excluded(page):
                    sections_cache.sections(html)
        except Exception:  # noqa: BLE001 - the build converts this page itself and reports any error
            pass
        added = []
        for number, page_cache in enumerate(caches):
            added.append(list(itertools.islice(page_cache.entries.items(), sizes[number], None)))
            sizes[number] = len(page_cache.entries)
        sender.send((position, key, entry, added))


def quiet() -> None:
    """The copy prints nothing: every logger loses its handlers (the conversion's records are
    still captured into each entry), and warnings are ignored."""
    manager = logging.Logger.manager
    for logger in [logging.getLogger(), *manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
    logging.getLogger().addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")
