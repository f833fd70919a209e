"""Configuration classes, chosen by name; secrets come from the environment."""

import os
from datetime import timedelta

from flask import Flask


# --8<-- [start:classes]
class Config:
    """Settings every environment shares."""

    SITE_NAME = "공부 노트"
    SECRET_KEY = None  # never in the code: FLASK_SECRET_KEY in the environment or .env
    SQLALCHEMY_DATABASE_URI = "sqlite:///studynotes.db"  # relative: inside the instance folder
    NOTES_PER_PAGE = 10
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_NAME = "remember_token"
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    MAX_CONTENT_LENGTH = 1024 * 1024  # 1 MiB: larger request bodies get 413
    API_TOKEN_MAX_AGE = 3600  # seconds
    TOKEN_RATE_LIMIT = (5, 60)  # 5 token requests per 60 seconds per client address
    CORS_ORIGINS: tuple[str, ...] = ()


class DevelopmentConfig(Config):
    SECRET_KEY = "dev-only-not-a-secret"
    CORS_ORIGINS = ("http://localhost:5173",)


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing-only"
    SQLALCHEMY_DATABASE_URI = "sqlite://"  # in memory, a fresh database per app
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"  # cheap for fast tests; never in production


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    TRUST_PROXY_HOPS = 1  # one reverse proxy (nginx) in front of gunicorn
# --8<-- [end:classes]


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


# --8<-- [start:load]
def load_config(app: Flask, name: str | None = None, overrides: dict | None = None) -> None:
    """Class defaults, then FLASK_* environment variables, then explicit overrides."""
    name = name or os.environ.get("STUDYNOTES_CONFIG", "development")
    if name not in CONFIGS:
        raise RuntimeError(f"unknown configuration {name!r}; use one of {sorted(CONFIGS)}")
    app.config.from_object(CONFIGS[name])
    app.config.from_prefixed_env()  # FLASK_SECRET_KEY=... sets SECRET_KEY, and so on
    app.config.update(overrides or {})
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("SECRET_KEY is not set: put FLASK_SECRET_KEY in the environment")
    if name == "production" and app.debug:
        raise RuntimeError("debug mode must never run in production")
# --8<-- [end:load]
