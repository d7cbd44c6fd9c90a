#!/usr/bin/env bash
# What the app costs when nobody uses it: its background jobs only. Starts the built app (dotnet build bench/Lianxin.Bench
# -c Release) on a bench database that with-postgres.sh --pg-dir DIR --load-only made, lets it settle, then counts over
# SECONDS (60) the CPU the process used (/proc/<pid>/stat utime+stime) and the SQL commands EF sent (its command log).
#   bench/idle.sh /tmp/lianxin-bench-pg [SECONDS]
# The command log costs CPU itself: IDLE_SQL_LOG=0 leaves it off (CPU only, no statement count). Other settings pass
# through the environment, e.g. Jobs__Enabled=false for the app without any job.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgres.sh
pgdir=$(cd "$1" && pwd); seconds=${2:-60}
stop_pg=""
if ! _as_pg "$PG_BIN/pg_ctl" -D "$pgdir/data" status >/dev/null 2>&1; then
  _as_pg "$PG_BIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
    -o "-k $pgdir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
  stop_pg=1
fi
user=$( [ "$(id -u)" = 0 ] && echo postgres || id -un )
log=$(mktemp /tmp/lianxin-idle-XXXX.log)
port=$((20000 + RANDOM % 20000))
# The bench's settings (BenchApp.Settings), plus EF's command log to count statements.
env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  Database__Provider=Postgres Database__ConnectionString="Host=$pgdir;Username=$user;Database=lianxin_bench;Maximum Pool Size=100" \
  Demo__Enabled=false DataProtection__KeysFolder=bench/results/keys \
  Privacy__EncryptionKey=$(head -c 32 /dev/zero | base64) Privacy__HashKey=$(printf '\1%.0s' {1..32} | base64) \
  Audit__Keys__1=$(printf '\2%.0s' {1..32} | base64) \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=$( [ "${IDLE_SQL_LOG:-1}" = 0 ] && echo Warning || echo Information ) \
  dotnet src/Lianxin.Web/bin/Release/net10.0/Lianxin.Web.dll >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [ -n "$stop_pg" ] && _as_pg "$PG_BIN/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null; rm -f "$log"' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/account/login"; do
  kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
sleep "${IDLE_SETTLE:-15}" # start-up work (first passes, JIT tiering) is not idle cost: IDLE_SETTLE=120 for the steady state
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
count() { grep -c "Executed DbCommand" "$log" || true; }
c0=$(cpu); s0=$(count); l0=$(wc -l <"$log"); load0=$(cut -d' ' -f1 /proc/loadavg)
sleep "$seconds"
c1=$(cpu); s1=$(count); load1=$(cut -d' ' -f1 /proc/loadavg)
tick=$(getconf CLK_TCK)
echo "idle ${seconds} s: app CPU $(( (c1 - c0) * 1000 / tick )) ms, $(( s1 - s0 )) SQL commands (load $load0 -> $load1)"
tail -n +"$l0" "$log" | grep -A2 "Executed DbCommand" | grep -oE '^\s+(SELECT|UPDATE|INSERT|DELETE|WITH)[^(]{0,60}' | sort | uniq -c | sort -rn | head -12
# the slowest commands of the window, with their time
tail -n +"$l0" "$log" | grep -oE 'Executed DbCommand \([0-9]+ms\)' | grep -oE '[0-9]+' | sort -rn | head -5 | tr '\n' ' '; echo "ms: the slowest commands"
[ -n "${IDLE_KEEP_LOG:-}" ] && cp "$log" "$IDLE_KEEP_LOG"; true
