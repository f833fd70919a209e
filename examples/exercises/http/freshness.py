"""연습 문제 풀이: 캐시가 응답의 신선도 수명과 나이를 비교하는 방법을 단순화해 계산합니다(RFC 9111 §4.2)."""

from email.utils import parsedate_to_datetime


def directives(cache_control: str) -> dict:
    result = {}
    for item in cache_control.split(","):
        name, _, value = item.strip().partition("=")
        if name:
            result[name.lower()] = value or True
    return result


def freshness_lifetime(headers: dict, shared: bool = False) -> float:
    """초 단위 신선도 수명: s-maxage(공유 캐시) → max-age → Expires − Date → 휴리스틱(10%)."""
    cc = directives(headers.get("Cache-Control", ""))
    if shared and "s-maxage" in cc:
        return int(cc["s-maxage"])
    if "max-age" in cc:
        return int(cc["max-age"])
    date = parsedate_to_datetime(headers["Date"])
    if "Expires" in headers:
        try:
            return (parsedate_to_datetime(headers["Expires"]) - date).total_seconds()
        except (TypeError, ValueError):
            return 0  # "0" 같은 잘못된 값은 이미 만료된 것으로 봅니다.
    if "Last-Modified" in headers:
        return 0.1 * (date - parsedate_to_datetime(headers["Last-Modified"])).total_seconds()
    return 0


def is_fresh(headers: dict, seconds_in_cache: float, shared: bool = False) -> bool:
    """현재 나이 = 받을 때의 Age + 캐시에 머문 시간(전송 지연은 무시)."""
    current_age = int(headers.get("Age", "0")) + seconds_in_cache
    return freshness_lifetime(headers, shared) > current_age


if __name__ == "__main__":
    from_cdn = {"Date": "Tue, 03 Jun 2025 08:00:00 GMT", "Cache-Control": "max-age=600", "Age": "300"}
    print(is_fresh(from_cdn, 180), is_fresh(from_cdn, 360))  # True False
    no_headers = {"Date": "Tue, 03 Jun 2025 08:00:00 GMT", "Last-Modified": "Sat, 24 May 2025 08:00:00 GMT"}
    print(freshness_lifetime(no_headers) / 3600)  # 24.0시간: 헤더가 없어도 캐시됩니다.
    cdn_only = {"Date": "Tue, 03 Jun 2025 08:00:00 GMT", "Cache-Control": "max-age=60, s-maxage=3600"}
    print(freshness_lifetime(cdn_only), freshness_lifetime(cdn_only, shared=True))  # 60 3600
    print(freshness_lifetime({"Date": "Tue, 03 Jun 2025 08:00:00 GMT", "Expires": "0"}))  # 0
