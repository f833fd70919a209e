"""연습 문제: 자동 이스케이프로는 막지 못하는 javascript: 링크를 서버에서 걸러 냅니다."""

from urllib.parse import urlsplit

from flask import Flask, render_template_string, request

app = Flask(__name__)


@app.template_filter("safe_url")
def safe_url(url: str) -> str:
    # http, https 스킴만 허용하고 나머지(javascript:, data: 등)는 "#"으로 바꿉니다.
    scheme = urlsplit(url.strip()).scheme.lower()
    return url if scheme in {"http", "https"} else "#"


@app.get("/wrong")
def wrong():
    # 잘못된 방법: 이스케이프는 < > & " ' 만 바꾸므로 javascript:alert(1)은 그대로 나갑니다.
    return render_template_string('<a href="{{ url }}">홈페이지</a>', url=request.args.get("url", ""))


@app.get("/link")
def link():
    return render_template_string('<a href="{{ url|safe_url }}">홈페이지</a>', url=request.args.get("url", ""))
