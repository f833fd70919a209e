"""연습 문제: 언어 설정 쿠키(lang)를 POST로 받아 허용 목록으로 검사하고 1년 동안 저장합니다."""

from flask import Flask, request

app = Flask(__name__)

ALLOWED_LANGS = {"ko", "en"}
ONE_YEAR = 365 * 24 * 60 * 60


@app.get("/")
def show_lang():
    lang = request.cookies.get("lang", "ko")
    if lang not in ALLOWED_LANGS:  # 쿠키도 사용자 입력입니다. 읽을 때도 검사합니다.
        lang = "ko"
    return {"lang": lang}


@app.post("/lang")
def set_lang():
    lang = request.form.get("lang", "")
    if lang not in ALLOWED_LANGS:
        return {"error": "lang must be ko or en"}, 400
    response = app.make_response({"lang": lang})
    response.set_cookie(
        "lang", lang, max_age=ONE_YEAR, path="/", secure=True, httponly=True, samesite="Lax"
    )
    return response
