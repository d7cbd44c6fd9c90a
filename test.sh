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
# kill -9 in a write storm, PostgreSQL down for 20 s, two instances behind nginx (ADR 0038); about 3 minutes.
run "fault drills"        tests/faults/run.sh
# The offline release: publish the self-contained archive, install it into a clean folder, start it on SQLite (ADR 0031).
release_dir=$(mktemp -d)
run "release archive"     bash -c "LIANXIN_VERSION=test scripts/release.sh '$release_dir' && scripts/check-release.sh '$release_dir/lianxin-test-linux-x64.tar.gz'; rc=\$?; rm -rf '$release_dir'; exit \$rc"

passed=$(grep -oE "Passed: +[0-9]+" "$results.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE "Failed: +[0-9]+" "$results.log" | awk '{s+=$2} END {print s+0}')
echo "Total: $passed passed, $failed failed"
! grep -qv '^0$' "$results"
