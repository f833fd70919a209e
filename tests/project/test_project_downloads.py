"""Each chapter's download: deterministic, complete, and it runs on its own once unpacked."""

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from studysite.project_downloads import (DownloadError, archive_name, chapter_archive,
                                         download_files, load_chapter_table)

ROOT = Path(__file__).resolve().parents[2]
LAST = len(load_chapter_table(ROOT).CHAPTERS)

SMOKE = """
import sys
from pathlib import Path

for folder in sys.argv[1:]:  # one interpreter for all chapters: import each copy afresh
    for name in [m for m in sys.modules if m == "studynotes" or m.startswith("studynotes.")]:
        del sys.modules[name]
    sys.path.insert(0, folder)
    from studynotes import create_app
    import studynotes
    assert Path(studynotes.__file__).parent.parent == Path(folder), studynotes.__file__
    chapter = int(folder[-2:])
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/app.db",
                                 "UPLOAD_FOLDER": folder})
    assert app.config["CHAPTER"] == chapter, app.config["CHAPTER"]
    client = app.test_client()
    assert client.get("/health").get_json() == {"status": "ok", "chapter": chapter}
    if chapter >= 4:
        from flask_migrate import upgrade
        with app.app_context():
            upgrade()
        assert client.get("/notes/").status_code == 200
    sys.path.remove(folder)
    print("ok", chapter)
"""


def test_zips_are_deterministic_and_named_by_chapter():
    first, second = download_files(ROOT), download_files(ROOT)
    assert first == second
    assert sorted(first) == [f"project/downloads/{archive_name(n)}" for n in range(1, LAST + 1)]


def test_zip_holds_the_chapter_files_only():
    names = zipfile.ZipFile(io.BytesIO(chapter_archive(ROOT, 3))).namelist()
    assert "studynotes-ch03/studynotes/filters.py" in names
    assert "studynotes-ch03/studynotes/_edition.py" in names
    assert not any("models.py" in name or "migrations" in name for name in names)
    info = zipfile.ZipFile(io.BytesIO(chapter_archive(ROOT, 3))).getinfo("studynotes-ch03/README.md")
    assert info.date_time == (2026, 1, 1, 0, 0, 0)


@pytest.mark.build  # starts Python on each unpacked download: a slow integration test, out of the fast loop
def test_every_chapter_zip_runs_on_its_own(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLASK_")}
    folders = []
    for chapter in range(1, LAST + 1):
        with zipfile.ZipFile(io.BytesIO(chapter_archive(ROOT, chapter))) as archive:
            archive.extractall(tmp_path)
        folders.append(str(tmp_path / archive_name(chapter).removesuffix(".zip")))
    result = subprocess.run([sys.executable, "-c", SMOKE, *folders], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-1000:] + result.stderr[-3000:]
    assert result.stdout.split("\n")[:-1] == [f"ok {n}" for n in range(1, LAST + 1)]


def test_missing_file_in_the_table_is_one_line(tmp_path):
    table = load_chapter_table(ROOT)

    class Broken:
        CHAPTERS = table.CHAPTERS

        @staticmethod
        def files_up_to(chapter):
            return ["studynotes/nope.py"]

    with pytest.raises(DownloadError) as error:
        chapter_archive(ROOT, 1, Broken)
    assert str(error.value) == ("examples/project/studynotes/chapters.py: files: "
                                "no file 'studynotes/nope.py' in examples/project")


@pytest.mark.build
def test_built_site_serves_the_zips(built_site):
    for chapter in (1, LAST):
        zip_path = built_site / "project" / "downloads" / archive_name(chapter)
        assert zip_path.read_bytes() == chapter_archive(ROOT, chapter)
    page = (built_site / "project" / "01-setup" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/studynotes-ch01.zip"' in page


def test_the_table_is_read_not_run(tmp_path):
    """The build reads the literal rows; code in chapters.py (untrusted input) never runs."""
    table = tmp_path / "examples/project/studynotes/chapters.py"
    table.parent.mkdir(parents=True)
    marker = tmp_path / "ran"
    table.write_text(
        f"open({str(marker)!r}, 'w').close()\n"
        "CHAPTERS = (\n    Chapter(1, 'setup', '준비', ('health',), ('README.md',)),\n)\n",
        encoding="utf-8",
    )
    assert load_chapter_table(tmp_path).files_up_to(1) == ["README.md"]
    assert not marker.exists()


def test_a_row_that_is_not_literal_is_one_line(tmp_path):
    table = tmp_path / "examples/project/studynotes/chapters.py"
    table.parent.mkdir(parents=True)
    table.write_text("CHAPTERS = (\n    Chapter(1, 's', 't', (), files()),\n)\n", encoding="utf-8")
    with pytest.raises(DownloadError) as error:
        load_chapter_table(tmp_path)
    assert str(error.value).startswith("examples/project/studynotes/chapters.py:2: CHAPTERS: expected")
