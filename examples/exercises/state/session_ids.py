"""연습 문제: 순번으로 만든 세션 ID를 추측할 수 없는 ID로 바꿉니다."""

import itertools
import secrets

_counter = itertools.count(1001)


def guessable_session_id() -> str:
    # 잘못된 방법: 내 ID가 sid-1005이면 바로 앞 사용자의 ID는 sid-1004입니다.
    return f"sid-{next(_counter)}"


def new_session_id() -> str:
    # 고친 방법: 운영체제의 암호학적 난수로 만든 256비트 값을 URL에 안전한 43자로 씁니다.
    return secrets.token_urlsafe(32)
