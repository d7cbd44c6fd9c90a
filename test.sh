#!/usr/bin/env bash
# The whole suite: unit + integration on SQLite, the same on PostgreSQL, then the browser tests in Chromium.
# Installs what it lacks (as root), starts a throw-away PostgreSQL 15 cluster on a Unix socket under a
# temp folder, and removes it at the end, even on failure.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# The release check installs the archive and probes it over HTTP.
command -v curl >/dev/null 2>&1 || need+=(curl)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
# The calendar feed test parses the feed with an independent RFC 5545 parser.
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || need+=(python3-icalendar)
# The fault drills put two instances behind Debian's nginx (run as this user under a temp folder, not the service).
[ -x /usr/sbin/nginx ] || need+=(nginx)
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

source scripts/throwaway-postgres.sh
pg_throwaway_start
export LIANXIN_TEST_PG="$PG_CONNECTION;Pooling=true;Maximum Pool Size=20"

suite_started=$(date +%s)
timings=$(mktemp)
timed() { # timed NAME COMMAND…: runs it and records how long it took, for the table at the end
  local name=$1; shift; local t0; t0=$(date +%s)
  "$@"; local rc=$?
  echo "$name	$(( $(date +%s) - t0 ))	$rc" >> "$timings"
  return $rc
}

echo "==> building"
timed "build" dotnet build Lianxin.slnx -c Release -nologo -v q

results=$(mktemp)
trx=$(mktemp -d)
run() { # run NAME COMMAND…: one stage, its output kept for the totals
  local name=$1; shift
  echo "==> $name"
  set +e
  timed "$name" "$@" 2>&1 | tee -a "$results.log"
  local rc=${PIPESTATUS[0]}
  set -e
  echo "$rc" >> "$results"
}
tests() { # tests PROVIDER: the unit and integration tests on one provider, with a trx for the slowest classes
  env LIANXIN_TEST_PROVIDER="$1" dotnet test tests/Lianxin.Tests -c Release --no-build --logger "trx;LogFileName=$trx/$1.trx"
}
# The integration tests run one collection at a time (one shared demo app), so one run keeps about one core busy:
# the SQLite run goes in the background, next to the PostgreSQL run and then the browser tests (ADR 0040). Its output
# follows theirs, whole, when it is done.
# The offline release (publish the self-contained archive, install it into a clean folder, start it on SQLite; ADR 0031)
# follows the SQLite tests in the same lane: that lane ends minutes before the PostgreSQL and browser lane does.
release() {
  local dir; dir=$(mktemp -d)
  LIANXIN_VERSION=test scripts/release.sh "$dir" && scripts/check-release.sh "$dir/lianxin-test-linux-x64.tar.gz"
  local rc=$?; rm -rf "$dir"; return $rc
}
sqlite_log=$(mktemp)
( set +e
  timed "tests on SQLite" tests Sqlite > "$sqlite_log" 2>&1; echo $? > "$sqlite_log.rc"
  timed "release archive" release > "$sqlite_log.release" 2>&1; echo $? > "$sqlite_log.release.rc" ) &
sqlite_pid=$!
echo "==> tests on SQLite, then the release archive (in the background; output below when done)"
run "tests on PostgreSQL" tests Postgres
run "browser tests"       dotnet test tests/Lianxin.E2E -c Release --no-build --logger "trx;LogFileName=$trx/browser.trx"
wait "$sqlite_pid" || true
echo "==> tests on SQLite (output)"
cat "$sqlite_log" | tee -a "$results.log"
cat "$sqlite_log.rc" >> "$results"
echo "==> release archive (output)"
cat "$sqlite_log.release"
cat "$sqlite_log.release.rc" >> "$results"
# kill -9 in a write storm, PostgreSQL down for 20 s, two instances behind nginx (ADR 0038, 0040); about 2 minutes.
run "fault drills"        tests/faults/run.sh

echo "==> slowest test classes"
python3 tests/slowest.py "$trx"/*.trx || true
echo "==> stage durations (the SQLite tests and the release archive ran next to the PostgreSQL and browser tests)"
awk -F '\t' '{ printf "  %-22s %5d s%s\n", $1, $2, ($3 == 0 ? "" : "  (failed)") }' "$timings"
echo "  whole run              $(( $(date +%s) - suite_started )) s"

passed=$(grep -oE "Passed: +[0-9]+" "$results.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE "Failed: +[0-9]+" "$results.log" | awk '{s+=$2} END {print s+0}')
echo "Total: $passed passed, $failed failed"
! grep -qv '^0$' "$results"
