"""연습 문제: 기본 키는 flush 때 INSERT로 정해집니다. commit 뒤의 만료(expire)와는 다른 일입니다."""

from sqlalchemy import String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


def trace() -> list[str]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    sql: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda conn, cur, stmt, *rest: sql.append(stmt.split()[0]))
    steps = []
    with Session(engine) as session:
        user = User(name="kim")
        session.add(user)
        steps.append(f"add 뒤: id={user.id}, SQL={sql}")
        session.flush()
        steps.append(f"flush 뒤: id={user.id}, SQL={sql}")
        session.commit()
        steps.append(f"commit 뒤: SQL={sql}")
        user_id = user.id  # 만료된 객체라 값을 다시 읽는 SELECT가 나갑니다.
        steps.append(f"id 읽은 뒤: id={user_id}, SQL={sql}")
    return steps


if __name__ == "__main__":
    print("\n".join(trace()))
