#!/usr/bin/env bash
# Runs the bench on a PostgreSQL 15 cluster on a Unix socket (no TCP). Arguments go to the bench, except --pg-dir:
#   bench/with-postgres.sh --size L --scenario org-tree --concurrency 8 --seconds 10
# By default the cluster is a throw-away one under /tmp (as ./test.sh does), removed at the end even on failure, so
# --reuse has nothing to find. With --pg-dir DIR the cluster lives in DIR: created on first use, started for the run and
# stopped cleanly after it, and kept, so that the next call with the same DIR and --reuse finds the loaded database:
#   bench/with-postgres.sh --pg-dir /tmp/lianxin-bench-pg --size L --load-only
#   bench/with-postgres.sh --pg-dir /tmp/lianxin-bench-pg --size L --reuse --scenario org-tree
# Remove DIR yourself when done (rm -rf DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source scripts/throwaway-postgres.sh

args=()
pgdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pg-dir) [ $# -ge 2 ] || { echo "--pg-dir needs a folder" >&2; exit 2; }; pgdir="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ -z "$pgdir" ]; then
  pg_throwaway_start shared_buffers=256MB
else
  mkdir -p "$pgdir"
  pgdir=$(cd "$pgdir" && pwd)
  PG_USER=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$pgdir"; PG_USER=postgres
  fi
  if [ ! -f "$pgdir/data/PG_VERSION" ]; then
    echo "==> creating a PostgreSQL 15 cluster in $pgdir (kept after the run)"
    _as_pg "$PG_BIN/initdb" -D "$pgdir/data" -U "$PG_USER" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! _as_pg "$PG_BIN/pg_ctl" -D "$pgdir/data" status >/dev/null 2>&1; then
    echo "==> starting PostgreSQL 15 in $pgdir"
    # The throw-away cluster's settings; a clean stop at the end (not -m immediate), since this data is kept.
    trap '_as_pg "$PG_BIN/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true' EXIT
    _as_pg "$PG_BIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
      -o "-k $pgdir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
  else
    echo "==> PostgreSQL 15 already runs in $pgdir (left running)"
  fi
  PG_CONNECTION="Host=$pgdir;Username=$PG_USER;Database=postgres"
fi

dotnet run -c Release --project bench/Lianxin.Bench -- --provider postgres \
  --pg "$PG_CONNECTION;Maximum Pool Size=100" "${args[@]}"
