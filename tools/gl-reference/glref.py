"""Small, dependency-free simulator used to produce the reference CSVs for the
Godley-Lavoie models in models/gl/.

It is deliberately independent of the Accord engine: every model script in this
folder restates the book's equations as Python functions, and this module only
supplies the period loop, the scenario handling and a Newton solver.

Conventions (the same as Accord's, taken from sfcr):
  * period 1 holds the initial values and is not solved;
  * periods 2..N are solved in order, each as one simultaneous system;
  * a lag reaching before period 1 takes the period-1 value;
  * a scenario may start from the last period of another run (start_from);
  * shocks are {at, until, values}: the values hold in periods at..until
    (inclusive); outside that window the series keep their base value.

Each period's system is solved by Newton's method with a finite-difference
Jacobian and a dense Gaussian elimination, to a relative step of 1e-13, and is
then polished with a few plain fixed-point sweeps x = g(x), so the last digits
do not depend on the finite-difference step.
"""

import csv
import math
import os

TOL = 1e-13
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '..', '..', 'models', 'gl', 'expected'))


class History:
    """Read access to solved periods: h('Y', -1) is Y one period back."""

    def __init__(self, rows, t):
        self.rows = rows          # list of dicts, index 0 = period 1
        self.t = t                # index of the period being solved

    def __call__(self, name, lag=-1):
        i = self.t + lag
        if i < 0:
            i = 0
        return self.rows[i][name]


def _gauss_solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[piv][col]) == 0.0:
            raise ZeroDivisionError('singular Jacobian at column %d' % col)
        m[col], m[piv] = m[piv], m[col]
        p = m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / p
            if f != 0.0:
                mr, mc = m[r], m[col]
                for c in range(col, n + 1):
                    mr[c] -= f * mc[c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = m[r][n]
        for c in range(r + 1, n):
            s -= m[r][c] * x[c]
        x[r] = s / m[r][r]
    return x


def solve_period(names, rhs, guess, lag, par, ex):
    """Solve x = rhs(x) for the unknowns `names`.

    rhs(cur, lag, par, ex) returns a dict name -> value of each equation's
    right-hand side evaluated at the current guess `cur` (a dict).
    """
    n = len(names)
    x = [float(guess[k]) for k in names]

    def g(vec):
        cur = dict(zip(names, vec))
        r = rhs(cur, lag, par, ex)
        return [r[k] for k in names]

    def F(vec):
        gv = g(vec)
        return [vec[i] - gv[i] for i in range(n)]

    for _it in range(100):
        f0 = F(x)
        jac = [[0.0] * n for _ in range(n)]
        for j in range(n):
            h = 1e-7 * max(1.0, abs(x[j]))
            xp = x[:]
            xp[j] += h
            fp = F(xp)
            for i in range(n):
                jac[i][j] = (fp[i] - f0[i]) / h
        dx = _gauss_solve(jac, [-v for v in f0])
        x = [x[i] + dx[i] for i in range(n)]
        if all(abs(dx[i]) <= TOL * max(1.0, abs(x[i])) for i in range(n)):
            break
    else:
        raise RuntimeError('Newton did not converge')
    # polish: Newton steps with the (now exact-enough) Jacobian until the
    # residual stops falling; then check the fixed point.
    for _ in range(3):
        f0 = F(x)
        if all(abs(f0[i]) <= TOL * max(1.0, abs(x[i])) for i in range(n)):
            break
        dx = _gauss_solve(jac, [-v for v in f0])
        x = [x[i] + dx[i] for i in range(n)]
    f0 = F(x)
    worst = max((abs(f0[i]) / max(1.0, abs(x[i])) for i in range(n)), default=0.0)
    if worst > 1e-12:
        raise RuntimeError('residual too large: %g' % worst)
    return dict(zip(names, x))


class Model:
    """unknowns: list of endogenous names (columns too).
    exogenous: dict name -> constant value (time series, scenario-settable).
    params: dict name -> value (scenario-settable).
    initial: dict name -> period-1 value (endogenous; missing ones are 0).
    rhs: function(cur, lag, par, ex) -> dict of right-hand sides.
    closures: optional dict name -> (exogenized list, endogenized list, rhs)
    """

    def __init__(self, unknowns, exogenous, params, initial, rhs, checks=None):
        self.unknowns = list(unknowns)
        self.exogenous = dict(exogenous)
        self.params = dict(params)
        self.initial = dict(initial)
        self.rhs = rhs
        self.checks = checks or []

    def columns(self):
        return self.unknowns + [k for k in self.exogenous if k not in self.unknowns]

    def run(self, periods, shocks=(), start_row=None, unknowns=None, rhs=None,
            fixed=()):
        """Simulate. `fixed` lists variables held at their previous value
        (exogenized); `unknowns`/`rhs` override the default closure."""
        unknowns = list(unknowns or self.unknowns)
        rhs = rhs or self.rhs
        cols = self.columns()
        if start_row is None:
            row1 = {k: 0.0 for k in cols}
            row1.update({k: float(v) for k, v in self.exogenous.items()})
            row1.update({k: float(v) for k, v in self.initial.items()})
        else:
            row1 = dict(start_row)
        rows = [row1]
        for t in range(1, periods):
            period = t + 1
            par = dict(self.params)
            ex = {k: float(v) for k, v in self.exogenous.items()}
            for k in fixed:
                ex[k] = rows[-1][k]
            for s in shocks:
                if s['at'] <= period <= s.get('until', 10 ** 9):
                    for k, v in s['values'].items():
                        if k in par:
                            par[k] = v
                        else:
                            ex[k] = v
            lag = History(rows, t)
            guess = {k: rows[-1][k] for k in unknowns}
            sol = solve_period(unknowns, rhs, guess, lag, par, ex)
            row = {}
            for k in cols:
                if k in sol:
                    row[k] = sol[k]
                elif k in ex:
                    row[k] = ex[k]
                else:
                    row[k] = rows[-1][k]
            rows.append(row)
            for chk in self.checks:
                chk(row, History(rows, t), par, ex, period)
        return rows


def write_csv(name, columns, rows):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['period'] + list(columns))
        for i, row in enumerate(rows):
            w.writerow([i + 1] + [repr(float(row[c])) for c in columns])
    return path


def close(a, b, rel=1e-9, absolute=1e-9):
    return abs(a - b) <= max(absolute, rel * max(abs(a), abs(b)))


def check_zero(label, value, scale, period, rel=1e-9):
    if abs(value) > rel * max(1.0, scale):
        raise AssertionError('%s: %r (scale %r) in period %d'
                             % (label, value, scale, period))


def matrix_check(label, rows_of_cells, period, rel=1e-9):
    """rows_of_cells: list of rows, each a list of numbers (None = empty).
    Every row and every column must sum to zero relative to the sum of the
    absolute values."""
    for i, r in enumerate(rows_of_cells):
        vals = [v for v in r if v is not None]
        check_zero('%s row %d' % (label, i + 1), sum(vals),
                   sum(abs(v) for v in vals), period, rel)
    ncol = max(len(r) for r in rows_of_cells)
    for j in range(ncol):
        vals = [r[j] for r in rows_of_cells if j < len(r) and r[j] is not None]
        check_zero('%s column %d' % (label, j + 1), sum(vals),
                   sum(abs(v) for v in vals), period, rel)
