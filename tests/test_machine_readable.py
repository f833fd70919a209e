"""Feed, llms.txt, robots.txt, sitemap, JSON-LD and site verification: parsed, not eyeballed."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import quote

import pytest
from jinja2 import Environment, FileSystemLoader

from studysite.feeds import Entry, atom_feed, make_environment as feed_environment, post_dates, seoul_datetime
from studysite.llms import Link, link_text, llms_txt, make_environment as llms_environment, markdown_copy
from studysite.security import script_hashes
from studysite.seo import Crumb, PageFacts, breadcrumbs, json_ld, robots_txt, structured_data

ROOT = Path(__file__).resolve().parent.parent
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = next(
    line.split(":", 1)[1].strip() for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    if line.startswith("site_url:")
)
HOSTILE = 'a <b> & "c" </script><!--'


def html_pages(built_site):
    return [p for p in sorted(built_site.rglob("index.html"))]


# --- the feed --------------------------------------------------------------------------


def test_post_dates_are_in_seoul_time():
    assert seoul_datetime(date(2019, 5, 18)).isoformat() == "2019-05-18T00:00:00+09:00"
    assert seoul_datetime(datetime(2019, 5, 18, 1, 0, tzinfo=timezone.utc)).isoformat() == "2019-05-18T10:00:00+09:00"
    assert seoul_datetime("nonsense") is None
    published, updated = post_dates({"created": date(2019, 5, 18)}, "2026-11-24T23:22:46+09:00")
    assert (published.isoformat(), updated.isoformat()) == ("2019-05-18T00:00:00+09:00", "2026-11-24T23:22:46+09:00")
    assert post_dates(None, None) is None
    # An update before publication (a back-dated post) is publication.
    assert post_dates(date(2026, 12, 1), "2026-11-24T23:22:46+09:00")[1].isoformat() == "2026-12-01T00:00:00+09:00"


def test_feed_keeps_hostile_text_as_text():
    moment = seoul_datetime(date(2019, 5, 18))
    entry = Entry(HOSTILE, "https://example.org/a?b=1&c=2", moment, moment, HOSTILE, (HOSTILE,))
    feed = atom_feed(feed_environment(ROOT / "overrides" / "machine"), site_name=HOSTILE, author=HOSTILE,
                     site_url="https://example.org/", entries=[entry])
    root = ET.fromstring(feed.encode("utf-8"))
    assert root.findtext(f"{ATOM}title") == f"{HOSTILE} · 공부 기록"
    parsed = root.find(f"{ATOM}entry")
    assert parsed.findtext(f"{ATOM}title") == HOSTILE
    assert parsed.findtext(f"{ATOM}summary") == HOSTILE
    assert parsed.find(f"{ATOM}link").get("href") == "https://example.org/a?b=1&c=2"
    assert parsed.find(f"{ATOM}category").get("term") == HOSTILE


@pytest.mark.build
def test_feed_parses_and_every_page_links_it(built_site):
    root = ET.parse(built_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == SITE_URL + "feed.xml"
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "published", "updated"):
            assert entry.findtext(f"{ATOM}{name}"), name
        assert entry.findtext(f"{ATOM}published").endswith("+09:00")
        url = entry.find(f"{ATOM}link").get("href")
        assert url.startswith(SITE_URL + "log/")
        assert (built_site / url[len(SITE_URL):] / "index.html").is_file()
    first = [e for e in entries if "first-study" in e.findtext(f"{ATOM}id")][0]
    assert first.findtext(f"{ATOM}published") == "2019-05-18T00:00:00+09:00"
    assert root.findtext(f"{ATOM}updated") == max(e.findtext(f"{ATOM}updated") for e in entries)
    link = '<link rel="alternate feed" type="application/atom+xml" title="Flask로 배우는 웹 프로그래밍 · 공부 기록" href="{}">'
    missing = []
    for path in html_pages(built_site):
        relative = "../" * (len(path.relative_to(built_site).parts) - 1) + "feed.xml"
        if link.format(relative) not in path.read_text(encoding="utf-8"):
            missing.append(str(path.relative_to(built_site)))
    assert missing == []


# --- llms.txt --------------------------------------------------------------------------

LLMS_LINK = re.compile(r"- \[((?:[^\]\\]|\\.)+)\]\(([^()\s]+)\)(?:: (.+))?")


def parse_llms(text: str) -> dict:
    """The llmstxt.org format: H1, a blockquote, free text, then H2 sections of link lists."""
    lines = text.splitlines()
    assert lines[0].startswith("# ") and lines[2].startswith("> ")
    sections, current = {}, None
    for line in lines[3:]:
        if line.startswith("## "):
            current = sections.setdefault(line[3:], [])
        elif line.startswith("- "):
            assert current is not None, line
            match = LLMS_LINK.fullmatch(line)
            assert match, line
            current.append(match.groups())
        elif current is not None:
            assert line == "", line
    return {"title": lines[0][2:], "summary": lines[2][2:], "sections": sections}


def test_markdown_copy_drops_front_matter_and_includes_examples(tmp_path):
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "hello.py").write_text("print('hi')\n\nx = 1\n", encoding="utf-8")
    (tmp_path.parent / "secret.txt").write_text("secret", encoding="utf-8")
    source = '---\ndescription: d\n---\n\n# T\n\n    ```python\n    --8<-- "examples/hello.py"\n    ```\n--8<-- "../secret.txt"\n--8<-- "examples/missing.py"\n'
    copy = markdown_copy(source, tmp_path)
    assert copy.startswith("# T\n")
    assert "    print('hi')\n\n    x = 1\n" in copy
    assert '--8<-- "../secret.txt"' in copy and "secret\n" not in copy.replace('secret.txt"', "")
    assert '--8<-- "examples/missing.py"' in copy


def test_llms_txt_escapes_titles_and_descriptions():
    text = llms_txt(
        llms_environment(ROOT / "overrides" / "machine"), site_name="S", description="line one\nline two", site_url="https://example.org/",
        sections=[("노트", [Link("a] (b) [c", "https://example.org/a b(1).md", "x\ny")])],
    )
    parsed = parse_llms(text)
    assert parsed["summary"] == "line one line two"
    [(title, url, description)] = parsed["sections"]["노트"]
    assert title == r"a\] (b) \[c" and link_text("a] (b) [c") == title
    assert url == "https://example.org/a%20b%281%29.md"
    assert description == "x y"


@pytest.mark.build
def test_llms_txt_lists_notes_and_reference_with_markdown_copies(built_site):
    parsed = parse_llms((built_site / "llms.txt").read_text(encoding="utf-8"))
    assert parsed["title"] == "Flask로 배우는 웹 프로그래밍"
    links = [link for section in parsed["sections"].values() for link in section]
    assert all(description for _, _, description in links)
    urls = {url for _, url, _ in links}
    notes = {
        SITE_URL + path.relative_to(ROOT / "docs").as_posix()
        for path in (ROOT / "docs").rglob("*.md")
        if path.relative_to(ROOT / "docs").parts[0] != "log"
    }
    assert notes - urls == set()
    reference = parsed["sections"]["레퍼런스"]
    assert len([url for _, url, _ in reference if re.search(r"/reference/status/\d{3}\.md$", url)]) == 63
    assert len([url for _, url, _ in reference if re.search(r"/reference/methods/[a-z-]+\.md$", url)]) >= 40
    full = (built_site / "llms-full.txt").read_text(encoding="utf-8")
    for url in urls:
        copy = (built_site / url[len(SITE_URL):]).read_text(encoding="utf-8")
        assert not copy.startswith("---") and copy.strip() in full, url
    messages = (built_site / "http/messages.md").read_text(encoding="utf-8")
    assert messages.startswith("# ")
    assert "--8<--" not in full


# --- robots.txt and the sitemap ----------------------------------------------------------


def test_robots_txt_names_the_sitemap():
    assert robots_txt("https://example.org/s/").splitlines() == [
        "User-agent: *", "Allow: /", "", "Sitemap: https://example.org/s/sitemap.xml"
    ]
    assert "Sitemap" not in robots_txt(None)


@pytest.mark.build
def test_sitemap_lists_every_page_with_the_date_it_shows(built_site):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    urls = {
        node.findtext(f"{SITEMAP}loc"): node.findtext(f"{SITEMAP}lastmod")
        for node in ET.parse(built_site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    }
    dated = 0
    for path in html_pages(built_site):
        relative = path.parent.relative_to(built_site).as_posix()
        url = SITE_URL + ("" if relative == "." else quote(relative) + "/")
        assert url in urls, url
        shown = re.search(r'<meta property="article:modified_time" content="([^"]+)">', path.read_text(encoding="utf-8"))
        if shown:
            assert urls[url] == shown.group(1), url
            dated += 1
    assert dated > 50


# --- JSON-LD ---------------------------------------------------------------------------

# The schema.org properties this site writes, per type, and which of them each type needs.
VOCABULARY = {
    "WebSite": {"name", "url", "inLanguage", "description"},
    "TechArticle": {"headline", "name", "inLanguage", "isPartOf", "url", "mainEntityOfPage", "description", "dateModified", "datePublished", "keywords"},
    "BlogPosting": {"headline", "name", "inLanguage", "isPartOf", "url", "mainEntityOfPage", "description", "dateModified", "datePublished", "keywords"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
}
REQUIRED = {
    "WebSite": {"name"},
    "TechArticle": {"headline", "inLanguage", "url"},
    "BlogPosting": {"headline", "inLanguage", "url", "datePublished"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name"},
}


def check_node(node: dict) -> None:
    kind = node["@type"]
    keys = set(node) - {"@type", "@context"}
    assert keys <= VOCABULARY[kind], (kind, keys - VOCABULARY[kind])
    assert REQUIRED[kind] <= keys, (kind, REQUIRED[kind] - keys)
    if "inLanguage" in node:
        assert node["inLanguage"] == "ko"
    for key in ("dateModified", "datePublished"):
        if key in node:
            datetime.fromisoformat(node[key])
    if kind == "BreadcrumbList":
        items = node["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert all(item.get("item") for item in items[:-1])
    for value in node.values():
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict):
                check_node(child)


def ld_json(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data


def test_json_ld_cannot_end_its_script_element():
    facts = PageFacts(kind="article", title=HOSTILE, url="https://example.org/?a=1&b=2", description=HOSTILE,
                      crumbs=(Crumb(HOSTILE, "https://example.org/"), Crumb(HOSTILE, None)))
    data = structured_data(facts, site_name=HOSTILE, site_url="https://example.org/")
    text = json_ld(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
    for node in data["@graph"]:
        check_node(node)
    # Not executable: the Content-Security-Policy hashes none of it.
    assert script_hashes(f'<script type="application/ld+json">{text}</script>', [re.compile(".*", re.DOTALL)]) == []


def test_breadcrumbs_name_each_address_once():
    home, page = Crumb("홈", "/"), Crumb("404 Not Found", "/404/")
    sections = [Crumb("레퍼런스", "/status/"), Crumb("상태 코드", "/status/"), Crumb("4xx", "/400/")]
    assert breadcrumbs(home, sections, page) == (home, sections[0], sections[2], page)
    index = Crumb("HTTP 개요", "/http/")
    assert breadcrumbs(home, [Crumb("HTTP", "/http/")], index) == (home, index)


@pytest.mark.build
def test_every_page_has_valid_json_ld(built_site):
    kinds = set()
    for path in html_pages(built_site):
        data = ld_json(path.read_text(encoding="utf-8"))
        for node in data["@graph"]:
            check_node(node)
            kinds.add(node["@type"])
    assert {"WebSite", "TechArticle", "BlogPosting", "BreadcrumbList"} <= kinds
    note = ld_json((built_site / "reference/status/404/index.html").read_text(encoding="utf-8"))
    article, crumbs = note["@graph"]
    assert article["@type"] == "TechArticle" and article["url"] == SITE_URL + "reference/status/404/"
    assert [item["name"] for item in crumbs["itemListElement"]] == ["홈", "레퍼런스", "4xx 클라이언트 오류", "404 Not Found"]


@pytest.mark.browser
@pytest.mark.build
def test_json_ld_breaks_no_content_security_policy(page, site_url):
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.goto(site_url + "http/messages/")
    page.wait_for_load_state("networkidle")
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@graph"][0]["inLanguage"] == "ko"
    # (Material's own fetch of the absolute sitemap address is refused by connect-src; that is
    # not about scripts.)
    assert [text for text in problems if "script-src" in text] == []
    assert page.foreign_requests == []


@pytest.mark.browser
@pytest.mark.build
def test_feed_link_is_discoverable_and_costs_no_download(page, site_url):
    """Material downloads the sitemap for each `link[rel=alternate]` (its translations
    switcher); the feed's link must be found by feed readers without setting that off."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "http/headers/")
    page.wait_for_load_state("networkidle")
    feeds = page.evaluate(
        """() => [...document.querySelectorAll("link")]
             .filter(l => l.relList.contains("alternate") && l.type === "application/atom+xml").map(l => l.href)"""
    )
    assert feeds == [site_url + "feed.xml"]
    assert [url for url in requested if "sitemap" in url] == []


# --- site verification -----------------------------------------------------------------


def render_verification(extra) -> str:
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"))  # MkDocs' env: no autoescape
    return env.get_template("partials/site-verification.html").render(config={"extra": extra})


def test_site_verification_tags_only_when_configured_and_escaped():
    assert "<meta" not in render_verification({})
    html = render_verification({"naver_site_verification": 'abc"><script>', "google_site_verification": "g-1&2"})
    assert '<meta name="naver-site-verification" content="abc&#34;&gt;&lt;script&gt;">' in html
    assert '<meta name="google-site-verification" content="g-1&amp;2">' in html


@pytest.mark.build
def test_built_site_has_no_verification_tag_by_default(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "site-verification" not in html


def test_markdown_copy_includes_snippet_sections_and_lines(tmp_path):
    from studysite.llms import markdown_copy

    (tmp_path / "app.py").write_text(
        "import x\n# --8<-- [start:part]\ndef part():\n    return 1\n# --8<-- [end:part]\nlast = 2\n", encoding="utf-8"
    )
    source = '# T\n\n--8<-- "app.py:part"\n\n--8<-- "app.py:6:6"\n\n--8<-- "app.py"\n\n--8<-- "app.py:nope"\n'
    copy = markdown_copy(source, tmp_path)
    assert "def part():\n    return 1\n\nlast = 2\n\nimport x\ndef part():" in copy
    assert "[start:part]" not in copy and '--8<-- "app.py:nope"' in copy
