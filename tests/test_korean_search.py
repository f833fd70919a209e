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
needs_node = pytest.mark.skipif(shutil.which("node") is None,
                                reason="Node.js is needed to run Material's search worker")


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


def test_hangul_then_latin_or_digits_is_joined_only_for_a_name_read_in_hangul(analyser):
    # Table cells and reading times run together in the text (`정의 Host 요청`, `약 11분`).
    forms = analyse_text("정의 Host 요청 라우팅 약 11분", analyser)
    assert not [f for f in forms if f in ("정의host", "약11분", "정의host요청")]
    assert "host요청" in forms
    assert "세션id" in analyse_text("세션 ID", analyser)


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


def test_a_particle_after_marked_up_words_stays_with_them(analyser):
    # As a word of its own, 를 is read as the noun 르 and joined to the word before it.
    index = {
        "config": {"separator": SEPARATOR},
        "docs": [{"location": "a/", "title": "헤더",
                  "text": "<p><code>Content-Type</code>을 보고 <strong>본문</strong>을 <code>JSON</code>으로 읽습니다.</p>"}],
    }
    add_morphs(index, analyser)
    forms = index["docs"][0]["morphs"].split()
    assert not [form for form in forms if form in ("type을", "content르", "json으", "본문을")]
    assert "읽다" in forms


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


def test_each_code_and_method_summary_is_searched_on_its_own_page(built_site):
    """The overview tables and the cheat sheet repeat every summary; in the index they would
    compete with the pages that explain each code, so only their titles and prose are indexed."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    summaries = {
        "reference/status/203/": "변환 프록시가 오리진 서버의 200 응답 본문을 수정해서",
        "reference/methods/mkcol/": "파일 시스템의 디렉터리에 해당",
    }
    for page_url, words in summaries.items():
        holders = {doc["location"].split("#")[0] for doc in index["docs"] if words in doc.get("text", "")}
        assert page_url in holders
        assert not holders & {"reference/status/", "reference/methods/", "reference/cheatsheet/"}
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert {"reference/status/#2xx", "reference/methods/#extensions", "reference/cheatsheet/#2xx"} <= titles.keys()


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
    # The loanword of an English name in a Korean title (Flask 시작하기).
    "플라스크가 뭐예요": "flask/",
    # A method as readers name it, with the kind (TRACE 메서드), and the loanword of the name.
    "트레이스 메소드 보안": "reference/methods/trace/",
    "쿠기": "state/cookies/",
    "케시": "http/caching/",
}


@needs_node
def test_material_worker_finds_pages_for_korean_queries(built_site):
    bench = load_bench()
    results = bench.search(built_site, list(WORKER_QUERIES))["results"]
    for (query, page), pages in zip(WORKER_QUERIES.items(), results):
        assert page in pages[:3], (query, pages[:3])


@needs_node
def test_short_prefixes_find_pages(built_site):
    """Lunr's suffix merging once put words into the index's word set that the index lacks, and
    a query expanding to one (상태, 코드) threw in the worker (see korean-search.js)."""
    queries = ["상태", "코드", "분", "1", "5", "약"]
    results = load_bench().search(built_site, queries)
    assert [query for query, pages in zip(queries, results) if not pages] == []


# What learners paste into the search box: words in quotes and brackets, header and status lines
# from the developer tools, shell commands, Python and Jinja code.
PASTED = [
    "'쿠키'", "「쿠키」", "(쿠키)", "{쿠키}", "쿠키;", "쿠키:", "쿠키~", "~쿠키", "^쿠키", "--쿠키",
    "Set-Cookie: a=b; HttpOnly", "Cache-Control: max-age=0, no-cache", "Accept: */*", 'If-None-Match: "abc"',
    "HTTP/1.1 200 OK", "GET /index.html HTTP/1.1", "flask --app studynotes run --debug", "python -m venv .venv",
    "session['user_id']", 'app.config["SECRET_KEY"]', "127.0.0.1:5000", "{{ url_for('static') }}",
]


@needs_node
def test_pasted_text_always_finds_something(built_site):
    """Lunr reads `word:`, `--`, `~` and `^` as query syntax and threw, so the reader saw no results."""
    results = load_bench().search(built_site, PASTED)["results"]
    assert [query for query, pages in zip(PASTED, results) if not pages] == []


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
        # A header line pasted from the browser's developer tools (a colon after a field name).
        ("Transfer-Encoding: chunked", "http/messages/"),
        # A command pasted from a shell (`--` is no query operator there).
        ("flask --app studynotes run --debug", "project/01-setup/"),
    ],
)
def test_search_box_finds_page_for_korean_query(page, site_url, query, page_url):
    from playwright.sync_api import expect

    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
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
    # The result page highlights the query's words (search.highlight) without a script error.
    links.nth(hrefs.index(site_url + page_url)).click()
    page.wait_for_url(f"**/{page_url}**")
    expect(page.locator("article h1").first).to_be_visible()
    assert errors == []
    assert page.foreign_requests == []


def test_title_key_is_the_title_without_separators():
    def key(title):
        return korean_morphs.title_key(korean_morphs.split_phrases(korean_morphs.plain_text(title), SEPARATOR))

    assert key("상태 코드") == "상태코드"
    assert key("쿠키·세션·토큰 비교") == "쿠키세션토큰비교"
    # A title that starts with a code is also found by its first words; one with a name is not.
    assert key("404 Not Found").split() == ["404", "404not", "404notfound"]
    assert key("HTTP 치트 시트") == "http치트시트"
    assert key("<code>GET</code>") == "get"


def test_add_morphs_adds_aliases_and_title_key(analyser):
    from studysite.search_aliases import Aliases

    aliases = Aliases((("리다이렉트", "리디렉션", "redirect", "3xx"), ("프록시", "proxy"), ("플라스크", "flask")))
    index = add_morphs(
        entry_index(("3xx 리다이렉션", "새 주소로 redirect 합니다"), ("리디렉션과 305 Use Proxy", ""),
                    ("Flask 시작하기", "")),
        analyser, aliases=aliases,
    )
    first, second, third = index["docs"]
    # A title that only mentions the concept with one English word of an English phrase
    # (Proxy in 305 Use Proxy) gives its aliases to the text's field; one that names it
    # (리디렉션, or 3xx and Flask among Korean words), to the title's.
    assert {"리다이렉트", "리디렉션"} <= set(first["title_morphs"].split())
    assert first["title_key"] == "3xx 3xx리다이렉션"
    assert {"리다이렉트", "redirect", "3xx"} <= set(second["title_morphs"].split())
    assert "프록시" not in second["title_morphs"].split() and "프록시" in second["morphs"].split()
    # A Korean title writes in English the name of what it is about.
    assert "플라스크" in third["title_morphs"].split()


def test_verbs_that_name_no_topic_give_no_dictionary_form(analyser):
    forms = analyse_text("쿠키가 있고 요청은 없습니다. 저장하지 않습니다", analyser)
    assert not {"있다", "없다", "않다", "하다"} & set(forms)
    assert "저장하다" in forms


def test_an_alias_group_may_hold_a_verb_in_its_dictionary_form(analyser):
    from studysite.search_aliases import Aliases

    aliases = Aliases((("삭제", "지우다"),))
    index = add_morphs(entry_index(("쿠키 지우기", "만료된 쿠키로 덮어써서 지웁니다")), analyser, aliases=aliases)
    assert "삭제" in index["docs"][0]["morphs"].split()


def test_a_section_index_page_is_found_by_the_section_title():
    from types import SimpleNamespace as Item

    from studysite.korean_search import add_section_keys, section_titles

    def page(url, name):
        return Item(is_page=True, url=url, file=Item(name=name), children=None, title=None)

    nav = Item(items=[
        Item(title="HTTP", children=[page("http/", "index"), page("http/messages/", "messages")]),
        Item(title="Flask", children=[page("python/venv/", "venv"), page("flask/", "index")]),
        Item(title="레퍼런스", children=[Item(title="상태 코드", children=[page("reference/status/", "index")])]),
    ])
    titles = section_titles(nav)
    # Flask opens on the venv note, not on flask/: only a section that opens on its index page.
    assert titles == {"http/": "HTTP", "reference/status/": "상태 코드"}
    docs = [{"location": "http/", "title_key": "http개요와특징"}, {"location": "http/#x", "title_key": "x"},
            {"location": "reference/status/"}]
    add_section_keys(docs, titles)
    assert [d.get("title_key") for d in docs] == ["http개요와특징 http", "x", "상태코드"]


def test_a_method_page_is_found_by_its_name_with_the_kind():
    from studysite.korean_search import add_method_names
    from studysite.search_aliases import Aliases

    aliases = Aliases((("HEAD 메서드", "헤드메서드"), ("메서드", "메소드", "method")))
    docs = [{"location": "reference/methods/head/", "title": "HEAD", "title_key": "head"},
            {"location": "reference/methods/head/#설명", "title": "설명", "title_key": "설명"},
            {"location": "reference/methods/", "title": "HTTP 메서드 레퍼런스", "title_key": "http메서드레퍼런스"},
            {"location": "flask/routing/#x", "title": "HEAD", "title_key": "head"}]
    add_method_names(docs, aliases)
    head, section, overview, other = docs
    assert head["title_key"] == "head head메서드" and head["title_morphs"] == "헤드메서드"
    # Only the page's own entry, only method pages; and not the kind's own aliases (메소드), which
    # would make every method page a title match for the query 메소드.
    assert "title_morphs" not in section and "title_morphs" not in overview and "title_morphs" not in other
    assert section["title_key"] == "설명" and other["title_key"] == "head"


def test_the_related_lists_of_a_status_page_weigh_less_than_the_page():
    from studysite.korean_search import RELATED_BOOST, RELATED_SECTIONS, demote_related_sections

    docs = [{"location": "reference/status/407/", "title": "407 Proxy Authentication Required"},
            {"location": "reference/status/305/#관련-상태-코드", "title": "관련 상태 코드"},
            {"location": "reference/status/431/#관련-헤더", "title": "관련 헤더", "boost": 0.5},
            {"location": "http/status-codes/#관련-상태-코드", "title": "관련 상태 코드"}]
    demote_related_sections(docs)
    page, related, headers, note = docs
    # The lists at the foot of every status page name other codes and say 상태 코드 in their
    # title; a note's own section of that name is the note's text and keeps its weight.
    assert "boost" not in page and "boost" not in note
    assert related["boost"] == RELATED_BOOST < 1
    assert headers["boost"] == 0.5 * RELATED_BOOST
    # The titles are the headings of the status page template: renaming one there must not
    # quietly give the lists their full weight back.
    template = (ROOT / "overrides" / "reference" / "status.md.j2").read_text(encoding="utf-8")
    for title in RELATED_SECTIONS:
        assert f"\n## {title}\n" in template


def test_alias_forms_of_a_title_that_names_or_mentions_a_concept():
    from studysite.search_aliases import Aliases

    aliases = Aliases((("프록시", "proxy"), ("응답 코드", "상태 코드", "status code"), ("csrf", "사이트 간 요청 위조")))
    assert aliases.forms("Use Proxy", naming=True) == []
    assert aliases.forms("Use Proxy", naming=False) == ["프록시"]
    assert aliases.forms("Proxy 설정", naming=True, korean=True) == ["프록시"]
    assert aliases.forms("리디렉션과 305 Use Proxy", naming=True, korean=True) == []
    assert aliases.forms("CSRF 기초", naming=True, parts=False) == ["사이트간요청위조"]
    assert aliases.forms("Status Code", naming=True) == ["응답코드", "응답", "코드", "상태코드", "상태"]
    assert aliases.forms("상태 코드", parts=False) == ["응답코드", "statuscode"]
    assert aliases.forms("상태 코드") == ["응답코드", "응답", "statuscode"]


# --- The query script in Material's worker on a small index, without building the site -----

FIELDS = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000},
          "morphs": {"boost": 1}, "title_morphs": {"boost": 1000}, "title_key": {"boost": 1000}}


def tiny_site(root: Path, docs: list[dict]) -> Path:
    """A site folder with just what the worker reads: the index and the Lunr language files."""
    from studysite.korean_search import LUNR_KO, lunr_ko_source

    lunr_dir = root / "assets/javascripts/lunr/min"
    lunr_dir.mkdir(parents=True)
    material_lunr = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    shutil.copy(material_lunr / "lunr.stemmer.support.min.js", lunr_dir)
    (root / LUNR_KO).write_text(lunr_ko_source(ROOT / "overrides/assets/javascripts/korean-search.js"), encoding="utf-8")
    (root / "assets/javascripts/workers").mkdir()
    (root / "search").mkdir()
    config = {"lang": ["ko"], "separator": SEPARATOR, "pipeline": [" "], "fields": FIELDS}
    (root / "search/search_index.json").write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")
    return root


def page(location, title, text="", **fields):
    return {"location": location, "title": title, "text": text, **fields}


def results_among_filler(tmp_path, docs: list[dict], queries: list[str],
                         common: str = "쿠키를 저장합니다. 요청을 보냅니다.", every: int = 1) -> dict[str, list[str]]:
    """Each query's result pages on a site of `docs` and 70 filler notes, one in `every` of them
    saying `common` (so that its words are common, as on the site)."""
    filler = [page(f"notes/{n}/", f"노트 {n}", common if n % every == 0 else "요청을 보냅니다.") for n in range(70)]
    site = tiny_site(tmp_path, [*docs, *filler])
    return dict(zip(queries, load_bench().search(site, queries)["results"]))


@needs_node
def test_query_script_on_a_small_index(tmp_path):
    docs = [
        page("orm/", "ORM", "ORM은 테이블의 행을 객체로 다룹니다."),
        page("headers/", "헤더", "헤더는 메시지의 메타데이터입니다."),
        page("misc/", "해서 생기는 일", "그렇게 해서 끝납니다."),
        page("cookies/", "쿠키", "쿠키는 브라우저가 저장합니다. 만지면 안 됩니다."),
        page("compare/", "쿠키와 세션의 차이", "쿠키와 세션을 비교합니다."),
        page("caching/", "캐시", "캐시는 응답을 저장합니다. 캐스팅과는 다릅니다."),
        page("auth/", "인증", "인증은 누구인지 확인하는 일입니다. " * 5),
        page("https/", "HTTPS", "서버는 인증서를 보냅니다.", morphs="인증서"),
        page("apps/", "앱", "앱을 만듭니다.", morphs="만들다"),
        # One common word of the query many times, and the query's words together once.
        page("limits/", "제한", "요청이 너무 많으면 요청을 막습니다. " * 10),
        page("smuggling/", "메시지", "메시지의 구조를 봅니다."),
        page("revoke/", "토큰 폐기", "로그아웃하면 토큰을 폐기합니다."),
        page("location/", "Location", "옮긴 리소스의 주소를 알려 줍니다."),
        page("gift/", "주는 법", "선물을 주는 방법을 봅니다."),
        page("pip/", "패키지", "페키지라고 잘못 쓰기도 합니다."),
        page("smuggling/#body", "본문의 끝", "길이를 다르게 해석하면 요청 스머글링 공격이 됩니다.",
             morphs="요청스머글링"),
    ]
    queries = ["ORM이 뭐예요", "해더", "요청 스머글링", "쿠키", "쿠키가 뭔지", "쿠키와 세션 차이점", "캐쉬", "인증서가",
               "만들기", "페기", "오알엠이란", "주소를 알려주는"]
    results = results_among_filler(tmp_path, docs, queries)
    # A particle after a Latin word is dropped, not searched as a word of its own (이*).
    assert results["ORM이 뭐예요"][0] == "orm/"
    # One jamo off: the usual vowel confusion (ㅐ/ㅔ) comes before another initial (해서).
    assert results["해더"][0] == "headers/"
    # ㅔ/ㅖ is one of them too: 페기 is 폐기, a whole word, before the prefix 페키 (ㄱ/ㅋ).
    assert results["페기"][0] == "revoke/"
    # Latin letters read out in Hangul (오-알-엠) are the abbreviation.
    assert results["오알엠이란"][0] == "orm/"
    # A helping verb (알려 주는) says how, not what: not the page titled 주는.
    assert results["주소를 알려주는"][0] == "location/"
    # A loanword spelled another way (쉬 for 시) is one of those usual confusions (not 캐스).
    assert results["캐쉬"][0] == "caching/"
    # The words side by side outrank a page with one common word of the query many times.
    assert results["요청 스머글링"][0] == "smuggling/"
    # Question words are dropped, not corrected into other words (뭔지 is not 만지); -점 is a
    # derivational suffix (차이점 -> 차이).
    assert results["쿠키가 뭔지"][0] == "cookies/"
    assert results["쿠키와 세션 차이점"][0] == "compare/"
    # 서 of 인증서 is not an ending (인증다 is no verb), 기 of 만들기 is (만들다 is indexed).
    assert results["인증서가"][0] == "https/"
    assert results["만들기"][0] == "apps/"
    # Material renders at most 30 results (sections) of a query.
    assert 0 < len(results["쿠키"]) <= 30


@needs_node
def test_query_script_ranks_whole_words_and_most_of_a_sentence(tmp_path):
    docs = [
        page("https/", "HTTPS", "https를 쓰면 https 연결이 암호화됩니다. https https", tags=["HTTPS"]),
        page("hsts/", "HTTPS 강제", "httpstricttransportsecurity https https"),
        page("http/", "HTTP의 개요와 특징 정리", "HTTP는 요청과 응답의 규칙입니다."),
        page("limits/", "요청 제한", "요청이 너무 많으면 막습니다."),
        page("methods/", "멱등", "같은 요청을 여러 번 보내도 서버의 효과가 같으면 멱등입니다."),
    ]
    queries = ["http", "htt", "같은 요청을 여러 번 보내도 효과"]
    results = results_among_filler(tmp_path, docs, queries)
    # http also prefix-matches https, but the page that has the word itself comes first ...
    assert results["http"][0] == "http/"
    # ... while a word still being typed matches every word it starts.
    assert {"http/", "https/"} <= set(results["htt"])
    # The section that has most of a sentence outranks one with a word of it in its title.
    assert results["같은 요청을 여러 번 보내도 효과"][0] == "methods/"


@needs_node
def test_pasted_header_lines_commands_and_glued_latin_words_find_their_pages(tmp_path):
    docs = [
        page("messages/", "본문의 끝", "Transfer-Encoding: chunked는 본문을 조각으로 나누어 보냅니다."),
        page("routing/", "허용하지 않은 메서드", "405 응답에는 Allow 헤더가 있습니다."),
        page("uploads/", "업로드", "Content-Type 헤더는 application/json처럼 형식을 알립니다."),
        page("limits/", "쿠키의 크기", "쿠키 하나는 4KB로 제한됩니다."),
        page("deploy/", "배포", "nginx 뒤의 gunicorn이 응답하지 않으면 502를 봅니다."),
        page("setup/", "실행", "flask --app studynotes run --debug로 개발 서버를 켭니다. 가상 환경은 ~/.venv에 둡니다."),
    ]
    expected = {
        # A pasted header line: the colon separates words instead of naming a field of the index,
        # which made Lunr throw (hyphenated names) or Material drop the header name.
        "Transfer-Encoding: chunked": "messages/",
        "Allow:": "routing/",
        "Content-Type:application/json": "uploads/",
        # Latin or digits between Hangul words, and letters glued to digits the index does not
        # know together, are separate words.
        "쿠키4kb제한": "limits/",
        "nginx502": "deploy/",
        # A command pasted from a shell: `--` and `~` are no query operators there (Lunr threw).
        "flask --app studynotes run --debug": "setup/",
        "~/.venv": "setup/",
        # Quotes around a word are no part of it.
        "'Allow'": "routing/",
        "「업로드」": "uploads/",
        # Full-width letters, digits and spaces from a Korean keyboard's full-width mode.
        "ＡＬＬＯＷ": "routing/",
        "ｎｇｉｎｘ５０２": "deploy/",
        "쿠키\u3000４ＫＢ": "limits/",
    }
    results = results_among_filler(tmp_path, docs, [*expected, "qqzzqq-"])
    # A hyphen that ends a word (custom header x- prefix) left the wildcard Material adds as a
    # word of its own, which matched every word of the index: every page was a result.
    assert results.pop("qqzzqq-") == []
    assert {query: pages[:1] for query, pages in results.items()} == {query: [url] for query, url in expected.items()}


@needs_node
def test_the_casual_register_of_a_phone_query(tmp_path):
    docs = [
        page("headers/", "헤더 이름", "헤더 이름은 대소문자를 가리지 않으므로 상관이 없습니다."),
        page("flags/", "있음 표시", "값이 있음을 표시합니다."),
        page("status/", "상태 코드", "302와 303의 차이를 봅니다."),
        page("slang/", "뭐임 모음", "줄임말을 모읍니다."),
    ]
    queries = ["대소문자 상관있음", "302 303 차이 뭐임"]
    results = results_among_filler(tmp_path, docs, queries)
    # 있다 after a noun says how, not what: 상관있음 is 상관, not 상관 and 있음 ...
    assert results["대소문자 상관있음"][0] == "headers/"
    # ... and a question word in the casual register is dropped, not searched.
    assert results["302 303 차이 뭐임"] == ["status/"]


@needs_node
def test_adjectives_in_jeok_and_the_endings_of_a_description(tmp_path):
    docs = [
        page("legal/", "법적 사유로 이용 불가", "법원 명령처럼 법적 요구가 있을 때 씁니다.", morphs="법적사유 법적요구"),
        # The word 법적인 itself is indexed too (elsewhere), so the query word is known whole.
        page("essay/", "에세이", "법적인 문제는 다루지 않습니다."),
        page("forms/", "폼 제출", "새로고침하면 폼이 다시 제출됩니다."),
        page("diary/", "일기", "새로고침하니까 좋습니다."),
        page("overload/", "서비스 이용 불가", "서버가 과부하 상태여서 503 상태코드를 보냅니다."),
        page("when/", "오류 처리", "오류가 났을 때의 상태코드를 고릅니다."),
        page("moved/", "영구 이동", "주소가 바뀌면 새 주소를 알립니다.", morphs="주소 바뀌다 알리다"),
        page("moving/", "이사", "짐이 많아 바뀌었다고 합니다."),
    ]
    queries = ["법적인 이유로 막힌 페이지", "새로고침하니까", "과부하일 때의 상태코드", "바뀌었다고"]
    results = results_among_filler(tmp_path, docs, queries)
    # 법적인 is 법적 with the copula: it finds 법적사유 and 법적요구, not only the word 법적인 ...
    assert results["법적인 이유로 막힌 페이지"][0] == "legal/"
    # ... and -니까 (like -는데, -지만, -어도) is an ending: the query finds every form of the
    # verb, not only the page that has the word as typed.
    assert {"forms/", "diary/"} <= set(results["새로고침하니까"])
    # 과부하일 is 과부하 with the copula (a whole word before 일), and 때 says when, not what.
    assert results["과부하일 때의 상태코드"][0] == "overload/"
    # -었다고 quotes what was said: the query finds the verb 바뀌다 in any form, not only the
    # page that has the word as typed.
    assert {"moved/", "moving/"} <= set(results["바뀌었다고"])


@needs_node
def test_a_stem_fused_with_its_ending(tmp_path):
    docs = [
        page("large/", "요청 헤더가 너무 큼", "쿠키가 쌓이면 헤더가 커집니다.", morphs="쿠키 쌓이다 헤더 크다"),
        page("delete/", "삭제", "노트를 지우면 첨부 파일도 지웁니다.", morphs="노트 지우다 첨부파일"),
        page("server/", "서버", "서버는 요청에 응답합니다."),
        page("service/", "서비스", "서비스를 운영합니다."),
    ]
    queries = ["쿠키가 쌓여서", "헤더가 쌓였는데", "노트를 지워서", "서벼"]
    results = results_among_filler(tmp_path, docs, queries)
    # 쌓여서 is 쌓이 + 어서 and 지워서 is 지우 + 어서: no suffix comes off to leave a known stem,
    # so the stem is restored and finds the dictionary form (and every form the text has).
    assert results["쿠키가 쌓여서"][0] == "large/"
    assert results["헤더가 쌓였는데"][0] == "large/"
    assert results["노트를 지워서"][0] == "delete/"
    # A syllable that only looks fused stays a typo: 서벼 is 서버 (서비다 is no verb), not 서비스.
    assert results["서벼"][0] == "server/"


@needs_node
def test_latin_words_one_edit_off_and_nouns_glued_to_jung(tmp_path):
    docs = [
        page("cookies/", "쿠키 속성", "HttpOnly 속성이 있는 쿠키는 스크립트가 읽지 못합니다."),
        page("methods/", "멱등", "멱등(idempotent)한 메서드는 여러 번 보내도 결과가 같습니다."),
        page("proppatch/", "PROPPATCH", "속성을 바꿉니다."),
        page("report/", "REPORT", "보고서를 받습니다."),
        page("http/", "HTTP", "http 요청을 보냅니다."),
        page("503/", "503 Service Unavailable", "서버가 점검 때문에 요청을 처리할 수 없습니다."),
        page("307/", "307 Temporary Redirect", "점검중 안내 페이지로 보냅니다."),
        page("concentrate/", "집중", "집중해서 읽습니다."),
    ]
    queries = ["HttpOlny", "idempotant", "propatch", "REPROT 메서드", "htp", "점검중이라 못 쓰는 서버", "집중"]
    results = results_among_filler(tmp_path, docs, queries)
    # A swap of two letters, a letter left out or a wrong letter: the word one edit away.
    assert results["HttpOlny"][0] == "cookies/"
    assert results["idempotant"][0] == "methods/"
    assert results["propatch"][0] == "proppatch/"
    assert results["REPROT 메서드"][0] == "report/"
    # A word of three letters is left alone (htp is not http): too many words are one edit away.
    assert results["htp"] == []
    # 중 glued to a noun the index has (점검중) comes off, so 점검 finds the page that says 점검
    # apart; a word that only ends in 중 keeps it.
    assert results["점검중이라 못 쓰는 서버"][0] == "503/"
    assert results["집중"][0] == "concentrate/"


@needs_node
def test_short_verbs_hearsay_endings_and_names_with_underscores(tmp_path):
    docs = [
        page("414/", "414 URI Too Long", "요청한 주소가 서버가 처리할 수 있는 것보다 깁니다.", morphs="주소 길다"),
        page("413/", "413 Content Too Large", "본문이 너무 큽니다.", morphs="본문 크다"),
        page("classes/", "클래스", "설정 클래스를 만듭니다."),
        page("http/", "HTTP", "HTTP를 비연결 프로토콜이라고 부르곤 했습니다."),
        page("setup/", "SECRET_KEY", "SECRET_KEY는 세션 서명에 씁니다."),
        page("timeout/", "시간 초과", "서버가 느리면 시간 초과가 납니다.", morphs="서버 느리다 시간초과"),
        page("login/", "로그인", "로그인하면 세션이 생깁니다."),
        page("storage/", "저장 위치", "쿠키는 브라우저가 저장합니다."),
        page("venv/", "가상 환경", "프로젝트마다 패키지를 따로 설치합니다.", morphs="프로젝트 패키지 설치하다 깔다"),
        page("expiry/", "세션 만료", "브라우저를 닫으면 로그인이 풀립니다.", morphs="브라우저 닫다 로그인 풀리다"),
        page("submit/", "중복 제출", "폼을 두 번 보내면 글이 두 개 생깁니다.", morphs="폼 보내다 중복제출"),
        page("roles/", "역할", "nginx는 서버이고 브라우저는 클라이언트입니다."),
        page("refresh/", "새로고침", "새로고침하면 브라우저가 마지막 요청을 다시 보냅니다.", morphs="새로고침 요청"),
        page("keep/", "남겨 두기", "값을 두게 합니다."),
    ]
    queries = ["주소가 너무 길어서", "본문이 클때", "http는 비연결이라던데", "SECERT_KEY", "서버가 느릴때",
               "로그인할때", "쿠키는 브라우저가 저장하는건가요", "세션 써야 돼요", "패키지 따로 까는 곳",
               "브라우저 닫으면 로그인 풀림", "폼 두번 보냄", "nginx 중에 누가 서버고", "새로고침했더니 요청이 두개"]
    results = results_among_filler(tmp_path, docs, queries)
    # 까는 is 깔다 (the ㄹ of the stem drops before 는); 풀림 is 풀리다 (the nominal ㅁ of a phone
    # query); 두번 (두 번) is how many times, not the typo 둔번; 서버고 is 서버 with 이고 shortened.
    assert results["패키지 따로 까는 곳"][0] == "venv/"
    assert results["브라우저 닫으면 로그인 풀림"][0] == "expiry/"
    assert results["폼 두번 보냄"][0] == "submit/"
    assert results["nginx 중에 누가 서버고"][0] == "roles/"
    # 때 glued to a verb: the verb before it, without the ㄹ the ending adds (느릴 -> 느리다), and a
    # 하다 verb as its noun, as the notes write it (로그인할때 -> 로그인).
    assert results["서버가 느릴때"][0] == "timeout/"
    assert results["로그인할때"][0] == "login/"
    # The endings of a spoken question (…하는건가요, 써야 돼요) are no topic: not 건가 nor a typo (뒤요).
    assert results["쿠키는 브라우저가 저장하는건가요"][0] == "storage/"
    assert results["세션 써야 돼요"][0] in {"setup/", "login/", "expiry/"}
    # A verb of one syllable with its ending (길+어서, 크+ㄹ 때) is its dictionary form, which the
    # morphs field has; 클때 is not a typo of 클래스.
    assert results["주소가 너무 길어서"][0] == "414/"
    assert results["본문이 클때"][0] == "413/"
    # What one heard (…이라던데) is an ending, not part of the word.
    assert results["http는 비연결이라던데"][0] == "http/"
    # A name with an underscore, two letters swapped.
    assert results["SECERT_KEY"][0] == "setup/"
    # What followed what one did (…했더니) is an ending, and 두개 (두 개) counts things: not 두게.
    assert results["새로고침했더니 요청이 두개"][0] == "refresh/"


@needs_node
def test_a_word_glued_from_three_words_is_split_into_them(tmp_path):
    docs = [
        page("uploads/", "파일 업로드", "파일업로드 용량을 제한합니다.", morphs="파일업로드 용량 제한"),
        page("health/", "헬스 체크", "테스트용 라우트를 만듭니다.", morphs="테스트 라우트 만들다"),
    ]
    queries = ["파일업로드용량제한", "테스트용라우트"]
    results = results_among_filler(tmp_path, docs, queries)
    # Three words and more glued together, which no two-way split or jamo correction finds.
    assert results["파일업로드용량제한"][0] == "uploads/"
    # -용 (for) after a noun is a suffix: 테스트용 is 테스트.
    assert results["테스트용라우트"][0] == "health/"


@needs_node
def test_a_glued_word_the_index_has_only_joined_is_searched_as_its_words(tmp_path):
    docs = [
        page("orm/", "마이그레이션", "처음 한 번 migrations 폴더 생성", morphs="폴더생성"),
        page("mkcol/", "MKCOL", "WebDAV에서 새 폴더를 만들어 생성합니다", morphs="webdav 폴더 생성"),
    ]
    queries = ["폴더생성"]
    results = results_among_filler(tmp_path, docs, queries)
    # 폴더생성 is in the index only because the morphs field joins 폴더 생성 of one page: as a
    # query it is 폴더 생성, and finds the other page that has both words too. (It was 폴더생, as
    # if 성 were the suffix of 멱등성: a prefix that only the joined word starts.)
    assert {"orm/", "mkcol/"} <= set(results["폴더생성"])


@needs_node
def test_a_query_finds_the_same_pages_whatever_was_searched_before(tmp_path):
    docs = [
        page("https/", "HTTPS", "자물쇠 표시는 연결이 암호화되었다는 뜻이지 사이트가 안전하다는 뜻은 아닙니다.",
             morphs="자물쇠 표시 연결 암호화되다 사이트 안전하다 안전"),
        page("tokens/", "토큰", "토큰이 세션보다 안전한가는 어디에 두는지에 달렸습니다.", morphs="토큰 세션 안전 두다"),
        page("templates/", "안전한 값", "안전한 값이라고 표시한 문자열은 이스케이프하지 않습니다.", morphs="안전 값 표시 문자열"),
    ]
    filler = [page(f"notes/{n}/", f"노트 {n}", "요청을 보냅니다.") for n in range(70)]
    site = tiny_site(tmp_path, [*docs, *filler])
    search = load_bench().search
    target = "자물쇠 있으면 안전한 사이트인가요"
    alone = search(site, [target])["results"][0]
    # A word normalised in an earlier query (안전한가요 -> 안전한) was kept as its own normal form
    # for every later query, which then searched 안전한 instead of 안전.
    after = search(site, ["토큰이 세션보다 안전한가요", target])["results"][1]
    assert alone[0] == "https/" and after == alone


@needs_node
def test_query_words_are_not_stemmed_when_the_index_is_not(tmp_path):
    docs = [
        page("caching/", "캐시", "응답 헤더 Cache-Control로 캐시를 정합니다."),
        page("versions/", "버전", "WebDAV의 VERSION-CONTROL 메서드로 버전을 관리합니다."),
    ]
    queries = ["cache-controll"]
    results = results_among_filler(tmp_path, docs, queries)
    # Lunr's English stemmer made the query word cache cach, which no indexed word is: the part
    # of a hyphenated word before the last, searched without the trailing wildcard, found nothing.
    assert results["cache-controll"][0] == "caching/"


@needs_node
def test_a_pasted_quoted_log_line_finds_pages_even_when_no_section_has_every_word(tmp_path):
    docs = [
        page("api/", "조건부 수정", "PUT /api/notes/1 요청에 If-Match가 없으면 428을 돌려줍니다."),
        page("http/", "HTTP 버전", "HTTP/1.1은 연결을 유지합니다."),
    ]
    queries = ['"PUT /api/notes/1 HTTP/1.1" 428', '"If-Match가 없으면"']
    results = results_among_filler(tmp_path, docs, queries)
    # Material makes each quoted word required, and no section has them all (1.1 is elsewhere):
    # the words are then searched as optional ones instead of finding nothing.
    assert results['"PUT /api/notes/1 HTTP/1.1" 428'][0] == "api/"
    # A quoted phrase whose words one section has is still searched as Material does.
    assert results['"If-Match가 없으면"'][0] == "api/"


@needs_node
def test_a_description_that_asks_for_a_code_finds_the_code_first(tmp_path):
    note = ("오래 걸리는 작업은 요청을 접수하고 나중에 처리합니다. 처리가 끝나면 응답을 보냅니다. " * 4)
    docs = [
        page("jobs/", "작업 큐", note, morphs="작업 요청 접수하다 처리하다 응답 보내다"),
        page("202/", "202 Accepted", "요청을 접수했지만 처리는 나중에 한다는 응답입니다.", morphs="요청 접수하다 처리 응답"),
    ]
    queries = ["요청 접수만 하고 처리는 나중에 한다는 응답", "요청 접수 나중에 처리", "주소를 알려주는"]
    results = results_among_filler(tmp_path, docs, queries)
    # A description ending in 응답 (or 코드, 에러) asks which code that is.
    assert results["요청 접수만 하고 처리는 나중에 한다는 응답"][0] == "202/"
    # Without it the long note that says the same words more often comes first.
    assert results["요청 접수 나중에 처리"][0] == "jobs/"


@needs_node
def test_a_hangul_word_before_other_words_that_start_with_it(tmp_path):
    docs = [
        page("logging/", "오류 추적", "오류가 나면 로그를 남깁니다.", morphs="오류 나다 로그 남기다"),
        page("login/", "세션", "로그인한 사용자는 세션에 있습니다.", morphs="로그인 로그인하다 사용자 세션 있다"),
        page("logout/", "세션 비우기", "로그아웃하면 세션을 비웁니다.", morphs="로그아웃 로그아웃하다 세션 비우다"),
    ]
    results = results_among_filler(tmp_path, docs, ["로그", "로그인"])
    # 로그 (a log) with a particle (로그를) is the word; 로그인 and 로그아웃 only start with it. They
    # are still found, after the page about logs.
    assert results["로그"] == ["logging/", "login/", "logout/"]
    assert results["로그인"] == ["login/"]


# (query, pages, a sentence on one page in `every` of 70 others, every, the page it must find first)
TOPIC_WORD_CASES = {
    # Both pages have two words of three (one in the title and one in the text, or both in the
    # title); the one with the rare word that names the topic comes first.
    "a rare word counts more than common ones": (
        "리프레시토큰이 필요한 이유",
        [page("venv/", "가상 환경이 필요한 이유", "프로젝트마다 패키지를 나눕니다."),
         page("tokens/", "리프레시토큰", "액세스 토큰이 만료되면 새 토큰을 받는 데 필요합니다.")],
        "이 설정이 필요한 이유를 봅니다.", 7, "tokens/"),
    # 종류 (kinds of) asks about the topic the other word names; a title with 종류 and a
    # mention of that topic is not the page about it.
    "a word that asks for an aspect does not choose the topic": (
        "상태코드 종류",
        [page("uploads/", "파일의 종류와 내용", "검사에 실패하면 상태코드 400을 돌려줍니다."),
         page("status-codes/", "상태코드", "응답의 결과를 세 자리 수로 알립니다.")],
        "요청을 보냅니다. 상태코드를 봅니다.", 5, "status-codes/"),
    # A page titled with the common word, which it says many times, has half the query; the page
    # that has the rare word with it (in its morphemes only, as 테스트 클라이언트 is written apart)
    # has all of it, and comes first.
    "a title with the common word does not outweigh the rare word": (
        "테스트클라이언트 쿠키",
        [page("cookies/", "쿠키", "쿠키는 브라우저가 저장합니다. 쿠키를 요청마다 보냅니다. 쿠키의 속성을 봅니다.",
              morphs="쿠키 브라우저 저장하다 요청 보내다 속성"),
         page("testing/", "테스트", "클라이언트 픽스처는 로그인한 뒤의 쿠키를 기억합니다.",
              morphs="테스트클라이언트 픽스처 로그인하다 쿠키 기억하다")],
        "쿠키를 저장합니다. 요청을 보냅니다.", 3, "testing/"),
}


@needs_node
@pytest.mark.parametrize("case", TOPIC_WORD_CASES)
def test_the_word_that_names_the_topic_decides(tmp_path, case):
    query, docs, common, every, expected = TOPIC_WORD_CASES[case]
    assert results_among_filler(tmp_path, docs, [query], common, every)[query][0] == expected


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed to run Lunr")
def test_replaced_lunr_functions_score_like_lunr(tmp_path):
    """korean-search.js replaces Lunr 2.3.9's Index#query (for queries without + or -) and
    Vector#dot; on real note sections and random queries both give Lunr's results, to the bit."""
    import random
    import re
    import subprocess

    from studysite.korean_search import LUNR_KO

    site = tiny_site(tmp_path / "site", [])
    docs = []
    for note in sorted((ROOT / "docs").rglob("*.md")):
        for n, section in enumerate(note.read_text(encoding="utf-8").split("\n## ")):
            title, _, text = section.partition("\n")
            docs.append({"location": f"{note.stem}/{n}", "title": title, "text": text[:3000],
                         "morphs": " ".join(re.findall(r"[가-힣]{2,}", text)[::7])})
    words = sorted({w for doc in docs for w in re.findall(r"[가-힣A-Za-z]{2,}", doc["title"] + doc["text"])})
    generator = random.Random(19)
    queries = [" ".join(w[: generator.randint(1, len(w))].lower() for w in generator.sample(words, generator.randint(1, 4)))
               for _ in range(150)]
    fields = {"title": {"boost": 1000}, "text": {"boost": 1}, "morphs": {"boost": 1}}
    payload = json.dumps({"docs": docs, "fields": fields, "queries": {"list": queries}})
    worker = load_bench().material_worker()
    out = subprocess.run(
        ["node", str(ROOT / "tests/fixtures/lunr_equivalence.cjs"), str(worker), str((site / LUNR_KO).parent)],
        input=payload, capture_output=True, text=True, check=True, timeout=120,
    )
    results = json.loads(out.stdout)
    assert len(results) == len(queries) and sum(len(r["lunr"]) for r in results) > 1000
    for result in results:
        assert result["ours"] == result["lunr"], result["query"]


@needs_node
def test_glued_words_split_into_whole_words_and_identifiers_into_their_words(tmp_path):
    docs = [
        page("headers/", "헤더 이름", "헤더 이름은 대소문자를 구별하지 않습니다.", morphs="헤더 이름 대소문자 구별하다"),
        page("table/", "헤더대로 정렬", "소문자로 적은 표입니다."),
        page("https/", "HTTPS 강제", "HSTS 헤더로 HTTPS만 쓰라고 알립니다.", morphs="hsts 헤더 https 알리다"),
        page("503/", "503 Service Unavailable", "서버가 점검 중이라 요청을 처리할 수 없다는 응답입니다.",
             morphs="서버 점검 중 요청 처리하다 응답"),
        page("jobs/", "작업", "작업이 진행 중이지만 다시 오면 결과가 있습니다.", morphs="작업 진행 중 다시 오다 결과"),
    ]
    queries = ["헤더대소문자", "SECURE_HSTS_SECONDS", "점검 중이니 나중에 다시 오라는 응답"]
    results = results_among_filler(tmp_path, docs, queries)
    # Of the ways to cut a glued word in two, one into words the index has whole (헤더 대소문자)
    # beats one into the start of a longer word (헤더대로) and the rest.
    assert results["헤더대소문자"][0] == "headers/"
    # A setting of another framework, which no page names, is its words: hsts is explained.
    assert results["SECURE_HSTS_SECONDS"][0] == "https/"
    # 중이니 is 중 with a particle, not the jamo typo 중이지 of the other page.
    assert results["점검 중이니 나중에 다시 오라는 응답"][0] == "503/"


@needs_node
def test_a_page_whose_other_sections_match_too_comes_first(tmp_path):
    common = "요청 응답 서버 브라우저 설정 기본값 로그인 사용자 정보 저장 시간 기간 변경 예제 코드"
    docs = [
        page("tokens/", "토큰", "토큰은 서명된 문자열입니다."),
        page("tokens/#expiry", "토큰의 수명", "세션 만료와 같습니다.", morphs="세션 만료 같다"),
        page("sessions/", "서버 쪽 저장", "사용자 정보를 서버에 둡니다."),
        *(page(f"sessions/#{word}", f"경우 {n}", f"세션 만료 {word} {common}.", morphs=f"세션 만료 {word} {common}")
          for n, word in enumerate(["유휴", "로그아웃", "수명"])),
    ]
    # Five long notes with eight sections each that use a common word, and one short page.
    crowd = [page(f"long{n}/" + (f"#s{s}" if s else ""), f"긴 노트 {n}-{s}", "쿠키 쿠키 쿠키를 저장합니다.")
             for n in range(5) for s in range(8)]
    docs += [*crowd, page("short/", "짧은 노트", "쿠키와 세션과 토큰을 비교합니다.")]
    results = results_among_filler(tmp_path, docs, ["세션 만료", "쿠키"])
    # The tokens note's one short section scores highest; the sessions note says the query in
    # three longer sections, and so is about it.
    assert results["세션 만료"][:2] == ["sessions/", "tokens/"]
    # A page's first five sections are kept, so the long notes leave room for the next page.
    assert "short/" in results["쿠키"]
