"""The study log's Atom feed (no MkDocs import).

Why not `mkdocs-rss-plugin` 1.19.0: it would make `properdocs` (a second MkDocs distribution
with its own command, whose presence changes Material's start-up notice) and GitPython,
requests and CacheControl requirements of building the site, it writes RSS 2.0 and JSON Feed
but not Atom, and it reads dates through its own git calls per page. The feed needs none of that: the posts' dates are in their front
matter and the pages' git dates are already known (page_dates). One Jinja2 template with
autoescaping writes the XML, so a title with `<`, `&` or `"` stays text.

Dates are in Korea Standard Time: a post dated `2019-05-18` was published at midnight in
Seoul, `2019-05-18T00:00:00+09:00` (the blog plugin itself reads a bare date as UTC midnight,
which is 09:00 in Seoul and would be wrong by nine hours).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from studysite.page_dates import SEOUL

FEED_PATH = "feed.xml"


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    published: datetime
    updated: datetime
    summary: str
    categories: tuple[str, ...] = ()


def seoul_datetime(value) -> datetime | None:
    """A front-matter date or date-time as an aware datetime in Seoul time, or None.

    A bare date is midnight in Seoul; a naive date-time is taken as Seoul time; an aware one
    keeps its instant and is shown with the Seoul offset.
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=SEOUL) if value.tzinfo is None else value.astimezone(SEOUL)
    if isinstance(value, date):
        return datetime.combine(value, time(), SEOUL)
    if isinstance(value, str):
        try:
            return seoul_datetime(datetime.fromisoformat(value))
        except ValueError:
            return None
    return None


def post_dates(meta_date, revision_iso: str | None) -> tuple[datetime, datetime] | None:
    """(published, updated) of a post from its front matter `date` and its git date.

    `date` is a date, a date-time, or `{created: ..., updated: ...}` as the blog plugin allows.
    Updated is the front matter's `updated`, else the git date, never before publication.
    """
    created = updated = None
    if isinstance(meta_date, dict):
        created, updated = seoul_datetime(meta_date.get("created")), seoul_datetime(meta_date.get("updated"))
    else:
        created = seoul_datetime(meta_date)
    if created is None:
        return None
    updated = updated or seoul_datetime(revision_iso) or created
    return created, max(created, updated)


def make_environment(templates: Path) -> Environment:
    """The templates in `templates` (`studysite.paths.machine_templates_dir(config)`: overrides/machine)."""
    return Environment(
        loader=FileSystemLoader(templates),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


def atom_feed(env: Environment, *, site_name: str, author: str, site_url: str, entries: list[Entry]) -> str:
    """The Atom document (RFC 4287) for `entries`, newest first."""
    entries = sorted(entries, key=lambda e: (e.published, e.url), reverse=True)
    updated = max((e.updated for e in entries), default=None)
    return env.get_template("atom.xml.j2").render(
        site_name=site_name,
        author=author,
        site_url=site_url,
        feed_url=site_url + FEED_PATH,
        updated=(updated or datetime(1970, 1, 1, tzinfo=SEOUL)).isoformat(),
        entries=[dict(entry.__dict__, published=entry.published.isoformat(), updated=entry.updated.isoformat()) for entry in entries],
    )
