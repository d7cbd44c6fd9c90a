#!/usr/bin/env bash
# Runs the bench on a throw-away PostgreSQL 15 cluster (a Unix socket under /tmp, as ./test.sh does),
# removed at the end even on failure. Arguments go to the bench:
#   bench/with-postgres.sh --size L --scenario org-tree --concurrency 8 --seconds 10
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PG_BIN=/usr/lib/postgresql/15/bin
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL 15 is missing: apt-get install -y postgresql-15" >&2; exit 1; }

PGDIR=$(mktemp -d /tmp/lianxin-bench-pg.XXXXXX)
PG_USER=$(id -un)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$PGDIR"; PG_USER=postgres
fi
echo "==> starting PostgreSQL 15 in $PGDIR"
as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -U "$PG_USER" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# No TCP at all (listen_addresses=''): the app and the baseline reach it over the socket only.
as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-k $PGDIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB" start >/dev/null

dotnet run -c Release --project bench/Lianxin.Bench -- --provider postgres \
  --pg "Host=$PGDIR;Username=$PG_USER;Database=postgres;Maximum Pool Size=100" "$@"
