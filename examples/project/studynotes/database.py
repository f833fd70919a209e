"""Chapter 4: bind the database and migrations to the app, and a `seed` command."""

import os

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import select

from .extensions import db, migrate
from .models import Comment, Note, Tag, User


def init_app(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=migrations_dir(app))
    app.cli.add_command(seed)


def migrations_dir(app: Flask) -> str:
    """migrations/ next to the package, wherever the project was unpacked."""
    return os.path.join(os.path.dirname(app.root_path), "migrations")


# --8<-- [start:tags]
def get_or_create_tags(names: list[str]) -> list[Tag]:
    """Tags by name, creating the ones that do not exist yet (N:M needs existing rows)."""
    wanted = sorted({name.strip().lower() for name in names if name.strip()})
    if not wanted:
        return []
    existing = {tag.name: tag for tag in db.session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    return [existing.get(name) or Tag(name=name) for name in wanted]
# --8<-- [end:tags]


# --8<-- [start:seed]
@click.command("seed")
@with_appcontext
def seed() -> None:
    """Create the tables if needed and add a demo user with a few notes."""
    db.create_all()
    if db.session.scalar(select(User).where(User.username == "demo")):
        click.echo("이미 데모 데이터가 있습니다.")
        return
    demo = User(username="demo")
    demo.set_password("demo-password-1234")
    for number in range(1, 13):
        note = Note(title=f"HTTP 공부 {number}일차", body=f"{number}일차에 배운 내용입니다.",
                    author=demo, tags=get_or_create_tags(["http", f"day{number % 3}"]))
        note.comments.append(Comment(author_name="손님", body="잘 읽었습니다."))
        db.session.add(note)
    db.session.commit()
    click.echo("데모 사용자 demo와 노트 12개를 만들었습니다.")
# --8<-- [end:seed]
