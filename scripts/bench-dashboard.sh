#!/usr/bin/env bash
# Dashboard refresh benchmark: our live dashboard on PostgreSQL at N ratings beside R's full recompute of the same
# statistics on the same ratings, and a check that the numbers agree. Usage: scripts/bench-dashboard.sh [N ...]
# (default 10000 100000 1000000). Installs R from the OS packages when Rscript is missing (as root), and uses
# PAINBIAS_TEST_POSTGRES or starts a throwaway PostgreSQL server like scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/painbias-bench.XXXXXX")
log_tag=bench
# shellcheck source=lib/throwaway-postgres.sh
. scripts/lib/throwaway-postgres.sh

cleanup() {
  stop_postgres
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v Rscript >/dev/null || ! Rscript -e 'library(jsonlite)' >/dev/null 2>&1; then
  log "installing R from the OS packages"
  apt_install r-base-core r-cran-jsonlite
fi
log "$(Rscript --version 2>&1 | head -1)"

if [ -z "${PAINBIAS_TEST_POSTGRES:-}" ]; then start_postgres 100 50; else log "using PostgreSQL from PAINBIAS_TEST_POSTGRES"; fi

log "building"
dotnet build tests/PainBias.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly >&2

if [ "$#" -eq 0 ]; then set -- 10000 100000 1000000; fi
dotnet tests/PainBias.Benchmarks/bin/Release/net10.0/PainBias.Benchmarks.dll dashboard "$@"
