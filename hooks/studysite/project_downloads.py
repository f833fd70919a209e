"""The Flask project track's downloads: a zip of the app as of each chapter.

The chapter table in `examples/project/studynotes/chapters.py` says which files each chapter
adds; the zip of chapter N holds the files of chapters 1..N plus a generated
`studynotes/_edition.py` that makes `create_app()` build the app as of chapter N. Entries have
a fixed timestamp and mode, so the same sources always give the same bytes.

The table is read, not run: `examples/` is untrusted input like every file a pull request can
change, so the build takes the literal `Chapter(...)` rows of `CHAPTERS` from the syntax tree and
executes none of the file.
"""

from __future__ import annotations

import ast
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path("examples") / "project"
CHAPTER_TABLE = PROJECT_DIR / "studynotes" / "chapters.py"
DOWNLOAD_DIR = "project/downloads"
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
EDITION = '"""Generated for this download: create_app() builds the app as of chapter {n}."""\n\nCHAPTER = {n}\n'


class DownloadError(ValueError):
    """A chapter table that names a file the project does not have (one line, file: problem)."""


@dataclass(frozen=True)
class Row:
    number: int
    files: tuple[str, ...]


@dataclass(frozen=True)
class ChapterTable:
    CHAPTERS: tuple[Row, ...]

    def files_up_to(self, chapter: int) -> list[str]:
        return [path for row in self.CHAPTERS[:chapter] for path in row.files]


def load_chapter_table(root: Path) -> ChapterTable:
    """The rows of `CHAPTERS` in chapters.py: literal `Chapter(number, slug, title, modules, files)` calls."""
    where = CHAPTER_TABLE.as_posix()
    path = root / CHAPTER_TABLE
    if not path.is_file():
        raise DownloadError(f"{where}: missing: the chapter table")
    try:
        tree = ast.parse(path.read_bytes(), filename=where)
    except (SyntaxError, ValueError) as error:
        raise DownloadError(f"{where}:{getattr(error, 'lineno', None) or 1}: file: not valid Python") from None
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "CHAPTERS" and isinstance(node.value, ast.Tuple):
            return ChapterTable(tuple(_row(call, where) for call in node.value.elts))
    raise DownloadError(f"{where}: CHAPTERS: no literal tuple of Chapter(...) rows")


def _row(call: ast.expr, where: str) -> Row:
    line = getattr(call, "lineno", 1)
    try:
        if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "Chapter") or len(call.args) != 5:
            raise ValueError
        number, files = ast.literal_eval(call.args[0]), ast.literal_eval(call.args[4])
        if not isinstance(number, int) or not all(isinstance(f, str) for f in files):
            raise ValueError
    except (ValueError, TypeError, SyntaxError, RecursionError):
        raise DownloadError(f"{where}:{line}: CHAPTERS: expected Chapter(number, slug, title, modules, files) with literal values") from None
    return Row(number, tuple(files))


def archive_name(chapter: int) -> str:
    return f"studynotes-ch{chapter:02d}.zip"


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, so the mode above is read
    return info


def chapter_archive(root: Path, chapter: int, table=None) -> bytes:
    """The zip of the project as of `chapter`, inside one folder named like the zip."""
    table = table or load_chapter_table(root)
    project = (root / PROJECT_DIR).resolve()
    folder = archive_name(chapter).removesuffix(".zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for relative in table.files_up_to(chapter):
            source = (project / relative).resolve()
            if not source.is_relative_to(project) or not source.is_file():
                raise DownloadError(
                    f"{CHAPTER_TABLE.as_posix()}: files: no file '{relative}' in {PROJECT_DIR.as_posix()}")
            archive.writestr(_entry(f"{folder}/{relative}"), source.read_bytes())
        archive.writestr(_entry(f"{folder}/studynotes/_edition.py"), EDITION.format(n=chapter))
    return buffer.getvalue()


def add_downloads(files, config, root: Path):
    """Add every chapter's zip to the site's files (replacing a file of the same path).

    The only MkDocs-facing function here; `download_files` and `chapter_archive` need no MkDocs.
    """
    from mkdocs.structure.files import File

    for uri, content in download_files(root).items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files


def download_files(root: Path) -> dict[str, bytes]:
    """Site path -> zip bytes, one per chapter."""
    table = load_chapter_table(root)
    return {f"{DOWNLOAD_DIR}/{archive_name(row.number)}": chapter_archive(root, row.number, table)
            for row in table.CHAPTERS}
