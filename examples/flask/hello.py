"""가장 작은 Flask 애플리케이션입니다.

실행: flask --app hello run --debug   (이 파일이 있는 폴더에서)
"""
from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    # 문자열을 반환하면 Flask가 200 OK, text/html 응답으로 만들어 줍니다.
    return "<p>안녕하세요, Flask!</p>"


@app.route("/hello/<name>")
def hello(name):
    # name은 URL에서 온 값이므로 그대로 HTML에 넣으면 안 됩니다.
    # 여기서는 평문(text/plain)으로 돌려주어 브라우저가 HTML로 해석하지 않게 합니다.
    return f"안녕하세요, {name}님!", 200, {"Content-Type": "text/plain; charset=utf-8"}
