"""Chapter 5: Flask-WTF forms, CSRF tokens, validation errors, flash, Post/Redirect/Get (303)."""

from .project_helpers import create_note, csrf_from, note_id_from


def test_form_has_a_csrf_token(make_app):
    html = make_app(5).test_client().get("/notes/new").get_data(as_text=True)
    assert 'name="csrf_token" type="hidden" value="' in html


def test_post_without_csrf_token_is_rejected(make_app):
    client = make_app(5).test_client()
    response = client.post("/notes/new", data={"title": "t", "body": "b"})
    assert response.status_code == 400
    assert "The CSRF token is missing." in response.get_data(as_text=True)


def test_csrf_token_from_another_session_is_rejected(make_app):
    app = make_app(5)
    attacker, victim = app.test_client(), app.test_client()
    token = csrf_from(attacker, "/notes/new")  # valid, but bound to the attacker's session
    response = victim.post("/notes/new", data={"csrf_token": token, "title": "t", "body": "b"})
    assert response.status_code == 400
    assert "The CSRF session token is missing." in response.get_data(as_text=True)


def test_invalid_form_is_shown_again_with_422(make_app):
    client = make_app(5).test_client()
    token = csrf_from(client, "/notes/new")
    response = client.post("/notes/new", data={"csrf_token": token, "title": "", "body": "b",
                                               "tags": "a,b,c,d,e,f"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "제목을 입력하세요." in html and "태그는 5개까지" in html
    assert 'value="a,b,c,d,e,f"' in html  # what the user typed is kept


def test_post_redirect_get_with_303_and_flash(make_app):
    client = make_app(5).test_client()
    response = create_note(client)
    assert response.status_code == 303
    assert response.headers["Location"] == "/notes/1"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "노트를 저장했습니다." in page and "#http" in page and "guest" in page
    assert "노트를 저장했습니다." not in client.get("/notes/1").get_data(as_text=True)  # shown once


def test_edit_and_delete(make_app):
    client = make_app(5).test_client()
    note_id = note_id_from(create_note(client))
    token = csrf_from(client, f"/notes/{note_id}/edit")
    edited = client.post(f"/notes/{note_id}/edit", data={"csrf_token": token, "title": "고친 제목",
                                                        "body": "b", "tags": "web", "is_public": "y"})
    assert edited.status_code == 303
    assert "고친 제목" in client.get(f"/notes/{note_id}").get_data(as_text=True)
    assert client.post(f"/notes/{note_id}/delete").status_code == 400  # no token
    deleted = client.post(f"/notes/{note_id}/delete", data={"csrf_token": token})
    assert deleted.status_code == 303 and deleted.headers["Location"] == "/notes/"
    assert client.get(f"/notes/{note_id}").status_code == 404


def test_comments(make_app):
    client = make_app(5).test_client()
    note_id = note_id_from(create_note(client))
    token = csrf_from(client, f"/notes/{note_id}")
    empty = client.post(f"/notes/{note_id}/comments", data={"csrf_token": token, "author_name": "민수"})
    assert empty.status_code == 422 and "댓글을 입력하세요." in empty.get_data(as_text=True)
    added = client.post(f"/notes/{note_id}/comments",
                        data={"csrf_token": token, "author_name": "민수", "body": "<b>질문</b>"})
    assert added.status_code == 303 and added.headers["Location"] == f"/notes/{note_id}#comments"
    html = client.get(f"/notes/{note_id}").get_data(as_text=True)
    assert "&lt;b&gt;질문&lt;/b&gt;" in html and "댓글 1개" in html
