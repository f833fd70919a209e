"""MkDocs hook: `llms.txt`, `llms-full.txt` and a Markdown copy of each listed page.

Thin adapter over `studysite.llms`. The sections follow the navigation (after the reference
pages are placed in it); pages outside the navigation (the study log's posts) come last, under
"Optional" as llmstxt.org names what may be skipped. Only pages with a `description` are listed.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from studysite.llms import Link, llms_full, llms_txt, make_environment, markdown_copy

ROOT = Path(__file__).resolve().parent.parent
START = "시작"
OPTIONAL = "Optional"
TEMPLATE = "machine/llms.txt.j2"

_nav: Navigation | None = None
_files: Files | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The template sits in the theme folder, which MkDocs would copy into the site.
    if template := files.get_file_from_path(TEMPLATE):
        files.remove(template)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav, _files
    _nav, _files = nav, files
    return nav


def _pages(item) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    return [page for child in (item.children or []) for page in _pages(child)]


def _sections(nav: Navigation, files: Files) -> list[tuple[str, list[Page]]]:
    sections: list[tuple[str, list[Page]]] = [(START, [])]
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


def on_post_build(config: MkDocsConfig) -> None:
    if _nav is None or _files is None or not config.site_url:
        return
    site = Path(config.site_dir)
    sections, copies = [], []
    for title, pages in _sections(_nav, _files):
        links = []
        for page in pages:
            src_uri = page.file.src_uri
            copy = markdown_copy(page.file.content_string, ROOT)
            target = site / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")
            url = config.site_url + src_uri
            links.append(Link(str(page.title or src_uri), url, str(page.meta.get("description") or "")))
            copies.append((url, copy))
        sections.append((title, links))
    description = config.site_description or ""
    (site / "llms.txt").write_text(
        llms_txt(make_environment(), site_name=config.site_name, description=description, site_url=config.site_url, sections=sections),
        encoding="utf-8",
    )
    (site / "llms-full.txt").write_text(
        llms_full(site_name=config.site_name, description=description, pages=copies), encoding="utf-8"
    )
