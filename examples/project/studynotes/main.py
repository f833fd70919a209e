"""Chapter 2: the `main` blueprint, and `g` carrying a request id through one request."""

import re
import uuid

from flask import Blueprint, Flask, current_app, g, render_template, request

bp = Blueprint("main", __name__)

REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")


# --8<-- [start:views]
@bp.get("/")
def index():
    return render_template("index.html")


@bp.get("/about")
def about():
    # current_app is the app handling this request, whichever create_app() made it.
    return render_template("about.html", site_name=current_app.config["SITE_NAME"],
                           chapter=current_app.config["CHAPTER"])
# --8<-- [end:views]


# --8<-- [start:request-id]
@bp.before_app_request
def assign_request_id():
    """Every request gets an id (the proxy's, if it sent a sane one) kept in `g`."""
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


@bp.after_app_request
def send_request_id(response):
    response.headers["X-Request-ID"] = g.request_id
    return response
# --8<-- [end:request-id]


# --8<-- [start:init]
def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
# --8<-- [end:init]
