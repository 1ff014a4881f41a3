#!/usr/bin/env bash
# Starts the local Redis server the shared rate-limit tests run against, when it is installed but stopped.
#
#   .ci/start-redis.sh            # 127.0.0.1:6379, or $REDIS_PORT
#
# Does nothing when the server already answers PING on 127.0.0.1. Otherwise starts redis-server in the background
# with no persistence (the tests keep nothing) and waits until it answers, for at most $REDIS_START_TIMEOUT seconds
# (default 30). Exits non-zero with the reason when Redis is not installed or does not come up.
set -euo pipefail

host=127.0.0.1
port="${REDIS_PORT:-6379}"
timeout="${REDIS_START_TIMEOUT:-30}"

fail() {
  echo "start-redis: $*" >&2
  exit 1
}

ready() {
  [ "$(redis-cli -h "$host" -p "$port" ping 2>/dev/null)" = "PONG" ]
}

command -v redis-cli >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 \
  || fail "Redis is not installed (redis-server/redis-cli not found). Install it, e.g. 'apt-get install redis-server'."

if ready; then
  echo "start-redis: Redis already answers on $host:$port"
  exit 0
fi

mkdir -p /var/lib/redis /var/log/redis
echo "start-redis: starting redis-server on $host:$port"
redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$port" --save "" --appendonly no \
  --dir /var/lib/redis --logfile /var/log/redis/ci.log \
  || fail "redis-server did not start; see /var/log/redis/ci.log"

for _ in $(seq 1 "$timeout"); do
  if ready; then
    echo "start-redis: Redis answers on $host:$port"
    exit 0
  fi
  sleep 1
done
fail "Redis did not answer on $host:$port within ${timeout}s; see /var/log/redis/ci.log"
