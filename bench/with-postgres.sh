#!/usr/bin/env bash
# Runs the bench on a throw-away PostgreSQL 15 cluster (a Unix socket under /tmp, as ./test.sh does),
# removed at the end even on failure. Arguments go to the bench:
#   bench/with-postgres.sh --size L --scenario org-tree --concurrency 8 --seconds 10
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source scripts/throwaway-postgres.sh
pg_throwaway_start shared_buffers=256MB

dotnet run -c Release --project bench/Lianxin.Bench -- --provider postgres \
  --pg "$PG_CONNECTION;Maximum Pool Size=100" "$@"
