#!/usr/bin/env bash
# Installs the slow peers of the reference job: libroadrunner and antimony in a local venv (PyPI),
# R with deSolve (Debian). scipy comes with the machine's python3 or from PyPI.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install -q libroadrunner antimony numpy
python3 -c 'import scipy' >/dev/null 2>&1 || python3 -m pip install -q scipy
if ! Rscript -e 'library(deSolve)' >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q r-base-core r-cran-desolve >/dev/null
fi
