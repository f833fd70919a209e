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
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.atomic_build")

# Prefixes of the folders this hook creates next to the site directory.
BUILDING = ".building-"
REPLACED = ".replaced-"

# State of the build in progress: (config, final site_dir, temporary site_dir). Module
# globals are fine: a process runs one build at a time, and `mkdocs serve` reuses this module.
_pending: tuple[MkDocsConfig, str, str] | None = None
_dirty = False


def real_site_dir(site_dir: str | os.PathLike) -> Path:
    """The folder to replace: a site directory that is a symbolic link is kept as a link, and
    the folder it points to is replaced (a deployment that links `site` to a served folder
    keeps working)."""
    target = Path(site_dir)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(site_dir: str | os.PathLike) -> list[str]:
    """Remove the folders that builds killed by SIGTERM or SIGKILL left next to `site_dir`.

    Folder names carry the process id of their build; one whose process is gone is stale.
    """
    target = real_site_dir(site_dir)
    removed = []
    if not target.parent.is_dir():
        return removed
    for path in target.parent.iterdir():
        for mark in (BUILDING, REPLACED):
            prefix = f".{target.name}{mark}"
            if path.name.startswith(prefix):
                pid = path.name[len(prefix):].split("-", 1)[0]
                if not (pid.isdigit() and _alive(int(pid))) and not path.is_symlink():
                    _remove(path)
                    removed.append(path.name)
    return removed


def start(site_dir: str | os.PathLike) -> str:
    """Create and return an empty folder next to `site_dir` to build into."""
    target = real_site_dir(site_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    # Same parent, so the final move is a rename on one file system, not a copy.
    return tempfile.mkdtemp(prefix=f".{target.name}{BUILDING}{os.getpid()}-", dir=target.parent)


def _site_mode(target: Path) -> int:
    """The permissions the site directory keeps: its own, or the default for a new folder."""
    if target.is_dir():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def finish(site_dir: str | os.PathLike, built: str | os.PathLike) -> None:
    """Put the finished build `built` in place of `site_dir` (which may not exist yet).

    The new folder gets the old one's permissions (`mkdtemp` makes it 0700, which a web
    server running as another user could not read).
    """
    target, built = real_site_dir(site_dir), Path(built)
    os.chmod(built, _site_mode(target))
    old = None
    if target.exists() or target.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}{REPLACED}{os.getpid()}-", dir=target.parent))
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
    ProperDocs, the maintained fork, attaches its own `CountHandler` to the `properdocs`
    logger: both loggers are asked for a handler of that name.
    """
    handlers = logging.getLogger("mkdocs").handlers + logging.getLogger("properdocs").handlers
    return any(type(h).__name__ == "CountHandler" and h.get_counts() for h in handlers)


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
    will appear stuck until build errors are resolved"). A failed rebuild left the previous
    site untouched (it was built in a temporary folder), so the server goes on serving it,
    whatever the failure: `Abort` (a PluginError, BuildError or strict-mode warnings, already
    logged) or any other exception, logged here without a traceback.
    """
    # A dirty rebuild writes in place, so a failed one may leave the preview partly updated;
    # it is still served (and says so) rather than hanging every request.
    still = "Still serving the site, partly updated" if _dirty else "Still serving the last good build"
    rebuild = server.builder

    def rebuild_or_keep_last_good(*args, **kwargs):
        try:
            rebuild(*args, **kwargs)
        except Abort as error:
            log.error(f"{error} {still}; save a fix to rebuild.")
        except Exception as error:  # noqa: BLE001 - the dev server must survive any failure
            text = "\n".join(line[:400] for line in (str(error).strip() or "no message").splitlines()[:40])
            name = "" if isinstance(error, MkDocsException) else f"{type(error).__name__}: "
            log.error(f"{name}{text}\n{still}; save a fix to rebuild.")

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
