"""연습 문제 풀이: 마지막으로 받은 HTTP/1.x 메시지를 보고 연결이 유지되는지 판단합니다(RFC 9112 §9.3)."""


def connection_persists(
    version: str,
    connection: str = "",
    *,
    recipient_is_proxy: bool = False,
    message_is_response: bool = True,
    honors_http10_keep_alive: bool = True,
) -> bool:
    """`version`은 "HTTP/1.0"이나 "HTTP/1.1", `connection`은 Connection 헤더의 값입니다."""
    options = {option.strip().lower() for option in connection.split(",") if option.strip()}
    if "close" in options:
        return False
    if version == "HTTP/1.1":  # 이 예제는 HTTP/1.x만 다룹니다.
        return True
    if version == "HTTP/1.0":
        return (
            "keep-alive" in options
            and (not recipient_is_proxy or message_is_response)
            and honors_http10_keep_alive
        )
    return False


if __name__ == "__main__":
    print(connection_persists("HTTP/1.1"))  # True: 1.1은 닫겠다는 말이 없으면 유지
    print(connection_persists("HTTP/1.1", "close"))  # False
    print(connection_persists("HTTP/1.0"))  # False: 1.0의 기본은 닫기
    print(connection_persists("HTTP/1.0", "keep-alive"))  # True: 응답이고 받는 쪽이 따르기로 함
    # 프록시가 HTTP/1.0 요청의 keep-alive를 받은 경우
    print(connection_persists("HTTP/1.0", "keep-alive", recipient_is_proxy=True, message_is_response=False))  # False
