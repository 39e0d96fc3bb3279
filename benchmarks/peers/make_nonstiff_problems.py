#!/usr/bin/env python3
"""Writes problems/arenstorf.json and problems/pk2cmt.json (the two non-stiff peer problems),
in the format of the stiff problem files (rober, vdpol, orego) copied from the IVP test set.

The reference solutions are computed here in high precision with mpmath:
  - ARENSTORF: the orbit is periodic, so the reference is y0; checked by a 30-digit Taylor-series
    integration (mpmath.odefun) over one period (takes ~20 s).
  - PK2CMT: the model is linear, y(tEnd) = expm(A*tEnd) y0, evaluated with 50 significant digits
    and cross-checked against the eigen-decomposition closed form.
peer_scd is measured with this machine's scipy (RK45 and DOP853), like the stiff files' numbers.

Run once by hand (needs mpmath, which comes with sympy / pip install mpmath); run_peers.sh only
reads the files it writes.
"""

import json
import os
import sys

import mpmath as mp
import scipy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import scipy_peer  # noqa: E402

PROBLEMS_DIR = os.path.join(HERE, "..", "..", "Sources", "ReferenceProblems", "Data")
NOTATION = ("Equations use a neutral infix notation: + - * /, ^ for integer powers, y1..yN the state "
            "components, t time. All constants are exact decimal literals.")


def arenstorf():
    mu_text = "0.012277471"
    y0_text = ["0.994", "0.0", "0.0", "-2.00158510637908252240537862224"]
    tend_text = "17.0652165601579625588917206249"

    mp.mp.dps = 30
    mu = mp.mpf(mu_text)
    mu2 = 1 - mu

    def f(t, y):
        y1, y2, y3, y4 = y
        d1 = ((y1 + mu) ** 2 + y2 ** 2) ** mp.mpf(1.5)
        d2 = ((y1 - mu2) ** 2 + y2 ** 2) ** mp.mpf(1.5)
        return [y3, y4, y1 + 2 * y4 - mu2 * (y1 + mu) / d1 - mu * (y1 - mu2) / d2,
                y2 - 2 * y3 - mu2 * y2 / d1 - mu * y2 / d2]

    y0 = [mp.mpf(v) for v in y0_text]
    yend = mp.odefun(f, 0, y0)(mp.mpf(tend_text))
    deviation = max(abs(a - b) for a, b in zip(yend, y0))
    print(f"arenstorf: 30-digit Taylor integration over one period returns to y0 within {mp.nstr(deviation, 3)}",
          file=sys.stderr)
    assert deviation < 1e-20

    return {
        "name": "ARENSTORF",
        "title": "Arenstorf orbit, restricted three-body problem (non-stiff, periodic)",
        "dimension": 4,
        "stiff": False,
        "rhs": [
            "dy1/dt = y3",
            "dy2/dt = y4",
            "dy3/dt = y1 + 2*y4 - (1 - mu)*(y1 + mu)/D1 - mu*(y1 - (1 - mu))/D2",
            "dy4/dt = y2 - 2*y3 - (1 - mu)*y2/D1 - mu*y2/D2",
        ],
        "definitions": [
            "D1 = ((y1 + mu)^2 + y2^2)^(3/2)",
            "D2 = ((y1 - (1 - mu))^2 + y2^2)^(3/2)",
        ],
        "parameters": {"mu": float(mu_text)},
        "y0": [float(v) for v in y0_text],
        "y0_text": y0_text,
        "t0": 0.0,
        "tEnd": float(tend_text),
        "tEnd_text": tend_text,
        "reference_solution_text": y0_text,
        "notation": NOTATION + " In \"definitions\", ^(3/2) is the real power 3/2 (r^3 with r the square root).",
        "comment": ("tEnd is one period of the orbit, so the solution at tEnd equals y0. Two components of the "
                    "reference are 0 and are compared with absolute error. The orbit passes close to the "
                    "second body, so global errors are large compared to the local tolerances."),
        "source": ("E. Hairer, S. P. Norsett, G. Wanner, Solving Ordinary Differential Equations I (2nd ed.), "
                   "Springer 1993, section II.0 (Arenstorf orbit); initial values and period as given there"),
        "verification_settings": {
            "method": "mpmath odefun (Taylor series) with 30 significant digits over one period",
            "max_abs_deviation_from_reference": float(mp.nstr(deviation, 3)),
        },
        "reference_solution": [float(v) for v in y0_text],
    }


def pk2cmt():
    par_text = {"ka": "1.2", "CL": "10", "V1": "50", "Q": "5", "V2": "100"}
    mp.mp.dps = 50
    ka, cl, v1, q, v2 = (mp.mpf(par_text[k]) for k in ("ka", "CL", "V1", "Q", "V2"))
    A = mp.matrix([[-ka, 0, 0], [ka, -(cl / v1) - (q / v1), q / v2], [0, q / v1, -(q / v2)]])
    y0 = mp.matrix([100, 0, 0])
    tend = mp.mpf(24)
    y = mp.expm(A * tend) * y0
    # cross-check: eigen-decomposition closed form
    E, ER = mp.eig(A)
    c = mp.lu_solve(ER, y0)
    y_eig = ER * mp.matrix([c[i] * mp.exp(E[i] * tend) for i in range(3)])
    agreement = max(abs(y[i] - y_eig[i]) / abs(y[i]) for i in range(3))
    print(f"pk2cmt: expm and eigen closed form agree to {mp.nstr(agreement, 3)} (relative)", file=sys.stderr)
    assert agreement < 1e-30
    ref_text = [mp.nstr(y[i], 25, min_fixed=-5, max_fixed=5) for i in range(3)]

    return {
        "name": "PK2CMT",
        "title": "Two-compartment pharmacokinetic model with first-order oral absorption (linear, non-stiff)",
        "dimension": 3,
        "stiff": False,
        "rhs": [
            "dy1/dt = -ka*y1",
            "dy2/dt = ka*y1 - (CL/V1)*y2 - (Q/V1)*y2 + (Q/V2)*y3",
            "dy3/dt = (Q/V1)*y2 - (Q/V2)*y3",
        ],
        "components": ["depot amount (mg)", "central amount (mg)", "peripheral amount (mg)"],
        "parameters": {"ka": 1.2, "CL": 10.0, "V1": 50.0, "Q": 5.0, "V2": 100.0},
        "parameter_units": {"ka": "1/h", "CL": "L/h", "V1": "L", "Q": "L/h", "V2": "L"},
        "y0": [100.0, 0.0, 0.0],
        "t0": 0.0,
        "tEnd": 24.0,
        "reference_solution_text": ref_text,
        "notation": NOTATION,
        "comment": ("A 100 mg oral dose followed for 24 h. At tEnd the depot holds 100*exp(-28.8) = 3.1e-11 mg: "
                    "it is compared with absolute error when atol >= 3.1e-11 and with relative error otherwise."),
        "source": ("Standard two-compartment model with first-order absorption (e.g. Gabrielsson & Weiner, "
                   "Pharmacokinetic and Pharmacodynamic Data Analysis); parameters chosen for the Wean benchmarks"),
        "verification_settings": {
            "method": ("closed form y(tEnd) = expm(A*tEnd)*y0, mpmath expm with 50 significant digits, "
                       "cross-checked against the eigen-decomposition solution"),
            "relative_agreement": float(mp.nstr(agreement, 3)) if agreement > 0 else 0.0,
        },
        "reference_solution": [float(v) for v in ref_text],
    }


def measure(data, name, pairs, methods=("RK45", "DOP853")):
    results = {}
    for rtol, atol in pairs:
        key = f"rtol={float(rtol)!r},atol={float(atol)!r}"
        results[key] = {}
        for m in methods:
            line = scipy_peer.run_case(name, rtol, atol, m, data=data)
            results[key][m] = line["scd"]
    return {
        "note": (f"scd = -log10(max mixed error at tEnd: relative where |reference| > atol, absolute otherwise) "
                 f"reached by scipy {scipy.__version__} solve_ivp on this machine at these tolerances (atol as given)"),
        "results": results,
    }


def main():
    os.makedirs(PROBLEMS_DIR, exist_ok=True)
    for name, make, pairs in (
            ("arenstorf", arenstorf, [("1e-6", "1e-6"), ("1e-9", "1e-9"), ("1e-12", "1e-12")]),
            ("pk2cmt", pk2cmt, [("1e-6", "1e-9"), ("1e-9", "1e-12")])):
        data = make()
        data["peer_scd"] = measure(data, name, pairs)
        path = os.path.join(PROBLEMS_DIR, name + ".json")
        with open(path, "w") as fh:
            json.dump(data, fh, indent=2)
        print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
