"""연습 문제: 허용 알고리즘과 필수 클레임을 고정해 JWT를 검증합니다."""

import jwt

SECRET_KEY = "exercise-only-secret-key-0123456789-abcdefghij"
AUDIENCE = "state-demo-api"
ISSUER = "state-demo"


def verify_wrong(token: str) -> dict:
    # 잘못된 방법: algorithms를 주지 않았습니다. PyJWT 2는 이 호출을 DecodeError로 거부합니다.
    return jwt.decode(token, SECRET_KEY)


def verify(token: str) -> dict:
    # 고친 방법: 서버가 알고리즘을 정하고, exp·aud·iss 같은 클레임이 꼭 있게 합니다.
    return jwt.decode(
        token,
        SECRET_KEY,
        algorithms=["HS256"],
        audience=AUDIENCE,
        issuer=ISSUER,
        options={"require": ["exp", "iat", "sub", "aud", "iss"]},
    )
