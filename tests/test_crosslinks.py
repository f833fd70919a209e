"""Cross-links: notes link status codes and methods to the reference; reference pages list the notes."""

import posixpath
import re
import textwrap
from pathlib import Path

import pytest
from mkdocs.structure.toc import AnchorLink

from studysite.backlinks import section_anchors
from studysite.mentions import MentionLinker
from studysite.reference_data import COMMON_METHODS

PHRASES = {200: "OK", 300: "Multiple Choices", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error"}
L404 = "[404](../reference/status/404.md)"
LGET = "[GET](../reference/methods/get.md)"


@pytest.fixture(scope="module")
def linker():
    return MentionLinker(PHRASES, COMMON_METHODS)


def link(linker, text, src_uri="http/note.md"):
    return linker.link(textwrap.dedent(text).strip("\n"), src_uri).markdown


# --- What gets linked ------------------------------------------------------------------------


def test_bare_code_and_method_link_with_korean_particles(linker):
    assert link(linker, "없으면 404를 보내고, GET은 안전합니다.") == f"없으면 {L404}를 보내고, {LGET}은 안전합니다."


def test_code_with_its_exact_phrase_links_as_a_whole(linker):
    assert link(linker, "404 Not Found입니다.") == "[404 Not Found](../reference/status/404.md)입니다."
    # Not the IANA phrase: only the number links.
    assert link(linker, "404 not found") == f"{L404} not found"


def test_link_is_relative_to_the_page(linker):
    assert link(linker, "404", "index.md") == "[404](reference/status/404.md)"
    assert link(linker, "404", "log/posts/day.md") == "[404](../../reference/status/404.md)"
    assert link(linker, "PATCH", "a/b.md") == "[PATCH](../reference/methods/patch.md)"


def test_only_the_nine_common_methods_in_upper_case(linker):
    assert link(linker, "Get get GETTER PROPFIND") == "Get get GETTER PROPFIND"
    assert link(linker, "CONNECT와 TRACE") == (
        "[CONNECT](../reference/methods/connect.md)와 [TRACE](../reference/methods/trace.md)"
    )


# --- Bare numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "300 바이트",
        "300바이트를",
        "2019년",
        "8000 옥텟",
        "글 200개",
        "100자에서 자르기",
        "500번 반복",
        "400번대 오류",
        "200 ms",
        "300px",
        "299",  # not a registered code
        "1.500",
        "§15.4.5와 RFC 9110",
        "/posts/404",
        "200~299",
        "127.0.0.1:5000",
        "404.html",
    ],
)
def test_bare_numbers_that_are_not_status_codes_stay_text(linker, text):
    assert link(linker, text) == text


def test_a_counter_syllable_starting_a_word_does_not_block_the_link(linker):
    assert link(linker, "404 개념과 500 자체") == (
        f"{L404} 개념과 [500](../reference/status/500.md) 자체"
    )


# --- What is never touched ----------------------------------------------------------------------


def test_code_span_that_is_exactly_a_mention_links_as_a_whole(linker):
    assert link(linker, "`404 Not Found`와 `GET`, `405`") == (
        "[`404 Not Found`](../reference/status/404.md)와 [`GET`](../reference/methods/get.md), "
        "[`405`](../reference/status/405.md)"
    )
    assert link(linker, "`404 Missing`, `499`, `get`") == "`404 Missing`, `499`, `get`"


def test_code_is_never_linked(linker):
    text = """
        `GET /posts`와 `abort(404)`는 코드입니다.

        ```http
        GET /posts HTTP/1.1
        ```

            ~~~python
            abort(404)
            ~~~
        """
    assert link(linker, text) == textwrap.dedent(text).strip("\n")


def test_headings_and_title_lines_are_not_linked(linker):
    text = """
        ## 404와 GET

        Setext 404
        ----------

        !!! note "404를 받으면"
        ??? question "GET은 안전한가요?"
        === "GET"
        """
    result = linker.link(textwrap.dedent(text).strip("\n"), "http/note.md")
    assert result.markdown == textwrap.dedent(text).strip("\n")
    assert result.headings == ["404와 GET", "Setext 404"]


def test_admonition_body_is_prose(linker):
    assert link(linker, '!!! note "제목"\n    본문의 404') == f'!!! note "제목"\n    본문의 {L404}'


@pytest.mark.parametrize(
    "text",
    [
        "[상태 코드 404 설명](other.md)",
        "[404][ref] 참고",
        "[ref]: https://example.com/404",
        "<https://example.com/GET/404>",
        "https://example.com/404 와 www.example.com/404",
        '<span title="404">x</span>',
        "## 제목 {: #get-404 }",
        "문단 { #id-404 .GET }",
        '--8<-- "examples/404.py"',
        "*[GET]: 안전한 메서드",
        "각주[^404]",
    ],
)
def test_links_urls_html_attributes_and_snippets_are_left_alone(linker, text):
    assert link(linker, text) == text


def test_raw_html_block_is_left_alone_until_a_blank_line(linker):
    text = "<div>\n404 GET\n</div>\n\n404"
    assert link(linker, text) == f"<div>\n404 GET\n</div>\n\n{L404}"


def test_front_matter_is_left_alone(linker):
    text = "---\ntitle: 404 GET\n---\n\n404"
    assert link(linker, text) == f"---\ntitle: 404 GET\n---\n\n{L404}"


# --- Once per section, opt-out, author links ------------------------------------------------------


def test_each_target_links_once_per_section(linker):
    text = """
        404, 404 Not Found, GET, GET

        ## 다음 절

        404와 GET
        """
    result = linker.link(textwrap.dedent(text).strip("\n"), "http/note.md")
    assert result.markdown.count(L404) == 2 and result.markdown.count(LGET) == 2
    assert "404 Not Found" in result.markdown and "[404 Not Found]" not in result.markdown
    assert [(m.target, m.section) for m in result.mentions] == [
        ("reference/status/404.md", 0),
        ("reference/methods/get.md", 0),
        ("reference/status/404.md", 1),
        ("reference/methods/get.md", 1),
    ]


def test_backslash_opts_out_of_one_mention(linker):
    assert link(linker, r"\404와 \GET, 그리고 404") == f"404와 GET, 그리고 {L404}"
    # In code the backslash is the author's text and stays.
    assert link(linker, r"`\404`") == r"`\404`"


def test_a_link_the_author_wrote_counts_for_its_section(linker):
    text = "[없음](../reference/status/404.md#설명), 그리고 404"
    result = linker.link(text, "http/note.md")
    assert result.markdown == text
    assert [(m.target, m.linked) for m in result.mentions] == [("reference/status/404.md", False)]


# --- Sections become anchors of the rendered table of contents ------------------------------------


def toc(*entries):
    return [AnchorLink(title, anchor, level) for title, anchor, level in entries]


def test_sections_map_to_toc_anchors_in_order():
    items = toc(("노트", "노트", 1), ("404 처리", "404-처리", 2), ("정리", "정리", 2))
    assert section_anchors(["노트", "404 처리", "정리"], items) == [
        (None, None),
        (None, None),  # the h1 section is the top of the page
        ("404-처리", "404 처리"),
        ("정리", "정리"),
    ]


def test_sections_fall_back_to_heading_text_when_counts_differ():
    items = toc(("포함된 절", "포함된-절", 2), ("**GET** 요청", "get-요청", 2))
    assert section_anchors(["**GET** 요청 {#get-요청}"], items) == [(None, None), ("get-요청", "**GET** 요청")]
    assert section_anchors(["없는 절"], items) == [(None, None), (None, None)]


# --- The built site -------------------------------------------------------------------------------


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_note_links_mentions_to_the_reference(built_site):
    html = read(built_site, "http/status-codes/index.html")
    # Auto-linked in prose ("숨기고 싶다면 404를 보내도"), not only in the hand-written tables.
    assert re.search(r'싶다면 <a href="\.\./\.\./reference/status/404/">404</a>', html)
    for block in re.findall(r"<pre.*?</pre>|<code>.*?</code>", html, re.DOTALL):
        assert "reference/" not in block, block[:200]
    # A code span that is exactly a mention links as a whole: <a><code>404</code></a>.
    assert re.search(r'<a href="\.\./\.\./reference/status/\d{3}/"><code>\d{3}[^<]*</code></a>', html)
    for heading in re.findall(r"<h[1-6].*?</h[1-6]>", html, re.DOTALL):
        assert 'href="../../reference/' not in heading, heading


def test_reference_page_lists_the_notes_that_mention_it(built_site):
    html = read(built_site, "reference/status/404/index.html")
    section = re.search(r'<section[^>]*class="backlinks".*?</section>', html, re.DOTALL)
    assert section, "no backlinks section"
    assert '<h2 id="backlinks">이 주제를 다루는 노트' in section.group(0)
    assert '<a href="../../../http/status-codes/">상태 코드</a>' in section.group(0)
    # Each note links to the section that mentions the code, by the anchor of its heading.
    anchors = re.findall(r'href="\.\./\.\./\.\./http/status-codes/#([^"]+)"', section.group(0))
    note = read(built_site, "http/status-codes/index.html")
    assert anchors and all(f'id="{a}"' in note for a in anchors)
    # The table of contents of the reference page leads to the list too.
    assert re.search(r'href="#backlinks"[^>]*>\s*<span class="md-ellipsis">\s*이 주제를 다루는 노트', html)


def test_method_page_lists_notes_and_unmentioned_page_has_no_list(built_site):
    assert "이 주제를 다루는 노트" in read(built_site, "reference/methods/get/index.html")
    assert 'class="backlinks"' not in read(built_site, "reference/methods/propfind/index.html")



# --- Backlinks from the notes' sources, before any page is rendered -------------------------------

from studysite.backlinks import HeadingRenderer, Note, grouped, page_title, scan  # noqa: E402
from studysite.reference_pages import plain_text  # noqa: E402

EXTENSIONS = ["attr_list", "toc", "footnotes"]
EXTENSION_CONFIGS = {"toc": {"permalink": True, "slugify": __import__("pymdownx.slugs").slugs.slugify(case="lower")}}


def test_heading_anchors_are_those_the_toc_extension_gives_the_note():
    import markdown

    source = "# 노트\n\n## 404 처리\n\n본문 404\n\n## 404 처리\n\n## **GET** 요청 { #get }\n\n### `Host`는 필수입니다\n"
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    md.convert(source)
    expected = [(t["id"], t["name"]) for t in _tokens(md.toc_tokens)]
    linker = MentionLinker(PHRASES, COMMON_METHODS)
    result = linker.link(source, "http/note.md")
    outline = HeadingRenderer(EXTENSIONS, EXTENSION_CONFIGS).outline([line for _, line in result.heading_lines], True)
    assert [(h.id, h.title) for h in outline.headings] == expected
    assert expected[1][0] != expected[2][0]  # the second "404 처리" gets its own id
    assert outline.h1_title == "노트"


def _tokens(tokens):
    for token in tokens:
        yield token
        yield from _tokens(token["children"])


def test_scan_finds_each_notes_sections_in_note_order():
    linker = MentionLinker(PHRASES, COMMON_METHODS)
    notes = [
        Note("b/second.md", "머리말 404\n\n## 처리\n\n404와 GET\n", lambda h1: h1 or "둘째"),
        Note("a/first.md", "# 첫째 노트\n\n404를 보냅니다.\n", lambda h1: h1 or "?"),
    ]
    results, found = scan(notes, linker, HeadingRenderer(EXTENSIONS, EXTENSION_CONFIGS))
    assert set(results) == {"b/second.md", "a/first.md"}
    assert results["b/second.md"][1].markdown.startswith("머리말 [404](../reference/status/404.md)")
    links = found["reference/status/404.md"]
    assert [(b.note, b.title, b.anchor) for b in links] == [
        ("b/second.md", "둘째", None), ("b/second.md", "둘째", "처리"), ("a/first.md", "첫째 노트", None)]
    assert grouped(links, "reference/status/404.md") == [
        {"title": "둘째", "path": "../../b/second.md", "sections": [{"title": "처리", "path": "../../b/second.md#처리"}]},
        {"title": "첫째 노트", "path": "../../a/first.md", "sections": []},
    ]


def test_scans_kept_between_builds_give_the_same_backlinks(tmp_path):
    from studysite.backlinks import ScanCache

    notes = [
        Note("b/second.md", "머리말 404\n\n## 처리\n\n404와 GET\n", lambda h1: h1 or "둘째"),
        Note("a/first.md", "# 첫째 노트\n\n404를 보냅니다.\n", lambda h1: h1 or "?"),
        Note("c/none.md", "언급이 없습니다.\n", lambda h1: "셋째"),
    ]
    renderer = HeadingRenderer(EXTENSIONS, EXTENSION_CONFIGS)
    expected = scan(notes, MentionLinker(PHRASES, COMMON_METHODS), renderer)
    path = tmp_path / "notes.json"
    first = ScanCache(path, "site")
    assert scan(notes, MentionLinker(PHRASES, COMMON_METHODS), renderer, first) == expected
    first.save()

    class NoLinking(MentionLinker):
        def link(self, markdown, src_uri):
            raise AssertionError(f"{src_uri} was scanned again")

    # The next build reads every scan from the file: no note is linked or outlined again.
    assert scan(notes, NoLinking(PHRASES, COMMON_METHODS), renderer, ScanCache(path, "site")) == expected
    # Another fingerprint of the build's other inputs (data, hooks, extensions): scanned again.
    assert scan(notes, MentionLinker(PHRASES, COMMON_METHODS), renderer, ScanCache(path, "other")) == expected
    # An entry of the wrong shape (a hand-edited or broken file) is scanned again, not trusted.
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry["mentions"] = [["reference/status/404.md", "0", True]]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert scan(notes, MentionLinker(PHRASES, COMMON_METHODS), renderer, ScanCache(path, "site")) == expected


def test_page_titles_follow_mkdocs():
    assert page_title("홈", {"title": "x"}, "h1", "index.md", True) == "홈"  # from the nav
    assert page_title(None, {"title": "앞"}, "h1", "a.md", False) == "앞"
    assert page_title(None, {}, "h1", "a.md", False) == "h1"
    assert page_title(None, {}, None, "index.md", True) == "Home"
    assert page_title(None, {}, None, "my-note", False) == "My note"  # File.name: no suffix


def test_titles_from_notes_are_shown_as_text():
    assert plain_text('<script>"*a*" & [b](c) `d` &amp;') == r'&lt;script&gt;"\*a\*" &amp; \[b\]\(c\) \`d\` &amp;'
    import markdown

    html = markdown.markdown(f"- [{plain_text('**굵게** & <i>x</i> 1.1')}](a.md)")
    assert ">**굵게** &amp; &lt;i&gt;x&lt;/i&gt; 1.1</a>" in html


def test_backlinks_are_in_the_search_index(built_site):
    import json

    docs = json.loads(read(built_site, "search/search_index.json"))["docs"]
    entry = next(d for d in docs if d["location"] == "reference/status/404/#backlinks")
    assert entry["title"] == "이 주제를 다루는 노트" and "상태 코드" in entry["text"]


def test_backlink_paths_are_what_relpath_gives():
    from studysite.backlinks import relative_to

    notes = ["index.md", "http/index.md", "http/methods.md", "state/cookies.md", "flask/project/app.md", "httpx.md"]
    pages = ["reference/status/404.md", "reference/index.md", "index.md", "http/status.md", "flask/project/x.md",
             "http/x/y.md", "https/z.md"]
    for note in notes:
        for page in pages:
            base = posixpath.dirname(page) or "."
            assert relative_to(note, base) == posixpath.relpath(note, base), (note, page)
