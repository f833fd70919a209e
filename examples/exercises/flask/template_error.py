"""연습 문제: 템플릿의 문법 오류는 서버 시작이 아니라 그 템플릿을 렌더링하는 요청에서 드러납니다."""

from flask import Flask, render_template_string

app = Flask(__name__)


@app.get("/")
def index():
    return "ok"


@app.get("/greet")
def greet():
    # {% if %}를 닫는 {% endif %}가 없습니다. 이 줄은 요청이 와서 렌더링할 때 처음 해석됩니다.
    return render_template_string("{% if user %}안녕하세요, {{ user }}님")
