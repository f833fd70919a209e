"""연습 문제 풀이: 쿼리 값 '웹 개발&Flask'를 퍼센트 인코딩하고 다시 디코딩합니다."""

from urllib.parse import parse_qs, quote, urlencode

VALUE = "웹 개발&Flask"

if __name__ == "__main__":
    # RFC 3986 방식: 공백은 %20, 값 안의 &는 %26이 됩니다.
    print(quote(VALUE, safe=""))
    # HTML 폼 방식(application/x-www-form-urlencoded): 공백은 +가 됩니다.
    query = urlencode({"q": VALUE})
    print(query)
    # 서버(Flask의 request.args)는 디코딩해서 원래 값을 돌려줍니다.
    print(parse_qs(query)["q"][0])
