"""연습 문제: 비밀 키 없이 Flask 세션 쿠키의 데이터를 읽습니다(압축된 경우 포함)."""

import base64
import json
import zlib


def peek_session(cookie_value: str) -> dict:
    compressed = cookie_value.startswith(".")  # 압축본을 쓴 경우에만 맨 앞에 '.'이 붙습니다.
    payload = cookie_value.lstrip(".").split(".")[0]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    if compressed:
        raw = zlib.decompress(raw)
    return json.loads(raw)
