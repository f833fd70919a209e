"""Chapter 4: the tables. Users write notes (1:N), notes have comments (1:N) and tags (N:M)."""

from datetime import datetime, timezone

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


# --8<-- [start:note-tags]
note_tags = Table(
    "note_tags",
    db.metadata,
    Column("note_id", ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)
# --8<-- [end:note-tags]


# --8<-- [start:user]
class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    notes: Mapped[list["Note"]] = relationship(back_populates="author")

    def set_password(self, password: str) -> None:
        # scrypt with a fresh random salt; tests may lower the cost with PASSWORD_HASH_METHOD
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)
# --8<-- [end:user]


# --8<-- [start:note]
class Note(db.Model):
    __tablename__ = "notes"
    __table_args__ = (UniqueConstraint("author_id", "title", name="uq_notes_author_title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    is_public: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)  # bumped on every UPDATE; the API's ETag
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)

    author: Mapped[User] = relationship(back_populates="notes")
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="note", cascade="all, delete-orphan", order_by="Comment.id")
    tags: Mapped[list["Tag"]] = relationship(secondary=note_tags, back_populates="notes")

    __mapper_args__ = {"version_id_col": version}
# --8<-- [end:note]


# --8<-- [start:tag-comment]
class Tag(db.Model):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)

    notes: Mapped[list[Note]] = relationship(secondary=note_tags, back_populates="tags")


class Comment(db.Model):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    author_name: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)

    note: Mapped[Note] = relationship(back_populates="comments")
# --8<-- [end:tag-comment]
