#!/usr/bin/env bash
# What a reader on a phone gets: Lighthouse (mobile, simulated 4G and a slow CPU) on the home
# page, a story and the exemplar directory, served as in production: gunicorn with production
# settings behind nginx (media and static files from nginx, as deploy/nginx).
#
#   bash bench/lighthouse.sh            # the demo database (make demo first)
#   RUNS=3 bash bench/lighthouse.sh     # median of three runs per page
#
# Needs Debian's chromium and nginx, and `npm ci` in tests/js (Lighthouse 12.2.3, pinned:
# Node 20 here). Everything listens on 127.0.0.1 only. Writes bench/results/lighthouse-*.json.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-1}
CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
[ -x "$CHROMIUM" ] || { echo "chromium not found (apt-get install chromium)"; exit 2; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx not found (apt-get install nginx)"; exit 2; }
[ -x tests/js/node_modules/.bin/lighthouse ] || (cd tests/js && npm ci --no-audit --no-fund --silent)

work=$(mktemp -d)
free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port); FRONT_PORT=$(free_port)
export DJANGO_SETTINGS_MODULE=kontum_site.settings.production DEBUG=0
export SECRET_KEY=${SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(60))')}
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0
export SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 TASKS_BACKEND=immediate
export STATIC_ROOT=$work/static MEDIA_ROOT=${MEDIA_ROOT:-$PWD/media}
export SITE_URL=http://127.0.0.1:$FRONT_PORT

.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/gunicorn kontum_site.wsgi --bind 127.0.0.1:$APP_PORT --workers 2 --log-level warning &
APP_PID=$!
cat >"$work/nginx.conf" <<CONF
daemon off; pid $work/nginx.pid; error_log $work/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off; client_body_temp_path $work; proxy_temp_path $work;
    fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
    server {
        listen 127.0.0.1:$FRONT_PORT;
        location /media/ { alias $MEDIA_ROOT/; expires 30d; add_header Cache-Control "public"; }
        location / {
            proxy_pass http://127.0.0.1:$APP_PORT;
            proxy_set_header Host 127.0.0.1:$FRONT_PORT;
            proxy_http_version 1.1;
        }
    }
}
CONF
$(command -v nginx || echo /usr/sbin/nginx) -c "$work/nginx.conf" &
NGINX_PID=$!
trap 'kill $APP_PID $NGINX_PID 2>/dev/null; rm -rf "$work"' EXIT
base=http://127.0.0.1:$FRONT_PORT
for _ in $(seq 60); do curl -fs -o /dev/null "$base/" && break; sleep 0.5; done

story=$(.venv/bin/python manage.py shell -c "from news.models import ArticlePage; print(ArticlePage.objects.live().filter(featured_image__isnull=False).order_by('-display_date').first().url)" 2>/dev/null | tail -n 1)
directory=$(.venv/bin/python manage.py shell -c "from exemplars.models import ExemplarIndexPage; print(ExemplarIndexPage.objects.live().first().url)" 2>/dev/null | tail -n 1)
mkdir -p bench/results
out=bench/results/lighthouse-$(date -u +%Y%m%dT%H%M%SZ).json
echo "[" >"$out"; first=1
for path in / "$story" "$directory"; do
    for run in $(seq "$RUNS"); do
        curl -fs -o /dev/null "$base$path"   # the page cache is warm, as for most readers
        tests/js/node_modules/.bin/lighthouse "$base$path" --quiet --only-categories=performance \
            --chrome-path="$CHROMIUM" --output=json --output-path="$work/report.json" \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1
        line=$(node -e '
            const r = require(process.argv[1]); const a = r.audits;
            const v = (k) => a[k] && a[k].numericValue !== undefined ? Math.round(a[k].numericValue) : null;
            console.log(JSON.stringify({path: process.argv[2], score: Math.round(r.categories.performance.score * 100),
              fcp_ms: v("first-contentful-paint"), lcp_ms: v("largest-contentful-paint"),
              tbt_ms: v("total-blocking-time"), cls: a["cumulative-layout-shift"].numericValue,
              si_ms: v("speed-index"), bytes: v("total-byte-weight"),
              lcp_image_preloaded: a["prioritize-lcp-image"] ? a["prioritize-lcp-image"].score !== 0 : null,
              sized_images: a["uses-responsive-images"] ? a["uses-responsive-images"].score : null}));
        ' "$work/report.json" "$path")
        echo "$line"
        [ $first = 1 ] || echo "," >>"$out"; first=0; echo "$line" >>"$out"
    done
done
echo "]" >>"$out"
echo "Results: $out"
