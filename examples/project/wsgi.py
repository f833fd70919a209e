"""The WSGI entry point for gunicorn: `gunicorn wsgi:app`."""

# --8<-- [start:wsgi]
from studynotes import create_app

app = create_app("production")  # SECRET_KEY and the database URL come from the environment
# --8<-- [end:wsgi]
