"""JWT 베어러 토큰 예제(PyJWT): /login이 HS256 JWT를 발급하고 /me는 Bearer 토큰을 요구합니다."""

import datetime as dt
import hmac
import os

import jwt
from flask import Flask, request

app = Flask(__name__)

# HS256은 같은 비밀 키로 서명하고 검증합니다. 키는 코드가 아니라 환경 변수 등에서 가져오고,
# 충분히 길고 무작위여야 합니다(여기 기본값은 학습용).
SECRET_KEY = os.environ.get("JWT_SECRET", "change-me-this-is-only-a-demo-secret-key-0123456789")
ALGORITHM = "HS256"
AUDIENCE = "state-demo-api"
ISSUER = "state-demo"
ACCESS_TOKEN_TTL = dt.timedelta(minutes=5)  # 액세스 토큰은 짧게

USERS = {"alice": "wonderland"}


def issue_token(subject: str, ttl: dt.timedelta = ACCESS_TOKEN_TTL) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    claims = {
        "iss": ISSUER,        # 발급자
        "sub": subject,       # 토큰의 주체(누구의 토큰인가)
        "aud": AUDIENCE,      # 이 토큰을 받아야 할 대상
        "iat": now,           # 발급 시각
        "exp": now + ttl,     # 만료 시각: 지나면 거부
    }
    # 페이로드는 서명될 뿐 암호화되지 않습니다. 비밀 정보를 넣지 마세요.
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


def bearer_error(status: int, error: str | None = None, description: str | None = None):
    # RFC 6750 §3: 401 응답에는 Bearer 챌린지를 담은 WWW-Authenticate를 보냅니다.
    # 인증 정보가 아예 없으면 error 코드를 넣지 않습니다.
    challenge = 'Bearer realm="state-demo"'
    if error:
        challenge += f', error="{error}"'
    if description:
        challenge += f', error_description="{description}"'
    body = {"error": error or "unauthorized"}
    return body, status, {"WWW-Authenticate": challenge}


@app.post("/login")
def login():
    data = request.get_json(silent=True) or {}
    username = str(data.get("username", ""))
    password = str(data.get("password", ""))
    expected = USERS.get(username)
    if expected is None or not hmac.compare_digest(password, expected):
        return {"error": "invalid credentials"}, 401, {"WWW-Authenticate": 'Bearer realm="state-demo"'}

    token = issue_token(username)
    body = {
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": int(ACCESS_TOKEN_TTL.total_seconds()),
    }
    # 토큰이 담긴 응답은 캐시에 남지 않게 합니다.
    return body, 200, {"Cache-Control": "no-store"}


@app.get("/me")
def me():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":  # 인증 스킴 이름은 대소문자를 구분하지 않습니다.
        return bearer_error(401)
    token = token.strip()
    if not token:
        return bearer_error(400, "invalid_request", "Bearer token is missing")

    try:
        claims = jwt.decode(
            token,
            SECRET_KEY,
            algorithms=[ALGORITHM],  # 허용할 알고리즘을 서버가 정합니다("none" 거부).
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "aud", "iss"]},
        )
    except jwt.ExpiredSignatureError:
        return bearer_error(401, "invalid_token", "The access token expired")
    except jwt.InvalidTokenError:
        # 서명 불일치(변조), 형식 오류, aud/iss 불일치 등
        return bearer_error(401, "invalid_token", "The access token is invalid")

    return {"user": claims["sub"], "expires_at": claims["exp"]}
