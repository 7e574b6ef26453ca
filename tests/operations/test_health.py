"""/healthz/: 200 ok, 200 degraded without the cache, 503 without the database."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from caching import resilient_cache
from tests.conftest import resilient_cache_settings

pytestmark = pytest.mark.django_db


def test_ok_and_never_cached(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"]["ok"] is True
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_cache_down_is_degraded(settings):
    settings.CACHES = resilient_cache_settings("redis://127.0.0.1:9/0")
    resilient_cache._Breaker.down_since = None
    response = Client().get("/healthz/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"]["ok"] is False
    resilient_cache._Breaker.down_since = None


SCRIPT = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz/")
print(json.dumps({"code": response.status_code, "body": response.json()}))
"""


def test_database_down_is_503():
    # A process of its own whose database does not answer (nothing listens on port 9).
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kontum_site.settings.test",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/kontum",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["code"] == 503
    assert answer["body"]["status"] == "down"
