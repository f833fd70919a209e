"""Chapter 8: a JSON API over notes: 201/204, problem details, ETag/If-Match, Link, CORS."""

from flask import Blueprint, Flask, current_app, request, url_for
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from .database import get_or_create_tags
from .errors import problem
from .extensions import db
from .models import Note, User
from .permissions import get_own_note, get_visible_note, viewer, visible_clause

bp = Blueprint("api", __name__, url_prefix="/api")


class ApiError(Exception):
    """Raised inside a view; turned into a problem details response."""

    def __init__(self, status: int, detail: str, headers: dict | None = None, **extensions):
        super().__init__(detail)
        self.status, self.detail, self.headers, self.extensions = status, detail, headers or {}, extensions


def handle_api_error(error: ApiError):
    response = problem(error.status, error.detail, **error.extensions)
    response.headers.update(error.headers)
    return response


def no_content():
    """204: no body, so no Content-Type either."""
    response = current_app.response_class(status=204)
    response.headers.remove("Content-Type")
    return response


# --8<-- [start:representation]
def note_json(note: Note) -> dict:
    return {
        "id": note.id,
        "title": note.title,
        "body": note.body,
        "tags": [tag.name for tag in note.tags],
        "public": note.is_public,
        "author": note.author.username,
        "created_at": note.created_at.isoformat(timespec="seconds"),
        "url": url_for("api.get_note", note_id=note.id, _external=True),
    }


def etag_of(note: Note) -> str:
    return f"{note.id}-{note.version}"  # changes whenever the row changes
# --8<-- [end:representation]


# --8<-- [start:auth]
def require_user() -> User:
    """The caller: a bearer token's user (chapter 9) or the logged-in session user."""
    user = viewer()
    if user is not None:
        return user
    challenge = current_app.config.get("API_AUTH_CHALLENGE")
    if challenge:  # chapter 9: a scheme the client can answer, so 401 is the right code
        raise ApiError(401, "인증이 필요합니다.", {"WWW-Authenticate": challenge})
    # A cookie session has no WWW-Authenticate scheme, and 401 requires one (RFC 9110 §15.5.2).
    raise ApiError(403, "먼저 로그인하세요.")
# --8<-- [end:auth]


# --8<-- [start:validate]
def read_note_input() -> dict:
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(400, "요청 본문이 올바른 JSON이 아닙니다 (Content-Type: application/json).")
    if not isinstance(data, dict):
        raise ApiError(422, "JSON 객체를 보내야 합니다.", errors=[{"pointer": "", "detail": "객체가 아닙니다."}])
    errors = []
    title, body, tags = data.get("title"), data.get("body"), data.get("tags", [])
    if not isinstance(title, str) or not title.strip():
        errors.append({"pointer": "/title", "detail": "제목은 비어 있지 않은 문자열이어야 합니다."})
    elif len(title) > 200:
        errors.append({"pointer": "/title", "detail": "제목은 200자를 넘을 수 없습니다."})
    if not isinstance(body, str) or not body.strip():
        errors.append({"pointer": "/body", "detail": "내용은 비어 있지 않은 문자열이어야 합니다."})
    if not (isinstance(tags, list) and len(tags) <= 5
            and all(isinstance(t, str) and 0 < len(t.strip()) <= 30 for t in tags)):
        errors.append({"pointer": "/tags", "detail": "태그는 30자 이하 문자열 5개까지입니다."})
    public = data.get("public", True)
    if not isinstance(public, bool):
        errors.append({"pointer": "/public", "detail": "public은 true 또는 false입니다."})
    if errors:
        raise ApiError(422, "입력값이 올바르지 않습니다.", errors=errors)
    return {"title": title.strip(), "body": body, "tags": tags, "is_public": public}
# --8<-- [end:validate]


# --8<-- [start:list]
@bp.get("/notes")
def list_notes():
    query = select(Note).where(visible_clause()).order_by(Note.id)
    per_page = request.args.get("per_page", current_app.config["NOTES_PER_PAGE"], type=int)
    page = db.paginate(query, per_page=per_page, max_per_page=50, error_out=False)
    response = current_app.json.response({
        "items": [note_json(note) for note in page.items],
        "page": page.page, "per_page": page.per_page, "total": page.total,
    })
    links = {"first": 1, "last": max(page.pages, 1)}
    if page.has_prev:
        links["prev"] = page.prev_num
    if page.has_next:
        links["next"] = page.next_num
    response.headers["Link"] = ", ".join(
        f'<{url_for("api.list_notes", page=number, per_page=page.per_page, _external=True)}>; rel="{rel}"'
        for rel, number in links.items())
    return response
# --8<-- [end:list]


# --8<-- [start:create]
@bp.post("/notes")
def create_note():
    user = require_user()
    fields = read_note_input()
    note = Note(title=fields["title"], body=fields["body"], is_public=fields["is_public"],
                author=user, tags=get_or_create_tags(fields["tags"]))
    db.session.add(note)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ApiError(409, "같은 제목의 노트가 이미 있습니다.") from None
    response = current_app.json.response(note_json(note))
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_note", note_id=note.id, _external=True)
    response.set_etag(etag_of(note))
    return response
# --8<-- [end:create]


# --8<-- [start:get]
@bp.get("/notes/<int:note_id>")
def get_note(note_id: int):
    note = get_visible_note(note_id)
    response = current_app.json.response(note_json(note))
    response.set_etag(etag_of(note))
    return response.make_conditional(request)  # If-None-Match that matches -> 304
# --8<-- [end:get]


# --8<-- [start:update]
@bp.put("/notes/<int:note_id>")
def update_note(note_id: int):
    require_user()
    note = get_own_note(note_id)  # 404 if hidden from the caller, 403 if not theirs
    if not request.if_match:
        raise ApiError(428, "If-Match 헤더로 고칠 버전의 ETag를 보내야 합니다.")
    if not request.if_match.contains(etag_of(note)):
        raise ApiError(412, "그사이 노트가 바뀌었습니다. 다시 읽고 고치세요.")
    fields = read_note_input()
    note.title, note.body, note.is_public = fields["title"], fields["body"], fields["is_public"]
    note.tags = get_or_create_tags(fields["tags"])
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ApiError(409, "같은 제목의 노트가 이미 있습니다.") from None
    except StaleDataError:  # another request updated the row between our read and write
        db.session.rollback()
        raise ApiError(412, "그사이 노트가 바뀌었습니다. 다시 읽고 고치세요.") from None
    response = current_app.json.response(note_json(note))
    response.set_etag(etag_of(note))
    return response
# --8<-- [end:update]


# --8<-- [start:delete]
@bp.delete("/notes/<int:note_id>")
def delete_note(note_id: int):
    require_user()
    note = get_own_note(note_id)
    db.session.delete(note)
    db.session.commit()
    return no_content()
# --8<-- [end:delete]


# --8<-- [start:cors]
CORS_METHODS = "GET, POST, PUT, DELETE"
CORS_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match"


def allowed_origin() -> str | None:
    origin = request.headers.get("Origin")
    return origin if origin in current_app.config["CORS_ORIGINS"] else None


@bp.before_request
def answer_preflight():
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        response = no_content()
        if allowed_origin():
            response.headers["Access-Control-Allow-Methods"] = CORS_METHODS
            response.headers["Access-Control-Allow-Headers"] = CORS_HEADERS
            response.headers["Access-Control-Max-Age"] = "600"
        return response  # without the Allow-* headers the browser blocks the real request


@bp.after_request
def add_cors_headers(response):
    origin = allowed_origin()
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = "ETag, Location, Link"
    response.vary.add("Origin")  # caches must keep one copy per Origin
    return response
# --8<-- [end:cors]


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, handle_api_error)
    app.register_blueprint(bp)
