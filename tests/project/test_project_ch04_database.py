"""Chapter 4: models, 1:N and N:M relations, select() queries, pagination, migrations."""

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import func, select

from studynotes import create_app
from studynotes.database import get_or_create_tags
from studynotes.extensions import db
from studynotes.models import Comment, Note, Tag, User


def add_notes(count: int, author: User, **fields) -> None:
    for number in range(count):
        db.session.add(Note(title=f"노트 {number}", body="내용", author=author, **fields))
    db.session.commit()


def test_relations(make_app):
    with make_app(4).app_context():
        alice = User(username="alice", password_hash="x")
        note = Note(title="HTTP", body="요청과 응답", author=alice, tags=get_or_create_tags(["http", "web"]))
        note.comments.append(Comment(author_name="bob", body="좋아요"))
        db.session.add(note)
        db.session.commit()
        again = Note(title="쿠키", body="...", author=alice, tags=get_or_create_tags(["HTTP "]))
        db.session.add(again)
        db.session.commit()
        assert db.session.scalar(select(func.count(Tag.id))) == 2  # "HTTP " reused the tag "http"
        http = db.session.scalar(select(Tag).where(Tag.name == "http"))
        assert {n.title for n in http.notes} == {"HTTP", "쿠키"}  # N:M both ways
        assert [n.title for n in alice.notes] == ["HTTP", "쿠키"]  # 1:N
        assert note.comments[0].note is note
        tagged = db.session.scalars(select(Note).where(Note.tags.any(Tag.name == "web"))).all()
        assert tagged == [note]


def test_deleting_a_note_deletes_its_comments(make_app):
    with make_app(4).app_context():
        note = Note(title="t", body="b", author=User(username="a", password_hash="x"))
        note.comments.append(Comment(author_name="c", body="d"))
        db.session.add(note)
        db.session.commit()
        db.session.delete(note)
        db.session.commit()
        assert db.session.scalar(select(func.count(Comment.id))) == 0


def test_version_column_counts_updates(make_app):
    with make_app(4).app_context():
        note = Note(title="t", body="b", author=User(username="a", password_hash="x"))
        db.session.add(note)
        db.session.commit()
        assert note.version == 1
        note.body = "고침"
        db.session.commit()
        assert note.version == 2


def test_list_paginates_and_filters(make_app):
    app = make_app(4)
    with app.app_context():
        author = User(username="alice", password_hash="x")
        add_notes(12, author)
        db.session.add(Note(title="태그 노트", body="b", author=author, tags=get_or_create_tags(["flask"])))
        db.session.commit()
    client = app.test_client()
    first = client.get("/notes/").get_data(as_text=True)
    assert first.count('class="note-card"') == 10 and "1 / 2" in first
    assert 'rel="next" href="/notes/?page=2"' in first
    second = client.get("/notes/?page=2").get_data(as_text=True)
    assert second.count('class="note-card"') == 3
    assert client.get("/notes/?page=3").status_code == 404
    tagged = client.get("/notes/?tag=flask").get_data(as_text=True)
    assert tagged.count('class="note-card"') == 1 and "태그 노트" in tagged


def test_detail_and_private_notes(make_app):
    app = make_app(4)
    with app.app_context():
        author = User(username="alice", password_hash="x")
        add_notes(1, author)
        db.session.add(Note(title="비밀", body="b", author=author, is_public=False))
        db.session.commit()
    client = app.test_client()
    assert client.get("/notes/1").status_code == 200
    assert client.get("/notes/2").status_code == 404  # private: as if it did not exist
    assert client.get("/notes/99").status_code == 404
    assert "비밀" not in client.get("/notes/").get_data(as_text=True)


def test_seed_command(make_app):
    app = make_app(4)
    runner = app.test_cli_runner()
    assert "노트 12개" in runner.invoke(args=["seed"]).output
    assert "이미" in runner.invoke(args=["seed"]).output
    with app.app_context():
        assert db.session.scalar(select(func.count(Note.id))) == 12


def test_migrations_upgrade_an_empty_database(tmp_path):
    path = tmp_path / "empty.db"
    app = create_app("testing", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                                 "UPLOAD_FOLDER": str(tmp_path)})
    with app.app_context():
        upgrade()
        # The migrations create exactly what the models describe: autogenerate finds nothing.
        with db.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), db.metadata) == []
    tables = {row[0] for row in sqlite3.connect(path).execute("select name from sqlite_master where type='table'")}
    assert {"users", "notes", "tags", "note_tags", "comments", "attachments", "alembic_version"} <= tables
    version = sqlite3.connect(path).execute("select version_num from alembic_version").fetchone()
    assert version == ("0002",)
