"""Study notes: the app that the Flask project track builds chapter by chapter."""

import importlib

from flask import Flask

from .chapters import LAST_CHAPTER, modules_up_to
from .config import load_config

try:  # a chapter download pins its chapter in this generated module
    from ._edition import CHAPTER as DEFAULT_CHAPTER
except ImportError:
    DEFAULT_CHAPTER = LAST_CHAPTER


# --8<-- [start:factory]
def create_app(config_name: str | None = None, overrides: dict | None = None,
               chapter: int | None = None) -> Flask:
    """Build a new app: `flask --app studynotes run` calls this with no arguments."""
    app = Flask(__name__, instance_relative_config=True)
    load_config(app, config_name, overrides)
    app.json.ensure_ascii = False  # JSON responses keep Korean text readable

    chapter = chapter or app.config.get("CHAPTER") or DEFAULT_CHAPTER
    app.config["CHAPTER"] = chapter
    modules = modules_up_to(chapter)
    app.config["FEATURES"] = frozenset(modules)
    # Before chapter 6 there is no login: Flask-Login's `login_required` lets everyone through.
    app.config.setdefault("LOGIN_DISABLED", "auth" not in modules)

    for name in modules:
        importlib.import_module(f"{__name__}.{name}").init_app(app)

    @app.context_processor
    def inject_features():
        return {"features": app.config["FEATURES"]}

    return app
# --8<-- [end:factory]
