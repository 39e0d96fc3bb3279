#!/usr/bin/env python3
"""Measures how scipy's stiff solvers' accuracy (scd) spreads when the tolerances move a little.

On the Bari stiff problems the scd reached at one tolerance pair moves by up to a digit under
rounding-level changes (a Jacobian from differences instead of formulas, `y2**2` written as
`y2*y2`), so one run is a noisy bar. This script solves each stiff problem at each recorded
tolerance pair scaled by 0.8, 0.9, 1, 1.1 and 1.25 (rtol and atol together) with scipy's
BDF, LSODA and Radau given the analytic Jacobian, and writes every scd and their median to
Sources/ReferenceProblems/Data/peer_scd_spread.json, which the Swift tests compare against.

Usage: benchmarks/peers/measure_scd_spread.py   (needs scipy; run install.sh first)
"""
import json
import os
import statistics
import sys

import numpy as np
from scipy.integrate import solve_ivp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scipy_peer  # noqa: E402

MULTIPLIERS = [0.8, 0.9, 1.0, 1.1, 1.25]
METHODS = ["BDF", "LSODA", "Radau"]


def main():
    out = {
        "note": "scd (as in the problem files) reached by scipy %s solve_ivp with the analytic Jacobian at each "
                "recorded tolerance pair with rtol and atol both scaled by each multiplier; written by "
                "benchmarks/peers/measure_scd_spread.py" % __import__("scipy").__version__,
        "multipliers": MULTIPLIERS,
        "results": {},
    }
    for name in ["rober", "vdpol", "orego"]:
        data = scipy_peer.load_problem(name)
        f, jac = scipy_peer.MAKERS[name](data["parameters"])
        ref = data["reference_solution"]
        n = data["dimension"]
        for rtol_text, atol_text in scipy_peer.tolerance_pairs(data):
            key = "rtol=%s,atol=%s" % (rtol_text, atol_text)
            for method in METHODS:
                scds = []
                for m in MULTIPLIERS:
                    rtol, atol = float(rtol_text) * m, float(atol_text) * m
                    res = solve_ivp(f, (data["t0"], data["tEnd"]), np.array(data["y0"], dtype=float),
                                    method=method, rtol=rtol, atol=atol, jac=jac)
                    scds.append(scipy_peer.scd_of(res.y[:, -1], ref, [atol] * n) if res.success else None)
                valid = [s for s in scds if s is not None]
                entry = {"scd": scds, "median": statistics.median(valid) if valid else None}
                out["results"].setdefault(name, {}).setdefault(key, {})[method] = entry
                print(name, key, method, scds, file=sys.stderr)
    target = os.path.join(scipy_peer.DEFAULT_PROBLEMS_DIR, "peer_scd_spread.json")
    with open(target, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("wrote", os.path.normpath(target), file=sys.stderr)


if __name__ == "__main__":
    main()
