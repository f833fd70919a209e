"""라우팅, 요청 데이터 읽기, 상태 코드와 헤더를 보여 주는 작은 글(post) API입니다."""
from flask import Flask, abort, redirect, request, url_for

app = Flask(__name__)

# 데이터베이스 대신 쓰는 메모리 저장소입니다.
POSTS = {1: {"id": 1, "title": "HTTP 공부", "body": "요청과 응답"}}


@app.get("/posts")
def list_posts():
    # 쿼리 문자열 ?q=...&limit=... 은 request.args로 읽습니다.
    q = request.args.get("q", "")
    limit = request.args.get("limit", default=10, type=int)
    found = [p for p in POSTS.values() if q in p["title"]]
    # dict나 list를 반환하면 JSON 응답(application/json)이 됩니다.
    return {"posts": found[:limit]}


@app.get("/posts/<int:post_id>")
def get_post(post_id):
    # <int:post_id> 변환기 덕분에 post_id는 이미 int입니다. "/posts/abc"는 404입니다.
    post = POSTS.get(post_id)
    if post is None:
        abort(404)
    return post


@app.post("/posts")
def create_post():
    # JSON 본문은 get_json(), HTML 폼(application/x-www-form-urlencoded)은 request.form으로 읽습니다.
    data = request.get_json(silent=True) or request.form
    title = data.get("title")
    if not title:
        abort(400)
    post_id = max(POSTS, default=0) + 1
    POSTS[post_id] = {"id": post_id, "title": title, "body": data.get("body", "")}
    # (본문, 상태 코드, 헤더) 튜플: 201 Created와 새 리소스의 위치를 알려 줍니다.
    location = url_for("get_post", post_id=post_id)
    return POSTS[post_id], 201, {"Location": location}


@app.route("/articles/<int:post_id>")
def old_article(post_id):
    # 주소가 영구히 바뀌었습니다. 308은 메서드와 본문을 그대로 유지하게 합니다.
    # (GET만 받는 주소라면 301도 괜찮습니다.)
    return redirect(url_for("get_post", post_id=post_id), code=308)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        # 폼을 처리한 뒤에는 303 See Other로 GET 페이지에 보냅니다(Post/Redirect/Get).
        return redirect(url_for("list_posts"), code=303)
    return '<form method="post"><button>로그인</button></form>'
