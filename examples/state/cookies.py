"""쿠키 예제: Set-Cookie로 쿠키를 요청하고, 브라우저가 돌려보낸 Cookie를 읽습니다."""

from flask import Flask, request

app = Flask(__name__)

ALLOWED_THEMES = {"light", "dark"}
ONE_WEEK = 7 * 24 * 60 * 60  # 초 단위


@app.get("/")
def show_theme():
    # 브라우저가 보낸 Cookie 헤더에서 값을 꺼냅니다. 없으면 기본값을 씁니다.
    theme = request.cookies.get("theme", "light")
    return {"theme": theme}


@app.post("/theme")
def set_theme():
    theme = request.form.get("theme", "")
    if theme not in ALLOWED_THEMES:
        # 쿠키 값도 결국 사용자 입력이므로 허용 목록으로 검사합니다.
        return {"error": "theme must be light or dark"}, 400

    response = app.make_response(({"theme": theme}, 200))
    # 서버는 "이 쿠키를 저장해 달라"고 요청할 뿐이고, 저장은 브라우저가 합니다.
    response.set_cookie(
        "theme",
        theme,
        max_age=ONE_WEEK,  # Max-Age가 있으면 Expires보다 우선합니다.
        path="/",          # 이 사이트의 모든 경로에 쿠키를 보냅니다.
        secure=True,       # HTTPS 요청에만 보냅니다.
        httponly=True,     # document.cookie 같은 스크립트 API에서 숨깁니다.
        samesite="Lax",    # 다른 사이트에서 시작된 하위 요청에는 보내지 않습니다.
    )
    return response


@app.post("/theme/reset")
def reset_theme():
    response = app.make_response(({"theme": "light"}, 200))
    # 삭제도 Set-Cookie로 합니다: Max-Age=0과 지난 Expires로 덮어씁니다.
    # 이름·Path·Domain이 저장할 때와 같아야 같은 쿠키로 인식됩니다.
    response.delete_cookie("theme", path="/", secure=True, httponly=True, samesite="Lax")
    return response
