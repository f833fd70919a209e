"""hooks/search_sections.py: Material's search index from cached page sections, the same index."""

import json
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex

from studysite import search_sections
from conftest import build_ok, drop_hook, use_build_cache
from studysite.search_sections import CachedSearchIndex, SectionCache

CONFIG = {"lang": ["ko"], "separator": r"[\s]+", "pipeline": [], "fields": {}}

PAGES = {
    "plain": '<h1 id="cookies">쿠키<a class="headerlink" href="#cookies">¶</a></h1>\n<p>쿠키는 <code>Set-Cookie</code>로 &lt;설정&gt;합니다.</p>'
             '\n<h2 id="flags">속성</h2>\n<ul>\n<li><code>Secure</code></li>\n<li>HttpOnly</li>\n</ul>',
    "no h1": '<p>머리말</p>\n<h2 id="first">첫 절</h2>\n<p>본문</p>\n<pre><code>GET / HTTP/1.1\n  Host: a</code></pre>',
    "empty heading": '<h2 id="empty"><a class="headerlink" href="#empty">¶</a></h2>\n<p>제목 없는 절</p>',
    "excluded": '<h1 id="t">제목</h1>\n<p>보임</p>\n<h2 id="x" data-search-exclude>숨김</h2>\n<p>안 보임</p>'
                '\n<div data-search-exclude><p>이것도 안 보임</p></div>',
    "nested": '<h1 id="a">A</h1>\n<details><summary>요약</summary><h3 id="b">B</h3><p>안</p></details>\n<p>밖</p>',
}


def page(name, html, **meta):
    return SimpleNamespace(content=html, toc=[], url=f"{name.replace(' ', '-')}/", title=f"{name} 제목", meta=meta)


def search_index(index_class, pages, **kwargs):
    index = index_class(**kwargs, **CONFIG)
    for item in pages:
        index.add_entry_from_context(item)
    return index


def entries(index_class, pages, **kwargs):
    return search_index(index_class, pages, **kwargs).entries


def all_pages():
    return [page(name, html, tags=["t"], search={"boost": 2}) for name, html in PAGES.items()] + [
        page("hidden", PAGES["plain"], search={"exclude": True})
    ]


def test_entries_from_the_cache_are_materials_entries(tmp_path):
    expected = entries(SearchIndex, all_pages())
    assert len(expected) >= 8 and any(e["title"] == "empty heading 제목" for e in expected)
    first = SectionCache(tmp_path / "sections.json")
    assert entries(CachedSearchIndex, all_pages(), cache=first) == expected
    first.save()
    assert first.added == len(PAGES) and (tmp_path / "sections.json").is_file()

    # The next build reads every page's sections from the file and parses nothing.
    def no_parsing(html):
        raise AssertionError("parsed again")

    again = SectionCache(tmp_path / "sections.json")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_sections, "split", no_parsing)
        found = entries(CachedSearchIndex, all_pages(), cache=again)
    assert found == expected
    assert again.added == 0 and not again.changed
    # An entry holds the cached text itself, not a copy of it.
    cached_texts = {id(stored[2]) for sections in again.entries.values() for stored in sections}
    assert all(id(entry["text"]) in cached_texts for entry in found if entry["text"])


def test_the_file_keeps_the_pages_of_the_last_build_only(tmp_path):
    path = tmp_path / "sections.json"
    cache = SectionCache(path)
    entries(CachedSearchIndex, all_pages(), cache=cache)
    cache.save()
    edited = [page("plain", PAGES["plain"] + "<p>고침</p>")]
    cache = SectionCache(path)
    entries(CachedSearchIndex, edited, cache=cache)
    cache.save()
    assert len(json.loads(path.read_text(encoding="utf-8"))["entries"]) == 1
    # A dirty build (`mkdocs serve --dirty`) indexes only the edited page: the others stay.
    cache = SectionCache(path)
    entries(CachedSearchIndex, [page("no h1", PAGES["no h1"])], cache=cache)
    cache.save(keep_unseen=True)
    assert len(json.loads(path.read_text(encoding="utf-8"))["entries"]) == 2
    # Another Material version reads as an empty cache.
    assert SectionCache(path, cache_version="mkdocs-material 0.0.0, sections 0").entries == {}


def test_the_index_is_materials_index_written_as_utf8(tmp_path):
    """A whole build, then a dirty one that rebuilt one page: Material's JSON, without escapes."""
    edited = [page("plain", PAGES["plain"] + "<p>고친 문장</p>")]
    for prev in (None, "dirty"):
        material_whole = search_index(SearchIndex, all_pages())
        material = search_index(SearchIndex, edited) if prev else material_whole
        expected = material.generate_search_index(material_whole if prev else None)

        cache = SectionCache(None)
        whole = search_index(CachedSearchIndex, all_pages(), cache=cache)
        index = search_index(CachedSearchIndex, edited, cache=cache) if prev else whole
        assert index.generate_search_index(whole if prev else None) == search_sections.EMPTY_INDEX
        written = tmp_path / "search_index.json"
        search_sections.write_index(written, index.index_config(), index.entries)

        assert "\\u" in expected and "쿠키" in written.read_text(encoding="utf-8")
        same = json.dumps(json.loads(expected), ensure_ascii=False, separators=(",", ":"))
        assert written.read_bytes() == same.encode("utf-8")
    docs = json.loads(written.read_text(encoding="utf-8"))["docs"]
    assert len(docs) == len(entries(SearchIndex, all_pages()))
    assert sum("고친 문장" in doc["text"] for doc in docs) == 1


def test_an_empty_index_is_written_as_material_writes_it(tmp_path):
    written = tmp_path / "search_index.json"
    search_sections.write_index(written, CONFIG, [])
    assert written.read_text(encoding="utf-8") == SearchIndex(**CONFIG).generate_search_index(None)
    assert json.loads(search_sections.EMPTY_INDEX) == {"config": {}, "docs": []}


def test_the_site_has_the_same_search_index_without_the_hook(built_site, project_copy, tmp_path):
    """Built without the hook, and with it from the sections the first build kept: the same index."""
    use_build_cache(project_copy)
    assert (project_copy / search_sections.CACHE).is_file()  # the first build stored every page's sections
    config = project_copy / "mkdocs.yml"
    warm = build_ok(tmp_path / "warm", config)
    drop_hook(config, "search_sections.py")
    plain = build_ok(tmp_path / "plain", config)

    index = "search/search_index.json"
    expected = json.loads((plain / index).read_text(encoding="utf-8"))  # Material's, with \uXXXX escapes
    assert len(expected["docs"]) > 300
    site_index = (built_site / index).read_text(encoding="utf-8")
    assert json.loads(site_index) == expected and "쿠키" in site_index  # the same index, in UTF-8
    assert (warm / index).read_bytes() == (built_site / index).read_bytes()
