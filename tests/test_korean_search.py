"""Korean search: morpheme forms (unit), the cache, the built site, the worker and the browser."""

import functools
import importlib.util
import json
import shutil
from pathlib import Path

import material
import pytest

from studysite import korean_morphs
from studysite.korean_morphs import (
    ANALYSER_VERSION,
    Analyser,
    EntryCache,
    MorphCache,
    add_morphs,
    analyse_text,
    split_phrases,
)

ROOT = Path(__file__).resolve().parent.parent
SEPARATOR = r'[\s\-,:!?=\[\]()<>"“”‘’`/·・‧…|]+|\.(?!\d)'  # as in mkdocs.yml


# Loading the model takes seconds: the tests of this module share one.
MODEL = functools.cache(korean_morphs.default_tokenizer)


@pytest.fixture(scope="module")
def analyser():
    return Analyser(MorphCache(None), tokenizer_factory=MODEL)


def test_sentence_gives_nouns_and_dictionary_forms(analyser):
    forms = analyse_text("쿠키를 저장합니다", analyser)
    assert "쿠키" in forms and "저장하다" in forms
    assert "만들다" in analyse_text("가상 환경 만들기", analyser)


def test_adjacent_nouns_are_also_joined(analyser):
    assert "상태코드" in analyse_text("상태 코드", analyser)
    assert "가상환경" in analyse_text("가상 환경을 만듭니다", analyser)
    assert {"세션아이디", "세션id"} <= set(analyse_text("세션 ID를 새로 발급합니다", analyser))
    assert "http상태코드" in analyse_text("HTTP 상태 코드는", analyser)


def test_compounds_are_split(analyser):
    assert {"세션", "아이디"} <= set(analyse_text("세션아이디가", analyser))


def test_punctuation_ends_a_phrase(analyser):
    assert split_phrases("쿠키·세션 토큰, 비교", SEPARATOR) == [["쿠키"], ["세션", "토큰"], ["비교"]]
    forms = analyse_text("쿠키, 세션", analyser, separator=SEPARATOR)
    assert "쿠키세션" not in forms


def test_forms_already_found_by_prefix_are_left_out(analyser):
    forms = analyse_text("쿠키를 저장합니다", analyser, only_new=True)
    assert "쿠키" not in forms and "저장하다" in forms


def test_index_gains_morph_fields(analyser):
    index = {
        "config": {"separator": SEPARATOR},
        "docs": [
            {"location": "a/", "title": "쿠키·세션 비교", "text": "<p>상태 <code>코드</code>를 보냅니다.</p>"},
            {"location": "b/", "title": "English", "text": "only English words"},
        ],
    }
    add_morphs(index, analyser)
    first, second = index["docs"]
    assert "세션비교" in first["title_morphs"].split() and "쿠키세션" not in first["title_morphs"]
    assert {"상태코드", "보내다"} <= set(first["morphs"].split())
    assert "morphs" not in second and "title_morphs" not in second


def test_second_run_analyses_nothing_new(tmp_path):
    path = tmp_path / "morphs.json"
    words = ["쿠키를", "저장합니다", "세션아이디가"]
    first = Analyser(MorphCache(path), tokenizer_factory=MODEL)
    before = first.analyse(words)
    assert first.analysed == 3
    first.cache.save()

    def no_model():
        raise AssertionError("the model must not load when every word is cached")

    second = Analyser(MorphCache(path), tokenizer_factory=no_model)
    assert second.analyse(words + ["English"]) == before
    assert second.analysed == 0
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == ANALYSER_VERSION


def entry_index(*docs):
    return {"config": {"separator": SEPARATOR},
            "docs": [{"location": f"{i}/", "title": title, "text": text} for i, (title, text) in enumerate(docs)]}


def test_second_add_morphs_uses_entry_cache(tmp_path, monkeypatch):
    words, entries = tmp_path / "morphs.json", tmp_path / "entries.json"
    docs = [("쿠키·세션 비교", "<p>상태 <code>코드</code>를 보냅니다.</p>"), ("English", "only English words")]
    first = add_morphs(entry_index(*docs), Analyser(MorphCache(words), tokenizer_factory=MODEL), entry_cache=(cache := EntryCache(entries)))
    cache.save()
    assert cache.added == 2 and entries.is_file()

    calls = []
    real_split = korean_morphs.split_phrases
    monkeypatch.setattr(korean_morphs, "split_phrases", lambda *a: calls.append(a) or real_split(*a))

    def no_model():
        raise AssertionError("the model must not load when every entry is cached")

    morph_cache = MorphCache(words)
    again = EntryCache(entries)
    second = add_morphs(entry_index(*docs), Analyser(morph_cache, tokenizer_factory=no_model), entry_cache=again)
    assert second == first and calls == [] and again.added == 0
    assert not morph_cache.loaded  # not even the word cache was read

    # Next build: a changed entry is split again; the entry no longer in the index is dropped on saving.
    changed = EntryCache(entries)
    third = add_morphs(entry_index(docs[0], ("가상 환경", "가상 환경을 만듭니다")), Analyser(MorphCache(words), tokenizer_factory=MODEL),
                       entry_cache=changed)
    assert len(calls) == 2 and changed.added == 1  # title and text of the new entry only
    assert "가상환경" in third["docs"][1]["morphs"].split()
    changed.save()
    assert len(json.loads(entries.read_text(encoding="utf-8"))["entries"]) == 2
    assert EntryCache(entries, analyser_version="old").entries == {}


def test_mkdocs_serve_keeps_the_model_between_rebuilds(monkeypatch):
    from studysite import korean_search

    loads = []
    def load_model():
        loads.append(1)
        return lambda words: [[(word, "NNG")] for word in words]

    monkeypatch.setattr(korean_morphs, "default_tokenizer", load_model)
    korean_morphs.kept_tokenizer.cache_clear()
    try:
        for _ in range(3):  # three rebuilds, each with a word the cache has not seen
            Analyser(MorphCache(None), tokenizer_factory=korean_search.tokenizer_factory(serving=True)).analyse(["새낱말"])
        assert loads == [1]
        # A build lets it go.
        assert korean_search.tokenizer_factory(serving=False) is korean_search.default_tokenizer
    finally:
        korean_morphs.kept_tokenizer.cache_clear()


@pytest.mark.build  # loads a second, full model: seconds and about 500 MiB
def test_leaving_out_the_multi_word_dictionary_changes_no_analysis():
    words = sorted({
        word
        for note in (ROOT / "docs").rglob("*.md")
        for phrase in split_phrases(note.read_text(encoding="utf-8"), SEPARATOR)
        for word in phrase
        if korean_morphs.is_korean(word)
    })
    assert len(words) > 5000
    assert korean_morphs.KIWI_OPTIONS == {"load_multi_dict": False}
    full = korean_morphs.default_tokenizer(load_multi_dict=True)
    assert MODEL()(words) == full(words)


def test_cache_of_another_analyser_version_is_ignored(tmp_path):
    path = tmp_path / "morphs.json"
    old = MorphCache(path, analyser_version="old")
    Analyser(old, tokenizer_factory=MODEL).analyse(["쿠키를"])
    old.save()
    assert MorphCache(path).words == {}


def test_site_lunr_ko_is_material_copy_plus_project_script(built_site):
    built = (built_site / "assets/javascripts/lunr/min/lunr.ko.min.js").read_text(encoding="utf-8")
    stock = (Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.ko.min.js").read_text(
        encoding="utf-8"
    )
    script = (ROOT / "overrides/assets/javascripts/korean-search.js").read_text(encoding="utf-8")
    assert built == stock + "\n" + script
    assert not (built_site / "assets/javascripts/korean-search.js").exists()


def test_site_index_has_morph_fields(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert {"morphs", "title_morphs", "title_key"} <= index["config"]["fields"].keys()
    # Tags weigh like a title, not a thousand times more (Material's default).
    assert index["config"]["fields"]["tags"]["boost"] == index["config"]["fields"]["title"]["boost"]
    keys = {doc["location"]: doc.get("title_key", "").split() for doc in index["docs"]}
    assert "상태코드" in keys["http/status-codes/"] and "404" in keys["reference/status/404/"]
    assert "·" in index["config"]["separator"]
    cookies = [doc for doc in index["docs"] if doc["location"].startswith("state/cookies/")]
    assert cookies and any("morphs" in doc for doc in cookies)


def load_bench():
    spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench/search_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WORKER_QUERIES = {
    "쿠키를 저장하다": "state/cookies/",
    "쿠키는": "state/cookies/",
    "상태코드": "http/status-codes/",
    "세션아이디": "state/sessions/",
    "가상환경 만들기": "python/venv/",
    "멱등성이란": "http/methods/",
    # A phrase outranks pages that have one of its words many times (tags of 상태 관리).
    "상태 코드": "http/status-codes/",
    # A heading that is the query comes first; aliases reach the 3xx pages.
    "리다이렉트": "flask/routing/",
    # A derivational suffix (-성) is stripped; the alias table knows the English word.
    "비연결성": "http/",
    "connectionless": "http/",
    # Digits are kept in indexed words; Latin or digits glued to Hangul are two words.
    "404": "reference/status/404/",
    "404에러": "flask/errors/",
    # Two words written together, a question filler, one jamo off.
    "서명된쿠키": "flask/cookies-sessions/",
    "가상 환경이 뭐예요": "python/venv/",
    "쿠기": "state/cookies/",
    "케시": "http/caching/",
}


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed to run Material's search worker")
def test_material_worker_finds_pages_for_korean_queries(built_site):
    bench = load_bench()
    results = bench.search(built_site, list(WORKER_QUERIES))["results"]
    for (query, page), pages in zip(WORKER_QUERIES.items(), results):
        assert page in pages[:3], (query, pages[:3])


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed to run Material's search worker")
def test_short_prefixes_find_pages(built_site):
    """Lunr's suffix merging once put words into the index's word set that the index lacks, and
    a query expanding to one (상태, 코드) threw in the worker (see korean-search.js)."""
    queries = ["상태", "코드", "분", "1", "5", "약"]
    results = load_bench().search(built_site, queries)
    assert [query for query, pages in zip(queries, results) if not pages] == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, page_url",
    [
        ("쿠키를 저장하다", "state/cookies/"),
        ("쿠키는", "state/cookies/"),
        ("상태코드", "http/status-codes/"),
        ("상태 코드", "http/status-codes/"),
        ("리다이렉트", "flask/routing/"),
        ("비연결성", "http/"),
    ],
)
def test_search_box_finds_page_for_korean_query(page, site_url, query, page_url):
    from playwright.sync_api import expect

    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()  # the index is downloaded when the search field first gets focus
    expect(page.locator(".md-search-result__meta")).to_have_text("검색어를 입력하세요", timeout=15000)
    box.fill(query)
    box.press("End")
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    expect(links.first).to_be_visible()
    hrefs = [href.split("#")[0].split("?")[0] for href in links.evaluate_all("els => els.map(a => a.href)")][:3]
    assert site_url + page_url in hrefs, hrefs
    assert page.foreign_requests == []


def test_title_key_is_the_title_without_separators():
    def key(title):
        return korean_morphs.title_key(korean_morphs.split_phrases(korean_morphs.plain_text(title), SEPARATOR))

    assert key("상태 코드") == "상태코드"
    assert key("쿠키·세션·토큰 비교") == "쿠키세션토큰비교"
    # A title that starts with a code or a name is also found by its first words.
    assert key("404 Not Found").split() == ["404", "404not", "404notfound"]
    assert key("<code>GET</code>") == "get"


def test_add_morphs_adds_aliases_and_title_key(analyser):
    from studysite.search_aliases import Aliases

    aliases = Aliases((("리다이렉트", "리디렉션", "redirect", "3xx"),))
    index = add_morphs(entry_index(("3xx 리다이렉션", "새 주소로 redirect 합니다")), analyser, aliases=aliases)
    doc = index["docs"][0]
    assert {"리다이렉트", "리디렉션", "redirect"} <= set(doc["title_morphs"].split())
    assert {"리다이렉트", "리디렉션", "3xx"} <= set(doc["morphs"].split())
    assert doc["title_key"] == "3xx 3xx리다이렉션"
