# Shared by scripts/test.sh and scripts/bench-dashboard.sh (sourced, not run): installing Debian packages and a
# throwaway PostgreSQL server in the caller's $work folder. The caller sets `work` and `log_tag` before sourcing.
pg_started=""

log() { printf '[%s] %s\n' "$log_tag" "$*" >&2; }

as_postgres() {
  # PostgreSQL refuses to run as root; run its tools as the postgres user then.
  # From the work folder (its owner), since the postgres user may not enter the checkout.
  if [ "$(id -u)" = 0 ]; then (cd "$work" && runuser -u postgres -- "$@"); else "$@"; fi
}

apt_install() {
  [ "$(id -u)" = 0 ] || { log "need root to apt-get install $*; install it and rerun"; exit 1; }
  if [ -z "${apt_updated:-}" ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }; done
  command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)"
}

stop_postgres() {
  if [ -n "$pg_started" ]; then
    as_postgres "$pg_started/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
}

# start_postgres MAX_CONNECTIONS POOL_SIZE: initdb + pg_ctl start on a free loopback port, exports PAINBIAS_TEST_POSTGRES.
start_postgres() {
  local bin port
  bin=$(pg_bin || true)
  if [ -z "$bin" ]; then log "installing PostgreSQL from the OS packages"; apt_install postgresql; bin=$(pg_bin); fi
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$work" postgres
    chown postgres "$work"
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  as_postgres "$bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 1; }
  as_postgres "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=$1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$work/pg.log" >&2; exit 1; }
  pg_started=$bin
  export PAINBIAS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=$2"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway, in $work/pg)"
}
