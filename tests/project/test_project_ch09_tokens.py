"""Chapter 9: bearer tokens (signed, expiring), 401 + WWW-Authenticate, 429 + Retry-After."""

import base64

from studynotes.ratelimit import FixedWindowLimiter
from .project_helpers import api_login, assert_problem, signup

NOTE = {"title": "토큰", "body": "Bearer로 보냅니다."}
PASSWORD = "correct horse battery"


def basic(username="alice", password=PASSWORD) -> dict:
    pair = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {pair}"}


def get_token(client, **kwargs) -> str:
    response = client.post("/api/tokens", headers=basic(**kwargs))
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600
    return body["access_token"]


def test_token_then_bearer_write_without_csrf(make_app):
    app = make_app(9)
    signup(app.test_client())
    client = app.test_client()  # no cookies at all
    token = get_token(client)
    response = client.post("/api/notes", json=NOTE, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201
    assert response.get_json()["author"] == "alice"


def test_wrong_password_401_with_basic_challenge(make_app):
    app = make_app(9)
    signup(app.test_client())
    response = app.test_client().post("/api/tokens", headers=basic(password="nope"))
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"] == 'Basic realm="studynotes", charset="UTF-8"'


def test_missing_or_bad_token_401_with_bearer_challenge(make_app):
    app = make_app(9)
    signup(app.test_client())
    client = app.test_client()
    missing = client.post("/api/notes", json=NOTE)
    assert_problem(missing, 401)
    assert missing.headers["WWW-Authenticate"] == 'Bearer realm="studynotes"'
    forged = client.post("/api/notes", json=NOTE, headers={"Authorization": "Bearer abc.def.ghi"})
    assert_problem(forged, 401)
    assert 'error="invalid_token"' in forged.headers["WWW-Authenticate"]


def test_expired_token(make_app):
    app = make_app(9, API_TOKEN_MAX_AGE=-1)  # every token is already too old
    signup(app.test_client())
    client = app.test_client()
    token = client.post("/api/tokens", headers=basic()).get_json()["access_token"]
    body = assert_problem(client.get("/api/notes", headers={"Authorization": f"Bearer {token}"}), 401)
    assert body["detail"] == "토큰이 만료되었습니다."


def test_session_writes_still_need_csrf(make_app):
    client, csrf = api_login(make_app(9))
    assert_problem(client.post("/api/notes", json=NOTE), 400)
    assert client.post("/api/notes", json=NOTE, headers=csrf).status_code == 201
    assert client.post("/auth/logout").status_code == 400  # forms too


def test_rate_limit_429_with_retry_after(make_app):
    app = make_app(9, TOKEN_RATE_LIMIT=(3, 60))
    signup(app.test_client())
    client = app.test_client()
    for _ in range(3):
        client.post("/api/tokens", headers=basic(password="guess"))
    response = client.post("/api/tokens", headers=basic())
    body = assert_problem(response, 429)
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert "잠시 뒤" in body["detail"]


def test_limiter_window():
    now = [0.0]
    limiter = FixedWindowLimiter(2, 10, clock=lambda: now[0])
    assert limiter.hit("a") == 0 and limiter.hit("a") == 0
    assert limiter.hit("a") == 10
    assert limiter.hit("b") == 0  # another client has its own count
    now[0] = 7.5
    assert limiter.hit("a") == 3  # seconds until the window ends, rounded up
    now[0] = 10.0
    assert limiter.hit("a") == 0
