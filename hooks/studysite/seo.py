"""What search engines read: robots.txt, sitemap dates and JSON-LD (no MkDocs import).

- `robots_txt`: every crawler may read everything; the sitemap's address is given in full.
- The sitemap (MkDocs' own `sitemap.xml` template) writes each page's `update_date` as
  `<lastmod>`. MkDocs sets it to the build date on every page; the adapter (hooks/seo.py) sets
  it to the same git date the page shows (page_dates).
- `structured_data`: schema.org JSON-LD for a page, a `TechArticle` in Korean for notes and
  reference pages (a `BlogPosting` for the study log's posts, a `WebSite` for the home page) and
  a `BreadcrumbList` from the navigation. `json_ld` makes it safe inside
  `<script type="application/ld+json">`: `<`, `>` and `&` are written as JSON escapes, so no
  value (a title with `</script>`, say) can end the element or open a comment. The type is
  not executable, so the Content-Security-Policy neither needs nor gets a hash for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

LANGUAGE = "ko"


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str | None


@dataclass(frozen=True)
class PageFacts:
    """What a page's JSON-LD says, gathered by the adapter from MkDocs' page and navigation."""

    kind: str  # "home", "post" or "article"
    title: str
    url: str | None
    description: str = ""
    modified: str | None = None  # ISO 8601 with offset
    published: str | None = None
    keywords: tuple[str, ...] = ()
    crumbs: tuple[Crumb, ...] = field(default_factory=tuple)


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url}sitemap.xml"]
    return "\n".join(lines) + "\n"


def structured_data(facts: PageFacts, *, site_name: str, site_url: str | None) -> dict:
    """The JSON-LD object of one page: its main entity and, below the home page, breadcrumbs."""
    website = {"@type": "WebSite", "name": site_name, "inLanguage": LANGUAGE}
    if site_url:
        website["url"] = site_url
    if facts.kind == "home":
        graph = [dict(website, description=facts.description) if facts.description else website]
        return {"@context": "https://schema.org", "@graph": graph}

    main = {
        "@type": "BlogPosting" if facts.kind == "post" else "TechArticle",
        "headline": facts.title,
        "name": facts.title,
        "inLanguage": LANGUAGE,
        "isPartOf": website,
    }
    if facts.url:
        main["url"] = facts.url
        main["mainEntityOfPage"] = facts.url
    if facts.description:
        main["description"] = facts.description
    if facts.published:
        main["datePublished"] = facts.published
    if facts.modified:
        main["dateModified"] = facts.modified
    if facts.keywords:
        main["keywords"] = list(facts.keywords)
    graph = [main]
    if facts.crumbs:
        items = []
        for position, crumb in enumerate(facts.crumbs, start=1):
            item = {"@type": "ListItem", "position": position, "name": crumb.name}
            if crumb.url:
                item["item"] = crumb.url
            items.append(item)
        graph.append({"@type": "BreadcrumbList", "itemListElement": items})
    return {"@context": "https://schema.org", "@graph": graph}


def json_ld(data: dict) -> str:
    """JSON text that is inert inside a `<script>` element: no `<`, `>` or `&` appears raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def breadcrumbs(home: Crumb, ancestors: list[Crumb], page: Crumb) -> tuple[Crumb, ...]:
    """Home, then the sections above the page (outermost first), then the page itself.

    A section leads to its first page. Where that is the address of the crumb before it (a
    section whose first entry is a section again), the outer name is kept and the address
    is not listed twice; where it is the page itself (an index page), the page's name wins.
    """
    crumbs = [home]
    for crumb in ancestors:
        if crumb.url != crumbs[-1].url:
            crumbs.append(crumb)
    if page.url != crumbs[-1].url:
        crumbs.append(page)
    elif len(crumbs) > 1:
        crumbs[-1] = page
    return tuple(crumbs)
