"""Chapter 1: the factory, configuration classes, secrets from the environment."""

import pytest

from studynotes import create_app
from studynotes.chapters import CHAPTERS, LAST_CHAPTER, files_up_to, modules_up_to
from .project_helpers import PROJECT


@pytest.mark.parametrize("chapter", range(1, LAST_CHAPTER + 1))
def test_every_chapter_state_starts(make_app, chapter):
    app = make_app(chapter)
    response = app.test_client().get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "chapter": chapter}
    assert app.config["FEATURES"] == frozenset(modules_up_to(chapter))


def test_chapter_one_has_only_health(make_app):
    client = make_app(1).test_client()
    assert client.get("/").status_code == 404


def test_chapter_table_lists_existing_files_once():
    files = files_up_to(LAST_CHAPTER)
    assert len(files) == len(set(files))
    assert [row.number for row in CHAPTERS] == list(range(1, LAST_CHAPTER + 1))
    for path in files:
        assert (PROJECT / path).is_file(), path
    package = {p.relative_to(PROJECT).as_posix() for p in (PROJECT / "studynotes").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert package <= set(files), package - set(files)


def test_unknown_chapter_is_refused():
    with pytest.raises(ValueError):
        create_app("testing", chapter=13)


def test_secret_key_must_come_from_environment(monkeypatch):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production", chapter=1)
    monkeypatch.setenv("FLASK_SECRET_KEY", "from-the-environment")
    app = create_app("production", chapter=1)
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.debug is False


def test_debug_mode_is_refused_in_production(monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "x")
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="debug"):
        create_app("production", chapter=1)


def test_prefixed_environment_overrides_class_defaults(monkeypatch):
    monkeypatch.setenv("FLASK_NOTES_PER_PAGE", "25")  # parsed as JSON: an int
    app = create_app("development", chapter=1)
    assert app.config["NOTES_PER_PAGE"] == 25
    assert app.config["SECRET_KEY"] == "dev-only-not-a-secret"


def test_unknown_config_name_is_refused():
    with pytest.raises(RuntimeError, match="unknown configuration"):
        create_app("staging", chapter=1)


def test_flask_cli_finds_the_factory():
    import os
    import subprocess
    import sys

    env = dict(os.environ, FLASK_CHAPTER="2")  # from_prefixed_env: CHAPTER = 2
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "studynotes", "routes"],
                            cwd=PROJECT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "main.about" in result.stdout and "/health" in result.stdout
    assert "notes." not in result.stdout
