"""연습 문제: 상태 확인용 /health 라우트를 더한 첫 애플리케이션입니다."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "<p>안녕하세요, Flask!</p>"


@app.get("/health")
def health():
    # dict를 반환하면 Flask가 200 OK, application/json 응답을 만듭니다.
    return {"status": "ok"}
