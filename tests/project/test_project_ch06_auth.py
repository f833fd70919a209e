"""Chapter 6: sign-up, hashed passwords, Flask-Login, remember-me, cookie flags, logout by POST."""

from sqlalchemy import select

from studynotes.auth import safe_next
from studynotes.extensions import db
from studynotes.models import User
from .project_helpers import create_note, csrf_from, login, signup

PASSWORD = "correct horse battery"


def test_password_is_stored_hashed(make_app):
    app = make_app(6)
    response = signup(app.test_client())
    assert response.status_code == 303
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "alice"))
        assert PASSWORD not in user.password_hash
        assert user.password_hash.startswith("scrypt:")  # method$salt$hash
        assert user.check_password(PASSWORD) and not user.check_password("wrong")
        other = User(username="bob")
        other.set_password(PASSWORD)
        assert other.password_hash != user.password_hash  # a new salt every time


def test_signup_validation(make_app):
    client = make_app(6).test_client()
    token = csrf_from(client, "/auth/signup")
    short = client.post("/auth/signup", data={"csrf_token": token, "username": "Al",
                                              "password": "short", "confirm": "other"})
    assert short.status_code == 422
    html = short.get_data(as_text=True)
    assert "3~40자" in html and "10자 이상" in html and "두 비밀번호가 다릅니다." in html
    signup(client)
    client.post("/auth/logout", data={"csrf_token": csrf_from(client, "/")})
    again = signup(client)
    assert again.status_code == 422 and "이미 쓰이는 아이디" in again.get_data(as_text=True)


def test_login_and_cookie_flags(make_app):
    app = make_app(6)
    signup(app.test_client())
    client = app.test_client()
    wrong = login(client, password="wrong password")
    assert wrong.status_code == 422
    assert "아이디 또는 비밀번호가 맞지 않습니다." in wrong.get_data(as_text=True)
    ok = login(client, remember=True)
    assert ok.status_code == 303
    cookies = ok.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("session="))
    remember = next(c for c in cookies if c.startswith("remember_token="))
    assert "HttpOnly" in session and "SameSite=Lax" in session
    assert "HttpOnly" in remember and "SameSite=Lax" in remember and "Expires=" in remember
    assert "Secure" not in session  # the testing config runs on plain http://localhost


def test_production_cookies_are_secure(make_app, monkeypatch):
    monkeypatch.setenv("FLASK_SECRET_KEY", "x")
    from studynotes import create_app

    app = create_app("production", {"SQLALCHEMY_DATABASE_URI": "sqlite://"}, chapter=6)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]


def test_login_required_redirects_with_next(make_app):
    client = make_app(6).test_client()
    response = client.get("/notes/new")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=%2Fnotes%2Fnew"
    token = csrf_from(client, "/auth/signup")
    client.post("/auth/signup", data={"csrf_token": token, "username": "alice",
                                      "password": PASSWORD, "confirm": PASSWORD})
    client.post("/auth/logout", data={"csrf_token": csrf_from(client, "/")})
    token = csrf_from(client, "/auth/login")
    back = client.post("/auth/login?next=/notes/new",
                       data={"csrf_token": token, "username": "alice", "password": PASSWORD})
    assert back.headers["Location"] == "/notes/new"


def test_safe_next(make_app):
    with make_app(6).test_request_context():
        assert safe_next("/notes/3") == "/notes/3"
        for bad in ("https://evil.example/", "//evil.example/", None, "javascript:alert(1)"):
            assert safe_next(bad) == "/notes/"


def test_logout_only_by_post_with_token(make_app):
    client = make_app(6).test_client()
    signup(client)
    assert client.get("/auth/logout").status_code == 405
    assert client.post("/auth/logout").status_code == 400  # no CSRF token
    response = client.post("/auth/logout", data={"csrf_token": csrf_from(client, "/")})
    assert response.status_code == 303
    assert client.get("/notes/new").status_code == 302  # logged out


def test_notes_belong_to_the_logged_in_user(make_app):
    client = make_app(6).test_client()
    signup(client)
    create_note(client)
    assert "alice" in client.get("/notes/1").get_data(as_text=True)
