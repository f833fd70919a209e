"""Chapter 12: ProxyFix, security headers and HSTS, gunicorn, the nginx config, the Dockerfile."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from dockerfile_parse import DockerfileParser

from studynotes import create_app
from .project_helpers import PROJECT


def test_security_headers_and_hsts_only_over_https(make_app):
    client = make_app(12, TRUST_PROXY_HOPS=1).test_client()
    plain = client.get("/")
    assert plain.headers["X-Content-Type-Options"] == "nosniff"
    assert plain.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in plain.headers["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in plain.headers
    behind_tls = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert behind_tls.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_proxy_fix_trusts_exactly_one_hop(make_app):
    app = make_app(12, TRUST_PROXY_HOPS=1)

    @app.get("/whoami")
    def whoami():
        from flask import request, url_for

        return {"addr": request.remote_addr, "scheme": request.scheme,
                "url": url_for("main.about", _external=True)}

    headers = {"X-Forwarded-For": "203.0.113.9, 198.51.100.7", "X-Forwarded-Proto": "https",
               "X-Forwarded-Host": "notes.example.com"}
    seen = app.test_client().get("/whoami", headers=headers).get_json()
    assert seen == {"addr": "198.51.100.7", "scheme": "https",
                    "url": "https://notes.example.com/about"}
    untrusted = make_app(12).test_client()  # the testing config trusts no proxy
    assert "Strict-Transport-Security" not in untrusted.get("/", headers=headers).headers


def test_production_app_from_wsgi_module(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_SECRET_KEY", "x" * 32)
    monkeypatch.setenv("FLASK_SQLALCHEMY_DATABASE_URI", f"sqlite:///{tmp_path}/p.db")
    monkeypatch.setenv("FLASK_UPLOAD_FOLDER", str(tmp_path))
    app = create_app("production")
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["TRUST_PROXY_HOPS"] == 1
    assert app.config["CHAPTER"] == 12 and not app.debug


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.build  # starts gunicorn: a slow integration test, out of the fast loop
def test_gunicorn_serves_the_app(tmp_path):
    port = free_port()
    env = dict(os.environ, FLASK_SECRET_KEY="x" * 32, WEB_CONCURRENCY="1",
               GUNICORN_BIND=f"127.0.0.1:{port}", FLASK_UPLOAD_FOLDER=str(tmp_path),
               FLASK_SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/g.db")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
                              cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    status, headers, body = response.status, response.headers, response.read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert status == 200 and b'"status":"ok"' in body
        assert headers["X-Content-Type-Options"] == "nosniff"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/about", timeout=5) as response:
            assert "12장까지의 상태" in response.read().decode()
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert server.returncode == 0, output
    assert "Booting worker" in output and "GET /health" in output  # the access log on stdout


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is not installed (apt-get install nginx-core)")
        pytest.skip("nginx is not installed")
    return found


def test_nginx_config_passes_nginx_t(tmp_path):
    nginx = nginx_binary()
    certs = tmp_path / "certs"
    certs.mkdir()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=notes.example.com", "-keyout", str(certs / "privkey.pem"),
                    "-out", str(certs / "fullchain.pem")], check=True, capture_output=True)
    site = (PROJECT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/letsencrypt/live/notes.example.com/", f"{certs}/")
    (tmp_path / "studynotes.conf").write_text(site, encoding="utf-8")
    temp = "".join(f"    {kind}_temp_path {tmp_path}/{kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n    access_log off;\n{temp}    include {tmp_path}/studynotes.conf;\n}}\n",
        encoding="utf-8")
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                             "-e", str(tmp_path / "error.log")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr


def test_dockerfile_parses_and_follows_the_chapter():
    parser = DockerfileParser(path=str(PROJECT / "Dockerfile"))
    instructions = [(i["instruction"], i["value"]) for i in parser.structure
                    if i["instruction"] != "COMMENT"]
    assert parser.baseimage == "python:3.11-slim"
    assert ("USER", "app") in instructions  # not root
    assert instructions[-1] == ("CMD", '["gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"]')
    copies = [value for name, value in instructions if name == "COPY"]
    assert copies[0] == "requirements.txt ."  # dependencies first: a cached layer
    assert parser.envs["STUDYNOTES_CONFIG"] == "production"
    assert "FLASK_SECRET_KEY" not in parser.envs  # secrets arrive at run time, not in the image
    ignored = (PROJECT / ".dockerignore").read_text().split()
    assert ".env" in ignored and "instance/" in ignored
