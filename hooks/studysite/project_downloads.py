"""The Flask project track's downloads: a zip of the app as of each chapter.

The chapter table in `examples/project/studynotes/chapters.py` says which files each chapter
adds; the zip of chapter N holds the files of chapters 1..N plus a generated
`studynotes/_edition.py` that makes `create_app()` build the app as of chapter N. Entries have
a fixed timestamp and mode, so the same sources always give the same bytes.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

PROJECT_DIR = Path("examples") / "project"
CHAPTER_TABLE = PROJECT_DIR / "studynotes" / "chapters.py"
DOWNLOAD_DIR = "project/downloads"
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
EDITION = '"""Generated for this download: create_app() builds the app as of chapter {n}."""\n\nCHAPTER = {n}\n'


class DownloadError(ValueError):
    """A chapter table that names a file the project does not have (one line, file: problem)."""


def load_chapter_table(root: Path):
    """Import chapters.py on its own (it needs nothing but the standard library)."""
    path = root / CHAPTER_TABLE
    if not path.is_file():
        raise DownloadError(f"{CHAPTER_TABLE.as_posix()}: missing: the chapter table")
    spec = importlib.util.spec_from_file_location("studynotes_chapter_table", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def download_files(root: Path) -> dict[str, bytes]:
    """Site path -> zip bytes, one per chapter."""
    table = load_chapter_table(root)
    return {f"{DOWNLOAD_DIR}/{archive_name(row.number)}": chapter_archive(root, row.number, table)
            for row in table.CHAPTERS}
