"""연습 문제 풀이: nginx 한 대 뒤의 Flask 앱이 클라이언트 주소를 어떻게 알아내는지 확인합니다."""

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
# 앞에 있는 프록시는 우리가 운영하는 nginx 한 대뿐이라고 알려 줍니다.
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1)


@app.get("/whoami")
def whoami():
    return {"remote_addr": request.remote_addr}


if __name__ == "__main__":
    # nginx(10.0.0.2)가 받은 요청: 클라이언트가 X-Forwarded-For를 미리 꾸며 보냈고,
    # nginx는 자기가 본 접속 주소 203.0.113.7을 목록 끝에 덧붙였습니다.
    client = app.test_client()
    response = client.get(
        "/whoami",
        headers={"X-Forwarded-For": "1.2.3.4, 203.0.113.7"},
        environ_base={"REMOTE_ADDR": "10.0.0.2"},
    )
    print(response.get_json()["remote_addr"])  # 203.0.113.7
