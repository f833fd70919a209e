"""Tests for the HTML side: login, CSRF, Post/Redirect/Get."""

from sqlalchemy import select

from studynotes.extensions import db
from studynotes.models import User

from conftest import csrf_token


# --8<-- [start:basic]
def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_new_note_requires_login(client):
    response = client.get("/notes/new")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")
# --8<-- [end:basic]


# --8<-- [start:hash]
def test_password_is_not_stored(app, auth):
    auth.signup(password="correct horse battery")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "alice"))
    assert "correct horse battery" not in user.password_hash
# --8<-- [end:hash]


# --8<-- [start:csrf-test]
def test_form_without_csrf_token_is_rejected(client, auth):
    auth.signup()
    response = client.post("/notes/new", data={"title": "t", "body": "b"})
    assert response.status_code == 400


def test_create_note_redirects_with_303(client, auth):
    auth.signup()
    response = client.post("/notes/new", data={
        "csrf_token": csrf_token(client, "/notes/new"),
        "title": "테스트 노트", "body": "내용", "tags": "pytest", "is_public": "y"})
    assert response.status_code == 303
    follow = client.get(response.headers["Location"])
    assert "테스트 노트" in follow.get_data(as_text=True)
# --8<-- [end:csrf-test]
