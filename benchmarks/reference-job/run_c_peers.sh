#!/usr/bin/env bash
# Builds and runs the C peers of the reference job (benchmarks/reference-job/README.md): the exact
# closed form (recursive superposition) and a hand-written adaptive Dormand–Prince 5(4) with dense
# output. Prints each program's result line (it contains `solve_s SECONDS`). Needs gcc.
set -euo pipefail
cd "$(dirname "$0")"
N="${1:-2000}"
mkdir -p .build/out
cp subjects.csv .build/out/subjects.csv
gcc -O2 -o .build/analytic analytic.c -lm
gcc -O2 -o .build/dopri dopri.c -lm
cd .build
./analytic recursive "$N" -
./dopri dense "$N" -
