"""The Korean search fields of a build, made in a second process beside the pages (pure code: no
MkDocs import).

A build without caches analyses every word of the site with kiwipiepy, and the fields of every
search entry (morpheme forms, aliases, title keys: `korean_morphs.entry_fields`) took about a
sixth of the build of 1,000 notes, all of it after the last page was written. Loading the model
also put about 300 MiB on top of every page the build holds in memory. An entry's fields depend
on its title and text alone, so `mkdocs build` hands each page's entries to a FieldWorker as
soon as the search plugin has made them. The worker, a process of its own, makes their fields on
the second core while the build goes on with the next pages, and returns them all when the
pages are done. The model is loaded in the worker only, and goes when the worker ends.

The worker reads and writes the same caches as the build would (`.cache/korean-search/`), so a
build with the worker and one without it give the same index and leave the same caches. If the
worker cannot start or stops, the build makes the fields itself (`korean_search.worker_fields`).
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
from pathlib import Path

import studysite
from studysite.korean_morphs import Analyser, entry_fields, field_caches
from studysite.search_aliases import Aliases

PACKAGE_PARENT = Path(studysite.__path__[0]).parent  # the folder that holds `studysite`
# Only what entry_fields reads of an entry goes to the worker.
SENT_KEYS = ("title", "text")


class WorkerError(Exception):
    """The worker stopped or failed (one line, for the build's log)."""


class FieldWorker:
    """A process that makes the fields of the search entries it is sent, in the order sent.

    `send` never waits for the worker: the worker reads every message as it arrives (a reader
    thread), so the build is not held up while the worker analyses. `finish` waits for the
    fields of everything sent, in order; `close` stops the worker at any time.
    """

    def __init__(self, root: Path, separator: str, aliases: Aliases, dirty: bool = False):
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no copy of the build's memory
        self._connection, child = context.Pipe()
        self._process = context.Process(
            target=serve, args=(child, str(root), separator, aliases.groups, dirty),
            name="korean-search-fields", daemon=True,
        )
        # MkDocs puts hooks/ on sys.path only while it imports a hook; the new interpreter needs it
        # to import this module, and takes sys.path as it is at start().
        saved = sys.path[:]
        sys.path.insert(0, str(PACKAGE_PARENT))
        try:
            self._process.start()
        finally:
            sys.path[:] = saved
        child.close()
        self.sent = 0  # entries sent

    def send(self, docs: list[dict]) -> None:
        if docs:
            self.sent += len(docs)
            try:
                self._connection.send(("docs", [{key: doc.get(key, "") for key in SENT_KEYS} for doc in docs]))
            except OSError:
                pass  # the worker is gone: `finish` says so

    def finish(self) -> tuple[list[dict[str, str]], int]:
        """The fields of every entry sent, in order, and how many words were analysed."""
        try:
            self._connection.send(("finish", None))
            kind, *payload = self._connection.recv()
        except (EOFError, OSError):
            self._process.join(5)
            raise WorkerError(f"the search field process stopped (exit code {self._process.exitcode})") from None
        finally:
            self.close()
        if kind == "error":
            raise WorkerError(payload[0])
        fields, analysed = payload
        if len(fields) != self.sent:
            raise WorkerError(f"the search field process returned {len(fields)} entries for {self.sent}")
        return fields, analysed

    def close(self) -> None:
        self._connection.close()
        self._process.join(5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def loads_model_early(morphs, entries) -> bool:
    """Whether the worker loads the model before the first page arrives.

    A build without caches needs it for its first page, so it loads while the build is still
    converting pages and has sent none. With the word cache, most builds need no model: after an
    edit of the alias table the entry cache is empty, but every word is known; a new word loads
    the model when it comes.
    """
    return not entries.entries and not morphs.words


def serve(connection, root: str, separator: str, groups, dirty: bool) -> None:
    """The worker: make fields for each batch of entries as it arrives; on `finish`, save the
    caches and send back all the fields."""
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                message = connection.recv()
                inbox.put(message)
                if message[0] == "finish":
                    return
        except (EOFError, OSError):
            inbox.put(("gone", None))  # the build ended without asking for the fields

    threading.Thread(target=read, daemon=True).start()
    try:
        aliases = Aliases(groups)
        morphs, entries = field_caches(Path(root), aliases)
        analyser = Analyser(morphs)
        if loads_model_early(morphs, entries):
            analyser.load_model()
        fields: list[dict[str, str]] = []
        while True:
            kind, docs = inbox.get()
            if kind == "docs":
                fields += entry_fields(docs, separator, analyser, entry_cache=entries, aliases=aliases)
                continue
            if kind == "finish":
                if analyser.analysed:
                    morphs.save()
                entries.save(keep_unseen=dirty)  # a dirty build has the entries of the rebuilt pages only
                connection.send(("fields", fields, analyser.analysed))
            return
    except Exception as error:  # noqa: BLE001 - any failure is told to the build, which makes the fields itself
        try:
            connection.send(("error", f"the search field process failed: {type(error).__name__}: {error}"))
        except OSError:
            pass
