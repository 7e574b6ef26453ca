#!/bin/sh
# Run a command with the cache production ships with (deploy/systemd/env.example sets
# REDIS_URL): a private, throw-away redis-server on a free port, unless REDIS_URL is set
# already or redis-server is not installed (then Django's database cache, as without Redis).
# The bench process and the gunicorn it starts share it (stamps bumped by a publication in
# the bench process reach the served pages).
set -e
if [ -n "$REDIS_URL" ] || ! command -v redis-server >/dev/null 2>&1; then
    exec "$@"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    --loglevel warning >/dev/null &
redis_pid=$!
trap 'kill $redis_pid 2>/dev/null || true' EXIT INT TERM
i=0
until redis-cli -p "$port" ping >/dev/null 2>&1; do
    i=$((i + 1)); [ $i -gt 50 ] && { echo "redis-server did not start" >&2; exit 1; }
    sleep 0.1
done
echo "Cache: a private Redis on 127.0.0.1:$port (as deployed: REDIS_URL)"
REDIS_URL="redis://127.0.0.1:$port/0" "$@"
