# Sourced by test.sh and bench/with-postgres.sh: starts a throw-away PostgreSQL 15 cluster on a Unix socket
# under a temp folder (no TCP) and removes it when the calling script exits, even on failure.
# After `pg_throwaway_start [extra -c settings…]`, PG_CONNECTION holds the base connection string.
PG_BIN=/usr/lib/postgresql/15/bin

pg_throwaway_start() {
  [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL 15 is missing: apt-get install -y postgresql-15" >&2; return 1; }
  PGDIR=$(mktemp -d /tmp/lianxin-pg.XXXXXX)
  PG_USER=$(id -un)
  trap pg_throwaway_stop EXIT
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses root: the cluster belongs to the postgres user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PGDIR"; PG_USER=postgres
  fi
  echo "==> starting PostgreSQL 15 in $PGDIR"
  _as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -U "$PG_USER" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  local extra=""
  for setting in "$@"; do extra="$extra -c $setting"; done
  PG_OPTS="-k $PGDIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200$extra"
  pg_throwaway_resume
  PG_CONNECTION="Host=$PGDIR;Username=$PG_USER;Database=postgres"
}

# Stops the server as an outage would (open connections are cut; the data stays) and starts it again: tests/faults.
pg_throwaway_pause() { _as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null; }
pg_throwaway_resume() { _as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "$PG_OPTS" start >/dev/null; }

pg_throwaway_stop() {
  [ -n "${PGDIR:-}" ] || return 0
  _as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}

_as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
