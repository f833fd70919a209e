"""에러를 JSON으로 돌려주는 API 예제: abort(), errorhandler, 401/403/404/500."""
from flask import Flask, abort, jsonify, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import HTTPException

app = Flask(__name__)
app.json.ensure_ascii = False  # JSON에 한글을 \uXXXX 대신 그대로 씁니다.

TOKENS = {"secret-token-alice": "alice", "secret-token-bob": "bob"}
NOTES = {1: {"id": 1, "owner": "alice", "text": "alice의 메모"}}


@app.errorhandler(HTTPException)
def http_error(e):
    # abort(404) 등 모든 HTTP 에러를 {"error": ..., "message": ...} JSON으로 바꿉니다.
    # e.get_response()를 쓰면 WWW-Authenticate, Allow 같은 헤더가 보존됩니다.
    response = e.get_response()
    response.data = jsonify(error=e.name, message=e.description).get_data()
    response.content_type = "application/json"
    return response


@app.errorhandler(500)
def internal_error(e):
    # 처리되지 않은 예외는 500이 됩니다. 내부 정보(스택 트레이스)는 응답에 넣지 않습니다.
    return {"error": "Internal Server Error", "message": "서버에서 문제가 발생했습니다."}, 500


def current_user():
    auth = request.headers.get("Authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or token not in TOKENS:
        # 401에는 어떤 방식으로 인증해야 하는지 알려 주는 WWW-Authenticate가 반드시 필요합니다.
        abort(401, description="인증이 필요합니다.",
              www_authenticate=WWWAuthenticate("Bearer", {"realm": "notes"}))
    return TOKENS[token]


@app.get("/notes/<int:note_id>")
def get_note(note_id):
    user = current_user()
    note = NOTES.get(note_id)
    if note is None:
        abort(404, description="메모가 없습니다.")
    if note["owner"] != user:
        # 누구인지는 알지만 권한이 없습니다. (존재 자체를 숨기려면 404를 써도 됩니다.)
        abort(403, description="이 메모를 볼 권한이 없습니다.")
    return note


@app.get("/boom")
def boom():
    # 코드의 버그: 실행 중 예외가 나면 Flask가 500 응답으로 바꿉니다.
    return {"result": 1 / 0}
