"""flask.session(서명된 쿠키)으로 방문 횟수를 세는 예제입니다."""
import os
from datetime import timedelta

from flask import Flask, make_response, request, session

app = Flask(__name__)
# 세션 쿠키에 서명할 비밀 키: 실제로는 환경 변수 등에서 읽고 저장소에 올리지 않습니다.
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev-only-change-me")
app.config.update(
    SESSION_COOKIE_HTTPONLY=True,   # 기본값도 True: JavaScript(document.cookie)에서 읽지 못합니다.
    SESSION_COOKIE_SAMESITE="Lax",  # 다른 사이트에서 시작된 POST 등에는 쿠키를 보내지 않습니다.
    SESSION_COOKIE_SECURE=False,    # HTTPS로 배포할 때는 True로 바꿉니다(개발 서버는 HTTP).
    PERMANENT_SESSION_LIFETIME=timedelta(days=7),
)


@app.get("/count")
def count():
    # session은 dict처럼 씁니다. 값을 바꾸면 응답에 새 Set-Cookie가 붙습니다.
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}


@app.get("/remember")
def remember():
    session.permanent = True  # Expires가 붙어 PERMANENT_SESSION_LIFETIME 동안 유지됩니다.
    return {"permanent": True}


@app.post("/logout")
def logout():
    session.clear()  # 세션을 비우면 Flask가 쿠키를 지우는 Set-Cookie를 보냅니다.
    return "", 204


ALLOWED_THEMES = {"light", "dark"}


@app.post("/theme")
def theme():
    # 세션이 아닌 일반 쿠키를 직접 설정하는 방법입니다.
    # 상태를 바꾸는 요청이므로 GET이 아니라 POST로 받고,
    # 쿠키에 넣을 값은 사용자 입력이므로 허용 목록으로 검사합니다.
    name = request.form.get("theme", "")
    if name not in ALLOWED_THEMES:
        return {"error": "theme must be light or dark"}, 400
    resp = make_response({"theme": name})
    resp.set_cookie(
        "theme", name,
        max_age=60 * 60 * 24 * 30,  # 30일(초 단위)
        path="/",
        secure=False,      # HTTPS에서는 True
        httponly=True,
        samesite="Lax",
    )
    return resp
