"""연습 문제 풀이: 상태 코드를 클래스(첫 자리)로 판단하는 클라이언트 쪽 함수입니다."""

KNOWN = {200, 201, 204, 301, 304, 400, 401, 403, 404, 429, 500, 503}


def understood_as(status: int) -> int:
    """모르는 코드는 같은 클래스의 x00으로 취급합니다(RFC 9110 §15)."""
    if not 100 <= status <= 599:
        raise ValueError(f"not a status code: {status}")
    return status if status in KNOWN else status // 100 * 100


def outcome(status: int) -> str:
    code = understood_as(status)
    if 200 <= code < 300:
        return "성공"
    if code == 304:
        return "캐시 사용"
    if 300 <= code < 400:
        return "다른 곳으로"
    if code == 429:
        return "기다렸다가 다시"
    if 400 <= code < 500:
        return "요청을 고쳐야 함"
    return "서버 문제"


if __name__ == "__main__":
    for status in (201, 204, 299, 304, 308, 429, 471, 503, 599):
        print(status, understood_as(status), outcome(status))
