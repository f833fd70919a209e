"""연습 문제 풀이: TLS를 끝내는 nginx 뒤에서 HTTPS 강제와 HSTS가 제대로 동작하게 합니다."""

from flask import Flask, redirect, request
from werkzeug.middleware.proxy_fix import ProxyFix


def create_app(trust_proxy: bool) -> Flask:
    app = Flask(__name__)
    app.config["SESSION_COOKIE_SECURE"] = True  # 기본값은 False입니다.
    if trust_proxy:
        # 앞에 있는 nginx 한 대가 보낸 X-Forwarded-Proto만 믿습니다.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1)

    @app.before_request
    def redirect_to_https():
        if not request.is_secure:
            return redirect(request.url.replace("http://", "https://", 1), code=308)
        return None

    @app.after_request
    def add_hsts(response):
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response

    @app.get("/")
    def index():
        return "안녕하세요"

    return app


if __name__ == "__main__":
    # nginx는 브라우저와 HTTPS로 통신하고, Flask에는 평문 HTTP로 넘기며 원래 스킴을 헤더로 알립니다.
    from_nginx = {"X-Forwarded-Proto": "https"}
    for trust in (False, True):
        response = create_app(trust).test_client().get("/", headers=from_nginx)
        print(trust, response.status_code, response.headers.get("Location"), response.headers.get("Strict-Transport-Security"))
