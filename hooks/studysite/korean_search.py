"""Korean search on top of Material's search plugin (the work behind `hooks/korean_search.py`).

- Search index entries gain `morphs` and `title_morphs` fields of Korean morpheme forms of
  their text and title (see `korean_morphs`), with the other words of every concept they mention
  (`search_aliases`), and a `title_key` field of the title without separators;
  `plugins.search.fields` in mkdocs.yml makes Material's worker index them. They are added in memory, just before the search index is
  written, so the index is serialised once.
- `assets/javascripts/lunr/min/lunr.ko.min.js`, which Material's search worker loads for
  `lang: ko`, is rebuilt from the installed Material copy plus
  overrides/assets/javascripts/korean-search.js, which strips particles and endings from
  Hangul query words inside the worker and ranks phrases and titles (see the script).
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterable
from pathlib import Path

import material
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from studysite.field_worker import FieldWorker, WorkerError
from studysite.korean_morphs import (
    FIELDS, TITLE_KEY, Analyser, add_morphs, default_tokenizer, field_caches, kept_tokenizer, set_fields,
)
from studysite.paths import METHODS_INDEX, STATUS_INDEX, project_root
from studysite.search_aliases import Aliases, index_form, load_aliases
from studysite.search_sections import search_plugin
from studysite.untrusted import MAX_NOTE_BYTES, is_inside
from studysite.yaml_lines import DataError

log = logging.getLogger("mkdocs.hooks.korean_search")

LUNR_KO = "assets/javascripts/lunr/min/lunr.ko.min.js"
SCRIPT = "assets/javascripts/korean-search.js"  # in the theme's custom_dir (overrides/)
MATERIAL_LUNR_KO = Path(material.__file__).parent / "templates" / LUNR_KO


def search_plugin_config(config):
    plugin = search_plugin(config)
    if plugin is None:
        raise PluginError("korean_search: the search plugin is not enabled")
    return plugin.config


def note_texts(docs_dir: str | Path, root: Path) -> list[str]:
    """The Markdown of every note, for the glosses the alias table takes from them.

    This runs before the note checks, so it leaves out what they refuse: a file that resolves
    outside the repository (it must not reach the index) and one over the size limit. A note
    that is not UTF-8 is read with replacement characters; the note checks report it.
    """
    return [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(Path(docs_dir).rglob("*.md"))
        if is_inside(path, root) and path.stat().st_size <= MAX_NOTE_BYTES
    ]


def check_search_config(config, glossary_terms=()) -> Aliases:
    """The search plugin must index the added fields and know Korean; returns the alias table,
    with the groups of the glossary records and of the notes' glosses (checked here, before
    MkDocs cleans the site directory)."""
    search = search_plugin_config(config)
    missing = [field for field in [*FIELDS.values(), TITLE_KEY] if field not in search.fields]
    if missing:
        raise PluginError(f"korean_search: add {', '.join(missing)} to `fields:` under `plugins: - search:`")
    if "ko" not in (search.lang or []):
        raise PluginError("korean_search: set `lang: ko` under `plugins: - search:`")
    try:
        root = project_root(config)
        return load_aliases(root, glossary_terms, note_texts(config.docs_dir, root))
    except DataError as error:
        raise PluginError(f"invalid search aliases ({len(error.problems)} problems):\n{error}") from None


def lunr_ko_source(script: Path) -> str:
    """Material's installed lunr.ko.min.js followed by the project's query script."""
    if not script.is_file():
        raise PluginError(f"korean_search: missing {script}")
    return MATERIAL_LUNR_KO.read_text(encoding="utf-8") + "\n" + script.read_text(encoding="utf-8")


def add_lunr_ko(files: Files, config) -> Files:
    """Material's Korean Lunr file with the query script, in place of both."""
    script = Path(config.theme.custom_dir) / SCRIPT
    for path in (LUNR_KO, SCRIPT):
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
    files.append(File.generated(config, LUNR_KO, content=lunr_ko_source(script)))
    return files


def tokenizer_factory(serving: bool):
    """The model stays loaded between `mkdocs serve` rebuilds; a build lets it go."""
    return kept_tokenizer if serving else default_tokenizer


def section_titles(nav) -> dict[str, str]:
    """URL of each section's index page -> the section's title (`http/` -> `HTTP`).

    A section whose first page is an `index.md` opens on that page (Material's
    navigation.indexes), so the section's name names the page: the query `HTTP` should find the
    HTTP overview before the cheat sheet titled `HTTP 치트 시트`."""
    titles: dict[str, str] = {}

    def walk(items) -> None:
        for item in items or ():
            children = getattr(item, "children", None)
            if not children:
                continue
            first = children[0]
            if getattr(first, "is_page", False) and first.file.name == "index" and item.title:
                titles.setdefault(first.url, item.title)
            walk(children)

    walk(getattr(nav, "items", ()))
    return titles


def add_words(doc: dict, field: str, words: Iterable[str]) -> None:
    """Add to a search entry's field (words separated by spaces) the words it does not have yet."""
    present = doc.get(field, "").split()
    new = [word for word in dict.fromkeys(words) if word and word not in present]
    if new:
        doc[field] = " ".join([*present, *new])


def add_section_keys(docs: list[dict], titles: dict[str, str]) -> None:
    """Give each section index page's entry (not its sections') the section title as a title key."""
    for doc in docs:
        title = titles.get(doc.get("location"))
        if title:
            add_words(doc, TITLE_KEY, [index_form(title)])


# Each method's page is titled with its name alone (HEAD); readers name it with the kind as well.
METHOD_PAGES = posixpath.dirname(METHODS_INDEX) + "/"
METHOD_KIND = "메서드"


def add_method_names(docs: list[dict], aliases: Aliases) -> None:
    """Give each method page's entry its name with the kind (`HEAD 메서드`) as a title, so that
    `헤드 메서드` finds the page about HEAD before sections whose title has the word 메서드. Only
    the aliases of the whole name count: those of the kind alone (메소드, method) would make
    every method page a title match for the query `메소드`."""
    kind_forms = set(aliases.forms(METHOD_KIND, parts=False, naming=True, korean=True))
    for doc in docs:
        location, title = doc.get("location", ""), doc.get("title", "")
        if not location.startswith(METHOD_PAGES) or location == METHOD_PAGES or "#" in location or not title:
            continue
        name = f"{title} {METHOD_KIND}"
        add_words(doc, TITLE_KEY, [index_form(name)])
        forms = aliases.forms(name, parts=False, naming=True, korean=True)
        add_words(doc, FIELDS["title"], [form for form in forms if form not in kind_forms])


# The lists at the foot of a status code's page (overrides/reference/status.md.j2) name other
# codes. Their titles are the same on every page and have the words of a query about a code
# (상태 코드, 응답 코드), and their lines have the other codes' names, so 63 such sections
# crowded out the page of the code a query describes. They stay searchable, weighed less.
STATUS_PAGES = posixpath.dirname(STATUS_INDEX) + "/"
RELATED_SECTIONS = ("관련 상태 코드", "관련 헤더")
RELATED_BOOST = 0.2


def demote_related_sections(docs: list[dict]) -> None:
    """Weigh the related-codes and related-headers sections of status code pages less."""
    for doc in docs:
        if doc.get("location", "").startswith(STATUS_PAGES) and doc.get("title") in RELATED_SECTIONS:
            doc["boost"] = doc.get("boost", 1) * RELATED_BOOST


_worker: FieldWorker | None = None  # the FieldWorker of the build in progress


def start_fields(config, aliases: Aliases, serving: bool, dirty: bool) -> None:
    """Start this build's FieldWorker. `mkdocs serve` makes the fields in its own process
    instead, keeping the model loaded between rebuilds; a build without search has none."""
    global _worker
    stop_fields()
    search = search_plugin(config)
    if not serving and search is not None and search.config.enabled:
        try:
            _worker = FieldWorker(project_root(config), search.config.separator, aliases, dirty)
        except (OSError, RuntimeError) as error:
            log.info(f"korean_search: no search field process ({error}); the build makes the fields itself")


def send_new_entries(config) -> None:
    """Hand the entries the search plugin has made since the last call to the worker."""
    search = search_plugin(config)
    if _worker is not None and getattr(search, "search_index", None):
        _worker.send(search.search_index.entries[_worker.sent:])


def stop_fields() -> None:
    """Stop the worker of a build that failed (or was never finished)."""
    global _worker
    if _worker is not None:
        _worker.close()
        _worker = None


def worker_fields(worker: FieldWorker, docs: list[dict]) -> tuple[list[dict[str, str]], int] | None:
    """The worker's fields of `docs` and the words it analysed, or None if it failed. The build
    then makes the same fields itself, only later: a machine where the worker cannot run (or a
    worker that died) costs time, not the build; an error in the fields themselves is raised
    by the build's own attempt."""
    worker.send(docs[worker.sent:])
    try:
        return worker.finish()
    except WorkerError as error:
        log.info(f"korean_search: {error}; the build makes the search fields itself")
        return None


def add_index_morphs(config, aliases: Aliases, serving: bool, dirty: bool, nav=None) -> None:
    """Give this build's search entries (in memory, before they are written) their added fields,
    from the worker if the build has one."""
    global _worker
    worker, _worker = _worker, None
    search = search_plugin(config)
    if not getattr(search, "search_index", None):  # search is disabled
        if worker is not None:
            worker.close()
        return
    docs = search.search_index.entries
    made = worker_fields(worker, docs) if worker is not None else None
    if made is not None:
        fields, analysed = made
        for doc, values in zip(docs, fields, strict=True):
            set_fields(doc, FIELDS, values)
    else:
        cache, entries = field_caches(project_root(config), aliases)
        analyser = Analyser(cache, tokenizer_factory=tokenizer_factory(serving))
        add_morphs({"config": {"separator": search.config.separator}, "docs": docs}, analyser,
                   entry_cache=entries, aliases=aliases)
        analysed = analyser.analysed
        if analysed:
            cache.save()
        # A dirty build has the entries of the rebuilt pages only; the others keep theirs.
        entries.save(keep_unseen=dirty)
    add_section_keys(docs, section_titles(nav))
    add_method_names(docs, aliases)
    demote_related_sections(docs)
    log.debug("korean_search: %d entries, %d new words analysed", len(docs), analysed)
