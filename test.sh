#!/usr/bin/env bash
# The whole suite: unit + integration on SQLite, the same on PostgreSQL, then the browser tests in Chromium.
# Installs what it lacks (as root), starts a throw-away PostgreSQL 15 cluster on a Unix socket under a
# temp folder, and removes it at the end, even on failure.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
PG_BIN=/usr/lib/postgresql/15/bin
[ -x "$PG_BIN/initdb" ] || need+=(postgresql-15)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "==> installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing: ${need[*]} (run as root or install them)" >&2; exit 1
  fi
fi

PGDIR=$(mktemp -d /tmp/lianxin-pg.XXXXXX)
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
as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-k $PGDIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export LIANXIN_TEST_PG="Host=$PGDIR;Username=$PG_USER;Database=postgres;Pooling=true;Maximum Pool Size=20"

echo "==> building"
dotnet build Lianxin.slnx -c Release -nologo -v q

results=$(mktemp)
run() {
  local name=$1; shift
  echo "==> $name"
  set +e
  "$@" 2>&1 | tee -a "$results.log"
  local rc=${PIPESTATUS[0]}
  set -e
  echo "$rc" >> "$results"
}
run "tests on SQLite"     env LIANXIN_TEST_PROVIDER=Sqlite   dotnet test tests/Lianxin.Tests -c Release --no-build
run "tests on PostgreSQL" env LIANXIN_TEST_PROVIDER=Postgres dotnet test tests/Lianxin.Tests -c Release --no-build
run "browser tests"       dotnet test tests/Lianxin.E2E -c Release --no-build

passed=$(grep -oE "Passed: +[0-9]+" "$results.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE "Failed: +[0-9]+" "$results.log" | awk '{s+=$2} END {print s+0}')
echo "Total: $passed passed, $failed failed"
! grep -qv '^0$' "$results"
