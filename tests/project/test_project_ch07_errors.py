"""Chapter 7: ownership (403 vs 404), error pages in HTML or JSON, logging with request ids."""

import logging

from .project_helpers import create_note, csrf_from, note_id_from, signup


def two_users(app):
    alice, bob = app.test_client(), app.test_client()
    signup(alice, "alice")
    signup(bob, "bob")
    public = note_id_from(create_note(alice, title="공개"))
    private = note_id_from(create_note(alice, title="비공개", public=False))
    return alice, bob, public, private


def test_owner_checks(make_app):
    alice, bob, public, private = two_users(make_app(7))
    assert bob.get(f"/notes/{public}").status_code == 200
    assert bob.get(f"/notes/{public}/edit").status_code == 403  # visible, not Bob's
    assert bob.get(f"/notes/{private}").status_code == 404  # Bob may not know it exists
    assert bob.get(f"/notes/{private}/edit").status_code == 404
    token = csrf_from(bob, "/")
    assert bob.post(f"/notes/{public}/delete", data={"csrf_token": token}).status_code == 403
    assert alice.get(f"/notes/{private}").status_code == 200
    assert alice.get(f"/notes/{private}/edit").status_code == 200


def test_error_page_html_or_json(make_app):
    client = make_app(7).test_client()
    html = client.get("/nope", headers={"Accept": "text/html"})
    assert html.status_code == 404 and html.mimetype == "text/html"
    assert "<h1>404 Not Found</h1>" in html.get_data(as_text=True)
    as_json = client.get("/nope", headers={"Accept": "application/json"})
    assert as_json.status_code == 404 and as_json.mimetype == "application/problem+json"
    assert as_json.get_json()["title"] == "Not Found"


def test_405_keeps_its_allow_header(make_app):
    response = make_app(7).test_client().delete("/about")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_unexpected_error_is_logged_not_shown(make_app, caplog):
    app = make_app(7, PROPAGATE_EXCEPTIONS=False)  # TESTING would re-raise it otherwise

    @app.get("/boom")
    def boom():
        raise ZeroDivisionError("secret detail")

    with caplog.at_level(logging.ERROR, logger=app.logger.name):
        response = app.test_client().get("/boom", headers={"X-Request-ID": "req-12345678"})
    assert response.status_code == 500
    assert "secret detail" not in response.get_data(as_text=True)
    record = next(r for r in caplog.records if r.getMessage() == "unhandled error")
    assert record.exc_info[0] is ZeroDivisionError


def test_log_records_carry_the_request_id(make_app):
    from flask.logging import default_handler

    app = make_app(7)
    with app.test_request_context("/", headers={"X-Request-ID": "req-12345678"}):
        app.preprocess_request()
        record = logging.LogRecord("studynotes", logging.WARNING, __file__, 1, "hi", None, None)
        for log_filter in default_handler.filters:
            log_filter.filter(record)
        assert record.request_id == "req-12345678"
        assert "[req-12345678]" in default_handler.format(record)
