"""Reading comfort: git dates in Korean, link-preview metadata, the Korean 404 page, the tags
page, the study-log archive and Material's Korean labels."""

import re
import subprocess
from datetime import datetime, timezone
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from studysite import page_dates

ROOT = Path(__file__).resolve().parent.parent


class HeadParser(HTMLParser):
    """Collects <meta> tags, the canonical link, <html lang> and every link's href."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.canonical = None
        self.lang = None
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content") or "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")
        elif tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])


def parse(path: Path) -> HeadParser:
    parser = HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def text(path: Path) -> str:
    """The page's visible text, whitespace collapsed (scripts and tags removed)."""
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def last_commit_time(path: str) -> int | None:
    """The newest commit time of a repository file, or None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", path], cwd=ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(result.stdout) if result.stdout.strip() else None


# --- git dates: pure functions --------------------------------------------------------------

FAKE_LOG = (
    "\x001795530441\n\ndocs/http/index.md\ndata/status_codes.yml\n"
    "\x001700000000\n\ndocs/http/index.md\ndocs/state/cookies.md\n"
)


def test_git_log_keeps_the_newest_time_of_each_file():
    assert page_dates.parse_git_log(FAKE_LOG) == {
        "docs/http/index.md": 1795530441,
        "data/status_codes.yml": 1795530441,
        "docs/state/cookies.md": 1700000000,
    }


def test_dates_are_korean_and_in_seoul_time():
    # 15:30 UTC on 24 November is already 25 November in Seoul (UTC+9).
    timestamp = int(datetime(2026, 11, 24, 15, 30, tzinfo=timezone.utc).timestamp())
    assert page_dates.korean_date(timestamp) == "2026년 11월 25일"
    assert page_dates.iso_datetime(timestamp) == "2026-11-25T00:30:00+09:00"


def test_generated_reference_page_is_dated_by_its_data_file():
    dates = page_dates.parse_git_log(FAKE_LOG)
    path = page_dates.source_path("docs", "reference/status/404.md", "../data/status_codes.yml", generated=True)
    assert path == "data/status_codes.yml"
    assert page_dates.page_date(dates, path)[0] == page_dates.korean_date(1795530441)


def test_note_is_dated_by_its_own_file_and_unknown_files_get_no_date():
    dates = page_dates.parse_git_log(FAKE_LOG)
    assert page_dates.source_path("docs", "state/cookies.md", None, generated=False) == "docs/state/cookies.md"
    assert page_dates.page_date(dates, "docs/state/cookies.md")[0] == page_dates.korean_date(1700000000)
    assert page_dates.page_date(dates, "docs/new-uncommitted.md") is None


def test_no_git_repository_means_no_dates(tmp_path):
    assert page_dates.read_git_dates(tmp_path) == {}


def test_missing_git_program_means_no_dates(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert page_dates.read_git_dates(ROOT) == {}


# --- git dates: the built site --------------------------------------------------------------


def updated_fact(page: Path) -> str | None:
    match = re.search(r'<aside class="md-source-file">(.*?)</aside>', page.read_text(encoding="utf-8"), re.S)
    return re.sub(r"\s+", " ", re.sub(r"<svg.*?</svg>|<[^>]+>", " ", match.group(1))).strip() if match else None


@pytest.mark.parametrize(
    ("site_page", "source"),
    [("http/index.html", "docs/http/index.md"), ("reference/status/404/index.html", "data/status_codes.yml")],
)
def test_page_shows_korean_last_modified_date_from_git(built_site, site_page, source):
    timestamp = last_commit_time(source)
    if timestamp is None:
        pytest.skip(f"{source} has no git history here")
    page = built_site / site_page
    assert 'title="마지막 수정"' in page.read_text(encoding="utf-8")
    assert updated_fact(page) == page_dates.korean_date(timestamp)
    assert re.fullmatch(r"\d{4}년 \d{1,2}월 \d{1,2}일", updated_fact(page))


def test_page_without_a_source_file_in_git_has_no_date(built_site):
    # The blog plugin generates the archive page; no repository file stands behind it.
    assert updated_fact(built_site / "log/archive/2019/index.html") is None


# --- link-preview metadata --------------------------------------------------------------------


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def test_every_page_has_open_graph_and_description_meta(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 50
    problems = []
    for path in pages:
        head = parse(path)
        name = path.relative_to(built_site).as_posix()
        for key in ("description", "og:title", "og:description", "og:type", "og:site_name", "twitter:card"):
            values = head.meta.get(key, [])
            if len(values) != 1 or not values[0].strip():
                problems.append(f"{name}: {key}: {values!r}")
        if head.meta.get("og:locale") != ["ko_KR"]:
            problems.append(f"{name}: og:locale: {head.meta.get('og:locale')!r}")
        if head.meta.get("og:description") != head.meta.get("description"):
            problems.append(f"{name}: og:description differs from description")
        if head.canonical and head.meta.get("og:url") != [head.canonical]:
            problems.append(f"{name}: og:url {head.meta.get('og:url')!r} is not {head.canonical}")
    assert not problems, "\n".join(problems[:20])


def test_page_description_front_matter_reaches_the_preview(built_site):
    front = yaml.safe_load((ROOT / "docs/state/cookies.md").read_text(encoding="utf-8").split("---")[1])
    head = parse(built_site / "state/cookies/index.html")
    assert head.meta["og:description"] == [front["description"]]
    assert head.meta["og:type"] == ["article"]
    assert head.meta["og:url"] == ["https://example.github.io/flask-web-study/state/cookies/"]
    assert parse(built_site / "index.html").meta["og:type"] == ["website"]


# --- the 404 page -------------------------------------------------------------------------------


def test_not_found_page_is_korean_and_links_home_and_search(built_site):
    page = built_site / "404.html"
    head = parse(page)
    body = text(page)
    assert head.lang == "ko"
    assert "페이지를 찾을 수 없습니다" in body
    assert "Not found" not in body.replace("404 Not Found", "")
    # The page is served at any depth, so its links are absolute paths under the site's base.
    assert "/flask-web-study/" in head.links
    assert "/flask-web-study/?q=" in head.links


# --- tags page and study log ------------------------------------------------------------------------


def front_matter_tags() -> set[str]:
    tags = set()
    for path in (ROOT / "docs").rglob("*.md"):
        source = path.read_text(encoding="utf-8")
        if source.startswith("---\n"):
            tags.update(yaml.safe_load(source.split("---\n")[1]).get("tags") or [])
    return tags


def test_tags_page_lists_every_tag_with_its_pages(built_site):
    page = (built_site / "tags/index.html").read_text(encoding="utf-8")
    headings = {
        unescape(re.sub(r"<[^>]+>", "", h)).replace("¶", "").strip()
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page, re.S)
    }
    tags = front_matter_tags()
    assert tags >= {"HTTP", "Flask", "보안"}
    assert tags <= headings
    # A note's tag links to its section of the tags page, and the section links back.
    assert 'href="../tags/#tag:http"' in (built_site / "http/index.html").read_text(encoding="utf-8")
    assert 'href="../http/"' in page


def test_tags_page_is_in_the_navigation(built_site):
    assert 'href="tags/"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_study_log_archive_reads_in_korean(built_site):
    archive = text(built_site / "log/archive/2019/index.html")
    assert "2019년" in parse(built_site / "log/archive/2019/index.html").meta["og:title"][0]
    assert re.search(r"읽는 데 \d+분", archive)
    for phrase in ("2019년 5월 18일", "분류:", "보관함"):
        assert phrase in archive, phrase
    post = text(built_site / "log/2019/05/18/first-study/index.html")
    for phrase in ("목록으로 돌아가기", "글 정보", "2019년 5월 18일"):
        assert phrase in post, phrase
    for english in ("Index로", "Authors", "Archive", "Categories", "min read"):
        assert english not in archive + post, english


def test_material_labels_use_the_fixed_korean(built_site):
    page = text(built_site / "http/index.html")
    assert "본문으로 건너뛰기" in page and "콘텐츠로 이동" not in page
    assert "맨 위로" in page and "맨위로" not in page
