"""Small JSON caches under .cache/ that survive between builds (pure code: no MkDocs import).

A cache file holds a version string and a table of entries. A file of another version, or one
that is missing or broken, reads as empty, so changing what is cached only needs a new version.
The cache must never break a build: an entry that is not of the shape its user expects (a
`valid` predicate) is discarded and computed again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path


def digest(*parts: str | bytes) -> str:
    """A cache key of `parts` (each length-prefixed, so no two lists of parts give one text)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", errors="surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_parts(data: dict):
    """The compact JSON of `data`, in pieces of at most one value of a nested table.

    A cache of every page's HTML is tens of MiB; encoded in one piece, the text, the encoder's
    pieces and the bytes were three copies of it at the end of a build. The pieces join to what
    json.dumps gives for the whole (keys are strings, so each encodes on its own the same way).
    """
    yield "{"
    for i, (key, value) in enumerate(data.items()):
        yield ("," if i else "") + _compact(key) + ":"
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            yield "{"
            for j, (inner_key, inner) in enumerate(value.items()):
                yield ("," if j else "") + _compact(inner_key) + ":" + _compact(inner)
            yield "}"
        else:
            yield _compact(value)
    yield "}"


def write_json(path: Path, data: dict) -> None:
    """Write compact JSON atomically (a temporary file, then a rename), a table entry at a time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    if not all(isinstance(key, str) for key in data):
        temporary.write_text(_compact(data), encoding="utf-8")
    else:
        with temporary.open("w", encoding="utf-8") as file:
            file.writelines(_json_parts(data))
    temporary.replace(path)


def read_json(path: Path | None, version: str) -> dict:
    """The JSON cache at `path`, or {} if it is missing, broken or of another version."""
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError, RecursionError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == version else {}


class BuildCache:
    """Key -> JSON value, stored in `path` under "entries".

    `save` keeps only the entries looked up or stored since loading (those of the current
    build), so the file does not grow with deleted or edited pages, and writes only if that
    changed anything.
    """

    def __init__(self, path: Path | None, version: str, valid: Callable[[object], bool] | None = None):
        self.path = path
        self.version = version
        self.valid = valid
        entries = read_json(path, version).get("entries", {})
        self.entries: dict = entries if isinstance(entries, dict) else {}
        self.seen: set[str] = set()
        self.added = 0  # entries stored (not found) since loading

    def get(self, key: str):
        found = self.entries.get(key)
        if found is not None and self.valid is not None and not self.valid(found):
            del self.entries[key]
            return None
        if found is not None:
            self.seen.add(key)
        return found

    def put(self, key: str, value) -> None:
        self.entries[key] = value
        self.seen.add(key)
        self.added += 1

    def offer(self, key: str, value) -> bool:
        """Store an entry made elsewhere (studysite.render_ahead) unless one is there: it is kept
        only if this build looks it up."""
        if key in self.entries:
            return False
        self.entries[key] = value
        self.added += 1
        return True

    @property
    def changed(self) -> bool:
        return bool(self.added) or len(self.seen) != len(self.entries)

    def save(self, keep_unseen: bool = False) -> None:
        """Write the entries of this build; with `keep_unseen` (a build of only some pages), all."""
        if self.path is None or not (self.added if keep_unseen else self.changed):
            return
        kept = self.entries if keep_unseen else {k: self.entries[k] for k in self.seen}
        try:
            write_json(self.path, {"version": self.version, "entries": dict(sorted(kept.items()))})
        except OSError:
            pass  # a cache that cannot be written is only slower next time, never a failed build
