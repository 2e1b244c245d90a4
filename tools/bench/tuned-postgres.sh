#!/usr/bin/env bash
# A private PostgreSQL cluster with the settings of docs/postgresql-production.conf,
# for benchmarking the product as it would be deployed (the shared server on
# 5432 keeps Debian's defaults: 128 MB of shared buffers, JIT on). Usage:
#   tools/bench/tuned-postgres.sh start <data-dir> [port]   # initdb on first use; default port 5433
#   tools/bench/tuned-postgres.sh stop <data-dir>
set -euo pipefail
action=${1:?start|stop}
dir=$(realpath -m "${2:?data directory}")
port=${3:-5433}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
conf="$(cd "$(dirname "$0")/../.." && pwd)/docs/postgresql-production.conf"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_pg "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    cp "$conf" "$dir/production.conf"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/production.conf"
    grep -q "include 'production.conf'" "$dir/postgresql.conf" || echo "include 'production.conf'" >>"$dir/postgresql.conf"
    as_pg "$bin/pg_ctl" -D "$dir" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -l "$dir/server.log" -w -t 60 start
    echo "DATABASE_URL=postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop) as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop ;;
  *) echo "usage: $0 start|stop <data-dir> [port]" >&2; exit 2 ;;
esac
