"""Chapter 2: blueprints, url_for, the application and request contexts, g."""

from flask import current_app, g, url_for


def test_index_and_about(make_app):
    client = make_app(2).test_client()
    index = client.get("/")
    assert index.status_code == 200 and index.mimetype == "text/html"
    about = client.get("/about").get_data(as_text=True)
    assert "2장까지의 상태" in about
    assert 'href="/about"' in index.get_data(as_text=True)


def test_url_for_needs_the_blueprint_name(make_app):
    app = make_app(2)
    with app.test_request_context():
        assert url_for("main.about") == "/about"
        assert url_for("main.index", page=2) == "/?page=2"
        assert url_for("main.about", _external=True) == "http://localhost/about"


def test_current_app_follows_the_active_app(make_app):
    first, second = make_app(2), make_app(2)
    with first.app_context():
        assert current_app._get_current_object() is first
        with second.app_context():
            assert current_app._get_current_object() is second
        assert current_app._get_current_object() is first


def test_request_id_in_g_and_header(make_app):
    app = make_app(2)
    with app.test_request_context("/", headers={"X-Request-ID": "abc-12345678"}):
        app.preprocess_request()
        assert g.request_id == "abc-12345678"
    client = app.test_client()
    assert client.get("/", headers={"X-Request-ID": "abc-12345678"}).headers["X-Request-ID"] == "abc-12345678"
    generated = client.get("/", headers={"X-Request-ID": "<bad id>"}).headers["X-Request-ID"]
    assert len(generated) == 32 and generated.isalnum()


def test_g_does_not_survive_the_request(make_app):
    app = make_app(2)
    with app.test_request_context("/"):
        app.preprocess_request()
        assert "request_id" in g
    with app.test_request_context("/"):
        assert "request_id" not in g
