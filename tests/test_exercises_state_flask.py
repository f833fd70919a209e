"""Run the exercise solutions of the state, Python and Flask notes, and check those notes' learning aids."""

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import jwt
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

NOTES = [
    "state/index", "state/cookies", "state/sessions", "state/tokens", "state/compare",
    "python/venv",
    "flask/index", "flask/routing", "flask/templates", "flask/cookies-sessions", "flask/errors", "flask/orm",
]


def production_like(app):
    """Unhandled exceptions become 500 responses, as in production."""
    app.testing = False
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return app


# --- state ---------------------------------------------------------------------------


def test_global_counter_is_shared_but_cookie_counter_is_not(example):
    app = example("examples/exercises/state/global_counter.py").app
    alice, bob = app.test_client(), app.test_client()
    assert alice.get("/wrong").get_json() == {"visits": 1}
    assert bob.get("/wrong").get_json() == {"visits": 2}  # bob sees alice's visit
    assert alice.get("/right").get_json() == {"visits": 1}
    assert alice.get("/right").get_json() == {"visits": 2}
    assert bob.get("/right").get_json() == {"visits": 1}


def test_lang_cookie(example):
    app = example("examples/exercises/state/lang_cookie.py").app
    client = app.test_client()
    assert client.get("/", base_url="https://localhost").get_json() == {"lang": "ko"}
    resp = client.post("/lang", data={"lang": "en"}, base_url="https://localhost")
    header = resp.headers["Set-Cookie"]
    assert header.startswith("lang=en;")
    for part in ("Max-Age=31536000", "Secure", "HttpOnly", "Path=/", "SameSite=Lax"):
        assert part in header
    assert client.get("/", base_url="https://localhost").get_json() == {"lang": "en"}
    bad = client.post("/lang", data={"lang": "fr"}, base_url="https://localhost")
    assert bad.status_code == 400 and "Set-Cookie" not in bad.headers
    client.set_cookie("lang", "<script>", domain="localhost")
    assert client.get("/", base_url="https://localhost").get_json() == {"lang": "ko"}
    assert client.get("/lang").status_code == 405


def test_session_ids(example):
    module = example("examples/exercises/state/session_ids.py")
    first, second = module.guessable_session_id(), module.guessable_session_id()
    assert int(second.split("-")[1]) == int(first.split("-")[1]) + 1
    ids = {module.new_session_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", i) for i in ids)


def test_jwt_peek_reads_payload_without_key(example):
    module = example("examples/exercises/state/jwt_peek.py")
    out = subprocess.run([sys.executable, str(ROOT / "examples/exercises/state/jwt_peek.py")],
                         capture_output=True, text=True, check=True).stdout
    assert "'alg': 'HS256'" in out and "'sub': 'alice'" in out
    token = jwt.encode({"sub": "bob", "role": "user"}, "some-secret-key-of-32-bytes-length!", algorithm="HS256")
    assert module.peek(token) == ({"alg": "HS256", "typ": "JWT"}, {"sub": "bob", "role": "user"})


def test_jwt_verify(example):
    module = example("examples/exercises/state/jwt_verify.py")
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"iss": module.ISSUER, "sub": "alice", "aud": module.AUDIENCE, "iat": now,
              "exp": now + dt.timedelta(minutes=5)}
    good = jwt.encode(claims, module.SECRET_KEY, algorithm="HS256")
    with pytest.raises(jwt.DecodeError, match="algorithms"):
        module.verify_wrong(good)
    assert module.verify(good)["sub"] == "alice"
    no_exp = jwt.encode({k: v for k, v in claims.items() if k != "exp"}, module.SECRET_KEY, algorithm="HS256")
    with pytest.raises(jwt.MissingRequiredClaimError):
        module.verify(no_exp)
    unsigned = jwt.encode(claims, None, algorithm="none")
    with pytest.raises(jwt.InvalidTokenError):
        module.verify(unsigned)
    other_aud = jwt.encode(dict(claims, aud="other-api"), module.SECRET_KEY, algorithm="HS256")
    with pytest.raises(jwt.InvalidAudienceError):
        module.verify(other_aud)


# --- python --------------------------------------------------------------------------


def test_site_packages_report(example, monkeypatch):
    module = example("examples/exercises/python/site_packages.py")
    monkeypatch.setattr(sys, "prefix", "/home/me/project/.venv")
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    assert module.report().startswith("가상 환경의 site-packages: ")
    monkeypatch.setattr(sys, "prefix", "/usr")
    assert module.report().startswith("시스템 파이썬의 site-packages: ")
    assert module.install_dir().endswith("site-packages")


def test_site_packages_in_real_venv(tmp_path):
    import venv

    env_dir = tmp_path / ".venv"
    venv.create(env_dir, with_pip=False)
    bindir, exe = ("Scripts", "python.exe") if sys.platform == "win32" else ("bin", "python")
    out = subprocess.run([str(env_dir / bindir / exe), str(ROOT / "examples/exercises/python/site_packages.py")],
                         capture_output=True, text=True, check=True).stdout
    assert out.startswith("가상 환경의 site-packages: ")
    assert str(env_dir) in out


# --- flask ---------------------------------------------------------------------------


def test_health_route(example):
    client = example("examples/exercises/flask/health.py").app.test_client()
    resp = client.get("/health")
    assert resp.status_code == 200
    assert resp.mimetype == "application/json"
    assert resp.get_json() == {"status": "ok"}


def test_price_int_and_float(example):
    client = example("examples/exercises/flask/price.py").app.test_client()
    assert client.get("/price/3").get_json() == {"amount": 3.0}
    assert client.get("/price/3.5").get_json() == {"amount": 3.5}
    assert client.get("/price/abc").status_code == 404
    assert client.get("/price/-1.5").status_code == 404


def test_float_converter_alone_needs_a_decimal_point():
    from flask import Flask

    app = Flask(__name__)
    app.add_url_rule("/p/<float:x>", "p", lambda x: {"x": x})
    client = app.test_client()
    assert client.get("/p/3").status_code == 404
    assert client.get("/p/3.0").get_json() == {"x": 3.0}


def test_safe_url_filter(example):
    client = example("examples/exercises/flask/safe_url.py").app.test_client()
    evil = {"url": "javascript:alert(1)"}
    assert 'href="javascript:alert(1)"' in client.get("/wrong", query_string=evil).get_data(as_text=True)
    assert 'href="#"' in client.get("/link", query_string=evil).get_data(as_text=True)
    assert 'href="#"' in client.get("/link", query_string={"url": " JaVaScRiPt:alert(1)"}).get_data(as_text=True)
    ok = client.get("/link", query_string={"url": "https://example.com/?a=1&b=2"}).get_data(as_text=True)
    assert 'href="https://example.com/?a=1&amp;b=2"' in ok


def test_peek_session_small_and_compressed(example):
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface

    module = example("examples/exercises/flask/peek_session.py")
    app = Flask(__name__)
    app.secret_key = "exercise"
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    small = serializer.dumps({"visits": 1})
    assert not small.startswith(".")  # compressing would not make it shorter
    assert module.peek_session(small) == {"visits": 1}
    repetitive = serializer.dumps({"note": "a" * 500})
    assert repetitive.startswith(".")  # compressed because it is shorter
    assert module.peek_session(repetitive) == {"note": "a" * 500}


def test_template_syntax_error_fails_at_request_time(example):
    app = production_like(example("examples/exercises/flask/template_error.py").app)
    client = app.test_client()
    assert client.get("/").status_code == 200  # the app imported and serves other routes
    assert client.get("/greet").status_code == 500


def test_template_syntax_error_type(example):
    import jinja2

    app = example("examples/exercises/flask/template_error.py").app
    app.testing = True  # exceptions propagate to the test
    with pytest.raises(jinja2.TemplateSyntaxError):
        app.test_client().get("/greet")


def test_lazy_import_syntax_error_is_500_per_request(tmp_path):
    (tmp_path / "broken_report.py").write_text("def f(:\n    pass\n", encoding="utf-8")
    (tmp_path / "lazy_app.py").write_text(
        "from flask import Flask\n"
        "app = Flask(__name__)\n"
        "@app.get('/')\n"
        "def index():\n    return 'ok'\n"
        "@app.get('/report')\n"
        "def report():\n    import broken_report\n    return 'never'\n",
        encoding="utf-8",
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import lazy_app\n"
        "lazy_app.app.config['PROPAGATE_EXCEPTIONS'] = False\n"
        "c = lazy_app.app.test_client()\n"
        "print(c.get('/').status_code, c.get('/report').status_code, c.get('/report').status_code)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["200", "500", "500"]
    assert "SyntaxError" in out.stderr  # logged with its traceback


def test_catch_all_handler(example):
    module = example("examples/exercises/flask/catch_all.py")
    broken = production_like(module.create_app(fixed=False)).test_client()
    assert broken.get("/nope").status_code == 500  # the bug: 404 turned into 500
    fixed = production_like(module.create_app(fixed=True)).test_client()
    assert fixed.get("/nope").status_code == 404
    resp = fixed.post("/boom")
    assert resp.status_code == 405 and "GET" in resp.headers["Allow"]
    assert fixed.get("/boom").status_code == 500


def test_primary_key_is_set_at_flush(example):
    steps = example("examples/exercises/flask/pk_flush.py").trace()
    assert steps == [
        "add 뒤: id=None, SQL=[]",
        "flush 뒤: id=1, SQL=['INSERT']",
        "commit 뒤: SQL=['INSERT']",
        "id 읽은 뒤: id=1, SQL=['INSERT', 'SELECT']",
    ]


def test_raw_sql_bound_parameters(example):
    module = example("examples/exercises/flask/raw_sql.py")
    evil = "' OR '1'='1"
    assert module.find_wrong(evil) == ["공개 글", "비공개 글"]
    assert module.find(evil) == []
    assert module.find("공개 글") == ["공개 글"]


# --- learning aids of these notes ----------------------------------------------------


def front_matter(note: str) -> dict:
    text = (ROOT / "docs" / f"{note}.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.mark.parametrize("note", NOTES)
def test_goals_and_prerequisites(note):
    meta = front_matter(note)
    goals = meta["goals"]
    assert 2 <= len(goals) <= 5
    assert all(isinstance(g, str) and g.endswith("수 있습니다.") for g in goals)
    prereq = meta["prerequisites"]
    assert isinstance(prereq, list)
    for path in prereq:
        assert (ROOT / "docs" / path).is_file(), path


@pytest.mark.parametrize("note", NOTES)
def test_exercises_section(note):
    text = (ROOT / "docs" / f"{note}.md").read_text(encoding="utf-8")
    assert text.count("\n## 연습 문제\n") == 1
    section = text.split("\n## 연습 문제\n", 1)[1].split("\n## ", 1)[0]
    numbered = re.findall(r"^(\d+)\. ", section, flags=re.M)
    assert 3 <= len(numbered) <= 6
    assert numbered == [str(i) for i in range(1, len(numbered) + 1)]
    assert section.count('??? success "풀이"') == len(numbered)
    for include in re.findall(r'--8<-- "([^"]+)"', section):
        assert (ROOT / include).is_file(), include


@pytest.mark.parametrize("note", NOTES)
def test_quiz_file(note):
    path = ROOT / "data" / "quizzes" / f"{note}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    questions = data["questions"]
    assert len(questions) >= 5
    for q in questions:
        assert set(q) == {"question", "choices", "answer", "explanation", "source"}
        assert 2 <= len(q["choices"]) <= 5
        assert len(set(q["choices"])) == len(q["choices"])
        assert isinstance(q["answer"], int) and 1 <= q["answer"] <= len(q["choices"])
        assert q["source"].startswith("https://")
        for text in [q["question"], q["explanation"], *q["choices"]]:
            assert isinstance(text, str) and text.strip()


def test_empty_post_list_uses_for_else(example):
    from flask import render_template

    app = example("examples/flask/templates_app.py").app
    with app.test_request_context():
        html = render_template("posts.html", posts=[], user="여러분")
    assert "<p>글 0개</p>" in html
    items = re.findall(r"<li[ >].*?</li>", html, flags=re.S)
    assert items == ["<li>아직 글이 없습니다.</li>"]


def test_routing_put_is_405_and_head_is_200(example):
    client = example("examples/flask/routing.py").app.test_client()
    resp = client.put("/posts/1")
    assert resp.status_code == 405
    assert set(resp.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    head = client.head("/posts/1")
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Length"] == client.get("/posts/1").headers["Content-Length"]


def test_hello_content_length_is_bytes(example):
    resp = example("examples/flask/hello.py").app.test_client().get("/")
    body = resp.get_data(as_text=True)
    assert len(body) == 20
    assert resp.headers["Content-Length"] == "30"


def test_errors_exercise_status_codes(example):
    client = example("examples/flask/errors.py").app.test_client()
    alice = {"Authorization": "Bearer secret-token-alice"}
    first = client.get("/notes/1")
    assert first.status_code == 401 and first.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/notes/1", headers={"Authorization": "Bearer secret-token-bob"}).status_code == 403
    assert client.get("/notes/42", headers=alice).status_code == 404
    wrong_method = client.post("/notes/1", headers=alice)
    assert wrong_method.status_code == 405 and "GET" in wrong_method.headers["Allow"]
    # The method is checked by routing before the view (and its token check) runs.
    assert client.post("/notes/1").status_code == 405
