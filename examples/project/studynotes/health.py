"""Chapter 1: one route that says the app is up (load balancers and tests ask it)."""

from flask import Flask


# --8<-- [start:health]
def init_app(app: Flask) -> None:
    @app.get("/health")
    def health():
        return {"status": "ok", "chapter": app.config["CHAPTER"]}
# --8<-- [end:health]
