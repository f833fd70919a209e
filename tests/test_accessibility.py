"""Accessibility and page budgets of the built site, checked in the system Chromium.

axe-core (npm devDependency, see package.json) runs on every page type in the light and the
dark theme; a keyboard walk checks that search, navigation and the theme toggle are reachable
with visible focus; a weight check keeps note pages light and Mermaid where it is needed.
"""

import gzip
import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from browser import draw_diagrams

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MATERIAL_SEARCH = Path(__import__("material").__file__).parent / "templates" / "partials" / "search.html"

# Page type -> path in the site. The glossary and tags pages are built by other changes; they
# are checked as soon as they exist.
PAGE_TYPES = {
    "home": "",
    "note-with-diagram-and-table": "http/messages/",
    "note-without-diagram": "http/headers/",
    "note-with-quiz": "web/",
    "status-page": "reference/status/404/",
    "status-overview": "reference/status/",
    "method-overview": "reference/methods/",
    "cheat-sheet": "reference/cheatsheet/",
    "glossary": "glossary/",
    "tags": "tags/",
    "study-log": "log/",
    "study-log-post": "log/2019/05/18/first-study/",
    "not-found": "404.html",
}
OPTIONAL_PAGES = {"glossary", "tags"}

# Material's stored palette choice, as its toggle writes it (JSON under "<scope>.__palette").
SLATE = '{"index":1,"color":{"media":"(prefers-color-scheme: dark)","scheme":"slate","primary":"indigo","accent":"indigo"}}'

# Mermaid draws into a closed shadow root; opening it lets axe and the tests see the diagram.
OPEN_SHADOW_ROOTS = """(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
})()"""

# Compressible types that GitHub Pages serves gzipped.
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")
NOTE_BUDGET = 250_000
# The index is downloaded only when the reader turns to search, and grows with the notes.
# Measured 2026-11-26: 301 KB gzipped before this round; the Flask project track (docs/project/,
# over 40,000 Hangul characters, code listings kept out of search) adds about 80 KB; exercises in
# every note about 30 KB; the search aliases and title keys about 5% (bench/README.md). Quizzes are
# kept out of search. 417 KB in all. The alias groups from the glossary and the notes' glosses
# (issue 16) brought it to 458 KB.
SEARCH_INDEX_BUDGET = 500_000

pytestmark = pytest.mark.browser


def site_prefix() -> str:
    """The path of site_url: 404.html links its assets through it (/flask-web-study/...)."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlsplit(line.split(":", 1)[1].strip()).path or "/"
    return "/"


@pytest.fixture
def reader(page, site_url):
    """The `page` tab, able to show 404.html as GitHub Pages would, and to switch theme.

    The browser profile is shared by the whole run, so the stored theme is removed afterwards.
    """
    prefix = site_prefix()
    if prefix != "/":
        page.route(
            re.compile(re.escape(site_url.rstrip("/") + prefix)),
            lambda route: route.continue_(url=route.request.url.replace(prefix, "/", 1)),
        )
    page.add_init_script(OPEN_SHADOW_ROOTS)
    keys = [scope + ".__palette" for scope in sorted({"/", prefix})]

    def set_theme(scheme: str) -> None:
        """Store the theme before any script of the next pages runs, as the toggle would."""
        value = SLATE if scheme == "slate" else None
        page.add_init_script(
            f"try {{ for (const key of {json.dumps(keys)}) {{ const value = {json.dumps(value)};"
            " if (value) localStorage.setItem(key, value); else localStorage.removeItem(key); } } catch {}"
        )

    page.set_theme = set_theme
    yield page
    page.goto(site_url)
    page.evaluate("keys => keys.forEach(key => localStorage.removeItem(key))", keys)


def settle(page) -> None:
    """Wait until the page is loaded, diagrams are drawn and no transition is running."""
    page.wait_for_load_state("networkidle")
    draw_diagrams(page)
    page.wait_for_function(
        """() => [...document.querySelectorAll("div.mermaid")].every(d => d.shadowRoot && d.shadowRoot.querySelector("svg"))
             && document.getAnimations().every(a => a.playState !== "running")"""
    )


def axe_violations(page) -> list[str]:
    # Playwright's evaluate is not subject to the page's Content-Security-Policy, unlike a
    # <script> tag added to the page.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => (await axe.run()).violations.map(v =>
             `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map(n => JSON.stringify(n.target)).join(", ")}`)"""
    )
    return violations


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_axe_finds_no_violations(reader, site_url, built_site, page_type, scheme):
    path = PAGE_TYPES[page_type]
    if page_type in OPTIONAL_PAGES and not (built_site / path / "index.html").is_file():
        pytest.skip(f"{path} is not built yet")
    reader.set_theme(scheme)
    reader.goto(site_url + path)
    settle(reader)
    assert reader.evaluate("document.body.dataset.mdColorScheme") == scheme
    assert axe_violations(reader) == []
    assert reader.foreign_requests == []


def relative_luminance(rgb) -> float:
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def parse_color(css: str, background=(255, 255, 255)):
    """`rgb(...)`/`rgba(...)` -> an opaque RGB triple, blended over the background."""
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    alpha = parts[3] if len(parts) == 4 else 1.0
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(parts[:3], background))


def contrast(foreground, background) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_diagram_text_is_legible_in_both_themes(reader, site_url, built_site, scheme):
    """axe checks the HTML labels of flowcharts but not SVG text (sequence diagrams)."""
    path = "http/messages/"
    assert "sequenceDiagram" in (built_site / path / "index.html").read_text(encoding="utf-8")
    reader.set_theme(scheme)
    reader.goto(site_url + path)
    settle(reader)
    background = parse_color(reader.evaluate("getComputedStyle(document.body).backgroundColor"))
    texts = reader.evaluate(
        """() => [...document.querySelectorAll("div.mermaid")].flatMap(d =>
             [...d.shadowRoot.querySelectorAll("text, tspan")]
               .filter(t => [...t.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
               .map(t => [t.textContent.trim(), getComputedStyle(t).fill]))"""
    )
    assert len(texts) > 5
    low = [(text, fill) for text, fill in texts if contrast(parse_color(fill, background), background) < 4.5]
    assert low == []


FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // The theme toggle is a visually hidden radio button; its focus ring is on the label after it.
  const shown = el.matches("input.md-option") ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const rect = shown.getBoundingClientRect();
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
    && !/rgba\\(.*, 0\\)$|transparent/.test(style.outlineColor);
  return {
    kind: el.matches('input.md-option[name="__palette"]') ? "theme"
      : el.matches(".md-search__input") ? "search"
      : el.closest(".md-tabs, .md-nav--primary") ? "navigation" : "other",
    name: `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} ${el.getAttribute("href") || ""}`,
    ring: outline || style.boxShadow !== "none",
    shown: rect.width > 0 && rect.height > 0 && shown.checkVisibility(),
  };
}"""


def tab_until(page, kind: str, key: str = "Tab", limit: int = 40) -> list[dict]:
    """Press `key` until focus is on an element of `kind`; return every focus on the way."""
    steps = []
    for _ in range(limit):
        page.keyboard.press(key)
        focus = page.evaluate(FOCUS)
        assert focus is not None, f"focus left the page after {[s['name'] for s in steps]}"
        steps.append(focus)
        if focus["kind"] == kind:
            return steps
    raise AssertionError(f"{kind} not reached with {key} in {limit} steps: {[s['name'] for s in steps]}")


def test_keyboard_alone_reaches_theme_toggle_search_and_navigation(reader, site_url):
    reader.set_theme("default")
    reader.goto(site_url + "http/messages/")
    settle(reader)

    steps = tab_until(reader, "theme")
    reader.keyboard.press("Enter")
    reader.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    steps += tab_until(reader, "search")
    steps += tab_until(reader, "theme", key="Shift+Tab")
    reader.keyboard.press("Enter")
    reader.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    steps += tab_until(reader, "navigation")
    invisible = [step for step in steps if not (step["ring"] and step["shown"])]
    assert invisible == [], "focus without a visible indicator"

    href = reader.evaluate("document.activeElement.href")
    reader.keyboard.press("Enter")
    reader.wait_for_url(href)

    # Search: typing a query and Enter opens the first result.
    tab_until(reader, "search")
    reader.wait_for_selector(".md-search-result__meta:has-text('검색어를 입력하세요')")
    reader.keyboard.type("Flask")
    # The results of the whole query, not of a prefix typed a moment before (?h=fla): Enter opens
    # the first result of what the box holds when it is pressed.
    reader.wait_for_selector(".md-search-result__link[href*='h=flask']")
    first = reader.evaluate("document.querySelector('.md-search-result__link').href")
    reader.keyboard.press("Enter")
    reader.wait_for_url(first)
    assert reader.foreign_requests == []


def test_label_permalinks_turns_the_title_into_a_name():
    from studysite.permalinks import label_permalinks

    content = '<h2 id="a">A<a class="headerlink" href="#a" title="이 부분의 링크">&para;</a></h2>'
    assert label_permalinks(content, "이 부분의 링크") == content.replace("title=", "aria-label=")
    # Other links keep their titles; without a configured title nothing changes.
    other = '<a href="#a" title="이 부분의 링크">x</a>'
    assert label_permalinks(other, "이 부분의 링크") == other
    assert label_permalinks(content, "") == content


def test_every_permalink_has_a_name_and_no_tooltip(built_site):
    """A title in the content becomes a Material tooltip set up at load; a permalink needs a name."""
    checked = 0
    for path in built_site.rglob("*.html"):
        for link in re.findall(r'<a class="headerlink"[^>]*>', path.read_text(encoding="utf-8")):
            assert "title=" not in link, f"{path.relative_to(built_site)}: {link}"
            assert 'aria-label="이 부분의 링크"' in link, f"{path.relative_to(built_site)}: {link}"
            checked += 1
    assert checked > 100


def test_search_partial_differs_from_material_only_by_the_dialog_name():
    """overrides/partials/search.html is a copy: fail when Material's own partial changes."""
    ours = (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8")
    theirs = MATERIAL_SEARCH.read_text(encoding="utf-8")
    strip_comment = lambda text: re.sub(r"\A\{#-.*?-#\}\n", "", text, flags=re.S)  # noqa: E731
    named = ' role="dialog" aria-label="{{ lang.t(\'search\') }}">'
    assert named in ours
    assert strip_comment(ours).replace(named, ' role="dialog">') == strip_comment(theirs)


def note_pages(built_site) -> list[str]:
    """Site paths of the notes (not the generated reference, not the study log)."""
    paths = []
    for source in sorted((ROOT / "docs").rglob("*.md")):
        relative = source.relative_to(ROOT / "docs").with_suffix("")
        if relative.parts[0] in ("log",) or len(relative.parts) < 2:
            continue
        url = "/".join(relative.parts[:-1] if relative.name == "index" else relative.parts) + "/"
        if (built_site / url / "index.html").is_file():
            paths.append(url)
    return paths


def load_and_weigh(page, url: str) -> dict[str, int]:
    """Load a page; return {url: estimated bytes on the wire} for it and everything it loads.

    The test server sends files uncompressed; GitHub Pages gzips text. So each text response
    counts as its gzip (level 6) size, anything else as its own size. HTTP headers are left out.
    """
    responses = []

    def record(response):
        responses.append(response)

    page.on("response", record)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    weights = {}
    for response in responses:
        if response.status >= 300 or response.request.method != "GET":
            continue
        body = response.body()
        content_type = response.headers.get("content-type", "")
        weights[response.url] = len(gzip.compress(body, 6)) if content_type.startswith(COMPRESSIBLE) else len(body)
    return weights


def test_notes_without_diagrams_transfer_at_most_250_kb(page, site_url, built_site):
    """Everything a note without a diagram loads; the search index is not part of it until
    the reader turns to search (overrides/assets/javascripts/search-on-demand.js)."""
    plain = [
        path for path in note_pages(built_site)
        if 'class="mermaid"' not in (built_site / path / "index.html").read_text(encoding="utf-8")
    ]
    assert plain, "expected at least one note without a diagram"
    report = {path: load_and_weigh(page, site_url + path) for path in plain}
    assert [url for weights in report.values() for url in weights if url.endswith("search_index.json")] == []
    totals = {path: sum(weights.values()) for path, weights in report.items()}
    assert {path: total for path, total in totals.items() if total > NOTE_BUDGET} == {}, totals


def test_search_index_is_downloaded_when_the_reader_turns_to_search(page, site_url):
    weights = load_and_weigh(page, site_url + "http/headers/")
    assert not any(url.endswith("search_index.json") for url in weights)
    with page.expect_response(lambda response: response.url.endswith("search/search_index.json")) as index:
        page.keyboard.press("/")  # Material's shortcut: focus the search field
    assert index.value.ok
    assert len(gzip.compress(index.value.body(), 6)) <= SEARCH_INDEX_BUDGET
    page.keyboard.type("쿠키")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for()

    # A link with a query (?q=...) opens the search with it, so the index comes at once.
    with page.expect_response(lambda response: response.url.endswith("search/search_index.json")):
        page.goto(site_url + "http/headers/?q=" + quote("세션"))
    page.locator(".md-search-result__item").first.wait_for()


def test_a_diagram_below_the_first_screen_waits_until_the_reader_moves(page, site_url):
    # The deploy chapter's diagram starts just below the first screen of a phone.
    page.set_viewport_size({"width": 412, "height": 823})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "project/12-deploy/")
    page.wait_for_load_state("networkidle")
    top = page.evaluate("document.querySelector('pre.mermaid').getBoundingClientRect().top")
    assert 823 < top < 2 * 823, top
    page.wait_for_timeout(500)
    assert not any(url.endswith(".mjs") for url in requested), requested
    assert page.locator("pre.mermaid").count() >= 1
    page.mouse.wheel(0, 200)  # still above the diagram, which is now less than a screen away
    page.locator("div.mermaid").first.wait_for(timeout=30_000)
    assert any(url.endswith("/mermaid/mermaid.esm.min.mjs") for url in requested), requested


def test_mermaid_is_loaded_only_by_pages_with_a_diagram(page, site_url):
    without = load_and_weigh(page, site_url + "http/headers/")
    assert not any("mermaid" in url for url in without), sorted(without)
    assert page.evaluate("typeof window.mermaid") == "undefined"

    # On a diagram page, only the small stand-in loads with the page; its diagram is far
    # below the first screen, so Mermaid itself comes when the reader scrolls to it.
    with_diagram = load_and_weigh(page, site_url + "http/messages/")
    assert any(url.endswith("/mermaid-lazy.js") for url in with_diagram)
    assert not any(url.endswith(".mjs") for url in with_diagram), sorted(with_diagram)
    assert page.evaluate("typeof window.mermaid") == "object"
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    assert draw_diagrams(page) >= 1
    assert any(url.endswith("/mermaid/mermaid.esm.min.mjs") for url in requested), requested
    assert page.locator("div.mermaid").count() >= 1
