"""The machine-readable side of the build: the Atom feed, llms.txt, robots.txt, sitemap dates and
JSON-LD (the MkDocs-facing part behind `hooks/feeds.py`, `hooks/llms.py` and `hooks/seo.py`).

`feeds`, `llms` and `seo` render; this module reads what they need from MkDocs' pages and the
navigation, and writes their files into the site.
"""

from __future__ import annotations

from pathlib import Path

from material.plugins.blog.structure import Post
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from studysite import feeds, llms, seo
from studysite.paths import machine_templates_dir, project_root
from studysite.reference_pages import labels
from studysite.state import BuildState
from studysite.untrusted import plain_text

FEED_TEMPLATE = "machine/atom.xml.j2"
LLMS_TEMPLATE = "machine/llms.txt.j2"
OPTIONAL = "Optional"  # llmstxt.org's name for what may be skipped


def remove_template(files: Files, src_uri: str) -> None:
    """A template sits in the theme folder, which MkDocs would copy into the site."""
    if template := files.get_file_from_path(src_uri):
        files.remove(template)


# --- the Atom feed ------------------------------------------------------------------------------


def add_feed_entry(page, state: BuildState) -> None:
    """Remember a published post of the study log for the feed."""
    if not (isinstance(page, Post) and not page.config.draft and page.canonical_url):
        return
    dates = feeds.post_dates(page.meta.get("date"), page.meta.get("revision_datetime"))
    if dates:
        categories = page.meta.get("categories") or []
        state.feed_entries[page.file.src_uri] = feeds.Entry(
            title=plain_text(page.title, html=True),
            url=page.canonical_url,
            published=dates[0],
            updated=dates[1],
            summary=plain_text(page.meta.get("description")),
            categories=tuple(str(c) for c in categories if isinstance(c, str)),
        )


def write_feed(config, state: BuildState) -> None:
    if not config.site_url:
        return
    feed = feeds.atom_feed(
        feeds.make_environment(machine_templates_dir(config)),
        site_name=plain_text(config.site_name),
        author=plain_text(config.site_author or config.site_name),
        site_url=config.site_url,
        entries=list(state.feed_entries.values()),
    )
    Path(config.site_dir, feeds.FEED_PATH).write_text(feed, encoding="utf-8")


# --- llms.txt -----------------------------------------------------------------------------------


def _pages(item) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    return [page for child in (item.children or []) for page in _pages(child)]


def llms_sections(nav, files: Files, start: str) -> list[tuple[str, list[Page]]]:
    """`start` (the top-level pages), the navigation's sections, then the pages outside it under
    "Optional"; pages with a description."""
    sections: list[tuple[str, list[Page]]] = [(start, [])]
    for item in nav.items:
        if isinstance(item, Page):
            sections[0][1].append(item)
        elif item.children:
            sections.append((item.title, _pages(item)))
    listed = {id(page) for _, pages in sections for page in pages}
    extra = [
        f.page for f in files.documentation_pages()
        if f.page is not None and id(f.page) not in listed and f.page.meta.get("description")
    ]
    if extra:
        sections.append((OPTIONAL, sorted(extra, key=lambda page: page.file.src_uri)))
    # Only pages with a one-line description are listed: every note and reference page has
    # one; the blog's generated archive and category pages have none and no content of their own.
    sections = [(title, [page for page in pages if page.meta.get("description")]) for title, pages in sections]
    return [(title, pages) for title, pages in sections if pages]


def write_llms(config, state: BuildState) -> None:
    if state.nav is None or state.files is None or not config.site_url:
        return
    site, root = Path(config.site_dir), project_root(config)
    sections, copies = [], []
    words = labels(state.reference_env, "llms")
    for title, pages in llms_sections(state.nav, state.files, words["start"]):
        links = []
        for page in pages:
            src_uri = page.file.src_uri
            copy = llms.markdown_copy(page.file.content_string, root)
            target = site / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")
            url = config.site_url + src_uri
            links.append(llms.Link(plain_text(page.title or src_uri, html=True), url, plain_text(page.meta.get("description"))))
            copies.append((url, copy))
        sections.append((title, links))
    description = plain_text(config.site_description)
    env = llms.make_environment(machine_templates_dir(config))
    (site / "llms.txt").write_text(
        llms.llms_txt(env, site_name=plain_text(config.site_name), description=description, site_url=config.site_url,
                      sections=sections),
        encoding="utf-8",
    )
    (site / "llms-full.txt").write_text(
        llms.llms_full(site_name=plain_text(config.site_name), description=description, pages=copies, source=words["source"]),
        encoding="utf-8",
    )


# --- robots.txt, sitemap dates, JSON-LD ---------------------------------------------------------


def use_git_date_in_sitemap(page) -> None:
    """MkDocs puts the build date in every page's <lastmod>; the page's git date belongs there.
    A page git does not know yet (new, uncommitted) keeps the build date."""
    if revision := page.meta.get("revision_datetime"):
        page.update_date = revision


def _first_page(item):
    while getattr(item, "children", None):
        item = item.children[0]
    return item


def _url(item) -> str | None:
    return getattr(_first_page(item), "canonical_url", None)


def structured_data(page, config, nav) -> str:
    """The page's JSON-LD (overrides/partials/reader-head.html writes it)."""
    meta = page.meta or {}
    title = plain_text(meta.get("title") or page.title or config.site_name, html=True)
    home = nav.homepage
    crumbs = ()
    if not page.is_homepage:
        crumbs = seo.breadcrumbs(
            seo.Crumb(plain_text(home.title if home else config.site_name, html=True), config.site_url or None),
            [seo.Crumb(plain_text(section.title, html=True), _url(section)) for section in reversed(page.ancestors)],
            seo.Crumb(title, page.canonical_url),
        )
    published = None
    if isinstance(page, Post) and (dates := feeds.post_dates(meta.get("date"), meta.get("revision_datetime"))):
        published = dates[0].isoformat()
    tags = meta.get("tags") or []
    facts = seo.PageFacts(
        kind="home" if page.is_homepage else "post" if isinstance(page, Post) else "article",
        title=title,
        url=page.canonical_url,
        description=plain_text(meta.get("description") or config.site_description),
        modified=meta.get("revision_datetime"),
        published=published,
        keywords=tuple(str(tag) for tag in tags if isinstance(tag, str)),
        crumbs=crumbs,
    )
    return seo.json_ld(seo.structured_data(facts, site_name=plain_text(config.site_name), site_url=config.site_url))


def write_robots(config) -> None:
    Path(config.site_dir, "robots.txt").write_text(seo.robots_txt(config.site_url), encoding="utf-8")
