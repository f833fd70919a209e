"""Fixtures: a fresh app and database for every test, and a client that is logged in."""

import re

import pytest

from studynotes import create_app
from studynotes.extensions import db


# --8<-- [start:app]
@pytest.fixture
def app(tmp_path):
    app = create_app("testing", {"UPLOAD_FOLDER": str(tmp_path)})
    with app.app_context():
        db.create_all()  # in-memory SQLite: empty for every test
    yield app


@pytest.fixture
def client(app):
    return app.test_client()
# --8<-- [end:app]


# --8<-- [start:csrf]
CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*?value="([^"]+)"')


def csrf_token(client, url: str) -> str:
    """Read the hidden CSRF field the way a browser gets it: from the page's HTML."""
    match = CSRF_FIELD.search(client.get(url).get_data(as_text=True))
    assert match, f"no CSRF field on {url}"
    return match.group(1)
# --8<-- [end:csrf]


# --8<-- [start:login]
class AuthActions:
    def __init__(self, client):
        self.client = client

    def signup(self, username="alice", password="correct horse battery"):
        return self.client.post("/auth/signup", data={
            "csrf_token": csrf_token(self.client, "/auth/signup"),
            "username": username, "password": password, "confirm": password})

    def login(self, username="alice", password="correct horse battery"):
        return self.client.post("/auth/login", data={
            "csrf_token": csrf_token(self.client, "/auth/login"),
            "username": username, "password": password})


@pytest.fixture
def auth(client):
    return AuthActions(client)
# --8<-- [end:login]
