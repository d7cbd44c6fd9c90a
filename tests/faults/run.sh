#!/usr/bin/env bash
# Fault drills on the built app (issue 17, ADR 0038), run by ./test.sh after the browser tests:
#   1. kill -9 during a write storm, on SQLite and on PostgreSQL: every acknowledged write present, nothing half-written,
#      the audit chain verifies;
#   2. PostgreSQL stopped for 20 s under load: 503 in Chinese, readiness names the database, liveness stays 200,
#      the app recovers by itself, no acknowledged write lost;
#   3. two instances on one PostgreSQL behind Debian's nginx (deploy/nginx-lianxin.conf), round robin: a signed-in
#      session moves between them, jobs hold one lease, the sign-in throttle and nginx's public limit hold for both.
# Needs: dotnet, a Release build, python3, PostgreSQL 15 server binaries and psql, nginx (test.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -f src/Lianxin.Web/bin/Release/net10.0/Lianxin.Web.dll ] || { echo "build first: dotnet build Lianxin.slnx -c Release" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is missing (apt-get install nginx)" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

source scripts/throwaway-postgres.sh
pg_throwaway_start                     # its own cluster: the outage drill stops it
export PGDIR PG_OPTS
work=$(mktemp -d /tmp/lianxin-faults.XXXXXX)
chmod 755 "$work"
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
  pg_throwaway_stop
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_db() { # a fresh database on the drill cluster; prints its connection string
  _as_pg "$PG_BIN/createdb" -h "$PGDIR" -U "$PG_USER" "$1"
  echo "Host=$PGDIR;Username=$PG_USER;Database=$1;Timeout=5;Command Timeout=30"
}
figures="$work/figures"
drill() { # drill NAME ARGS… : runs one drill, keeps its FIGURES line, shows the app log when it fails
  local name=$1; shift
  echo "--> $name"
  if python3 tests/faults/faults.py "$@" --log-dir "$work" | tee -a "$figures"; then
    echo "ok $name" >> "$work/passed"
  else
    echo "FAIL $name" >> "$work/failed"
    for log in "$work"/*.log; do echo "--- $(basename "$log") (last lines)"; tail -n 25 "$log"; done
  fi
}
started=$(date +%s)

drill "kill -9 during a write storm (SQLite)" kill --provider Sqlite --cs "Data Source=$work/kill.db" --port "$(free_port)"
pg=$(pg_db faults)
drill "kill -9 during a write storm (PostgreSQL)" kill --provider Postgres --cs "$pg" --port "$(free_port)"
drill "PostgreSQL stopped for 20 s under load" outage --cs "$pg" --port "$(free_port)" \
  --pg-stop "bash -c 'source scripts/throwaway-postgres.sh && pg_throwaway_pause'" \
  --pg-start "bash -c 'source scripts/throwaway-postgres.sh && pg_throwaway_resume'"

# Debian's nginx with the deploy example, as the test user, under the work folder (not the system service).
a=$(free_port); b=$(free_port); lb=$(free_port)
mkdir -p "$work/nginx"
sed -e "s/127.0.0.1:5080/127.0.0.1:$a/; s/127.0.0.1:5081/127.0.0.1:$b/; s/listen 80;/listen 127.0.0.1:$lb;/" deploy/nginx-lianxin.conf > "$work/nginx/site.conf"
cat > "$work/nginx/nginx.conf" <<EOF
error_log $work/nginx/error.log;
pid $work/nginx/nginx.pid;
daemon off;
events {}
http {
    access_log off;
    client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fcgi;
    uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
    # Only here: which instance answered, so the drill sees the session move.
    add_header X-Upstream \$upstream_addr always;
    include $work/nginx/site.conf;
}
EOF
"$NGINX" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
drill "two instances behind nginx" twin --cs "$pg" --ports "$a,$b" --nginx-port "$lb"

count() { if [ -f "$1" ]; then wc -l < "$1"; else echo 0; fi; }
passed=$(count "$work/passed"); failed=$(count "$work/failed")
figure() { awk -v pat="^FIGURES ($1) " -v k="$2" '$0 ~ pat { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) s += kv[2] } } END { print s + 0 }' "$figures" 2>/dev/null || echo 0; }
acked=$(figure "kill9|outage" acknowledged); lost=$(figure "kill9|outage" lost); instances=$(figure twin instances)
echo "faults: survived $passed of $((passed + failed)); writes acknowledged $acked, lost $lost; instances behind nginx $instances; $(( $(date +%s) - started )) s"
echo "faults — Passed: $passed, Failed: $failed"
[ "$failed" = 0 ]
