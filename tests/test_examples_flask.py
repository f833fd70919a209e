"""Tests for the Flask examples used in docs/flask/ and docs/python/venv.md."""

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


# --- docs/flask/index.md -------------------------------------------------------------


def test_hello_index(example):
    client = example("examples/flask/hello.py").app.test_client()
    resp = client.get("/")
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    assert "안녕하세요, Flask!" in resp.get_data(as_text=True)


def test_hello_name_is_plain_text(example):
    client = example("examples/flask/hello.py").app.test_client()
    resp = client.get("/hello/<em>kim")
    assert resp.status_code == 200
    assert resp.mimetype == "text/plain"
    assert resp.get_data(as_text=True) == "안녕하세요, <em>kim님!"


def test_factory_creates_independent_apps(example):
    module = example("examples/flask/factory.py")
    app1 = module.create_app({"TESTING": True, "SECRET_KEY": "a"})
    app2 = module.create_app()
    assert app1 is not app2
    assert app1.config["SECRET_KEY"] == "a"
    assert app2.config["SECRET_KEY"] == "dev"
    resp = app1.test_client().get("/")
    assert resp.status_code == 200
    assert resp.get_json() == {"message": "팩토리로 만든 앱입니다"}


# --- docs/flask/routing.md -----------------------------------------------------------


@pytest.fixture
def routing(example):
    return example("examples/flask/routing.py").app.test_client()


def test_get_existing_post(routing):
    resp = routing.get("/posts/1")
    assert resp.status_code == 200
    assert resp.mimetype == "application/json"
    assert resp.get_json()["title"] == "HTTP 공부"


def test_unknown_id_is_404(routing):
    assert routing.get("/posts/999").status_code == 404


def test_converter_rejects_non_int(routing):
    # <int:post_id> does not match "abc", so no route matches at all.
    assert routing.get("/posts/abc").status_code == 404


def test_query_string_args(routing):
    resp = routing.get("/posts?q=HTTP&limit=5")
    assert resp.status_code == 200
    assert [p["id"] for p in resp.get_json()["posts"]] == [1]
    assert routing.get("/posts?q=nothing").get_json() == {"posts": []}


def test_wrong_method_is_405_with_allow(routing):
    resp = routing.delete("/posts/1")
    assert resp.status_code == 405
    allow = {m.strip() for m in resp.headers["Allow"].split(",")}
    assert {"GET", "HEAD", "OPTIONS"} <= allow
    assert "DELETE" not in allow


def test_post_json_creates_201_with_location(routing):
    resp = routing.post("/posts", json={"title": "새 글", "body": "본문"})
    assert resp.status_code == 201
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    assert body["title"] == "새 글"
    assert resp.headers["Location"] == f"/posts/{body['id']}"
    # The new resource can be fetched at the advertised location.
    assert routing.get(resp.headers["Location"]).get_json()["body"] == "본문"


def test_post_form_also_accepted(routing):
    resp = routing.post("/posts", data={"title": "폼으로 쓴 글"})
    assert resp.status_code == 201
    assert resp.get_json()["title"] == "폼으로 쓴 글"


def test_post_without_title_is_400(routing):
    assert routing.post("/posts", json={"body": "제목 없음"}).status_code == 400


def test_permanent_redirect_308(routing):
    resp = routing.get("/articles/1")
    assert resp.status_code == 308
    assert resp.headers["Location"] == "/posts/1"


def test_post_redirect_get_303(routing):
    resp = routing.post("/login")
    assert resp.status_code == 303
    assert resp.headers["Location"] == "/posts"
    followed = routing.post("/login", follow_redirects=True)
    assert followed.status_code == 200
    assert followed.request.method == "GET"


def test_redirect_default_is_302(example):
    from flask import redirect

    app = example("examples/flask/routing.py").app
    with app.test_request_context():
        assert redirect("/posts").status_code == 302


# --- docs/flask/templates.md ---------------------------------------------------------


def test_template_inheritance_renders(example):
    client = example("examples/flask/templates_app.py").app.test_client()
    resp = client.get("/")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    # base.html's skeleton plus posts.html's blocks (with super()).
    assert html.lstrip().startswith("<!doctype html>")
    assert "<title>글 목록 - 공부 노트</title>" in html
    assert "<h1>여러분! 안녕하세요</h1>" in html
    assert "글 3개" in html
    assert '<li class="odd">' in html and '<li class="even">' in html
    assert '<span class="tag">상태 관리</span>' in html
    assert "태그 없음" in html
    # Jinja comments are not rendered.
    assert "주석" not in html


def test_template_autoescapes_script(example):
    client = example("examples/flask/templates_app.py").app.test_client()
    html = client.get("/").get_data(as_text=True)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html


def test_safe_filter_disables_escaping(example):
    app = example("examples/flask/templates_app.py").app
    with app.app_context():
        from flask import render_template_string

        data = "<b>x</b>"
        assert render_template_string("{{ d }}", d=data) == "&lt;b&gt;x&lt;/b&gt;"
        assert render_template_string("{{ d|safe }}", d=data) == "<b>x</b>"


# --- docs/flask/cookies-sessions.md --------------------------------------------------


def _decode_session_cookie(value: str) -> dict:
    """Decode Flask's session cookie payload WITHOUT the secret key."""
    compressed = value.startswith(".")
    payload = value.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    if compressed:
        import zlib

        raw = zlib.decompress(raw)
    return json.loads(raw)


@pytest.fixture
def session_app(example):
    return example("examples/flask/session_counter.py").app


def test_session_survives_two_requests(session_app):
    client = session_app.test_client()
    assert client.get("/count").get_json() == {"visits": 1}
    assert client.get("/count").get_json() == {"visits": 2}
    # A new client (another browser) starts from zero.
    assert session_app.test_client().get("/count").get_json() == {"visits": 1}


def test_session_cookie_attributes(session_app):
    resp = session_app.test_client().get("/count")
    set_cookie = resp.headers["Set-Cookie"]
    assert set_cookie.startswith("session=")
    assert "HttpOnly" in set_cookie
    assert "SameSite=Lax" in set_cookie
    assert "Path=/" in set_cookie
    # Not permanent: a session cookie without Expires.
    assert "Expires" not in set_cookie


def test_session_cookie_is_readable_by_client(session_app):
    client = session_app.test_client()
    client.get("/count")
    client.get("/count")
    value = client.get_cookie("session").value
    # Anyone holding the cookie can read the data: signed, not encrypted.
    assert _decode_session_cookie(value) == {"visits": 2}


def test_tampered_session_cookie_is_ignored(session_app):
    client = session_app.test_client()
    client.get("/count")
    value = client.get_cookie("session").value
    payload, rest = value.split(".", 1)
    forged = base64.urlsafe_b64encode(json.dumps({"visits": 1000}).encode()).decode().rstrip("=")
    client.set_cookie("session", forged + "." + rest)
    # The signature no longer matches: Flask treats it as an empty session.
    assert client.get("/count").get_json() == {"visits": 1}


def test_cookie_signed_with_other_key_is_ignored(session_app, example):
    other = example("examples/flask/session_counter.py").app
    other.config["SECRET_KEY"] = "a-different-key"
    c1 = other.test_client()
    c1.get("/count")
    c1.get("/count")
    stolen = c1.get_cookie("session").value
    c2 = session_app.test_client()
    c2.set_cookie("session", stolen)
    assert c2.get("/count").get_json() == {"visits": 1}


def test_permanent_session_has_expiry(session_app):
    resp = session_app.test_client().get("/remember")
    set_cookie = resp.headers["Set-Cookie"]
    assert "Expires=" in set_cookie


def test_logout_clears_session(session_app):
    client = session_app.test_client()
    client.get("/count")
    resp = client.post("/logout")
    assert resp.status_code == 204
    assert "session=;" in resp.headers["Set-Cookie"]
    assert client.get("/count").get_json() == {"visits": 1}


def test_plain_cookie_attributes(session_app):
    resp = session_app.test_client().post("/theme", data={"theme": "dark"})
    assert resp.status_code == 200
    set_cookie = resp.headers["Set-Cookie"]
    assert set_cookie.startswith("theme=dark;")
    assert "Max-Age=2592000" in set_cookie
    assert "HttpOnly" in set_cookie
    assert "SameSite=Lax" in set_cookie
    assert "Path=/" in set_cookie


def test_plain_cookie_value_is_validated(session_app):
    client = session_app.test_client()
    resp = client.post("/theme", data={"theme": "<script>"})
    assert resp.status_code == 400
    assert "Set-Cookie" not in resp.headers
    # Changing state needs POST: a GET (a link, an <img>) cannot set the cookie.
    assert client.get("/theme").status_code == 405
    assert client.get("/theme/dark").status_code == 404


# --- docs/flask/errors.md ------------------------------------------------------------


@pytest.fixture
def errors_client(example):
    app = example("examples/flask/errors.py").app
    # Behave like production: unhandled exceptions become 500 responses.
    app.testing = False
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app.test_client()


ALICE = {"Authorization": "Bearer secret-token-alice"}
BOB = {"Authorization": "Bearer secret-token-bob"}


def test_401_without_credentials_has_www_authenticate(errors_client):
    resp = errors_client.get("/notes/1")
    assert resp.status_code == 401
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")
    assert "realm=" in resp.headers["WWW-Authenticate"]
    assert resp.mimetype == "application/json"
    assert resp.get_json() == {"error": "Unauthorized", "message": "인증이 필요합니다."}


def test_401_with_wrong_token(errors_client):
    resp = errors_client.get("/notes/1", headers={"Authorization": "Bearer nope"})
    assert resp.status_code == 401
    assert "WWW-Authenticate" in resp.headers


def test_200_for_owner(errors_client):
    resp = errors_client.get("/notes/1", headers=ALICE)
    assert resp.status_code == 200
    assert resp.get_json()["owner"] == "alice"


def test_403_for_authenticated_non_owner(errors_client):
    resp = errors_client.get("/notes/1", headers=BOB)
    assert resp.status_code == 403
    assert "WWW-Authenticate" not in resp.headers
    assert resp.get_json()["error"] == "Forbidden"


def test_404_json_body(errors_client):
    resp = errors_client.get("/notes/42", headers=ALICE)
    assert resp.status_code == 404
    assert resp.mimetype == "application/json"
    assert resp.get_json() == {"error": "Not Found", "message": "메모가 없습니다."}


def test_unknown_url_is_json_404(errors_client):
    resp = errors_client.get("/no-such-page")
    assert resp.status_code == 404
    assert resp.get_json()["error"] == "Not Found"


def test_405_keeps_allow_header(errors_client):
    resp = errors_client.post("/notes/1")
    assert resp.status_code == 405
    assert "GET" in resp.headers["Allow"]
    assert resp.get_json()["error"] == "Method Not Allowed"


def test_unhandled_exception_is_500(errors_client):
    resp = errors_client.get("/boom")
    assert resp.status_code == 500
    body = resp.get_json()
    assert body == {"error": "Internal Server Error", "message": "서버에서 문제가 발생했습니다."}
    assert "ZeroDivisionError" not in resp.get_data(as_text=True)


def test_exception_propagates_in_testing_mode(example):
    app = example("examples/flask/errors.py").app
    app.testing = True
    with pytest.raises(ZeroDivisionError):
        app.test_client().get("/boom")


# --- docs/flask/orm.md ---------------------------------------------------------------


@pytest.fixture
def orm(example):
    module = example("examples/flask/orm.py")
    app = module.create_app()
    return module, app


def test_orm_tables_created(orm):
    module, app = orm
    from sqlalchemy import inspect

    with app.app_context():
        names = set(inspect(module.db.engine).get_table_names())
    assert {"user", "post"} <= names


def test_orm_insert_and_query(orm):
    module, app = orm
    from sqlalchemy import select

    with app.app_context():
        user = module.User(name="kim")
        module.db.session.add_all([
            module.Post(title="첫 글", author=user),
            module.Post(title="둘째 글", body="내용", author=user),
        ])
        module.db.session.commit()
        stmt = select(module.Post).where(module.Post.title == "둘째 글")
        post = module.db.session.execute(stmt).scalar_one()
        assert post.body == "내용"
        assert post.author.name == "kim"
        assert post.created_at is not None
        count = len(module.db.session.scalars(select(module.Post)).all())
        assert count == 2


def test_orm_relationship(orm):
    module, app = orm
    with app.app_context():
        user = module.User(name="lee")
        post = module.Post(title="관계", author=user)
        module.db.session.add(post)
        module.db.session.commit()
        assert user.posts == [post]
        assert post.author_id == user.id


def test_orm_rollback(orm):
    module, app = orm
    from sqlalchemy import select
    from sqlalchemy.exc import IntegrityError

    with app.app_context():
        module.db.session.add(module.User(name="dup"))
        module.db.session.commit()
        module.db.session.add(module.User(name="dup"))
        with pytest.raises(IntegrityError):
            module.db.session.commit()
        module.db.session.rollback()
        users = module.db.session.scalars(select(module.User)).all()
        assert [u.name for u in users] == ["dup"]


def test_orm_routes(orm):
    _, app = orm
    client = app.test_client()
    resp = client.post("/users/park/posts", json={"title": "Flask와 ORM"})
    assert resp.status_code == 201
    assert resp.get_json()["author"] == "park"
    client.post("/users/park/posts", json={"title": "SQL 인젝션"})
    assert client.get("/users/park/posts").get_json() == {
        "user": "park",
        "posts": ["Flask와 ORM", "SQL 인젝션"],
    }
    assert client.get("/users/nobody/posts").status_code == 404


def test_orm_search_uses_parameters(orm):
    _, app = orm
    client = app.test_client()
    client.post("/users/park/posts", json={"title": "Flask와 ORM"})
    # A classic injection string is treated as plain data, not SQL.
    evil = "' OR '1'='1"
    assert client.get("/search", query_string={"q": evil}).get_json() == {"titles": []}
    assert client.get("/search", query_string={"q": "ORM"}).get_json() == {"titles": ["Flask와 ORM"]}
    # "%" is escaped, so it is not a LIKE wildcard that matches everything.
    assert client.get("/search", query_string={"q": "%"}).get_json() == {"titles": []}


# --- docs/python/venv.md -------------------------------------------------------------


def test_venv_check_outside_venv(example, monkeypatch):
    module = example("examples/python/venv_check.py")
    monkeypatch.setattr(sys, "prefix", "/usr")
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    assert module.in_virtualenv() is False
    assert module.report().startswith("가상 환경 밖입니다")


def test_venv_check_inside_venv(example, monkeypatch):
    module = example("examples/python/venv_check.py")
    monkeypatch.setattr(sys, "prefix", "/home/me/project/.venv")
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    assert module.in_virtualenv() is True
    assert module.report() == "가상 환경 안입니다: /home/me/project/.venv"


def test_venv_check_in_real_venv(tmp_path):
    import venv

    env_dir = tmp_path / ".venv"
    venv.create(env_dir, with_pip=False)
    bindir = "Scripts" if sys.platform == "win32" else "bin"
    python = env_dir / bindir / ("python.exe" if sys.platform == "win32" else "python")
    script = ROOT / "examples" / "python" / "venv_check.py"
    out = subprocess.run([str(python), str(script)], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("가상 환경 안입니다")
