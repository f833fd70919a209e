"""MkDocs hook: "마지막 수정" dates from git history.

One `git log` per build (`on_pre_build`); each page's date goes into `page.meta.revision_date`,
the slot Material's `partials/source-file.html` shows. The work is in `studysite.page_dates`.
"""

from __future__ import annotations

from studysite.page_dates import read_git_dates, revision_date
from studysite.paths import project_root
from studysite.state import build_state


def on_pre_build(config) -> None:
    build_state(config).git_dates = read_git_dates(project_root(config))


def on_page_markdown(markdown: str, page, config, files) -> None:
    dates = build_state(config).git_dates
    if not dates or "revision_date" in page.meta:
        return
    if found := revision_date(dates, project_root(config), config.docs_dir, page.file):
        page.meta["revision_date"], page.meta["revision_datetime"] = found
