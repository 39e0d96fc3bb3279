#!/usr/bin/env bash
# Runs the peers of the reference job (README.md) on N subjects and prints each one's result line
# (every line contains `solve_s SECONDS`). Always: the C closed form and the C Dormand–Prince
# (needs gcc). With --slow M: also scipy odeint, libroadrunner and R deSolve (compiled RHS) on M
# subjects, each only when installed (install them with install_slow_peers.sh); their times
# are for M subjects (the caller scales them). With --repeats R the C peers run R times each (one
# line per run; the caller keeps the fastest, as it does for its own runs).
# usage: run_peers.sh N [--slow M] [--repeats R]
set -euo pipefail
cd "$(dirname "$0")"
N="${1:-2000}"
shift || true
SLOW=""
REPEATS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --slow) SLOW="${2:-400}"; shift 2 ;;
        --repeats) REPEATS="${2:-1}"; shift 2 ;;
        *) echo "run_peers.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
HERE="$(pwd)"
mkdir -p .build/out
cp subjects.csv .build/out/subjects.csv
gcc -O2 -o .build/analytic analytic.c -lm
gcc -O2 -o .build/dopri dopri.c -lm
cd .build
for _ in $(seq "$REPEATS"); do
    ./analytic recursive "$N" -
    ./dopri dense "$N" -
done
[ -n "$SLOW" ] || exit 0
if python3 -c 'import scipy' >/dev/null 2>&1; then
    python3 "$HERE/peers_scipy.py" odeint "$SLOW" - || echo "scipy_odeint failed" >&2
else
    echo "scipy not installed: skipping scipy odeint" >&2
fi
if [ -x "$HERE/.venv/bin/python" ] && "$HERE/.venv/bin/python" -c 'import roadrunner' >/dev/null 2>&1; then
    "$HERE/.venv/bin/python" "$HERE/peers_roadrunner.py" serial "$SLOW" - || echo "roadrunner failed" >&2
else
    echo "libroadrunner not installed (install_slow_peers.sh): skipping" >&2
fi
if command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(deSolve)' >/dev/null 2>&1; then
    R CMD SHLIB -o desolve_rhs.so "$HERE/desolve_rhs.c" >/dev/null 2>&1
    cp "$HERE/peers_desolve.R" .
    Rscript peers_desolve.R c "$SLOW" - || echo "deSolve failed" >&2
else
    echo "R deSolve not installed (install_slow_peers.sh): skipping" >&2
fi
