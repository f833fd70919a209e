"""Tests for the JSON API with a bearer token."""

import base64

import pytest


# --8<-- [start:token]
@pytest.fixture
def bearer(client, auth):
    auth.signup()
    basic = base64.b64encode(b"alice:correct horse battery").decode()
    token = client.post("/api/tokens", headers={"Authorization": f"Basic {basic}"}).get_json()
    return {"Authorization": f"Bearer {token['access_token']}"}


def test_create_and_update_with_etag(client, bearer):
    created = client.post("/api/notes", json={"title": "API", "body": "본문"}, headers=bearer)
    assert created.status_code == 201
    url, etag = created.headers["Location"], created.headers["ETag"]

    stale = client.put(url, json={"title": "API", "body": "새 본문"},
                       headers={**bearer, "If-Match": '"1-0"'})
    assert stale.status_code == 412
    assert stale.mimetype == "application/problem+json"

    fresh = client.put(url, json={"title": "API", "body": "새 본문"},
                       headers={**bearer, "If-Match": etag})
    assert fresh.status_code == 200
    assert fresh.headers["ETag"] != etag
# --8<-- [end:token]
