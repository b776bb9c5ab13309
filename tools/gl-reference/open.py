"""Reference simulation of model OPEN (Godley and Lavoie 2007, chapter 6).

Writes models/gl/expected/open-<scenario>.csv. Standard library only.
Equations restated from the book (6.O.1-6.O.31); parameter values and opening
stocks of Zezza's EViews program for OPEN (see models/gl/open.acc).
"""
from glref import Model, write_csv, check_zero, matrix_check

K = ['N', 'S']
IDX = ['Y', 'C', 'X', 'IM', 'YD', 'T', 'V', 'Hh', 'Bh', 'Bs', 'Bcb', 'gold',
       'Hs', 'pg', 'r']
UNKNOWNS = ['%s[%s]' % (v, c) for v in IDX for c in K] + ['xr']
EXOG = {'G[N]': 20.0, 'G[S]': 20.0, 'rbar[N]': 0.025, 'rbar[S]': 0.025,
        'pgbar': 1.0, 'xrbar': 1.0}
PARAMS = {'alpha1[N]': 0.6, 'alpha1[S]': 0.7, 'alpha2[N]': 0.4, 'alpha2[S]': 0.3,
          'lambda0[N]': 0.635, 'lambda0[S]': 0.67, 'lambda1[N]': 5.0, 'lambda1[S]': 6.0,
          'lambda2[N]': 0.01, 'lambda2[S]': 0.07, 'mu[N]': 0.18781, 'mu[S]': 0.18781,
          'theta[N]': 0.2, 'theta[S]': 0.2}
INITIAL = {}
for _c in K:
    INITIAL.update({'Bcb[%s]' % _c: 11.622, 'Bh[%s]' % _c: 64.865,
                    # Zezza has 76.486; 76.487 = Bh + Bcb makes the opening
                    # balance sheet add up (see models/gl/open.acc)
                    'Bs[%s]' % _c: 76.487, 'gold[%s]' % _c: 10.0,
                    'V[%s]' % _c: 86.487, 'Hh[%s]' % _c: 21.622,
                    'Hs[%s]' % _c: 21.622, 'pg[%s]' % _c: 1.0, 'r[%s]' % _c: 0.025})
INITIAL['xr'] = 1.0


def rhs(c, lag, p, e):
    out = {}
    for k in K:
        o = 'S' if k == 'N' else 'N'
        v = lambda n: c['%s[%s]' % (n, k)]
        L = lambda n: lag('%s[%s]' % (n, k))
        P = lambda n: p['%s[%s]' % (n, k)]
        out['Y[%s]' % k] = v('C') + e['G[%s]' % k] + v('X') - v('IM')         # 6.O.1-2
        out['IM[%s]' % k] = P('mu') * v('Y')                                   # 6.O.3-4
        out['X[%s]' % k] = (c['IM[S]'] / c['xr'] if k == 'N'
                            else c['IM[N]'] * c['xr'])                         # 6.O.5-6
        out['YD[%s]' % k] = v('Y') - v('T') + L('r') * L('Bh')                 # 6.O.7-8
        out['T[%s]' % k] = P('theta') * (v('Y') + L('r') * L('Bh'))           # 6.O.9-10
        out['V[%s]' % k] = L('V') + (v('YD') - v('C'))                        # 6.O.11-12
        out['C[%s]' % k] = P('alpha1') * v('YD') + P('alpha2') * L('V')       # 6.O.13-14
        out['Hh[%s]' % k] = v('V') - v('Bh')                                   # 6.O.15-16
        out['Bh[%s]' % k] = v('V') * (P('lambda0') + P('lambda1') * v('r')) \
            - P('lambda2') * v('YD')                                           # 6.O.17-18
        out['Bs[%s]' % k] = L('Bs') + (e['G[%s]' % k] + L('r') * L('Bs')) \
            - (v('T') + L('r') * L('Bcb'))                                     # 6.O.19-20
        out['Bcb[%s]' % k] = v('Bs') - v('Bh')                                 # 6.O.21-22
        out['gold[%s]' % k] = L('gold') + ((v('Hs') - L('Hs'))
                                           - (v('Bcb') - L('Bcb'))) / v('pg')  # 6.O.23-24
        out['Hs[%s]' % k] = v('Hh')                                            # 6.O.25-26
        out['pg[%s]' % k] = (e['pgbar'] if k == 'N'
                             else c['pg[N]'] * c['xr'])                        # 6.O.27-28
        out['r[%s]' % k] = e['rbar[%s]' % k]                                   # 6.O.30-31
    out['xr'] = e['xrbar']                                                     # 6.O.29
    return out


def checks(x, lag, p, e, t):
    d = lambda k: x[k] - lag(k, -1)
    L = lambda k: lag(k, -1)
    check_zero('hidden gold[N]', x['gold[N]'] - (L('gold[N]') - d('gold[S]')),
               abs(x['gold[N]']), t)
    xr = x['xr']
    goldval = x['gold[N]'] * x['pg[N]'] * xr + x['gold[S]'] * x['pg[S]']
    # columns: hhN, govN, cbN, hhS, govS, cbS (all in S currency), plus minus
    # the stated row sums of the gold and balance rows
    bs = [
        [x['Hh[N]'] * xr, None, -x['Hs[N]'] * xr, x['Hh[S]'], None, -x['Hs[S]']],
        [x['Bh[N]'] * xr, -x['Bs[N]'] * xr, x['Bcb[N]'] * xr, x['Bh[S]'], -x['Bs[S]'], x['Bcb[S]']],
        [None, None, x['gold[N]'] * x['pg[N]'] * xr, None, None, x['gold[S]'] * x['pg[S]'], -goldval],
        [-x['V[N]'] * xr, x['Bs[N]'] * xr, None, -x['V[S]'], x['Bs[S]'], None, goldval],
    ]
    matrix_check('OPEN balance sheet', bs, t)
    z = xr
    tfm = [
        # hhN, firmsN, govN, cbN, hhS, firmsS, govS, cbS
        [-x['C[N]'] * z, x['C[N]'] * z, None, None, -x['C[S]'], x['C[S]'], None, None],
        [None, x['G[N]'] * z, -x['G[N]'] * z, None, None, x['G[S]'], -x['G[S]'], None],
        [None, x['X[N]'] * z, None, None, None, -x['IM[S]'], None, None],
        [None, -x['IM[N]'] * z, None, None, None, x['X[S]'], None, None],
        [x['Y[N]'] * z, -x['Y[N]'] * z, None, None, x['Y[S]'], -x['Y[S]'], None, None],
        [L('r[N]') * L('Bh[N]') * z, None, -L('r[N]') * L('Bs[N]') * z, L('r[N]') * L('Bcb[N]') * z,
         L('r[S]') * L('Bh[S]'), None, -L('r[S]') * L('Bs[S]'), L('r[S]') * L('Bcb[S]')],
        [None, None, L('r[N]') * L('Bcb[N]') * z, -L('r[N]') * L('Bcb[N]') * z,
         None, None, L('r[S]') * L('Bcb[S]'), -L('r[S]') * L('Bcb[S]')],
        [-x['T[N]'] * z, None, x['T[N]'] * z, None, -x['T[S]'], None, x['T[S]'], None],
        [-d('Hh[N]') * z, None, None, d('Hs[N]') * z, -d('Hh[S]'), None, None, d('Hs[S]')],
        [-d('Bh[N]') * z, None, d('Bs[N]') * z, -d('Bcb[N]') * z, -d('Bh[S]'), None, d('Bs[S]'), -d('Bcb[S]')],
        [None, None, None, -d('gold[N]') * x['pg[N]'] * z, None, None, None, -d('gold[S]') * x['pg[S]']],
    ]
    matrix_check('OPEN transactions', tfm, t)


def model():
    return Model(UNKNOWNS, EXOG, PARAMS, INITIAL, rhs, [checks])


SCENARIOS = {
    'baseline': [],
    'imports': [{'at': 16, 'until': 200, 'values': {'mu[S]': 0.20781}}],
    'saving': [{'at': 16, 'until': 200, 'values': {'alpha1[S]': 0.6}}],
}

if __name__ == '__main__':
    m = model()
    cols = m.columns()
    for name, shocks in SCENARIOS.items():
        rows = m.run(200, shocks)
        write_csv('open-%s.csv' % name, cols, rows)
        for i in (2, 15, 16, 17, 66, 199, 200):
            r = rows[i - 1]
            print(name, i, r['Y[N]'], r['Y[S]'], r['gold[S]'], r['Bcb[S]'], r['Hs[S]'])
