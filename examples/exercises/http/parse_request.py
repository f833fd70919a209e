"""연습 문제 풀이: HTTP/1.1 요청 바이트를 시작 줄, 헤더, 빈 줄, 본문으로 나눕니다.

공부용으로 아주 단순하게 만든 파서입니다. 실제 서버는 RFC 9112의 모든 규칙(청크 전송 코딩,
잘못된 메시지 거부 등)을 지켜야 하므로 직접 만들지 말고 검증된 서버를 쓰세요.
"""


def parse_request(raw: bytes):
    head, _, rest = raw.partition(b"\r\n\r\n")  # 빈 줄(CR LF 두 번)이 헤더의 끝입니다.
    request_line, *field_lines = head.decode("ascii").split("\r\n")
    method, target, version = request_line.split(" ")  # 메서드, 요청 대상, 버전 순서입니다.
    headers = {}
    for line in field_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()  # 헤더 이름은 대소문자를 구별하지 않습니다.
    length = int(headers.get("content-length", "0"))  # 글자 수가 아니라 바이트 수입니다.
    return method, target, version, headers, rest[:length]


if __name__ == "__main__":
    body = '{"title":"안녕"}'.encode("utf-8")
    raw = (
        b"POST /posts HTTP/1.1\r\n"
        b"Host: blog.example.com\r\n"
        b"Content-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        b"\r\n" + body
    )
    method, target, version, headers, content = parse_request(raw)
    print(method, target, version)
    print(headers["content-length"], len('{"title":"안녕"}'))  # 바이트 수와 글자 수
    print(content.decode("utf-8"))
