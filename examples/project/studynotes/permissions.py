"""Who may see and change a note. Used from chapter 4 on; chapter 7 explains the rules."""

from flask import abort, current_app, g
from flask_login import current_user
from sqlalchemy import or_

from .extensions import db
from .models import Note, User


def viewer() -> User | None:
    """Who is asking: a bearer token's user (chapter 9), the logged-in user, or None."""
    user = g.get("token_user")
    if user is None and "auth" in current_app.config["FEATURES"] and current_user.is_authenticated:
        user = current_user._get_current_object()
    return user


# --8<-- [start:visible]
def visible_clause():
    """SQL condition: public notes, plus the viewer's own private ones."""
    user = viewer()
    if user is None:
        return Note.is_public
    return or_(Note.is_public, Note.author_id == user.id)


def get_visible_note(note_id: int) -> Note:
    """The note, or 404 when it does not exist *or* the viewer may not know that it does."""
    note = db.session.get(Note, note_id)
    if note is None or not (note.is_public or note.author_id == getattr(viewer(), "id", None)):
        abort(404)
    return note


def get_own_note(note_id: int) -> Note:
    """The viewer's note to change: 404 if invisible, 403 if visible but someone else's."""
    note = get_visible_note(note_id)
    user = viewer()
    if user is not None and note.author_id != user.id:
        current_app.logger.warning("user %s may not change note %s", user.id, note.id)
        abort(403)
    return note
# --8<-- [end:visible]
