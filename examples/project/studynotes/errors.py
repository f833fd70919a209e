"""Chapter 7: error handlers that answer HTML to browsers and problem details to the API."""

import logging

from flask import Flask, current_app, g, has_request_context, render_template, request
from flask.logging import default_handler
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES


# --8<-- [start:problem]
def wants_json() -> bool:
    """API paths, and clients that prefer JSON to HTML."""
    if request.path.startswith("/api/"):
        return True
    return request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"


def problem(status: int, detail: str | None = None, **extensions):
    """An RFC 9457 problem details response: application/problem+json."""
    body = {"type": "about:blank", "title": HTTP_STATUS_CODES.get(status, "Unknown Error"),
            "status": status}
    if detail:
        body["detail"] = detail
    body.update(extensions)
    response = current_app.json.response(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response
# --8<-- [end:problem]


# --8<-- [start:handlers]
def handle_http_error(error: HTTPException):
    if wants_json():
        response = problem(error.code, error.description)
    else:
        html = render_template("errors/error.html", code=error.code,
                               title=HTTP_STATUS_CODES.get(error.code, "Error"),
                               description=error.description)
        response = current_app.make_response((html, error.code))
    # Keep the headers the exception carries: Allow on 405, WWW-Authenticate on 401, ...
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def handle_unexpected(error: InternalServerError):
    # The traceback goes to the log, never to the client.
    current_app.logger.error("unhandled error", exc_info=error.original_exception)
    return handle_http_error(error)
# --8<-- [end:handlers]


# --8<-- [start:logging]
class RequestIdFilter(logging.Filter):
    """Give every log record the id of the request it belongs to ('-' outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


REQUEST_ID_FILTER = RequestIdFilter()


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_unexpected)
    default_handler.addFilter(REQUEST_ID_FILTER)
    default_handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"))
    app.logger.setLevel(app.config.get("LOG_LEVEL", "INFO"))
# --8<-- [end:logging]
