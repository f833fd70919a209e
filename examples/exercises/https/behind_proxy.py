"""연습 문제 풀이: HTTPS 강제 예제(examples/state/hsts.py)를 TLS를 끝내는 nginx 뒤에 배포합니다."""

import runpy
from pathlib import Path

from werkzeug.middleware.proxy_fix import ProxyFix

HSTS_EXAMPLE = Path(__file__).resolve().parents[2] / "state" / "hsts.py"


def deploy_behind_nginx(app):
    # 앞에 있는 nginx 한 대가 보낸 X-Forwarded-Proto만 믿습니다.
    app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1)
    app.config["SESSION_COOKIE_SECURE"] = True  # 기본값은 False입니다.
    return app


if __name__ == "__main__":
    # nginx는 브라우저와 HTTPS로 통신하고, Flask에는 평문 HTTP로 넘기며 원래 스킴을 헤더로 알립니다.
    from_nginx = {"X-Forwarded-Proto": "https"}
    as_is = runpy.run_path(str(HSTS_EXAMPLE))["app"]
    fixed = deploy_behind_nginx(runpy.run_path(str(HSTS_EXAMPLE))["app"])
    for app in (as_is, fixed):
        response = app.test_client().get("/", headers=from_nginx)
        print(response.status_code, response.headers.get("Location"), response.headers.get("Strict-Transport-Security"))
