"""연습 문제 풀이: 같은 이름의 헤더가 여러 번 나올 때 Flask(Werkzeug)가 어떻게 다루는지 확인합니다."""

from flask import Flask, request

app = Flask(__name__)


@app.get("/")
def show():
    return {
        "first": request.headers.get("accept-language"),  # 이름의 대소문자는 상관없습니다.
        "all": request.headers.getlist("Accept-Language"),
    }


@app.get("/login")
def login():
    response = app.make_response(("로그인됨", 200))
    response.set_cookie("session", "abc", httponly=True)
    response.set_cookie("theme", "dark")
    return response


if __name__ == "__main__":
    client = app.test_client()
    # 같은 이름의 헤더 두 줄은 순서대로 쉼표로 이은 한 값과 같은 뜻입니다.
    print(client.get("/", headers=[("Accept-Language", "ko"), ("Accept-Language", "en;q=0.5")]).get_json())
    # Set-Cookie는 합치지 않고 줄마다 따로 보냅니다.
    print(client.get("/login").headers.getlist("Set-Cookie"))
