"""Tests for the state-management examples (cookies, server-side sessions, JWT bearer tokens)."""

import base64
import datetime as dt
import json

import jwt
import pytest

HTTPS = "https://localhost"


def set_cookie_headers(response, name):
    return [h for h in response.headers.getlist("Set-Cookie") if h.startswith(name + "=")]


def cookie_attributes(header):
    """Split a Set-Cookie header into (name=value, {lower-case attribute: value})."""
    first, *rest = [part.strip() for part in header.split(";")]
    attrs = {}
    for part in rest:
        key, sep, value = part.partition("=")
        attrs[key.lower()] = value if sep else True
    return first, attrs


# --- cookies.py -------------------------------------------------------------------------


@pytest.fixture
def cookie_app(example):
    return example("examples/state/cookies.py").app


def test_cookie_set_with_all_attributes(cookie_app):
    client = cookie_app.test_client()
    response = client.post("/theme", data={"theme": "dark"}, base_url=HTTPS)
    assert response.status_code == 200
    headers = set_cookie_headers(response, "theme")
    assert len(headers) == 1
    pair, attrs = cookie_attributes(headers[0])
    assert pair == "theme=dark"
    assert attrs["max-age"] == str(7 * 24 * 60 * 60)
    assert "expires" in attrs  # Werkzeug also sends Expires for older clients
    assert attrs["path"] == "/"
    assert attrs["secure"] is True
    assert attrs["httponly"] is True
    assert attrs["samesite"] == "Lax"
    assert "domain" not in attrs  # host-only cookie


def test_cookie_is_sent_back_and_read(cookie_app):
    client = cookie_app.test_client()
    assert client.get("/", base_url=HTTPS).get_json() == {"theme": "light"}
    client.post("/theme", data={"theme": "dark"}, base_url=HTTPS)
    stored = client.get_cookie("theme", domain="localhost")
    assert stored is not None and stored.value == "dark"
    assert stored.secure and stored.http_only and stored.same_site == "Lax"
    assert client.get("/", base_url=HTTPS).get_json() == {"theme": "dark"}


def test_cookie_value_is_validated(cookie_app):
    client = cookie_app.test_client()
    response = client.post("/theme", data={"theme": "<script>"}, base_url=HTTPS)
    assert response.status_code == 400
    assert not set_cookie_headers(response, "theme")


def test_cookie_reset_expires_it(cookie_app):
    client = cookie_app.test_client()
    client.post("/theme", data={"theme": "dark"}, base_url=HTTPS)
    response = client.post("/theme/reset", base_url=HTTPS)
    pair, attrs = cookie_attributes(set_cookie_headers(response, "theme")[0])
    assert pair == "theme="
    assert attrs["max-age"] == "0"
    assert attrs["path"] == "/"
    assert client.get("/", base_url=HTTPS).get_json() == {"theme": "light"}


# --- server_session.py ------------------------------------------------------------------


@pytest.fixture
def session_module(example):
    return example("examples/state/server_session.py")


def login(client, password="wonderland"):
    return client.post(
        "/login", data={"username": "alice", "password": password}, base_url=HTTPS
    )


def sid_from(response):
    pair, attrs = cookie_attributes(set_cookie_headers(response, "sid")[0])
    return pair.partition("=")[2], attrs


def test_session_cookie_attributes(session_module):
    client = session_module.app.test_client()
    response = login(client)
    assert response.status_code == 200
    sid, attrs = sid_from(response)
    assert len(sid) >= 40  # token_urlsafe(32) -> 43 characters
    assert attrs["httponly"] is True and attrs["secure"] is True
    assert attrs["samesite"] == "Lax" and attrs["path"] == "/"
    # no Max-Age/Expires: a session cookie
    assert "max-age" not in attrs and "expires" not in attrs
    # the cookie holds only the id; the data lives on the server
    assert session_module.SESSIONS[sid]["user"] == "alice"
    assert "alice" not in sid


def test_session_survives_two_requests(session_module):
    client = session_module.app.test_client()
    login(client)
    first = client.get("/counter", base_url=HTTPS)
    second = client.get("/counter", base_url=HTTPS)
    assert first.status_code == second.status_code == 200
    assert first.get_json() == {"user": "alice", "count": 1}
    assert second.get_json() == {"user": "alice", "count": 2}


def test_no_session_and_forged_id_get_401(session_module):
    client = session_module.app.test_client()
    response = client.get("/counter", base_url=HTTPS)
    assert response.status_code == 401
    assert "WWW-Authenticate" in response.headers
    client.set_cookie("sid", "forged-session-id", domain="localhost")
    response = client.get("/counter", base_url=HTTPS)
    assert response.status_code == 401


def test_wrong_password_gets_401_without_cookie(session_module):
    client = session_module.app.test_client()
    response = login(client, password="wrong")
    assert response.status_code == 401
    assert not set_cookie_headers(response, "sid")


def test_login_issues_new_id_fixation_defence(session_module):
    client = session_module.app.test_client()
    # an attacker plants a known id before the victim logs in
    client.set_cookie("sid", "attacker-chosen-id", domain="localhost")
    response = login(client)
    new_sid, _ = sid_from(response)
    assert new_sid != "attacker-chosen-id"
    assert "attacker-chosen-id" not in session_module.SESSIONS

    # logging in again rotates the id and invalidates the previous one
    second_sid, _ = sid_from(login(client))
    assert second_sid != new_sid
    assert new_sid not in session_module.SESSIONS
    other = session_module.app.test_client()
    other.set_cookie("sid", new_sid, domain="localhost")
    assert other.get("/counter", base_url=HTTPS).status_code == 401


def test_logout_deletes_server_session(session_module):
    client = session_module.app.test_client()
    sid, _ = sid_from(login(client))
    response = client.post("/logout", base_url=HTTPS)
    assert response.status_code == 204
    _, attrs = cookie_attributes(set_cookie_headers(response, "sid")[0])
    assert attrs["max-age"] == "0"
    assert sid not in session_module.SESSIONS
    # replaying the old id (e.g. a stolen copy) no longer works
    replay = session_module.app.test_client()
    replay.set_cookie("sid", sid, domain="localhost")
    assert replay.get("/counter", base_url=HTTPS).status_code == 401


def test_idle_timeout_expires_session(session_module, monkeypatch):
    clock = [1_000_000.0]
    monkeypatch.setattr(session_module, "now", lambda: clock[0])
    client = session_module.app.test_client()
    login(client)
    assert client.get("/counter", base_url=HTTPS).status_code == 200
    clock[0] += session_module.IDLE_TIMEOUT + 1
    assert client.get("/counter", base_url=HTTPS).status_code == 401


# --- jwt_auth.py ------------------------------------------------------------------------


@pytest.fixture
def jwt_module(example):
    return example("examples/state/jwt_auth.py")


def get_token(client):
    response = client.post("/login", json={"username": "alice", "password": "wonderland"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    assert body["token_type"] == "Bearer"
    return body["access_token"]


def b64url_decode(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_token_structure(jwt_module):
    token = get_token(jwt_module.app.test_client())
    header, payload, signature = token.split(".")
    assert json.loads(b64url_decode(header)) == {"alg": "HS256", "typ": "JWT"}
    claims = json.loads(b64url_decode(payload))  # readable without the key: not encrypted
    assert claims["sub"] == "alice"
    assert claims["exp"] - claims["iat"] == 300
    assert signature


def test_valid_token_accepted(jwt_module):
    client = jwt_module.app.test_client()
    token = get_token(client)
    response = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.get_json()["user"] == "alice"


def test_missing_header_gets_401_without_error_code(jwt_module):
    response = jwt_module.app.test_client().get("/me")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="state-demo"'


def test_tampered_token_rejected(jwt_module):
    client = jwt_module.app.test_client()
    header, payload, signature = get_token(client).split(".")
    claims = json.loads(b64url_decode(payload))
    claims["sub"] = "admin"
    forged = ".".join([header, b64url_encode(json.dumps(claims).encode()), signature])
    response = client.get("/me", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("Bearer ")
    assert 'error="invalid_token"' in challenge


def test_token_signed_with_other_key_or_alg_none_rejected(jwt_module):
    client = jwt_module.app.test_client()
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"iss": jwt_module.ISSUER, "sub": "alice", "aud": jwt_module.AUDIENCE,
              "iat": now, "exp": now + dt.timedelta(minutes=5)}
    other_key = jwt.encode(claims, "another-secret-key-of-sufficient-length-0123456789", algorithm="HS256")
    unsigned = jwt.encode(claims, None, algorithm="none")
    for token in (other_key, unsigned):
        response = client.get("/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_expired_token_rejected(jwt_module):
    client = jwt_module.app.test_client()
    expired = jwt_module.issue_token("alice", ttl=dt.timedelta(seconds=-10))
    response = client.get("/me", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("Bearer ")
    assert 'error="invalid_token"' in challenge and "expired" in challenge


def test_scheme_is_case_insensitive_and_empty_token_is_400(jwt_module):
    client = jwt_module.app.test_client()
    token = get_token(client)
    assert client.get("/me", headers={"Authorization": f"bearer {token}"}).status_code == 200
    response = client.get("/me", headers={"Authorization": "Bearer "})
    assert response.status_code == 400
    assert 'error="invalid_request"' in response.headers["WWW-Authenticate"]


def test_wrong_password_no_token(jwt_module):
    response = jwt_module.app.test_client().post(
        "/login", json={"username": "alice", "password": "nope"}
    )
    assert response.status_code == 401
    assert "access_token" not in response.get_json()


# --- hsts.py ----------------------------------------------------------------------------


@pytest.fixture
def hsts_app(example):
    return example("examples/state/hsts.py").app


def test_plain_http_is_redirected_without_hsts(hsts_app):
    response = hsts_app.test_client().post("/?x=1", base_url="http://example.com")
    assert response.status_code == 308
    assert response.headers["Location"] == "https://example.com/?x=1"
    assert "Strict-Transport-Security" not in response.headers


def test_https_response_carries_hsts(hsts_app):
    response = hsts_app.test_client().get("/", base_url="https://example.com")
    assert response.status_code == 200
    assert response.get_json() == {"secure": True}
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
