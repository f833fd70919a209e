"""Fixtures for the Flask project track: the app as of any chapter, and logged-in clients."""

import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2] / "examples" / "project"
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from studynotes import create_app  # noqa: E402
from studynotes.chapters import LAST_CHAPTER  # noqa: E402


@pytest.fixture
def make_app(tmp_path):
    """make_app(chapter, **config): a fresh testing app as of that chapter, tables created."""

    def make(chapter: int = LAST_CHAPTER, **config):
        config.setdefault("UPLOAD_FOLDER", str(tmp_path / "uploads"))
        (tmp_path / "uploads").mkdir(exist_ok=True)
        app = create_app("testing", config, chapter=chapter)
        if chapter >= 4:
            from studynotes.extensions import db

            with app.app_context():
                db.create_all()
        return app

    return make
