"""Godley and Lavoie's model PC in fsic, 100 periods: the side-by-side run for bench/cold-start.sh.

Uses fsic's Fortran engine when a compiled module `fsic_pc_fortran` is importable (build it once
with FSIC_BUILD=1, which needs numpy's f2py and a Fortran compiler), otherwise fsic's Python
engine; prints which to standard error so the ratio is read correctly. The equations and values are
those of models/gl/pc.acc (4.1-4.11, Zezza's parameters, all stocks starting at zero)."""
import os
import sys

import fsic

SCRIPT = """
Y = C + G
YD = Y - T + r[-1] * Bh[-1]
T = {theta} * (Y + r[-1] * Bh[-1])
V = V[-1] + (YD - C)
C = {alpha1} * YD + {alpha2} * V[-1]
Hh = V - Bh
Bh = V * ({lambda0} + {lambda1} * r) - {lambda2} * YD
Bs = Bs[-1] + (G + r[-1] * Bs[-1]) - (T + r[-1] * Bcb[-1])
Hs = Hs[-1] + (Bcb - Bcb[-1])
Bcb = Bs - Bh
r = rbar
"""
symbols = fsic.parse_model(SCRIPT)
PC = fsic.build_model(symbols)
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "target"))
if os.environ.get("FSIC_BUILD"):
    import subprocess
    import fsic.fortran
    os.makedirs(os.path.join(here, "target"), exist_ok=True)
    with open(os.path.join(here, "target", "fsic_pc_fortran.f95"), "w") as f:
        f.write(fsic.fortran.build_fortran_definition(symbols))
    subprocess.run([sys.executable, "-m", "numpy.f2py", "-c", "-m", "fsic_pc_fortran",
                    "fsic_pc_fortran.f95"], cwd=os.path.join(here, "target"), check=True)
try:
    import fsic.fortran
    import fsic_pc_fortran

    class PCFortran(fsic.fortran.FortranEngine, PC):
        ENGINE = fsic_pc_fortran

    Model, engine = PCFortran, "fortran"
except ImportError:
    Model, engine = PC, "python"
print(f"fsic engine: {engine}", file=sys.stderr)
model = Model(range(1, 101), alpha1=0.6, alpha2=0.4, theta=0.2, lambda0=0.635, lambda1=5,
              lambda2=0.01, G=20, rbar=0.025, r=0.025)
model.solve()
out = sys.argv[1] if len(sys.argv) > 1 else "pc-fsic.csv"
with open(out, "w") as f:  # written by hand, like accord's --out, so pandas is not needed
    f.write(",".join(["period"] + list(model.names)) + "\n")
    for t, period in enumerate(model.span):
        f.write(",".join([str(period)] + [repr(float(model.values[i, t])) for i in range(len(model.names))]) + "\n")
