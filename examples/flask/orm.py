"""Flask-SQLAlchemy 3.1 + SQLAlchemy 2.x 스타일(Mapped, mapped_column, select) 예제입니다."""
from datetime import datetime, timezone

from flask import Flask, abort, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


class User(db.Model):
    # 클래스 하나가 테이블 하나, 속성 하나가 열(column) 하나에 대응합니다.
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    # 한 사용자가 여러 글을 가집니다(1:N). back_populates로 양쪽을 연결합니다.
    posts: Mapped[list["Post"]] = relationship(back_populates="author")


class Post(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str | None]  # Optional이면 NULL 허용 열이 됩니다.
    created_at: Mapped[datetime] = mapped_column(default=lambda: datetime.now(timezone.utc))
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    author: Mapped["User"] = relationship(back_populates="posts")


def create_app(database_uri="sqlite:///:memory:"):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_uri
    db.init_app(app)

    with app.app_context():
        db.create_all()  # 예제용: 실제 프로젝트에서는 마이그레이션(Alembic)으로 스키마를 관리합니다.

    @app.post("/users/<name>/posts")
    def add_post(name):
        # 사용자가 없으면 만들고, 글을 추가한 뒤 한 번에 커밋합니다(하나의 트랜잭션).
        user = db.session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            user = User(name=name)
            db.session.add(user)
        data = request.get_json()
        post = Post(title=data["title"], body=data.get("body"), author=user)
        db.session.add(post)
        db.session.commit()
        return {"id": post.id, "author": user.name}, 201

    @app.get("/users/<name>/posts")
    def user_posts(name):
        user = db.session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            abort(404)
        # relationship 덕분에 user.posts로 관련 글을 가져옵니다(SQL은 SQLAlchemy가 만듭니다).
        return {"user": user.name, "posts": [p.title for p in user.posts]}

    @app.get("/search")
    def search():
        q = request.args.get("q", "")
        # 사용자 입력은 문자열로 SQL에 이어 붙이지 않습니다. contains()는 바인드 매개변수를 씁니다.
        # autoescape=True: 입력 속 %, _ 를 LIKE 와일드카드가 아닌 글자로 취급합니다.
        stmt = select(Post).where(Post.title.contains(q, autoescape=True)).order_by(Post.id)
        return {"titles": [p.title for p in db.session.scalars(stmt)]}

    return app
