"""연습 문제: 이 앱의 버그를 찾아보세요. 로그인한 사용자를 전역 변수에 기억합니다."""

from flask import Flask, request

app = Flask(__name__)

current_user = None  # 버그: 모든 요청, 모든 사용자가 이 변수 하나를 함께 씁니다.


@app.post("/login")
def login():
    global current_user
    current_user = request.form["name"]
    return {"logged_in": current_user}


@app.get("/me")
def me():
    return {"user": current_user}


if __name__ == "__main__":
    alice, bob = app.test_client(), app.test_client()  # 서로 다른 두 브라우저
    alice.post("/login", data={"name": "alice"})
    print(bob.get("/me").get_json())  # {'user': 'alice'}: 로그인하지 않은 bob이 alice로 보입니다.
