#!/usr/bin/env bash
# Dashboard refresh benchmark: our live dashboard on PostgreSQL at N ratings beside R's full recompute of the same
# statistics on the same ratings, and a check that the numbers agree. Usage: scripts/bench-dashboard.sh [N ...]
# (default 10000 100000 1000000). Installs R from the OS packages when Rscript is missing (as root), and uses
# PAINBIAS_TEST_POSTGRES or starts a throwaway PostgreSQL server like scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/painbias-bench.XXXXXX")
pg_started=""

log() { printf '[bench] %s\n' "$*" >&2; }

as_postgres() {
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

cleanup() {
  if [ -n "$pg_started" ]; then as_postgres "$pg_started/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

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
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$work/pg.log" >&2; exit 1; }
  pg_started=$bin
  export PAINBIAS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=50"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway, in $work/pg)"
}

if ! command -v Rscript >/dev/null || ! Rscript -e 'library(jsonlite)' >/dev/null 2>&1; then
  log "installing R from the OS packages"
  apt_install r-base-core r-cran-jsonlite
fi
log "$(Rscript --version 2>&1 | head -1)"

if [ -z "${PAINBIAS_TEST_POSTGRES:-}" ]; then start_postgres; else log "using PostgreSQL from PAINBIAS_TEST_POSTGRES"; fi

log "building"
dotnet build tests/PainBias.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2

if [ "$#" -eq 0 ]; then set -- 10000 100000 1000000; fi
dotnet tests/PainBias.Benchmarks/bin/Release/net10.0/PainBias.Benchmarks.dll dashboard "$@"
