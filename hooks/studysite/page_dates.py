"""Dates for "마지막 수정" from git history (the work behind `hooks/page_dates.py`).

One `git log` per build reads the commit time of every file; each page then looks its
source file up in that table. A generated reference page has no file in `docs/`: its edit
link points at the data file it was built from, and that file's date is the page's date.
Files git does not know (new, uncommitted) and builds without git get no date, silently:
a missing date is not a reason to fail a strict build.

The date goes into `page.meta.revision_date`, the slot Material's `partials/source-file.html`
already shows under the page, so no template is copied. An explicit `revision_date` in
front matter wins.
"""

from __future__ import annotations

import logging
import posixpath
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.page_dates")

# Korea Standard Time has been UTC+9 without daylight saving since 1988, so a fixed offset
# is exact for every commit this site can have and needs no tz database (absent on Windows).
SEOUL = timezone(timedelta(hours=9), "KST")

# Each commit starts with a NUL byte and its committer time; file names follow, one a line.
GIT_LOG = ["git", "-c", "core.quotepath=off", "log", "--relative", "--format=%x00%ct", "--name-only"]

def parse_git_log(output: str) -> dict[str, int]:
    """Map each path in `git log --format=%x00%ct --name-only` output to its newest commit time."""
    dates: dict[str, int] = {}
    current: int | None = None
    for line in output.splitlines():
        if line.startswith("\0"):
            current = int(line[1:])
        elif line and current is not None and current > dates.get(line, -1):
            dates[line] = current
    return dates


def read_git_dates(root: Path) -> dict[str, int]:
    """Commit times of all files under `root` (paths relative to it); {} without git history."""
    try:
        result = subprocess.run(GIT_LOG, cwd=root, capture_output=True, text=True, encoding="utf-8", check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        # Not a repository, git not installed, or an unsafe-directory refusal: build without dates.
        log.info("page_dates: no git history (%s); pages show no last-modified date", error)
        return {}
    return parse_git_log(result.stdout)


def korean_date(timestamp: int) -> str:
    """A Unix time as a Korean calendar date in Seoul time, e.g. "2026년 11월 24일"."""
    moment = datetime.fromtimestamp(timestamp, SEOUL)
    return f"{moment.year}년 {moment.month}월 {moment.day}일"


def iso_datetime(timestamp: int) -> str:
    """A Unix time as ISO 8601 with the Seoul offset, for machine-readable metadata."""
    return datetime.fromtimestamp(timestamp, SEOUL).isoformat()


def source_path(docs_dir: str, src_uri: str, edit_uri: str | None, generated: bool) -> str:
    """The repository path (relative to the project root) whose history dates a page.

    `docs_dir` is relative to the project root. A generated page is dated by the file its
    edit link points at (e.g. "../data/status_codes.yml" from docs/ is data/status_codes.yml).
    """
    relative = edit_uri if generated and edit_uri else src_uri
    return posixpath.normpath(posixpath.join(docs_dir, relative))


def page_date(dates: dict[str, int], path: str) -> tuple[str, str] | None:
    """(Korean date, ISO date-time) for `path`, or None when git has no record of it."""
    timestamp = dates.get(path)
    if timestamp is None:
        return None
    return korean_date(timestamp), iso_datetime(timestamp)


def revision_date(dates: dict[str, int], root: Path, docs_dir: str, file) -> tuple[str, str] | None:
    """(Korean date, ISO date-time) for the page of MkDocs `file`, or None without a git record."""
    try:
        docs = Path(docs_dir).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    return page_date(dates, source_path(docs, file.src_uri, file.edit_uri, file.generated_by is not None))
