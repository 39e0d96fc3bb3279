#!/usr/bin/env bash
# Runs the benchmark peers (scipy solve_ivp and SUNDIALS CVODE) on the problems in
# Sources/ReferenceProblems/Data/ at every tolerance pair of each problem file, printing one JSON
# object per line to stdout (progress and install messages go to stderr).
#
#   run_peers.sh [--scipy-jac analytic|fd] [--peers scipy,cvode] [PROBLEM ...]
#
# PROBLEM: rober vdpol orego arenstorf pk2cmt (default: all).
#   stiff problems:     scipy Radau, BDF, LSODA;  CVODE BDF
#   non-stiff problems: scipy RK45, DOP853;       CVODE BDF and CVODE Adams
# --scipy-jac fd gives scipy's implicit methods finite-difference Jacobians instead of the
# analytic ones (that is how the peer_scd numbers in the stiff problem files were measured).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SCIPY_JAC=analytic
PEERS=scipy,cvode
problems=()
while [ $# -gt 0 ]; do
    case "$1" in
        --scipy-jac) SCIPY_JAC="$2"; shift 2 ;;
        --scipy-jac=*) SCIPY_JAC="${1#*=}"; shift ;;
        --peers) PEERS="$2"; shift 2 ;;
        --peers=*) PEERS="${1#*=}"; shift ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run_peers: unknown option $1" >&2; exit 64 ;;
        *) problems+=("$1"); shift ;;
    esac
done

bash "$HERE/install.sh" >&2
PY="$(cat "$HERE/.build/python")"
CVODE="$HERE/.build/cvode_harness"

# The C harness hard-codes the problems: make sure it agrees with the problem files.
"$PY" "$HERE/scipy_peer.py" check-cvode "$CVODE" ${problems[@]+"${problems[@]}"}

cases="$("$PY" "$HERE/scipy_peer.py" cases ${problems[@]+"${problems[@]}"})"
failures=0
while read -r name rtol atol stiff ref; do
    [ -n "$name" ] || continue
    if [ "$stiff" = 1 ]; then
        scipy_methods=(Radau BDF LSODA)
        cvode_methods=(bdf)
    else
        scipy_methods=(RK45 DOP853)
        cvode_methods=(bdf adams)
    fi
    echo "run_peers: $name rtol=$rtol atol=$atol" >&2
    if [[ ",$PEERS," == *",scipy,"* ]]; then
        "$PY" "$HERE/scipy_peer.py" run "$name" "$rtol" "$atol" "${scipy_methods[@]}" --jac "$SCIPY_JAC" \
            < /dev/null || failures=$((failures + 1))
    fi
    if [[ ",$PEERS," == *",cvode,"* ]]; then
        for m in "${cvode_methods[@]}"; do
            "$CVODE" "$name" "$rtol" "$atol" "$m" --ref "$ref" < /dev/null || failures=$((failures + 1))
        done
    fi
done <<< "$cases"

if [ "$failures" -gt 0 ]; then
    echo "run_peers: $failures peer run(s) reported a failed solve (see the \"error\" fields)" >&2
    exit 1
fi
