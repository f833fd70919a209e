"""서버 측 세션 예제: 상태는 서버의 저장소에, 쿠키에는 추측할 수 없는 세션 ID만 둡니다."""

import hmac
import secrets
import time

from flask import Flask, request

app = Flask(__name__)

SESSION_COOKIE = "sid"
IDLE_TIMEOUT = 15 * 60            # 마지막 요청 뒤 15분 동안 활동이 없으면 만료
ABSOLUTE_TIMEOUT = 8 * 60 * 60    # 로그인 뒤 8시간이 지나면 무조건 만료

# 학습용 사용자 목록입니다. 실제로는 비밀번호 해시를 DB에 저장합니다.
USERS = {"alice": "wonderland"}

# 세션 저장소: {세션 ID: 세션 데이터}. 프로세스 메모리에 있으므로
# 서버를 재시작하면 사라지고, 서버가 여러 대면 공유되지 않습니다.
# 운영에서는 Redis나 DB 같은 공유 저장소를 씁니다.
SESSIONS: dict[str, dict] = {}


def now() -> float:
    """현재 시각(초). 테스트에서 시간을 흉내 낼 수 있도록 함수로 둡니다."""
    return time.time()


def unauthorized(message: str):
    # RFC 9110은 401 응답에 WWW-Authenticate 챌린지를 요구합니다.
    # 쿠키·폼 로그인에는 등록된 인증 스킴이 없어 설명용 이름을 씁니다.
    return {"error": message}, 401, {"WWW-Authenticate": 'Session realm="state-demo"'}


def load_session():
    """쿠키의 세션 ID로 서버 저장소를 찾습니다. 없거나 만료되면 None."""
    sid = request.cookies.get(SESSION_COOKIE)
    if not sid:
        return None, None
    data = SESSIONS.get(sid)
    if data is None:
        return None, None  # 서버가 발급하지 않은(위조된) ID이거나 이미 폐기된 ID
    t = now()
    if t - data["last_seen"] > IDLE_TIMEOUT or t - data["created"] > ABSOLUTE_TIMEOUT:
        del SESSIONS[sid]  # 만료된 세션은 서버에서 지웁니다.
        return None, None
    data["last_seen"] = t
    return sid, data


def set_session_cookie(response, sid: str):
    # Max-Age/Expires를 주지 않았으므로 "세션 쿠키"입니다(브라우저 세션이 끝나면 사라짐).
    response.set_cookie(
        SESSION_COOKIE, sid, path="/", secure=True, httponly=True, samesite="Lax"
    )


@app.post("/login")
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    expected = USERS.get(username)
    if expected is None or not hmac.compare_digest(password, expected):
        return unauthorized("invalid credentials")

    # 세션 고정(session fixation) 방어: 로그인 전에 쓰던 ID는 버리고
    # 로그인 성공 시점에 항상 새 ID를 발급합니다.
    old_sid = request.cookies.get(SESSION_COOKIE)
    if old_sid:
        SESSIONS.pop(old_sid, None)

    sid = secrets.token_urlsafe(32)  # 256비트 난수: 추측할 수 없어야 합니다.
    t = now()
    SESSIONS[sid] = {"user": username, "count": 0, "created": t, "last_seen": t}

    response = app.make_response(({"user": username}, 200))
    set_session_cookie(response, sid)
    return response


@app.get("/counter")
def counter():
    sid, data = load_session()
    if data is None:
        return unauthorized("login required")
    data["count"] += 1  # 상태는 서버에 있고, 쿠키에는 ID만 있습니다.
    return {"user": data["user"], "count": data["count"]}


@app.post("/logout")
def logout():
    sid, data = load_session()
    if sid is not None:
        SESSIONS.pop(sid, None)  # 서버 쪽 세션을 먼저 폐기합니다.
    response = app.make_response(("", 204))
    # 브라우저의 쿠키도 지우라고 요청합니다(Max-Age=0).
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="Lax")
    return response
