"""HTTPS 강제 예제: HTTP 요청은 HTTPS로 리다이렉트하고, HTTPS 응답에만 HSTS 헤더를 붙입니다."""

from flask import Flask, redirect, request

app = Flask(__name__)

# 1년(초). 처음에는 짧게(예: 300) 시작해 문제가 없을 때 늘리는 것이 안전합니다.
HSTS_POLICY = "max-age=31536000; includeSubDomains"

# 리버스 프록시(nginx 등) 뒤에서 TLS를 끝내는 경우에는 request.is_secure가
# 올바르도록 werkzeug.middleware.proxy_fix.ProxyFix를 설정해야 합니다.


@app.before_request
def redirect_to_https():
    if not request.is_secure:
        # 308은 메서드와 본문을 유지하는 영구 리다이렉트입니다.
        return redirect(request.url.replace("http://", "https://", 1), code=308)
    return None


@app.after_request
def add_hsts(response):
    # RFC 6797 §7.2: 보안되지 않은 전송(평문 HTTP)의 응답에는 넣지 않습니다.
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = HSTS_POLICY
    return response


@app.get("/")
def index():
    return {"secure": request.is_secure}
