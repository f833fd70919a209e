"""연습 문제: 비밀 키 없이 JWT의 헤더와 페이로드를 읽습니다(서명은 검증하지 않음)."""

import base64
import json


def b64url_decode(part: str) -> bytes:
    # base64url은 끝의 '=' 패딩을 뺍니다. 디코드하기 전에 4의 배수가 되도록 다시 붙입니다.
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def peek(token: str) -> tuple[dict, dict]:
    header, payload, _signature = token.split(".")
    return json.loads(b64url_decode(header)), json.loads(b64url_decode(payload))


if __name__ == "__main__":
    token = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        "eyJpc3MiOiJzdGF0ZS1kZW1vIiwic3ViIjoiYWxpY2UiLCJhdWQiOiJzdGF0ZS1kZW1vLWFwaSIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoxNzY3MjI1OTAwfQ."
        "iJqtFSHHZdjWXTYObiSiiDDdkihIzW4yZJsB_vWh--Y"
    )
    header, claims = peek(token)
    print(header)
    print(claims)
