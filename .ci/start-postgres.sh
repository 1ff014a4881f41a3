#!/usr/bin/env bash
# Starts the local PostgreSQL server the database tests run against, when it is installed but stopped.
#
#   .ci/start-postgres.sh            # port 5432, or $PGPORT
#
# Does nothing when the server already accepts connections on 127.0.0.1. Otherwise starts the stopped cluster(s)
# listening on that port (Debian/Ubuntu postgresql-common: pg_lsclusters, pg_ctlcluster) and waits until
# `pg_isready -h 127.0.0.1` succeeds, for at most $POSTGRES_START_TIMEOUT seconds (default 30).
# Exits non-zero with the reason when PostgreSQL is not installed, no cluster uses the port, or it does not come up.
set -euo pipefail

host=127.0.0.1
port="${PGPORT:-5432}"
timeout="${POSTGRES_START_TIMEOUT:-30}"

fail() {
  echo "start-postgres: $*" >&2
  exit 1
}

ready() {
  pg_isready -q -h "$host" -p "$port"
}

command -v pg_isready >/dev/null 2>&1 \
  || fail "PostgreSQL is not installed (pg_isready not found). Install it, e.g. 'apt-get install postgresql', or point RABAISLOCAL_TEST_DATABASE_URL at a running server."

if ready; then
  echo "start-postgres: PostgreSQL already accepts connections on $host:$port"
  exit 0
fi

command -v pg_lsclusters >/dev/null 2>&1 && command -v pg_ctlcluster >/dev/null 2>&1 \
  || fail "PostgreSQL does not answer on $host:$port and pg_lsclusters/pg_ctlcluster (postgresql-common) are not available to start it; start it with your service manager, e.g. 'service postgresql start'."

# Columns: version, cluster name, port, status (online, down, online,recovery), owner, data directory, log file.
clusters="$(pg_lsclusters --no-header | awk -v port="$port" '$3 == port { print $1, $2, $4 }')"
[ -n "$clusters" ] \
  || fail "no PostgreSQL cluster is configured on port $port (pg_lsclusters lists: $(pg_lsclusters --no-header | awk '{ print $1 "/" $2 ":" $3 }' | tr '\n' ' ')). Create one with 'pg_createcluster <version> main --start'."

while read -r version name status; do
  if [[ "$status" != online* ]]; then
    echo "start-postgres: starting PostgreSQL cluster $version/$name on port $port"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start \
      || fail "pg_ctlcluster could not start cluster $version/$name (run as root or as the cluster owner); see /var/log/postgresql/postgresql-$version-$name.log"
  fi
done <<< "$clusters"

for _ in $(seq 1 "$timeout"); do
  if ready; then
    echo "start-postgres: PostgreSQL accepts connections on $host:$port"
    exit 0
  fi
  sleep 1
done
fail "PostgreSQL did not accept connections on $host:$port within ${timeout}s; see /var/log/postgresql/"
