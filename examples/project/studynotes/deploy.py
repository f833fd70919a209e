"""Chapter 12: running behind a reverse proxy: ProxyFix, security headers, HSTS."""

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix


# --8<-- [start:headers]
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def add_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:  # HSTS only means something over HTTPS (RFC 6797 §7.2)
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response
# --8<-- [end:headers]


# --8<-- [start:init]
def init_app(app: Flask) -> None:
    hops = app.config.get("TRUST_PROXY_HOPS", 0)
    if hops:
        # Trust X-Forwarded-For/-Proto/-Host from exactly `hops` proxies in front of us.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.after_request(add_security_headers)
# --8<-- [end:init]
