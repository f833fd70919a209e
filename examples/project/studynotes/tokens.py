"""Chapter 9: signed bearer tokens with an expiry, 401 challenges, 429 on too many tries."""

from flask import Blueprint, Flask, current_app, g, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select

from .api import ApiError
from .extensions import csrf, db
from .models import User
from .ratelimit import FixedWindowLimiter

bp = Blueprint("tokens", __name__, url_prefix="/api")
REALM = 'Bearer realm="studynotes"'


# --8<-- [start:sign]
def serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="api-token")


def issue_token(user: User) -> str:
    return serializer().dumps({"uid": user.id})


def user_from_token(token: str) -> User:
    try:
        data = serializer().loads(token, max_age=current_app.config["API_TOKEN_MAX_AGE"])
    except SignatureExpired:
        raise invalid_token("토큰이 만료되었습니다.") from None
    except BadSignature:
        raise invalid_token("토큰이 올바르지 않습니다.") from None
    user = db.session.get(User, data.get("uid"))
    if user is None:
        raise invalid_token("토큰의 사용자가 없습니다.")
    return user


def invalid_token(detail: str) -> ApiError:
    # RFC 6750 §3: say why in the challenge, so clients know to get a new token.
    challenge = f'{REALM}, error="invalid_token", error_description="expired or invalid"'
    return ApiError(401, detail, {"WWW-Authenticate": challenge})
# --8<-- [end:sign]


# --8<-- [start:issue]
@bp.post("/tokens")
def create_token():
    wait = current_app.extensions["token_limiter"].hit(request.remote_addr or "-")
    if wait:
        raise ApiError(429, "토큰 요청이 너무 많습니다. 잠시 뒤에 다시 시도하세요.",
                       {"Retry-After": str(wait)})
    auth = request.authorization  # Authorization: Basic base64(username:password)
    user = None
    if auth is not None and auth.type == "basic":
        user = db.session.scalar(select(User).where(User.username == auth.username))
        if user is not None and not user.check_password(auth.password or ""):
            user = None
    if user is None:
        raise ApiError(401, "아이디 또는 비밀번호가 맞지 않습니다.",
                       {"WWW-Authenticate": 'Basic realm="studynotes", charset="UTF-8"'})
    return {"access_token": issue_token(user), "token_type": "Bearer",
            "expires_in": current_app.config["API_TOKEN_MAX_AGE"]}
# --8<-- [end:issue]


# --8<-- [start:authenticate]
def authenticate_bearer():
    """Before every request: a bearer token authenticates the caller, and skips CSRF."""
    auth = request.authorization
    if auth is not None and auth.type == "bearer":
        g.token_user = user_from_token(auth.token or "")
        return  # no cookie was needed, so no other site can forge this request
    cookies = {current_app.config["SESSION_COOKIE_NAME"], current_app.config["REMEMBER_COOKIE_NAME"]}
    if request.blueprint == "api" and not cookies & request.cookies.keys():
        return  # no cookie, nothing to forge: require_user() answers 401
    if current_app.config["WTF_CSRF_ENABLED"]:
        csrf.protect(apply_exemptions=True)  # cookie-authenticated writes still need it
# --8<-- [end:authenticate]


def init_app(app: Flask) -> None:
    app.config["API_AUTH_CHALLENGE"] = REALM
    # Flask-WTF's own check would run before ours; we call csrf.protect() ourselves instead.
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False
    app.extensions["token_limiter"] = FixedWindowLimiter(*app.config["TOKEN_RATE_LIMIT"])
    app.before_request(authenticate_bearer)
    csrf.exempt(bp)  # the token endpoint checks a password, not a cookie
    app.register_blueprint(bp)
