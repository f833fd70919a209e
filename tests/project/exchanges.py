"""Real HTTP exchanges with the project app, as the notes show them.

`python tests/project/exchanges.py` writes examples/project_exchanges/*.http; the test in
test_project_exchanges.py checks that the files still equal what the app answers. Values that
change on every run (CSRF tokens, cookies, bearer tokens, times) are replaced by '…' markers.
"""

import base64
import io
import re
import sys
from pathlib import Path

from werkzeug.http import HTTP_STATUS_CODES

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # run as a script: make `project` (this folder) importable
    sys.path.insert(0, str(HERE.parent))
from project import conftest  # noqa: E402,F401  (puts examples/project on sys.path)
from project.project_helpers import csrf_from, signup  # noqa: E402

from studynotes import create_app  # noqa: E402
from studynotes.extensions import db  # noqa: E402

OUT = HERE.parents[1] / "examples" / "project_exchanges"
SHOWN = ("Content-Type", "Content-Length", "Location", "ETag", "Link", "Allow", "WWW-Authenticate",
         "Retry-After", "Set-Cookie", "Vary", "Strict-Transport-Security", "Content-Security-Policy",
         "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "X-Request-ID",
         "Access-Control-Allow-Origin", "Access-Control-Allow-Methods",
         "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Expose-Headers",
         "Content-Disposition")
VOLATILE = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"), "2026-03-01T09:00:00"),
    (re.compile(r"(session|remember_token)=[^;]+"), r"\1=…"),
    (re.compile(r'"access_token":"[^"]+"'), '"access_token":"…"'),
    (re.compile(r"Bearer [A-Za-z0-9._-]{20,}"), "Bearer …"),
    (re.compile(r"(X-CSRFToken: |csrf_token=)[^&\s]+"), r"\1…"),
    (re.compile(r"Expires=[^;]+"), "Expires=…"),
    (re.compile(r"X-Request-ID: [0-9a-f]{32}"), "X-Request-ID: …"),
]


def app_for(chapter: int, **config):
    app = create_app("testing", {"UPLOAD_FOLDER": "/nonexistent", **config}, chapter=chapter)
    if chapter >= 4:
        with app.app_context():
            db.create_all()
    return app


def exchange(client, method: str, path: str, headers: dict | None = None, body: str | None = None,
             shown_body: str | None = None, response_body: bool = True, **kwargs) -> str:
    """Send one request and write it and its response as HTTP/1.1 text."""
    headers = dict(headers or {})
    if body is not None:
        kwargs["data"] = body
    response = client.open(path, method=method, headers=headers, **kwargs)
    lines = [f"{method} {path} HTTP/1.1", "Host: localhost"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body is not None or shown_body is not None:
        lines += ["", shown_body if shown_body is not None else body]
    reason = HTTP_STATUS_CODES.get(response.status_code, "")
    lines += ["", f"HTTP/1.1 {response.status_code} {reason}"]
    lines += [f"{name}: {value}" for name, value in response.headers.items() if name in SHOWN]
    text = response.get_data(as_text=True)
    if response_body and text:
        short = response.mimetype != "text/html" or len(text) < 400
        lines += ["", text.rstrip() if short else "<!doctype html> … (HTML 생략)"]
    result = "\n".join(lines).rstrip() + "\n"
    for pattern, replacement in VOLATILE:
        result = pattern.sub(replacement, result)
    return result


def scenarios() -> dict[str, str]:
    out = {}
    client = app_for(1).test_client()
    out["01-health"] = exchange(client, "GET", "/health")

    client = app_for(2).test_client()
    out["02-request-id"] = exchange(client, "GET", "/about", {"X-Request-ID": "3f2a9c1e-demo"})
    out["02-no-route"] = exchange(client, "GET", "/notes/")

    client = app_for(5).test_client()
    out["05-csrf-missing"] = exchange(client, "POST", "/notes/new",
                                      {"Content-Type": "application/x-www-form-urlencoded"},
                                      "title=HTTP&body=...")
    token = csrf_from(client, "/notes/new")
    out["05-prg-303"] = exchange(
        client, "POST", "/notes/new", {"Content-Type": "application/x-www-form-urlencoded"},
        f"csrf_token={token}&title=HTTP+%EA%B3%B5%EB%B6%80&body=...&tags=http&is_public=y")

    app = app_for(6)
    signup(app.test_client())
    client = app.test_client()
    token = csrf_from(client, "/auth/login")
    out["06-login"] = exchange(
        client, "POST", "/auth/login", {"Content-Type": "application/x-www-form-urlencoded"},
        f"csrf_token={token}&username=alice&password=correct+horse+battery&remember=y")

    client = app_for(7).test_client()
    out["07-404-json"] = exchange(client, "GET", "/notes/99", {"Accept": "application/json"})

    app = app_for(8, CORS_ORIGINS=("https://app.example",))
    client = app.test_client()
    signup(client)
    csrf = csrf_from(client, "/")
    json_headers = {"Content-Type": "application/json", "X-CSRFToken": csrf}
    note = '{"title": "HTTP 캐시", "body": "ETag와 조건부 요청", "tags": ["http"]}'
    out["08-create-201"] = exchange(client, "POST", "/api/notes", json_headers, note)
    out["08-create-409"] = exchange(client, "POST", "/api/notes", json_headers, note)
    out["08-create-422"] = exchange(client, "POST", "/api/notes", json_headers, '{"title": ""}')
    changed = '{"title": "HTTP 캐시", "body": "고친 내용"}'
    out["08-put-428"] = exchange(client, "PUT", "/api/notes/1", json_headers, changed)
    out["08-put-200"] = exchange(client, "PUT", "/api/notes/1", {**json_headers, "If-Match": '"1-1"'}, changed)
    out["08-put-412"] = exchange(client, "PUT", "/api/notes/1", {**json_headers, "If-Match": '"1-1"'}, changed)
    out["08-get-304"] = exchange(client, "GET", "/api/notes/1", {"If-None-Match": '"1-2"'})
    for number in range(2, 4):
        client.post("/api/notes", headers=json_headers,
                    data=f'{{"title": "노트 {number}", "body": "..."}}')
    out["08-list-link"] = exchange(client, "GET", "/api/notes?per_page=2")
    out["08-delete-204"] = exchange(client, "DELETE", "/api/notes/3", {"X-CSRFToken": csrf})
    out["08-preflight"] = exchange(app.test_client(), "OPTIONS", "/api/notes", {
        "Origin": "https://app.example", "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "authorization, content-type, if-match"})

    app = app_for(9, TOKEN_RATE_LIMIT=(2, 60))
    app.extensions["token_limiter"].clock = lambda: 0.0  # a stopped clock: Retry-After is always 60
    signup(app.test_client())
    client = app.test_client()
    basic = "Basic " + base64.b64encode(b"alice:correct horse battery").decode()
    out["09-token"] = exchange(client, "POST", "/api/tokens", {"Authorization": basic})
    out["09-401"] = exchange(client, "POST", "/api/notes", {"Content-Type": "application/json"},
                             '{"title": "t", "body": "b"}')
    client.post("/api/tokens", headers={"Authorization": basic})
    out["09-429"] = exchange(client, "POST", "/api/tokens", {"Authorization": basic})

    app = app_for(10, MAX_CONTENT_LENGTH=1024)
    client = app.test_client()
    signup(client)
    client.post("/notes/new", data={"csrf_token": csrf_from(client, "/notes/new"),
                                    "title": "t", "body": "b", "is_public": "y"})
    token = csrf_from(client, "/notes/1")
    out["10-413"] = exchange(client, "POST", "/notes/1/attachments",
                             {"Content-Type": "multipart/form-data; boundary=…"},
                             shown_body="(2 KiB가 넘는 파일)",
                             data={"csrf_token": token, "file": (io.BytesIO(b"\x89PNG" + b"0" * 2048), "big.png")})

    client = app_for(12, TRUST_PROXY_HOPS=1).test_client()
    out["12-headers"] = exchange(client, "GET", "/about", {"X-Forwarded-Proto": "https",
                                                           "X-Request-ID": "3f2a9c1e-demo"})
    return out


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for name, text in scenarios().items():
        (OUT / f"{name}.http").write_text(text, encoding="utf-8")
        print(f"--- {name}\n{text}")
