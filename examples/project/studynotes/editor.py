"""Chapter 5: writing notes and comments with forms, CSRF protection and Post/Redirect/Get."""

from flask import Blueprint, Flask, flash, redirect, render_template, url_for
from flask_login import login_required
from sqlalchemy import select

from .database import get_or_create_tags
from .extensions import csrf, db
from .forms import CommentForm, NoteForm
from .models import Comment, Note, User
from .permissions import get_own_note, get_visible_note, viewer

bp = Blueprint("editor", __name__, url_prefix="/notes")


def current_author() -> User:
    """Who writes: the logged-in user, or (before chapter 6 adds login) the shared guest."""
    user = viewer()
    if user is not None:
        return user
    guest = db.session.scalar(select(User).where(User.username == "guest"))
    if guest is None:
        guest = User(username="guest", password_hash="!")  # '!' matches no password hash
        db.session.add(guest)
    return guest


# --8<-- [start:new]
@bp.route("/new", methods=["GET", "POST"])
@login_required
def new_note():
    form = NoteForm()
    if form.validate_on_submit():  # a POST with a valid CSRF token and valid fields
        note = Note(title=form.title.data, body=form.body.data, is_public=form.is_public.data,
                    author=current_author(), tags=get_or_create_tags(form.tag_names()))
        db.session.add(note)
        db.session.commit()
        flash("노트를 저장했습니다.", "success")
        return redirect(url_for("notes.show_note", note_id=note.id), code=303)
    status = 422 if form.errors else 200
    return render_template("notes/form.html", form=form, heading="새 노트"), status
# --8<-- [end:new]


@bp.route("/<int:note_id>/edit", methods=["GET", "POST"])
@login_required
def edit_note(note_id: int):
    note = get_own_note(note_id)
    form = NoteForm(obj=note)
    if not form.is_submitted():
        form.tags.data = ", ".join(tag.name for tag in note.tags)
    if form.validate_on_submit():
        note.title, note.body = form.title.data, form.body.data
        note.is_public = form.is_public.data
        note.tags = get_or_create_tags(form.tag_names())
        db.session.commit()
        flash("노트를 고쳤습니다.", "success")
        return redirect(url_for("notes.show_note", note_id=note.id), code=303)
    status = 422 if form.errors else 200
    return render_template("notes/form.html", form=form, heading="노트 고치기"), status


@bp.post("/<int:note_id>/delete")
@login_required
def delete_note(note_id: int):
    note = get_own_note(note_id)
    db.session.delete(note)
    db.session.commit()
    flash("노트를 지웠습니다.", "success")
    return redirect(url_for("notes.list_notes"), code=303)


# --8<-- [start:comment]
def new_comment_form() -> CommentForm:
    form = CommentForm()
    if viewer() is not None:
        del form.author_name  # logged-in users comment under their own name
    return form


@bp.post("/<int:note_id>/comments")
def add_comment(note_id: int):
    note = get_visible_note(note_id)
    form = new_comment_form()
    if not form.validate_on_submit():
        return render_template("notes/detail.html", note=note, comment_form=form), 422
    name = viewer().username if viewer() else form.author_name.data
    note.comments.append(Comment(author_name=name, body=form.body.data))
    db.session.commit()
    flash("댓글을 달았습니다.", "success")
    return redirect(url_for("notes.show_note", note_id=note.id) + "#comments", code=303)
# --8<-- [end:comment]


def init_app(app: Flask) -> None:
    csrf.init_app(app)  # every POST, PUT, PATCH and DELETE must carry a valid token
    app.add_template_global(new_comment_form)
    app.register_blueprint(bp)
