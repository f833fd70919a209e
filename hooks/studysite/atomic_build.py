"""MkDocs hook: a failed build leaves the previous site directory exactly as it was.

MkDocs 1.6 empties `site_dir` right after `on_pre_build` and, in strict mode, aborts only
after every page has been written, so a build that fails half-way (or on warnings) would
leave a broken or mixed site behind. This hook points `config.site_dir` at a fresh sibling
folder for the duration of the build and moves it into place only when the build has
succeeded; on failure the folder is removed and the old site is untouched.

Event order in `mkdocs.commands.build.build` (1.6.1): on_config, on_pre_build, clean,
on_files ... on_post_build, then the strict-mode check raises `Abort`, then
`on_build_error` on any failure. Nothing runs after a successful strict check, so
`on_post_build` (scheduled last) asks the strict-mode warning counter whether the build is
about to be aborted. The swap happens per build, so `mkdocs serve` (which builds into its
own temporary folder, once per change) keeps the last good build too, and `on_serve` lets
the dev server go on serving it while a rebuild fails.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.atomic_build")

# Prefixes of the folders this hook creates next to the site directory.
BUILDING = ".building-"
REPLACED = ".replaced-"

# State of the build in progress: (config, final site_dir, temporary site_dir). Module
# globals are fine: a process runs one build at a time, and `mkdocs serve` reuses this module.
_pending: tuple[MkDocsConfig, str, str] | None = None
_dirty = False


def start(site_dir: str | os.PathLike) -> str:
    """Create and return an empty folder next to `site_dir` to build into."""
    target = Path(site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Same parent, so the final move is a rename on one file system, not a copy.
    return tempfile.mkdtemp(prefix=f".{target.name}{BUILDING}", dir=target.parent)


def finish(site_dir: str | os.PathLike, built: str | os.PathLike) -> None:
    """Put the finished build `built` in place of `site_dir` (which may not exist yet)."""
    target, built = Path(site_dir), Path(built)
    old = None
    if target.exists() or target.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}{REPLACED}", dir=target.parent))
        old.rmdir()
        target.rename(old)
    # Between the two renames the site is missing for an instant; a reader never sees a
    # half-written one, which is what matters.
    built.rename(target)
    if old is not None:
        _remove(old)


def abandon(built: str | os.PathLike) -> None:
    """Remove an unfinished build."""
    _remove(Path(built))


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def strict_mode_will_abort() -> bool:
    """True when MkDocs counted warnings in strict mode and is about to abort the build.

    `build()` attaches a `CountHandler` to the `mkdocs` logger only in strict mode and
    raises `Abort` right after `on_post_build` if it counted anything.
    """
    from mkdocs.utils import CountHandler

    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    # A dirty build updates the existing site in place; building elsewhere would defeat it.
    _dirty = dirty


@event_priority(100)  # Before any other plugin reads site_dir.
def on_config(config: MkDocsConfig) -> None:
    global _pending
    _cleanup()
    if _dirty:
        return
    final = config.site_dir
    _pending = (config, final, start(final))
    config.site_dir = _pending[2]


@event_priority(-100)  # After every other plugin has written its files.
def on_post_build(config: MkDocsConfig) -> None:
    global _pending
    if _pending is None:
        return
    _, final, built = _pending
    config.site_dir = final
    _pending = None
    if strict_mode_will_abort():
        abandon(built)
        return
    finish(final, built)
    log.info(f"Moved the finished build into {final}")


def on_serve(server, config: MkDocsConfig, builder):
    """Keep serving the last good build while a rebuild fails.

    MkDocs' dev server otherwise holds every request until a rebuild succeeds ("The server
    will appear stuck until build errors are resolved"). A rebuild that failed cleanly
    (`Abort`: a PluginError, BuildError or strict-mode warnings, already logged) left the
    previous site untouched, so the server may go on serving it; any other exception keeps
    MkDocs' own handling, traceback included.
    """
    if _dirty:  # A dirty rebuild writes in place, so a failed one leaves a mixed site.
        return server
    rebuild = server.builder

    def rebuild_or_keep_last_good(*args, **kwargs):
        try:
            rebuild(*args, **kwargs)
        except Abort as error:
            log.error(f"{error} Still serving the last good build; save a fix to rebuild.")

    server.builder = rebuild_or_keep_last_good
    return server


def on_build_error(error: Exception) -> None:
    _cleanup()


def on_shutdown() -> None:
    # Interrupted builds (Ctrl-C) skip on_build_error.
    _cleanup()


def _cleanup() -> None:
    global _pending
    if _pending is not None:
        config, final, built = _pending
        config.site_dir = final
        abandon(built)
        _pending = None
