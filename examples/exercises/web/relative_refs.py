"""연습 문제 풀이: 상대 참조를 기준 URI에 맞춰 해석합니다(RFC 3986 §5의 규칙)."""

from urllib.parse import urljoin

BASE = "https://example.com/docs/guide"
REFERENCES = ["intro", "./intro", "../api", "/login", "?page=2", "#faq", "//cdn.example.net/app.js"]

if __name__ == "__main__":
    for reference in REFERENCES:
        print(f"{reference} -> {urljoin(BASE, reference)}")
    # 기준 URI가 /로 끝나면 결과가 달라집니다.
    print(f"intro (기준이 /로 끝날 때) -> {urljoin(BASE + '/', 'intro')}")
