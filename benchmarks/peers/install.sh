#!/usr/bin/env bash
# Installs what the benchmark peers need on a Debian 12 machine and builds the CVODE harness.
# Idempotent: installs only what is missing, rebuilds the harness only when its source changed.
#
#   - SUNDIALS CVODE: Debian's libsundials-dev (6.4.1 on Debian 12), plus gcc.
#   - scipy: the python3 on PATH if it imports scipy; otherwise a virtual environment in
#     benchmarks/peers/.venv with scipy from PyPI.
#
# Writes benchmarks/peers/.build/cvode_harness and benchmarks/peers/.build/python (the path of
# the interpreter to use). All messages go to stderr.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$HERE/.build"
VENV="$HERE/.venv"
SCIPY_SPEC="${SCIPY_SPEC:-scipy>=1.17,<1.18}"   # the version the recorded peer_scd numbers came from

log() { echo "peers/install: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        log "apt-get update"
        $SUDO apt-get update -qq >&2
        apt_updated=1
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >&2
}

have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# --- C toolchain and SUNDIALS -------------------------------------------------------------------
need=()
command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
have_deb libsundials-dev || need+=(libsundials-dev)
if [ "${#need[@]}" -gt 0 ]; then apt_install "${need[@]}"; fi

# --- Python with numpy and scipy ------------------------------------------------------------------
PY=""
if command -v python3 >/dev/null 2>&1 && python3 -c 'import numpy, scipy' >/dev/null 2>&1; then
    PY="$(python3 -c 'import sys; print(sys.executable)')"
elif [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import numpy, scipy' >/dev/null 2>&1; then
    PY="$VENV/bin/python"
else
    command -v python3 >/dev/null 2>&1 || apt_install python3
    if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
        apt_install python3-venv
    fi
    log "creating $VENV and installing $SCIPY_SPEC from PyPI"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip >&2
    if ! "$VENV/bin/python" -m pip install -q "$SCIPY_SPEC" >&2; then
        log "$SCIPY_SPEC not installable here; installing the newest scipy instead"
        "$VENV/bin/python" -m pip install -q scipy >&2
    fi
    PY="$VENV/bin/python"
fi
mkdir -p "$BUILD"
echo "$PY" > "$BUILD/python"

# --- CVODE harness ----------------------------------------------------------------------------------
BIN="$BUILD/cvode_harness"
SRC="$HERE/cvode_harness.c"
if [ ! -x "$BIN" ] || [ "$SRC" -nt "$BIN" ] || [ "$HERE/install.sh" -nt "$BIN" ]; then
    log "building $BIN"
    gcc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -o "$BIN.tmp" "$SRC" \
        -lsundials_cvode -lsundials_nvecserial -lsundials_sunmatrixdense \
        -lsundials_sunlinsoldense -lsundials_sunnonlinsolfixedpoint -lm
    "$BIN.tmp" --selftest 2>"$BUILD/selftest.log" || { cat "$BUILD/selftest.log" >&2; log "Jacobian self-test failed"; exit 1; }
    mv "$BIN.tmp" "$BIN"
fi

log "ready: $("$PY" -c 'import scipy, sys; print("python", sys.version.split()[0], "scipy", scipy.__version__)'), SUNDIALS $(dpkg-query -W -f='${Version}' libsundials-dev)"
