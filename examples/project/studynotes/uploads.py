"""Chapter 10: attachments. Safe names, a size limit (413), a content check, files off the web root."""

import os
import uuid
from datetime import datetime

from flask import (Blueprint, Flask, current_app, flash, redirect, render_template,
                   send_from_directory, url_for)
from flask_login import login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.utils import secure_filename

from .extensions import db
from .models import Note, utcnow
from .permissions import get_own_note, get_visible_note

bp = Blueprint("uploads", __name__)


# --8<-- [start:model]
class Attachment(db.Model):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))  # the user's name, made safe
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)  # our random name on disk
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
# --8<-- [end:model]


# --8<-- [start:sniff]
ALLOWED = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
           "pdf": "application/pdf", "txt": "text/plain", "md": "text/markdown"}
MAGIC = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff", "application/pdf": b"%PDF-"}


def sniff(data: bytes, extension: str) -> str | None:
    """The content type if the bytes really are what the extension claims, else None."""
    content_type = ALLOWED.get(extension)
    if content_type in MAGIC:
        return content_type if data.startswith(MAGIC[content_type]) else None
    if content_type is not None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return content_type
# --8<-- [end:sniff]


class AttachmentForm(FlaskForm):
    file = FileField("첨부 파일", validators=[
        FileRequired("파일을 고르세요."),
        FileAllowed(sorted(ALLOWED), "png, jpg, pdf, txt, md 파일만 올릴 수 있습니다.")])


def attachments_of(note: Note) -> list[Attachment]:
    return list(db.session.scalars(select(Attachment).where(Attachment.note_id == note.id)
                                   .order_by(Attachment.id)))


# --8<-- [start:upload]
@bp.post("/notes/<int:note_id>/attachments")
@login_required
def upload(note_id: int):
    note = get_own_note(note_id)
    form = AttachmentForm()  # reading the body raises 413 if it exceeds MAX_CONTENT_LENGTH
    if form.validate_on_submit():
        upload = form.file.data
        name = secure_filename(upload.filename) or "file"
        data = upload.read()
        content_type = sniff(data, name.rsplit(".", 1)[-1].lower() if "." in name else "")
        if content_type is None:
            form.file.errors.append("파일 내용이 확장자와 맞지 않습니다.")
        else:
            stored = uuid.uuid4().hex
            with open(os.path.join(current_app.config["UPLOAD_FOLDER"], stored), "wb") as out:
                out.write(data)
            db.session.add(Attachment(note_id=note.id, filename=name, stored_name=stored,
                                      content_type=content_type, size=len(data)))
            db.session.commit()
            flash(f"{name} 파일을 올렸습니다.", "success")
            return redirect(url_for("notes.show_note", note_id=note.id), code=303)
    return render_template("notes/detail.html", note=note, attachment_form=form), 422
# --8<-- [end:upload]


# --8<-- [start:download]
@bp.get("/attachments/<int:attachment_id>")
def download(attachment_id: int):
    attachment = db.get_or_404(Attachment, attachment_id)
    get_visible_note(attachment.note_id)  # same visibility as the note itself
    return send_from_directory(current_app.config["UPLOAD_FOLDER"], attachment.stored_name,
                               mimetype=attachment.content_type, as_attachment=True,
                               download_name=attachment.filename)
# --8<-- [end:download]


# --8<-- [start:init]
def init_app(app: Flask) -> None:
    # Outside the package and outside static/: nothing uploaded is served as a web page.
    app.config.setdefault("UPLOAD_FOLDER", os.path.join(app.instance_path, "uploads"))
    os.makedirs(app.config["UPLOAD_FOLDER"], exist_ok=True)
    app.add_template_global(attachments_of)
    app.add_template_global(AttachmentForm, "new_attachment_form")
    app.register_blueprint(bp)
# --8<-- [end:init]
