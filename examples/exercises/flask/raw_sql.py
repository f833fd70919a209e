"""연습 문제: f-string으로 만든 원시 SQL을 이름 붙은 바인드 매개변수로 고칩니다."""

from sqlalchemy import create_engine, text

engine = create_engine("sqlite://")
with engine.begin() as conn:
    conn.execute(text("CREATE TABLE post (id INTEGER PRIMARY KEY, title TEXT)"))
    conn.execute(text("INSERT INTO post (title) VALUES ('공개 글'), ('비공개 글')"))


def find_wrong(title: str) -> list[str]:
    # 잘못된 방법: 입력이 SQL 문의 일부가 됩니다.
    with engine.connect() as conn:
        return list(conn.execute(text(f"SELECT title FROM post WHERE title = '{title}'")).scalars())


def find(title: str) -> list[str]:
    # 고친 방법: SQL 구조는 고정하고 값은 :title 자리에 데이터로만 보냅니다.
    with engine.connect() as conn:
        stmt = text("SELECT title FROM post WHERE title = :title")
        return list(conn.execute(stmt, {"title": title}).scalars())
