"""Material's search index, with less work and less memory (the work behind `hooks/search_sections.py`).

To index a page, Material's search plugin parses its HTML with Python's HTMLParser and splits it
into sections at the headings, then turns each section into an entry (location, title, text,
tags, boost). The parsing was about a tenth of a build of 1,000 notes, and its result depends on
nothing but the page's HTML. This hook keeps the sections in `.cache/search-sections/`, keyed by
a hash of the HTML and the Material version, and gives the plugin a search index that takes them
from there; entries are still made by Material's own `create_entry_for_section`.

The same index is written differently, with the same content:
- as UTF-8: Material escapes every Hangul syllable as `\\uXXXX`, which makes the file that every
  reader's browser downloads 1.6 times bigger;
- one entry at a time: Material serialises the whole index into one string and encodes that
  again, and the two copies made the build's memory peak (12 MiB of it at 1,000 notes). The
  plugin still merges the entries of a dirty build and writes the file, but only an empty
  index; this hook writes the real one right after it.

tests/test_search_sections.py builds the site with and without the hook and compares the search
index, so a Material release that indexes pages differently fails the test instead of drifting.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from importlib.metadata import version
from pathlib import Path

from material.plugins.search.plugin import Element, Parser, SearchIndex, Section
from mkdocs.config.defaults import MkDocsConfig

from studysite.json_cache import BuildCache

log = logging.getLogger("mkdocs.hooks.search_sections")

CACHE = Path(".cache") / "search-sections" / "sections.json"
# Bump REVISION when what is stored changes; a new Material version starts a new cache by itself.
REVISION = 2
VERSION = f"mkdocs-material {version('mkdocs-material')}, sections {REVISION}"

StoredSection = list  # [id or None, title or None, text]: what create_entry_for_section reads


def split(html: str) -> list[StoredSection]:
    """The page's sections as Material's parser finds them, without the excluded ones.

    Material's entry code tests whether a section has any title parts, then joins and strips
    them, and joins and strips the text. So the title is kept joined and stripped, or None when
    there were no parts, and the text joined and stripped. Joining one string and stripping a
    stripped one give back the same string, so the entry shares it with the cache instead of
    holding a copy until the build ends.
    """
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [
        [section.id, "".join(section.title).strip() if section.title else None, "".join(section.text).strip()]
        for section in parser.data
        if not section.is_excluded()
    ]


def section(stored: StoredSection) -> Section:
    """A fresh Section (Material's entry code may set its title) from a stored one."""
    section_id, title, text = stored
    result = Section(Element("hx"))
    result.id = section_id
    result.title = [] if title is None else [title]
    result.text = [text]
    return result


def _valid_sections(value) -> bool:
    return isinstance(value, list) and all(
        isinstance(s, list) and len(s) == 3 and isinstance(s[0], (str, type(None)))
        and isinstance(s[1], (str, type(None))) and isinstance(s[2], str) for s in value
    )


class SectionCache(BuildCache):
    def __init__(self, path: Path | None, cache_version: str = VERSION):
        super().__init__(path, cache_version, valid=_valid_sections)

    @staticmethod
    def key(html: str) -> str:
        return hashlib.blake2b(html.encode("utf-8"), digest_size=16).hexdigest()

    def sections(self, html: str) -> list[StoredSection]:
        key = self.key(html)
        found = self.get(key)
        if found is None:
            found = split(html)
            self.put(key, found)
        return found


def excluded(page) -> bool:
    """Whether the page's front matter keeps it out of the search index (`search: exclude: true`)."""
    return bool((page.meta.get("search") or {}).get("exclude"))


class CachedSearchIndex(SearchIndex):
    """Material's search index, with each page's sections from a SectionCache."""

    def __init__(self, cache: SectionCache, **config):
        super().__init__(**config)
        self.cache = cache

    # Material's add_entry_from_context with the parser replaced by the cache.
    def add_entry_from_context(self, page):
        if excluded(page):
            return
        for stored in self.cache.sections(page.content):
            self.create_entry_for_section(section(stored), page.toc, page.url, page)

    # Material's generate_search_index without the JSON: on_post_build writes it with write_index.
    def generate_search_index(self, prev):
        if prev and self.entries:
            # A dirty build indexed only the rebuilt page: it replaces that page's entries.
            path = self.entries[0]["location"]
            self.entries = [entry for entry in prev.entries if not entry["location"].startswith(path)] + self.entries
        elif prev:
            self.entries = prev.entries
        return EMPTY_INDEX

    def index_config(self) -> dict:
        return {key: self.config[key] for key in ("lang", "separator", "pipeline", "fields")}


EMPTY_INDEX = '{"config":{},"docs":[]}'


def write_index(path: Path, config: dict, entries: list[dict]) -> None:
    """Write `{"config": config, "docs": entries}` as compact UTF-8 JSON, one entry at a time.

    The bytes are those of one json.dumps of the whole index, without the whole index in memory.
    """
    dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"), default=str)
    with path.open("w", encoding="utf-8") as out:
        out.write(dumps({"config": config})[:-1] + ',"docs":[')
        for number, entry in enumerate(entries):
            out.write("," + dumps(entry) if number else dumps(entry))
        out.write("]}")


def search_plugin(config: MkDocsConfig):
    for name in ("material/search", "search"):
        if name in config.plugins:
            return config.plugins[name]
    return None


def section_cache(config) -> SectionCache | None:
    """The SectionCache of the build's search index, if it has one."""
    index = getattr(search_plugin(config), "search_index", None)
    return index.cache if isinstance(index, CachedSearchIndex) else None


def install_cached_index(config) -> None:
    """Give the search plugin a CachedSearchIndex (after its on_config made a new index)."""
    plugin = search_plugin(config)
    if plugin is None or not plugin.config.enabled:
        return
    root = Path(config.config_file_path).parent
    plugin.search_index = CachedSearchIndex(SectionCache(root / CACHE), **plugin.config)


def write_cached_index(config, dirty: bool) -> None:
    """Write the index the plugin merged (it wrote an empty one), and keep the section cache."""
    plugin = search_plugin(config)
    index = getattr(plugin, "search_index", None)
    if isinstance(index, CachedSearchIndex):
        write_index(Path(config.site_dir) / "search" / "search_index.json", index.index_config(), index.entries)
        log.debug("search_sections: %d of %d pages from the cache", len(index.cache.seen) - index.cache.added,
                  len(index.cache.seen))
        # A dirty build indexes only the pages it rebuilt; the others keep their sections.
        index.cache.save(keep_unseen=dirty)
