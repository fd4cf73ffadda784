# A throw-away PostgreSQL cluster, for .ci/run and for running the tests by hand:
#   . .ci/postgres.sh && start_postgres && swift test; stop_postgres
# start_postgres exports TONLAGE_TEST_POSTGRES (postgres://tonlage@127.0.0.1:PORT/postgres).

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    echo "postgres: no server installed (apt-get install postgresql)" >&2
    return 1
  fi
  PG_BIN=$bin
  PG_DIR=$(mktemp -d /tmp/tonlage-pg.XXXXXX)
  chown postgres: "$PG_DIR"
  chmod 700 "$PG_DIR"
  # A free port from the ephemeral range.
  PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U tonlage -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
  # Room for 25 concurrent trainees and the tests beside them.
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  export TONLAGE_TEST_POSTGRES="postgres://tonlage@127.0.0.1:$PG_PORT/postgres"
  export PG_DIR PG_BIN
  echo "postgres: $TONLAGE_TEST_POSTGRES (cluster in $PG_DIR)"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
