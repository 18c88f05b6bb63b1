# Sourced by ./test: starts a throwaway PostgreSQL cluster from Debian's packages for the store tests and exports
# CATWALK_TEST_POSTGRES. Nothing happens when that variable is already set (a server of your own) or when no
# PostgreSQL is installed (those tests then say they were skipped and why).
start_test_postgres() {
  [ -n "${CATWALK_TEST_POSTGRES:-}" ] && return 0
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "Installing postgresql for the store tests (once)…" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 || true
      bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    fi
    [ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "No PostgreSQL server installed: PostgreSQL store tests will be skipped (apt-get install -y postgresql)." >&2; return 0; }
  fi
  PG_TEST_DIR="$(mktemp -d /tmp/catwalk-pg.XXXXXX)"
  local as=()
  if [ "$(id -u)" = "0" ]; then chown postgres "$PG_TEST_DIR"; as=(runuser -u postgres --); fi
  local port=$(( 55000 + RANDOM % 5000 ))
  if ! "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust >/dev/null 2>&1 ||
     ! "${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null; then
    echo "Could not start a test PostgreSQL (see $PG_TEST_DIR/log): PostgreSQL store tests will be skipped." >&2
    return 0
  fi
  export CATWALK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  PG_TEST_STOP=("${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop)
  echo "Test PostgreSQL on 127.0.0.1:$port" >&2
}

stop_test_postgres() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  "${PG_TEST_STOP[@]}" >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
}
