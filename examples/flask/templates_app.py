"""Jinja2 템플릿 상속과 자동 이스케이프를 보여 주는 예제입니다."""
from flask import Flask, render_template

app = Flask(__name__)  # 같은 폴더의 templates/ 에서 템플릿을 찾습니다.

POSTS = [
    {"title": "HTTP 메시지 구조", "tags": ["HTTP"], "draft": False},
    {"title": "쿠키와 세션", "tags": ["상태 관리", "보안"], "draft": False},
    # 사용자가 입력한 악성 문자열도 데이터일 뿐입니다. 템플릿이 이스케이프합니다.
    {"title": "<script>alert('xss')</script>", "tags": [], "draft": True},
]


@app.template_filter("shout")
def shout(text):
    # 직접 만든 필터: {{ 값|shout }} 로 씁니다.
    return f"{text}!"


@app.get("/")
def posts():
    return render_template("posts.html", posts=POSTS, user="여러분")
