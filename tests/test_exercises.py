"""The exercise solutions under examples/exercises/ do what their notes say."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_script(relative_path: str) -> str:
    """Run an exercise file as `python file.py` and return what it prints."""
    result = subprocess.run(
        [sys.executable, str(ROOT / relative_path)], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def output_shown_in(note: str, script: str) -> list[str]:
    """Run `script` and check that the note shows every line it prints; return the lines."""
    lines = run_script(script).splitlines()
    text = (ROOT / "docs" / note).read_text(encoding="utf-8")
    missing = [line for line in lines if line not in text]
    assert lines and not missing, f"docs/{note} does not show: {missing}"
    return lines


# --- web/ and http/ and https/ notes ------------------------------------------------------------


def test_web_proxy_fix_trusts_only_the_last_forwarded_address(example):
    app = example("examples/exercises/web/proxy_fix.py").app
    client = app.test_client()
    forged = {"X-Forwarded-For": "1.2.3.4, 203.0.113.7"}
    response = client.get("/whoami", headers=forged, environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert response.get_json() == {"remote_addr": "203.0.113.7"}
    # Without the header the proxy's own address is all the app can see.
    response = client.get("/whoami", environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert response.get_json() == {"remote_addr": "10.0.0.2"}
    assert run_script("examples/exercises/web/proxy_fix.py").strip() == "203.0.113.7"


def test_web_relative_references_resolve_as_the_note_shows():
    lines = output_shown_in("web/resources.md", "examples/exercises/web/relative_refs.py")
    assert lines == [
        "intro -> https://example.com/docs/intro",
        "./intro -> https://example.com/docs/intro",
        "../api -> https://example.com/api",
        "/login -> https://example.com/login",
        "?page=2 -> https://example.com/docs/guide?page=2",
        "#faq -> https://example.com/docs/guide#faq",
        "//cdn.example.net/app.js -> https://cdn.example.net/app.js",
        "intro (기준이 /로 끝날 때) -> https://example.com/docs/guide/intro",
    ]


def test_web_percent_encoding_round_trips():
    lines = output_shown_in("web/resources.md", "examples/exercises/web/percent_encoding.py")
    assert lines == [
        "%EC%9B%B9%20%EA%B0%9C%EB%B0%9C%26Flask",
        "q=%EC%9B%B9+%EA%B0%9C%EB%B0%9C%26Flask",
        "웹 개발&Flask",
    ]


def test_http_connection_persistence_follows_rfc9112_section_9_3(example):
    persists = example("examples/exercises/http/persistence.py").connection_persists
    assert persists("HTTP/1.1") is True
    assert persists("HTTP/1.1", "Keep-Alive, Close") is False
    assert persists("HTTP/1.0") is False
    assert persists("HTTP/1.0", "keep-alive") is True
    assert persists("HTTP/1.0", "keep-alive", honors_http10_keep_alive=False) is False
    assert persists("HTTP/1.0", "keep-alive", recipient_is_proxy=True, message_is_response=False) is False
    assert persists("HTTP/1.0", "keep-alive", recipient_is_proxy=True, message_is_response=True) is True
    assert run_script("examples/exercises/http/persistence.py").split() == ["True", "False", "False", "True", "False"]


def test_http_global_user_bug_leaks_one_login_to_everyone(example):
    app = example("examples/exercises/http/global_user_bug.py").app
    alice, bob = app.test_client(), app.test_client()
    alice.post("/login", data={"name": "alice"})
    assert bob.get("/me").get_json() == {"user": "alice"}  # the bug the exercise asks for
    assert run_script("examples/exercises/http/global_user_bug.py").strip() == "{'user': 'alice'}"


def test_http_parse_request_splits_the_four_parts_and_counts_bytes(example):
    parse_request = example("examples/exercises/http/parse_request.py").parse_request
    raw = b"GET /search?q=1 HTTP/1.1\r\nHOST: example.com\r\nX-A: b\r\n\r\n"
    assert parse_request(raw) == ("GET", "/search?q=1", "HTTP/1.1", {"host": "example.com", "x-a": "b"}, b"")
    # Content-Length counts bytes: the body stops there even if more bytes follow on the connection.
    raw = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1"
    assert parse_request(raw)[4] == b"abc"
    assert output_shown_in("http/messages.md", "examples/exercises/http/parse_request.py") == [
        "POST /posts HTTP/1.1",
        "18 14",
        '{"title":"안녕"}',
    ]


def test_http_delete_by_get_link_is_the_bug_and_post_fixes_it(example):
    module = example("examples/exercises/http/delete_link.py")
    assert module.buggy.test_client().get("/posts/1/delete").get_json() == {"posts": [2]}
    fixed = module.fixed.test_client()
    assert fixed.get("/posts/2/delete").status_code == 405
    assert fixed.post("/posts/2/delete").get_json() == {"posts": []}
    assert fixed.post("/posts/2/delete").status_code == 404
    assert run_script("examples/exercises/http/delete_link.py").splitlines() == ["{'posts': [2]}", "405", "{'posts': []}"]


def test_http_status_class_treats_unknown_codes_as_x00(example):
    module = example("examples/exercises/http/status_class.py")
    assert module.understood_as(299) == 200
    assert module.understood_as(471) == 400
    assert module.understood_as(404) == 404
    with pytest.raises(ValueError):
        module.understood_as(600)
    lines = output_shown_in("http/status-codes.md", "examples/exercises/http/status_class.py")
    assert lines[2] == "299 200 성공"


def test_http_header_lists_are_joined_but_set_cookie_is_not(example):
    app = example("examples/exercises/http/header_lists.py").app
    client = app.test_client()
    two_lines = [("Accept-Language", "ko"), ("Accept-Language", "en;q=0.5")]
    assert client.get("/", headers=two_lines).get_json() == {"first": "ko, en;q=0.5", "all": ["ko, en;q=0.5"]}
    assert len(client.get("/login").headers.getlist("Set-Cookie")) == 2
    output_shown_in("http/headers.md", "examples/exercises/http/header_lists.py")


def test_http_freshness_follows_the_rfc9111_order(example):
    module = example("examples/exercises/http/freshness.py")
    date = "Tue, 03 Jun 2025 08:00:00 GMT"
    assert module.freshness_lifetime({"Date": date, "Cache-Control": "max-age=600", "Expires": "0"}) == 600
    assert module.freshness_lifetime({"Date": date, "Expires": "Tue, 03 Jun 2025 09:00:00 GMT"}) == 3600
    assert module.freshness_lifetime({"Date": date}) == 0
    assert module.is_fresh({"Date": date, "Cache-Control": "max-age=600", "Age": "300"}, 299) is True
    assert module.is_fresh({"Date": date, "Cache-Control": "max-age=600", "Age": "300"}, 300) is False
    lines = output_shown_in("http/caching.md", "examples/exercises/http/freshness.py")
    assert lines == ["True False", "24.0", "60 3600", "0"]


def test_https_behind_proxy_needs_proxy_fix_to_stop_redirecting(example):
    deploy_behind_nginx = example("examples/exercises/https/behind_proxy.py").deploy_behind_nginx
    from_nginx = {"X-Forwarded-Proto": "https"}
    looping = example("examples/state/hsts.py").app.test_client().get("/", headers=from_nginx)
    assert looping.status_code == 308 and looping.headers["Location"].startswith("https://")
    fixed = deploy_behind_nginx(example("examples/state/hsts.py").app)
    assert fixed.config["SESSION_COOKIE_SECURE"] is True
    response = fixed.test_client().get("/", headers=from_nginx)
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    plain = fixed.test_client().get("/")  # no proxy header: a plain request still goes to HTTPS
    assert plain.status_code == 308 and "Strict-Transport-Security" not in plain.headers
    output_shown_in("https/index.md", "examples/exercises/https/behind_proxy.py")


def test_flask_session_cookie_is_not_secure_by_default():
    """docs/https/index.md says SESSION_COOKIE_SECURE defaults to False."""
    from flask import Flask

    assert Flask(__name__).config["SESSION_COOKIE_SECURE"] is False
