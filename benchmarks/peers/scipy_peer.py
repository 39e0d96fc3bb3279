#!/usr/bin/env python3
"""scipy peer for the Wean ODE-solver benchmarks.

Sub-commands:

  scipy_peer.py run PROBLEM RTOL ATOL METHOD [METHOD ...] [--jac analytic|fd]
      Solve PROBLEM with scipy.integrate.solve_ivp for each METHOD (Radau, BDF,
      LSODA, RK45, DOP853, ...) and print one JSON line per method.
  scipy_peer.py cases [PROBLEM ...]
      Print the benchmark cases, one per line: "problem rtol atol stiff ref1,ref2,..."
      (tolerance pairs are the keys of peer_scd.results in the problem file).
  scipy_peer.py check-cvode HARNESS [PROBLEM ...]
      Check that the definitions hard-coded in the C harness (its --describe
      output) match the problem files.

Output line (the same for the CVODE harness):
  {"peer":"scipy","solver":"BDF","problem":"rober","rtol":1e-06,"atol":[1e-12,1e-12,1e-12],
   "scd":4.15,"rhs_evaluations":2293,"jacobian_evaluations":18,"lu_decompositions":155,
   "steps":801,"seconds":0.31,"repeats":3,"jacobian":"analytic"}

scd = -log10(max_i e_i) with e_i = |y_i - ref_i| / |ref_i| when |ref_i| > atol_i and
e_i = |y_i - ref_i| otherwise, rounded to 2 decimals. seconds = the minimum wall time of
one solve_ivp call, repeated until at least 0.3 s in total or 20 repeats, at least 3.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROBLEMS_DIR = os.path.join(HERE, "..", "..", "Sources", "ReferenceProblems", "Data")
ALL_PROBLEMS = ["rober", "vdpol", "orego", "arenstorf", "pk2cmt"]
IMPLICIT = {"Radau", "BDF", "LSODA"}


# --------------------------------------------------------------------------
# Right-hand sides and analytic Jacobians (parameters from the problem file)
# --------------------------------------------------------------------------
# The right-hand sides are written as in the problem files ("^" as "**"). Keep them so:
# rounding-level changes (k2*y2**2 versus k2*y2*y2) move the scd of ROBER by up to a digit.

def make_rober(p):
    k1, k2, k3 = p["k1"], p["k2"], p["k3"]

    def f(t, y):
        y1, y2, y3 = y
        return [-k1 * y1 + k3 * y2 * y3,
                k1 * y1 - k2 * y2**2 - k3 * y2 * y3,
                k2 * y2**2]

    def jac(t, y):
        y1, y2, y3 = y
        return np.array([[-k1, k3 * y3, k3 * y2],
                         [k1, -2.0 * k2 * y2 - k3 * y3, -k3 * y2],
                         [0.0, 2.0 * k2 * y2, 0.0]])
    return f, jac


def make_vdpol(p):
    mu = p["mu"]

    def f(t, y):
        y1, y2 = y
        return [y2, mu * (1.0 - y1**2) * y2 - y1]

    def jac(t, y):
        y1, y2 = y
        return np.array([[0.0, 1.0],
                         [-2.0 * mu * y1 * y2 - 1.0, mu * (1.0 - y1 * y1)]])
    return f, jac


def make_orego(p):
    s, w, q = p["s"], p["w"], p["q"]

    def f(t, y):
        y1, y2, y3 = y
        return [s * (y2 - y1 * y2 + y1 - q * y1**2),
                (-y2 - y1 * y2 + y3) / s,
                w * (y1 - y3)]

    def jac(t, y):
        y1, y2, y3 = y
        return np.array([[s * (1.0 - y2 - 2.0 * q * y1), s * (1.0 - y1), 0.0],
                         [-y2 / s, -(1.0 + y1) / s, 1.0 / s],
                         [w, 0.0, -w]])
    return f, jac


def make_arenstorf(p):
    mu = p["mu"]
    mu2 = 1.0 - mu

    def f(t, y):
        y1, y2, y3, y4 = y
        a, b = y1 + mu, y1 - mu2
        r1s, r2s = a * a + y2 * y2, b * b + y2 * y2
        d1, d2 = r1s * math.sqrt(r1s), r2s * math.sqrt(r2s)
        return [y3, y4,
                y1 + 2.0 * y4 - mu2 * a / d1 - mu * b / d2,
                y2 - 2.0 * y3 - mu2 * y2 / d1 - mu * y2 / d2]

    def jac(t, y):
        y1, y2, y3, y4 = y
        a, b = y1 + mu, y1 - mu2
        r1s, r2s = a * a + y2 * y2, b * b + y2 * y2
        r13, r23 = r1s * math.sqrt(r1s), r2s * math.sqrt(r2s)
        r15, r25 = r13 * r1s, r23 * r2s
        j31 = 1.0 - mu2 * (1.0 / r13 - 3.0 * a * a / r15) - mu * (1.0 / r23 - 3.0 * b * b / r25)
        j32 = 3.0 * mu2 * a * y2 / r15 + 3.0 * mu * b * y2 / r25
        j42 = 1.0 - mu2 * (1.0 / r13 - 3.0 * y2 * y2 / r15) - mu * (1.0 / r23 - 3.0 * y2 * y2 / r25)
        return np.array([[0.0, 0.0, 1.0, 0.0],
                         [0.0, 0.0, 0.0, 1.0],
                         [j31, j32, 0.0, 2.0],
                         [j32, j42, -2.0, 0.0]])
    return f, jac


def make_pk2cmt(p):
    ka, cl, v1, q, v2 = p["ka"], p["CL"], p["V1"], p["Q"], p["V2"]
    A = np.array([[-ka, 0.0, 0.0],
                  [ka, -(cl / v1) - (q / v1), q / v2],
                  [0.0, q / v1, -(q / v2)]])

    def f(t, y):
        y1, y2, y3 = y
        return [-ka * y1,
                ka * y1 - (cl / v1) * y2 - (q / v1) * y2 + (q / v2) * y3,
                (q / v1) * y2 - (q / v2) * y3]

    def jac(t, y):
        return A
    return f, jac


MAKERS = {"rober": make_rober, "vdpol": make_vdpol, "orego": make_orego,
          "arenstorf": make_arenstorf, "pk2cmt": make_pk2cmt}


# --------------------------------------------------------------------------
# Problem files, tolerance pairs, scd
# --------------------------------------------------------------------------

def load_problem(name, problems_dir=DEFAULT_PROBLEMS_DIR):
    with open(os.path.join(problems_dir, name + ".json")) as fh:
        return json.load(fh)


def tolerance_pairs(data):
    """[(rtol_text, atol_text)] from the keys of peer_scd.results, in file order."""
    pairs = []
    for key in data["peer_scd"]["results"]:
        fields = dict(part.split("=", 1) for part in key.split(","))
        pairs.append((fields["rtol"].strip(), fields["atol"].strip()))
    return pairs


def scd_of(y, ref, atol):
    """-log10 of the max mixed error (relative where |ref| > atol, else absolute)."""
    worst = 0.0
    for yi, ri, ai in zip(y, ref, atol):
        err = abs(yi - ri)
        if abs(ri) > ai:
            err /= abs(ri)
        if not math.isfinite(err):
            return None
        worst = max(worst, err)
    if worst == 0.0:
        return None
    return round(-math.log10(worst), 2)


def timed(fn):
    """Run fn repeatedly: until >= 0.3 s in total or 20 repeats, at least 3.
    Returns (first result, best seconds, repeats)."""
    first, best, total, repeats = None, math.inf, 0.0, 0
    while repeats < 3 or (total < 0.3 and repeats < 20):
        t0 = time.perf_counter()
        res = fn()
        dt = time.perf_counter() - t0
        if first is None:
            first = res
        total += dt
        best = min(best, dt)
        repeats += 1
        if not res.success:
            break
    return first, best, repeats


def run_case(name, rtol_text, atol_text, method, jac_mode="analytic",
             problems_dir=DEFAULT_PROBLEMS_DIR, data=None):
    data = data if data is not None else load_problem(name, problems_dir)
    f, jac = MAKERS[name](data["parameters"])
    rtol, atol = float(rtol_text), float(atol_text)
    n = data["dimension"]
    atol_vec = [atol] * n
    ref = data["reference_solution"]
    y0 = np.array(data["y0"], dtype=float)
    span = (float(data["t0"]), float(data["tEnd"]))
    implicit = method in IMPLICIT
    kwargs = {}
    if implicit and jac_mode == "analytic":
        kwargs["jac"] = jac

    def solve():
        return solve_ivp(f, span, y0, method=method, rtol=rtol, atol=atol,
                         dense_output=False, t_eval=None, **kwargs)

    res, best, repeats = timed(solve)
    out = {
        "peer": "scipy",
        "solver": method,
        "problem": name,
        "rtol": rtol,
        "atol": atol_vec,
        "scd": scd_of(res.y[:, -1], ref, atol_vec) if res.success else None,
        "rhs_evaluations": int(res.nfev),
        "jacobian_evaluations": int(res.njev),
        "lu_decompositions": int(res.nlu) if implicit else None,
        "steps": len(res.t) - 1,
        "seconds": float("%.6g" % best),
        "repeats": repeats,
        "jacobian": (jac_mode if jac_mode == "analytic" else "finite-difference") if implicit else None,
    }
    if not res.success:
        out["error"] = str(res.message)
    return out


# --------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------

def cmd_run(args):
    data = load_problem(args.problem, args.problems_dir)
    ok = True
    for method in args.methods:
        line = run_case(args.problem, args.rtol, args.atol, method, args.jac, args.problems_dir, data)
        ok = ok and "error" not in line
        print(json.dumps(line), flush=True)
    return 0 if ok else 1


def cmd_cases(args):
    for name in args.problems or ALL_PROBLEMS:
        data = load_problem(name, args.problems_dir)
        ref = ",".join(repr(float(v)) for v in data["reference_solution"])
        for rtol, atol in tolerance_pairs(data):
            print(name, rtol, atol, 1 if data.get("stiff") else 0, ref)
    return 0


def close(a, b):
    return a == b or abs(a - b) <= 1e-15 * max(abs(a), abs(b))


def cmd_check_cvode(args):
    bad = 0
    for name in args.problems or ALL_PROBLEMS:
        data = load_problem(name, args.problems_dir)
        out = subprocess.run([args.harness, "--describe", name], check=True,
                             capture_output=True, text=True).stdout
        c = json.loads(out)
        problems = []
        if c["dimension"] != data["dimension"]:
            problems.append("dimension")
        for key in ("t0", "tEnd"):
            if not close(c[key], float(data[key])):
                problems.append(key)
        for key in ("y0", "reference_solution"):
            if len(c[key]) != len(data[key]) or not all(close(a, float(b)) for a, b in zip(c[key], data[key])):
                problems.append(key)
        if set(c["parameters"]) != set(data["parameters"]) or not all(
                close(c["parameters"][k], float(v)) for k, v in data["parameters"].items()):
            problems.append("parameters")
        if problems:
            bad += 1
            print(f"check-cvode: {name}: C harness differs from {name}.json in {', '.join(problems)}",
                  file=sys.stderr)
    return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--problems-dir", default=DEFAULT_PROBLEMS_DIR)
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("problem", choices=sorted(MAKERS))
    r.add_argument("rtol")
    r.add_argument("atol")
    r.add_argument("methods", nargs="+")
    r.add_argument("--jac", choices=["analytic", "fd"], default="analytic",
                   help="Jacobian for the implicit methods: analytic (default) or scipy's finite differences")
    c = sub.add_parser("cases")
    c.add_argument("problems", nargs="*")
    k = sub.add_parser("check-cvode")
    k.add_argument("harness")
    k.add_argument("problems", nargs="*")
    args = ap.parse_args(argv)
    return {"run": cmd_run, "cases": cmd_cases, "check-cvode": cmd_check_cvode}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
