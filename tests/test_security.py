"""Security: escaping of data fields, the Content-Security-Policy, external links, pins.

Unit tests call the pure functions of hooks/studysite/security.py; the built-site tests read the
session build; the browser tests load pages in the system Chromium and listen for CSP
violations; one extra build of a project copy whose data carries XSS payloads checks that
they render as inert text.
"""

import functools
import json
import re
import shutil
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from browser import draw_diagrams
from conftest import ROOT, build_ok

sys.path.insert(0, str(ROOT / "hooks"))

from studysite import security  # noqa: E402
from studysite.record_schema import Field, _problem_with  # noqa: E402

SITE_HOST = urlsplit(
    re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE).group(1)
).hostname

# --- pure functions --------------------------------------------------------------------


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_unsafe_link_loses_its_href_and_keeps_its_text(href):
    source = f'<p><a href="{href}" title="t">보기</a></p>'
    result, removed = security.harden_links(source, SITE_HOST)
    assert result == '<p><a title="t">보기</a></p>'
    assert len(removed) == 1


@pytest.mark.parametrize(
    "href",
    ["../http/", "#top", "status/404/", "https://example.github.io/flask-web-study/", "mailto:a@example.com"],
)
def test_internal_and_mail_links_are_left_alone(href):
    source = f'<a href="{href}" class="x">t</a>'
    assert security.harden_links(source, SITE_HOST) == (source, [])


def test_external_link_gets_noopener_and_no_target():
    source = '<a href="https://www.rfc-editor.org/rfc/rfc9110#section-9.3.1" target="_blank">RFC</a>'
    result, _ = security.harden_links(source, SITE_HOST)
    assert result == '<a href="https://www.rfc-editor.org/rfc/rfc9110#section-9.3.1" rel="noopener">RFC</a>'


def test_external_link_keeps_its_rel_values():
    source = '<a href="//github.com/x/edit/main/a.md" rel="edit" title="a &amp; b">e</a>'
    result, _ = security.harden_links(source, SITE_HOST)
    assert result == '<a href="//github.com/x/edit/main/a.md" title="a &amp; b" rel="edit noopener">e</a>'


@pytest.mark.parametrize("source, expected", [
    # Attributes before the href: the fast path must still see an unsafe or external one.
    ('<a class="headerlink" href="javascript:x()" aria-label="링크">¶</a>',
     '<a class="headerlink" aria-label="링크">¶</a>'),
    ('<a id="l1" name="l1" href="https://evil.example/">1</a>',
     '<a id="l1" name="l1" href="https://evil.example/" rel="noopener">1</a>'),
    # A second href is never taken for plain.
    ('<a class="x" href="../a/" href="javascript:x()">t</a>', '<a class="x">t</a>'),
    ('<A CLASS="x" HREF="javascript:x()">t</A>', '<a class="x">t</A>'),
    # Plain relative links with attributes before the href are left exactly as written.
    ('<a id="__codelineno-0-1" name="__codelineno-0-1" href="#__codelineno-0-1"></a>',
     '<a id="__codelineno-0-1" name="__codelineno-0-1" href="#__codelineno-0-1"></a>'),
    ('<a class="md-nav__link" title="a > b" href="../http/">HTTP</a>',
     '<a class="md-nav__link" title="a > b" href="../http/">HTTP</a>'),
])
def test_links_with_attributes_before_the_href(source, expected):
    assert security.harden_links(source, SITE_HOST)[0] == expected


def test_a_quoted_angle_bracket_does_not_end_the_tag():
    source = '<a title="a > b" href="javascript:x()">t</a>'
    assert security.harden_links(source, SITE_HOST)[0] == '<a title="a &gt; b">t</a>'


def test_links_inside_escaped_code_are_untouched():
    source = '<code>&lt;a href="javascript:x()"&gt;</code>'
    assert security.harden_links(source, SITE_HOST) == (source, [])


def test_only_theme_scripts_are_hashed():
    patterns = security.template_script_patterns(security.material_template_dirs())
    theme_script = (
        '__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
    )
    page = (
        f"<script>{theme_script}</script>"
        "<script>window.injected=1</script>"
        '<script id="__config" type="application/json">{}</script>'
        '<script src="x.js"></script>'
    )
    hashes = security.script_hashes(page, patterns)
    import base64
    import hashlib

    expected = base64.b64encode(hashlib.sha256(theme_script.encode()).digest()).decode()
    assert hashes == [f"'sha256-{expected}'"]


def test_fill_csp_replaces_the_placeholder_in_the_first_policy_only():
    meta = f'{security.CSP_META}script-src \'self\' {security.HASHES_PLACEHOLDER}; object-src \'none\'">'
    page = meta + "<p>" + security.HASHES_PLACEHOLDER + "</p>"
    result = security.fill_csp(page, ["'sha256-AAA='", "'sha256-BBB='"])
    assert result.startswith(f"{security.CSP_META}script-src 'self' 'sha256-AAA=' 'sha256-BBB='; object-src 'none'\">")
    assert result.endswith("<p>" + security.HASHES_PLACEHOLDER + "</p>")


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "http://www.rfc-editor.org/rfc/rfc9110", "https://x/\"><script>", "data:,x"]
)
def test_record_schema_rejects_non_https_spec_urls(url):
    assert "malformed URL" in _problem_with(url, Field("spec_url", "url"))


# --- the built site --------------------------------------------------------------------


def html_pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_every_page_starts_with_a_filled_policy(built_site):
    for path in html_pages(built_site):
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        policy_at = head.find(security.CSP_META)
        assert policy_at != -1, path
        first_script = head.find("<script")
        assert first_script == -1 or policy_at < first_script, path
        assert security.HASHES_PLACEHOLDER not in text, path
        # The charset must still be declared within the first 1024 bytes.
        assert text.encode("utf-8").find(b'<meta charset="utf-8">') < 1024, path
        policy = head[policy_at:].split('"')[3]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], path
        assert "unsafe-eval" not in policy, path


def external_links(site: Path):
    """(page, tag, href) for every link that leaves the site."""
    for path in html_pages(site):
        for match in security.A_TAG.finditer(path.read_text(encoding="utf-8")):
            attrs = dict(security._attributes(match.group(0)))
            href = attrs.get("href") or ""
            if (security.url_scheme(href) or href.startswith("//")) and urlsplit(href).hostname != SITE_HOST:
                yield path.relative_to(site), attrs, href


def test_every_external_link_is_https_with_noopener(built_site):
    links = list(external_links(built_site))
    assert len(links) > 100  # RFC links, the repository link, edit buttons
    for page, attrs, href in links:
        # mailto: links are not used on this site; if one is added, decide about it here.
        assert urlsplit(href).scheme == "https", (page, href)
        assert "noopener" in (attrs.get("rel") or "").split(), (page, href)
        assert "target" not in attrs, (page, href)


def test_no_page_links_to_a_script_url(built_site):
    for path in html_pages(built_site):
        for match in security.A_TAG.finditer(path.read_text(encoding="utf-8")):
            href = dict(security._attributes(match.group(0))).get("href")
            assert href is None or security.url_scheme(href) in ("", "http", "https", "mailto"), (path, href)


# --- the browser -----------------------------------------------------------------------

# Records CSP violations from the first byte on, and opens Material's closed shadow roots so
# that the Mermaid diagram can be waited for. Waits use selectors, never wait_for_function:
# Playwright polls a function with `new Function`, which the policy itself would block.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
  document.documentElement.dataset.cspViolations = window.__cspViolations.length;
});
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attachShadow.call(this, { ...init, mode: 'open' }); };
"""


def page_types(site: Path) -> dict[str, str]:
    """One page of each kind, as paths under the site; glossary and tags once they exist."""
    mermaid = next(
        p for p in html_pages(site) if 'class="mermaid"' in p.read_text(encoding="utf-8") and "log" not in p.parts
    )
    post = next(p for p in (site / "log").rglob("index.html") if re.search(r"log/\d{4}/\d\d/\d\d/", p.as_posix()))
    pages = {
        "home": "",
        "note with a Mermaid diagram": mermaid.parent.relative_to(site).as_posix() + "/",
        "status page": "reference/status/404/",
        "status overview": "reference/status/",
        "method overview": "reference/methods/",
        "blog index": "log/",
        "blog post": post.parent.relative_to(site).as_posix() + "/",
        "404": "404.html",
    }
    for name, candidates in {"tags": ("tags/",), "glossary": ("glossary/", "reference/glossary/")}.items():
        for candidate in candidates:
            if (site / candidate / "index.html").exists():
                pages[name] = candidate
    return pages


def visit(page, url):
    """Open `url` with CSP and console watching; return the console messages seen."""
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.add_init_script(WATCH_CSP)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return messages


def csp_messages(messages):
    return [m for m in messages if "Content Security Policy" in m or "Content-Security-Policy" in m]


def test_no_policy_violation_on_any_page_type(built_site, site_url, page):
    types = page_types(built_site)
    for name, path in types.items():
        messages = visit(page, site_url + path)
        if name == "note with a Mermaid diagram":
            assert draw_diagrams(page) >= 1
            page.wait_for_selector(".mermaid svg")
        assert page.evaluate("window.__cspViolations") == [], name
        if name == "home":
            # The search runs in a Web Worker: load the index and render results.
            page.locator("input[data-md-component=search-query]").click()
            page.locator(".md-search-result__meta", has_text="검색어를 입력하세요").wait_for()
            page.fill("input[data-md-component=search-query]", "쿠키")
            page.press("input[data-md-component=search-query]", "End")
            page.wait_for_selector(".md-search-result__item")
        assert page.evaluate("window.__cspViolations") == [], name
        assert csp_messages(messages) == [], name
    assert page.foreign_requests == []


def test_the_policy_is_enforced(site_url, page):
    """A negative control: an inline script added to a page is blocked and reported."""
    visit(page, site_url)
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
        " document.body.append(s); }"
    )
    page.wait_for_selector("html[data-csp-violations]", state="attached")
    assert page.evaluate("window.__ran") is None
    assert page.evaluate("window.__cspViolations")[0].startswith("script-src")


# --- XSS payloads in the data, through a real build ------------------------------------

# A Markdown link to `javascript:` in a data field is refused by the build (hooks/untrusted.py;
# tests/test_hostile_input.py), so it is not part of this payload, which must build.
PAYLOAD = (
    "MARKQ<script>window.__xss=1;alert(1)</script>"
    '"><img src=x onerror="window.__xss=2;alert(2)">'
    "'\"><svg onload=alert(4)></title>"
)
HEADER_PAYLOAD = '"><img src=x onerror=alert(5)>'


def add_payloads(project: Path):
    """Put the payload into every text field of status 404 and method GET."""
    status_path = project / "data/status_codes.yml"
    codes = yaml.safe_load(status_path.read_text(encoding="utf-8"))
    for record in codes:
        if record["code"] == 404:
            for key in ("summary", "plain", "title_ko", "phrase"):
                record[key] += " " + PAYLOAD
            record["description"] += "\n" + PAYLOAD + "\n"
            record["flask"] = (record.get("flask") or "") + "# " + PAYLOAD + "\n"
            record["headers"] = list(record["headers"]) + [HEADER_PAYLOAD]
    status_path.write_text(yaml.safe_dump(codes, allow_unicode=True, sort_keys=False), encoding="utf-8")

    methods_path = project / "data/methods.yml"
    methods = yaml.safe_load(methods_path.read_text(encoding="utf-8"))
    for record in methods:
        if record["method"] == "GET":
            for key in ("summary", "plain", "title_ko", "request_body", "response_body"):
                record[key] += " " + PAYLOAD
            record["description"] += "\n" + PAYLOAD + "\n"
            record["flask"] += "# " + PAYLOAD + "\n"
            record["example_request"] += "X-Note: " + PAYLOAD + "\n"
    methods_path.write_text(yaml.safe_dump(methods, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    """The one extra build: a project copy whose reference data carries XSS payloads."""
    project = tmp_path_factory.mktemp("payload") / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "docs", "data", "examples"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    add_payloads(project)
    return build_ok(project.parent / "site", project / "mkdocs.yml")


@contextmanager
def serve(directory: Path):
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


PAYLOAD_PAGES = ("reference/status/404/", "reference/methods/get/", "reference/status/", "reference/methods/")


def test_payloads_are_escaped_in_the_html(payload_site):
    for path in PAYLOAD_PAGES:
        text = (payload_site / path / "index.html").read_text(encoding="utf-8")
        assert "MARKQ&lt;script&gt;" in text, path
        for raw in ("<script>window.__xss", "<img src=x", "<svg onload", 'href="javascript:'):
            assert raw not in text, (path, raw)


def test_payloads_render_as_text_and_never_run(payload_site, browser):
    with serve(payload_site) as base:
        for path in PAYLOAD_PAGES:
            tab = browser.new_page()
            dialogs = []
            tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            try:
                visit(tab, base + path)
                assert dialogs == [], path
                assert tab.evaluate("window.__xss") is None, path
                assert tab.locator("img[src=x], svg[onload], a[href^=javascript]").count() == 0, path
                text = tab.locator("article").inner_text()
                assert "MARKQ<script>window.__xss=1;alert(1)</script>" in text, path
            finally:
                tab.close()
        tab = browser.new_page()
        dialogs = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            visit(tab, base + "reference/status/404/")
            assert "MARKQ<script>" in tab.title()
            description = tab.locator('meta[name="description"]').get_attribute("content")
            assert description.endswith(PAYLOAD)
            assert HEADER_PAYLOAD in tab.locator("article").inner_text()
            # Search results are drawn from the index in the browser: the payload stays text there too.
            search = tab.locator("input[data-md-component=search-query]")
            search.click()
            tab.locator(".md-search-result__meta", has_text="검색어를 입력하세요").wait_for()
            search.fill("MARKQ")
            search.press("End")
            tab.locator(".md-search-result__item").first.wait_for()
            results = tab.locator(".md-search-result").inner_text()
            assert "MARKQ" in results and "<script>window.__xss=1;alert(1)</script>" in results
            assert dialogs == []
            assert tab.evaluate("window.__xss") is None
            assert tab.locator("img[src=x], svg[onload]").count() == 0
        finally:
            tab.close()


# --- pinned dependencies ---------------------------------------------------------------

PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[0-9][0-9A-Za-z.+!-]*$")


@pytest.mark.parametrize("path", sorted(ROOT.glob("requirements*.txt")), ids=lambda p: p.name)
def test_requirements_are_pinned_exactly(path):
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries
    for line in entries:
        assert PIN.match(line) or re.fullmatch(r"-r \S+\.txt", line), f"{path.name}: {line!r} is not name==version"


def test_package_json_versions_are_exact():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    versions = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert versions
    for name, version in versions.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"package.json: {name} {version!r} is not exact"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in versions.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name


def test_dependabot_watches_every_manifest():
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update["directory"] for update in config["updates"]}
    assert ecosystems == {"pip": "/", "npm": "/", "github-actions": "/"}


def test_a_kept_policy_gives_the_page_that_checking_it_again_gives(tmp_path, monkeypatch):
    patterns = security.template_script_patterns(security.material_template_dirs())
    path = tmp_path / ".cache/html-policy/pages.json"
    page = (
        f"<head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' {security.HASHES_PLACEHOLDER}\">"
        '<script>__md_scope=new URL("../..",location)</script></head>'
        '<a href="javascript:x()">x</a> <a href="../a/">a</a> <a href="https://www.rfc-editor.org/rfc/rfc9110">RFC</a>'
    )
    expected = {serving: security.PolicyCache(path, patterns).secured(page, SITE_HOST, serving) for serving in (False, True)}
    first = security.PolicyCache(path, patterns)
    assert first.secured(page, SITE_HOST, False) == expected[False]
    assert first.secured(page, SITE_HOST, True) == expected[True]
    first.save()
    assert expected[False][1] == ["javascript:x()"] and 'rel="noopener"' in expected[False][0]
    assert "'unsafe-inline'" in expected[True][0] and "'unsafe-inline'" not in expected[False][0]

    monkeypatch.setattr(security, "link_edits", lambda *args: pytest.fail("checked again"))
    again = security.PolicyCache(path, patterns)
    assert again.secured(page, SITE_HOST, False) == expected[False]  # the dropped href is reported again
    assert again.secured(page, SITE_HOST, True) == expected[True]
    # Other HTML, another host or other rules: checked again.
    for cache, html, host in ((again, page + " ", SITE_HOST), (again, page, "other.example"),
                              (security.PolicyCache(path, patterns[:-1]), page, SITE_HOST)):
        with pytest.raises(pytest.fail.Exception, match="checked again"):
            cache.secured(html, host, False)
