"""Helpers for the project tests: read a CSRF token as a browser would, sign up, log in."""

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2] / "examples" / "project"

CSRF = re.compile(r'name="csrf_token"[^>]*?value="([^"]+)"')


def csrf_from(client, url: str) -> str:
    """The CSRF token of the form on `url`, read from the HTML as a browser would."""
    html = client.get(url).get_data(as_text=True)
    match = CSRF.search(html)
    assert match, f"no csrf_token field on {url}"
    return match.group(1)


def signup(client, username: str = "alice", password: str = "correct horse battery"):
    token = csrf_from(client, "/auth/signup")
    return client.post("/auth/signup", data={"csrf_token": token, "username": username,
                                             "password": password, "confirm": password})


def login(client, username: str = "alice", password: str = "correct horse battery", remember=False):
    token = csrf_from(client, "/auth/login")
    data = {"csrf_token": token, "username": username, "password": password}
    if remember:
        data["remember"] = "y"
    return client.post("/auth/login", data=data)


def create_note(client, title="HTTP 공부", body="요청과 응답", tags="http, flask", public=True):
    token = csrf_from(client, "/notes/new")
    data = {"csrf_token": token, "title": title, "body": body, "tags": tags}
    if public:
        data["is_public"] = "y"
    return client.post("/notes/new", data=data)


def note_id_from(response) -> int:
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[-1])


def assert_problem(response, status: int) -> dict:
    """`response` is RFC 9457 problem details with this status; return its body."""
    import json

    import jsonschema

    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    schema = json.loads((Path(__file__).with_name("problem_details.schema.json")).read_text())
    jsonschema.validate(body, schema)
    assert body["status"] == status  # RFC 9457 §3.1.2: the same as the response's code
    return body


def api_login(app, username: str = "alice"):
    """A client logged in by session cookie, and the CSRF header its writes must carry."""
    client = app.test_client()
    signup(client, username)
    return client, {"X-CSRFToken": csrf_from(client, "/")}
