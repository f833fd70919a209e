"""Chapter 8: the JSON API: 201 + Location, 204, problem details, ETag/If-Match/412, Link, CORS."""

from .project_helpers import api_login, assert_problem, csrf_from

NOTE = {"title": "HTTP 캐시", "body": "ETag와 조건부 요청", "tags": ["http"]}


def test_create_needs_login_then_csrf(make_app):
    app = make_app(8)
    anonymous = app.test_client()
    assert_problem(anonymous.post("/api/notes", json=NOTE), 400)  # CSRF is checked first
    token = {"X-CSRFToken": csrf_from(anonymous, "/auth/login")}
    body = assert_problem(anonymous.post("/api/notes", json=NOTE, headers=token), 403)
    assert body["detail"] == "먼저 로그인하세요."
    client, csrf = api_login(app)
    body = assert_problem(client.post("/api/notes", json=NOTE), 400)
    assert body["detail"] == "The CSRF token is missing."
    assert client.post("/api/notes", json=NOTE, headers=csrf).status_code == 201


def test_create_201_location_etag(make_app):
    client, csrf = api_login(make_app(8))
    response = client.post("/api/notes", json=NOTE, headers=csrf)
    assert response.status_code == 201
    assert response.headers["Location"] == "http://localhost/api/notes/1"
    assert response.headers["ETag"] == '"1-1"'
    assert response.get_json()["tags"] == ["http"]
    assert client.get("/api/notes/1").get_json() == response.get_json()


def test_bad_input_400_422_409(make_app):
    client, csrf = api_login(make_app(8))
    bad_json = client.post("/api/notes", data="{title:", content_type="application/json", headers=csrf)
    assert_problem(bad_json, 400)
    invalid = assert_problem(client.post("/api/notes", json={"title": "", "tags": "x"}, headers=csrf), 422)
    assert [e["pointer"] for e in invalid["errors"]] == ["/title", "/body", "/tags"]
    assert_problem(client.post("/api/notes", json=[1, 2], headers=csrf), 422)
    client.post("/api/notes", json=NOTE, headers=csrf)
    assert_problem(client.post("/api/notes", json=NOTE, headers=csrf), 409)


def test_not_found_is_a_problem(make_app):
    client = make_app(8).test_client()
    body = assert_problem(client.get("/api/notes/42"), 404)
    assert body["title"] == "Not Found"
    assert_problem(client.patch("/api/notes/42"), 405)


def test_conditional_get_304(make_app):
    client, csrf = api_login(make_app(8))
    client.post("/api/notes", json=NOTE, headers=csrf)
    response = client.get("/api/notes/1", headers={"If-None-Match": '"1-1"'})
    assert response.status_code == 304 and response.data == b""
    assert response.headers["ETag"] == '"1-1"'


def test_update_needs_a_matching_if_match(make_app):
    client, csrf = api_login(make_app(8))
    client.post("/api/notes", json=NOTE, headers=csrf)
    changed = {**NOTE, "body": "고친 내용"}
    assert_problem(client.put("/api/notes/1", json=changed, headers=csrf), 428)
    stale = client.put("/api/notes/1", json=changed, headers={**csrf, "If-Match": '"1-0"'})
    assert_problem(stale, 412)
    ok = client.put("/api/notes/1", json=changed, headers={**csrf, "If-Match": '"1-1"'})
    assert ok.status_code == 200 and ok.headers["ETag"] == '"1-2"'
    again = client.put("/api/notes/1", json=changed, headers={**csrf, "If-Match": '"1-1"'})
    assert_problem(again, 412)  # the second writer with the old version loses


def test_only_the_owner_changes(make_app):
    app = make_app(8)
    alice, alice_csrf = api_login(app, "alice")
    bob, bob_csrf = api_login(app, "bob")
    alice.post("/api/notes", json=NOTE, headers=alice_csrf)
    alice.post("/api/notes", json={**NOTE, "title": "비밀", "public": False}, headers=alice_csrf)
    assert_problem(bob.put("/api/notes/1", json=NOTE, headers={**bob_csrf, "If-Match": '"1-1"'}), 403)
    assert_problem(bob.delete("/api/notes/2", headers=bob_csrf), 404)
    assert_problem(bob.get("/api/notes/2"), 404)


def test_delete_204(make_app):
    client, csrf = api_login(make_app(8))
    client.post("/api/notes", json=NOTE, headers=csrf)
    response = client.delete("/api/notes/1", headers=csrf)
    assert response.status_code == 204 and response.data == b""
    assert_problem(client.get("/api/notes/1"), 404)


def test_list_with_link_header(make_app):
    client, csrf = api_login(make_app(8, NOTES_PER_PAGE=2))
    for number in range(5):
        client.post("/api/notes", json={**NOTE, "title": f"노트 {number}"}, headers=csrf)
    response = client.get("/api/notes?page=2")
    body = response.get_json()
    assert [item["title"] for item in body["items"]] == ["노트 2", "노트 3"]
    assert body["total"] == 5 and body["page"] == 2
    assert response.headers["Link"] == (
        '<http://localhost/api/notes?page=1&per_page=2>; rel="first", '
        '<http://localhost/api/notes?page=3&per_page=2>; rel="last", '
        '<http://localhost/api/notes?page=1&per_page=2>; rel="prev", '
        '<http://localhost/api/notes?page=3&per_page=2>; rel="next"')
    assert client.get("/api/notes?page=9").get_json()["items"] == []


def test_cors_preflight_and_actual_request(make_app):
    client = make_app(8, CORS_ORIGINS=("https://app.example",)).test_client()
    preflight = client.options("/api/notes", headers={
        "Origin": "https://app.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    assert preflight.headers["Access-Control-Max-Age"] == "600"
    actual = client.get("/api/notes", headers={"Origin": "https://app.example"})
    assert actual.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert actual.headers["Access-Control-Expose-Headers"] == "ETag, Location, Link"
    assert "Origin" in actual.headers["Vary"]
    stranger = client.options("/api/notes", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "DELETE"})
    assert stranger.status_code == 204
    assert "Access-Control-Allow-Origin" not in stranger.headers
    assert "Access-Control-Allow-Methods" not in stranger.headers
