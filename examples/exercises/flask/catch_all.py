"""연습 문제: errorhandler(Exception)이 404까지 500으로 바꾸는 버그와 고친 코드."""

from flask import Flask
from werkzeug.exceptions import HTTPException


def create_app(fixed: bool) -> Flask:
    app = Flask(__name__)

    @app.errorhandler(Exception)
    def handle_any(e):
        if fixed and isinstance(e, HTTPException):
            return e  # 404, 405 같은 HTTP 에러는 원래 응답(상태 코드와 헤더)을 그대로 돌려줍니다.
        return {"error": "Internal Server Error"}, 500

    @app.get("/boom")
    def boom():
        return {"result": 1 / 0}

    return app
