"""Chapter 4: reading notes from the database: a paginated list, a tag filter, one note."""

from flask import Blueprint, Flask, current_app, render_template, request
from sqlalchemy import select

from .extensions import db
from .models import Note, Tag
from .permissions import get_visible_note, visible_clause

bp = Blueprint("notes", __name__, url_prefix="/notes")


# --8<-- [start:list]
@bp.get("/")
def list_notes():
    query = select(Note).where(visible_clause()).order_by(Note.created_at.desc(), Note.id.desc())
    tag = request.args.get("tag")
    if tag:
        query = query.where(Note.tags.any(Tag.name == tag))
    page = db.paginate(query, per_page=current_app.config["NOTES_PER_PAGE"], max_per_page=50)
    return render_template("notes/list.html", page=page, tag=tag)
# --8<-- [end:list]


# --8<-- [start:detail]
@bp.get("/<int:note_id>")
def show_note(note_id: int):
    note = get_visible_note(note_id)
    return render_template("notes/detail.html", note=note)
# --8<-- [end:detail]


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
