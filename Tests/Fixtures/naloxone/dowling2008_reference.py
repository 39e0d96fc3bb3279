"""Reference levels of naloxone at the receptors for NaloxoneDoseTests (Wean).

The course of Dowling J et al.'s three-compartment population model (Ther Drug Monit
2008;30:490, abstract: CL 91 L/h, V1 2.87 L, V2 1.49 L, V3 33.6 L, Q2 5.66 L/h, Q3 29.8 L/h;
i.m. k_a 0.65/h and F 0.36; intranasal k_a 1.52/h), seen through Yassen A et al.'s 6.5-min
biophase half-life (Clin Pharmacokinet 2007;46:965), 0.6 of it unbound against a K_i of
0.327 ng/mL (1 nM), per mg given; intranasal bioavailability 0.47 (a concentrated spray).
Integrated with scipy's LSODA, independently of Wean. Run: python3 dowling2008_reference.py
"""
import numpy as np
from scipy.integrate import solve_ivp

CL, V1, V2, V3, Q2, Q3 = 91.0, 2.87, 1.49, 33.6, 5.66, 29.8
KE0 = np.log(2) / (6.5 / 60)
UNBOUND, KI = 0.6, 0.3274  # fraction, ng/mL


def rhs(t, y, ka):
    depot, a1, a2, a3, ce = y
    c1 = a1 / V1
    return [-ka * depot,
            ka * depot - CL * c1 - Q2 * (c1 - a2 / V2) - Q3 * (c1 - a3 / V3),
            Q2 * (c1 - a2 / V2), Q3 * (c1 - a3 / V3), KE0 * (c1 - ce)]


minutes = np.array([10, 20, 30, 60, 120])
for name, ka, f in [("iv", 0.0, 1.0), ("im", 0.65, 0.36), ("intranasal", 1.52, 0.47)]:
    y0 = [0, 1, 0, 0, 0] if ka == 0 else [f, 0, 0, 0, 0]
    fine = np.arange(0, 2 + 1e-9, 1 / 600)
    sol = solve_ivp(rhs, (0, 2), y0, t_eval=fine, args=(ka,), rtol=1e-11, atol=1e-14, method="LSODA")
    level = sol.y[4] * 1000 * UNBOUND / KI  # ng/mL x unbound / K_i
    at = [level[int(round(m / 60 * 600))] for m in minutes]
    print(name, "peak %.4f at %.1f min;" % (level.max(), fine[level.argmax()] * 60),
          ", ".join("%d min %.4f" % (m, v) for m, v in zip(minutes, at)))



def infusion(t, y):
    """0.4 mg/h IV for 24 h into the central compartment; y: a1, a2, a3, ce."""
    a1, a2, a3, ce = y
    c1 = a1 / V1
    rate = 0.4 if t < 24 else 0.0
    return [rate - CL * c1 - Q2 * (c1 - a2 / V2) - Q3 * (c1 - a3 / V3),
            Q2 * (c1 - a2 / V2), Q3 * (c1 - a3 / V3), KE0 * (c1 - ce)]


hours = [1, 23.9, 26, 28]
sol = solve_ivp(infusion, (0, 30), [0, 0, 0, 0], t_eval=hours, rtol=1e-10, atol=1e-13, method="LSODA", max_step=0.01)
print("infusion 0.4 mg/h for 24 h:", ", ".join("%g h %.4f" % (h, v) for h, v in zip(hours, sol.y[3] * 1000 * UNBOUND / KI)))
