"""연습 문제: 전역 변수에 "사용자 상태"를 두면 생기는 일과 고친 코드."""

from flask import Flask, request

app = Flask(__name__)

# 잘못된 방법: 프로세스 전체가 하나의 값을 공유합니다.
# 요청을 보낸 사람이 누구인지 HTTP는 알려 주지 않으므로, 모든 사용자의 요청이 같은 숫자를 올립니다.
visits = 0


@app.get("/wrong")
def wrong():
    global visits
    visits += 1
    return {"visits": visits}


# 고친 방법: 상태를 요청 안에 실어 보내게 합니다(여기서는 쿠키).
# 숫자를 쿠키에 그대로 두므로 사용자가 고칠 수 있습니다. 믿어야 하는 값이라면 세션을 씁니다.
@app.get("/right")
def right():
    raw = request.cookies.get("visits", "0")
    count = (int(raw) if raw.isdigit() else 0) + 1
    response = app.make_response({"visits": count})
    response.set_cookie("visits", str(count), httponly=True, samesite="Lax")
    return response
