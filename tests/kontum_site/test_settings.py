"""Settings come from the environment; production refuses an unsafe start."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
REAL_KEY = "k" * 20 + "Zq8#xL0!vR3@pT7$wN1%eY5^uI9&oA2*sD6(fG4)hJ" + "m" * 10


def run_manage(*args, **env):
    dropped = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    environment.update({"DJANGO_SETTINGS_MODULE": "kontum_site.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_the_insecure_development_key():
    result = run_manage("check", SECRET_KEY="django-insecure-" + "x" * 60)
    assert result.returncode != 0


def test_production_passes_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=REAL_KEY,
        ALLOWED_HOSTS="example.vn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_vietnamese_first_settings():
    assert settings.LANGUAGE_CODE == "vi"
    # One edition per language, Vietnamese first (the editions app).
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en", "bdq", "sed", "jra"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert ("vi", "Tiếng Việt") in settings.WAGTAILADMIN_PERMITTED_LANGUAGES


def test_database_url_selects_postgresql():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='kontum_site.settings.dev';"
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    )
    env = {**os.environ, "DATABASE_URL": "postgres://u@127.0.0.1:5432/kontum"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.stdout.strip() == "django.db.backends.postgresql"
    env.pop("DATABASE_URL")
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.stdout.strip() == "django.db.backends.sqlite3"


def test_every_environment_variable_is_documented():
    import re
    from pathlib import Path

    from django.conf import settings

    base = Path(settings.BASE_DIR)
    names = set()
    for path in (base / "kontum_site/settings").glob("*.py"):
        names |= set(
            re.findall(r"(?:environ\.get|env_bool|env_list)\(\s*\"([A-Z_]+)\"", path.read_text())
        )
    operations = (base / "docs/operations.md").read_text()
    production = operations[operations.index("### Environment variables") :]
    missing = sorted(name for name in names | {"DATABASE_URL"} if f"`{name}`" not in production)
    assert missing == []
