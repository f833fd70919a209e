"""Chapter 10: uploads: secure_filename, 413 over the size limit, content checks, storage."""

import io
import os

from werkzeug.utils import secure_filename

from studynotes.uploads import sniff
from .project_helpers import create_note, csrf_from, note_id_from, signup

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def setup_note(app):
    client = app.test_client()
    signup(client)
    note_id = note_id_from(create_note(client))
    return client, note_id, csrf_from(client, f"/notes/{note_id}")


def upload(client, note_id, token, data: bytes, name: str):
    return client.post(f"/notes/{note_id}/attachments",
                       data={"csrf_token": token, "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_secure_filename():
    assert secure_filename("../../etc/passwd") == "etc_passwd"
    assert secure_filename("my notes.PNG") == "my_notes.PNG"
    assert secure_filename("공부.png") == "png"  # non-ASCII letters are dropped


def test_sniff():
    assert sniff(PNG, "png") == "image/png"
    assert sniff(b"<html>", "png") is None
    assert sniff("노트".encode(), "md") == "text/markdown"
    assert sniff(b"\xff\xfe\x00", "txt") is None
    assert sniff(b"MZ", "exe") is None


def test_upload_and_download(make_app, tmp_path):
    app = make_app(10)
    client, note_id, token = setup_note(app)
    response = upload(client, note_id, token, PNG, "../../diagram.png")
    assert response.status_code == 303
    stored = os.listdir(app.config["UPLOAD_FOLDER"])
    assert len(stored) == 1 and len(stored[0]) == 32  # our random name, not the user's
    page = client.get(f"/notes/{note_id}").get_data(as_text=True)
    assert "diagram.png" in page and "40바이트" in page
    download = client.get("/attachments/1")
    assert download.status_code == 200 and download.data == PNG
    assert download.headers["Content-Disposition"] == "attachment; filename=diagram.png"
    assert download.mimetype == "image/png"


def test_rejects_wrong_content_and_extension(make_app):
    client, note_id, token = setup_note(make_app(10))
    fake = upload(client, note_id, token, b"<script>alert(1)</script>", "cat.png")
    assert fake.status_code == 422 and "확장자와 맞지 않습니다" in fake.get_data(as_text=True)
    exe = upload(client, note_id, token, b"MZ...", "tool.exe")
    assert exe.status_code == 422 and "만 올릴 수 있습니다" in exe.get_data(as_text=True)
    assert upload(client, note_id, "", PNG, "a.png").status_code == 400  # CSRF here too


def test_too_large_is_413(make_app):
    client, note_id, token = setup_note(make_app(10, MAX_CONTENT_LENGTH=1024))
    response = upload(client, note_id, token, PNG + b"\x00" * 2048, "big.png")
    assert response.status_code == 413
    assert "413 Request Entity Too Large" in response.get_data(as_text=True)


def test_only_the_owner_uploads(make_app):
    app = make_app(10)
    client, note_id, token = setup_note(app)
    bob = app.test_client()
    signup(bob, "bob")
    bob_token = csrf_from(bob, f"/notes/{note_id}")
    assert upload(bob, note_id, bob_token, PNG, "x.png").status_code == 403
