"""Reference simulation of model REG (Godley and Lavoie 2007, chapter 6).

Writes models/gl/expected/reg-<scenario>.csv. Standard library only.
Equations restated from the book (6.1-6.26); parameter values and opening
stocks of Zezza's EViews program for REG (see models/gl/reg.acc).
"""
from glref import Model, write_csv, check_zero, matrix_check

R = ['N', 'S']
IDX = ['Y', 'C', 'X', 'IM', 'YD', 'T', 'V', 'Hh', 'Bh']
UNKNOWNS = ['%s[%s]' % (v, c) for v in IDX for c in R] + \
    ['Ttot', 'Gtot', 'Bhtot', 'Hhtot', 'Bs', 'Hs', 'Bcb', 'r']
EXOG = {'G[N]': 20.0, 'G[S]': 20.0, 'rbar': 0.025}
PARAMS = {'alpha1[N]': 0.6, 'alpha1[S]': 0.7, 'alpha2[N]': 0.4, 'alpha2[S]': 0.3,
          'lambda0[N]': 0.635, 'lambda0[S]': 0.67, 'lambda1[N]': 5.0, 'lambda1[S]': 6.0,
          'lambda2[N]': 0.01, 'lambda2[S]': 0.07, 'mu[N]': 0.18781, 'mu[S]': 0.18781,
          'theta': 0.2}
INITIAL = {'V[N]': 86.487, 'V[S]': 86.487, 'Bh[N]': 64.865, 'Bh[S]': 64.865,
           'Hh[N]': 21.622, 'Hh[S]': 21.622, 'Bhtot': 129.73, 'Hhtot': 43.244,
           'Bcb': 43.244, 'Hs': 43.244, 'Bs': 172.974, 'r': 0.025}


def rhs(c, lag, p, e):
    out = {}
    for k in R:
        o = 'S' if k == 'N' else 'N'
        v = lambda n: c['%s[%s]' % (n, k)]
        L = lambda n: lag('%s[%s]' % (n, k))
        P = lambda n: p['%s[%s]' % (n, k)]
        out['Y[%s]' % k] = v('C') + e['G[%s]' % k] + v('X') - v('IM')         # 6.1-6.2
        out['IM[%s]' % k] = P('mu') * v('Y')                                   # 6.3-6.4
        out['X[%s]' % k] = c['IM[%s]' % o]                                     # 6.5-6.6
        out['YD[%s]' % k] = v('Y') - v('T') + lag('r') * L('Bh')               # 6.7-6.8
        out['T[%s]' % k] = p['theta'] * (v('Y') + lag('r') * L('Bh'))         # 6.9-6.10
        out['V[%s]' % k] = L('V') + (v('YD') - v('C'))                        # 6.11-6.12
        out['C[%s]' % k] = P('alpha1') * v('YD') + P('alpha2') * L('V')       # 6.13-6.14
        out['Hh[%s]' % k] = v('V') - v('Bh')                                   # 6.15-6.16
        out['Bh[%s]' % k] = v('V') * (P('lambda0') + P('lambda1') * c['r']) \
            - P('lambda2') * v('YD')                                           # 6.17-6.18
    out['Ttot'] = c['T[N]'] + c['T[S]']                                        # 6.19
    out['Gtot'] = e['G[N]'] + e['G[S]']                                        # 6.20
    out['Bhtot'] = c['Bh[N]'] + c['Bh[S]']                                     # 6.21
    out['Hhtot'] = c['Hh[N]'] + c['Hh[S]']                                     # 6.22
    out['Bs'] = lag('Bs') + (c['Gtot'] + lag('r') * lag('Bs')) \
        - (c['Ttot'] + lag('r') * lag('Bcb'))                                  # 6.23
    out['Hs'] = lag('Hs') + (c['Bcb'] - lag('Bcb'))                            # 6.24
    out['Bcb'] = c['Bs'] - c['Bhtot']                                          # 6.25
    out['r'] = e['rbar']                                                       # 6.26
    return out


def checks(x, lag, p, e, t):
    check_zero('hidden Hhtot = Hs', x['Hhtot'] - x['Hs'], abs(x['Hs']), t)
    d = lambda k: x[k] - lag(k, -1)
    L = lambda k: lag(k, -1)
    rl = L('r')
    matrix_check('Table 6.1', [
        [x['Hh[N]'], x['Hh[S]'], None, -x['Hs']],
        [x['Bh[N]'], x['Bh[S]'], -x['Bs'], x['Bcb']],
        [-x['V[N]'], -x['V[S]'], x['V[N]'] + x['V[S]'], None],
    ], t)
    # columns: hhN, firmsN, hhS, firmsS, govt, cb current, cb capital
    matrix_check('Table 6.2', [
        [-x['C[N]'], x['C[N]'], -x['C[S]'], x['C[S]'], None, None, None],
        [None, x['G[N]'], None, x['G[S]'], -x['Gtot'], None, None],
        [None, x['X[N]'], None, -x['IM[S]'], None, None, None],
        [None, -x['IM[N]'], None, x['X[S]'], None, None, None],
        [x['Y[N]'], -x['Y[N]'], x['Y[S]'], -x['Y[S]'], None, None, None],
        [rl * L('Bh[N]'), None, rl * L('Bh[S]'), None, -rl * L('Bs'), rl * L('Bcb'), None],
        [None, None, None, None, rl * L('Bcb'), -rl * L('Bcb'), None],
        [-x['T[N]'], None, -x['T[S]'], None, x['Ttot'], None, None],
        [-d('Hh[N]'), None, -d('Hh[S]'), None, None, None, d('Hs')],
        [-d('Bh[N]'), None, -d('Bh[S]'), None, d('Bs'), None, -d('Bcb')],
    ], t)


def model():
    return Model(UNKNOWNS, EXOG, PARAMS, INITIAL, rhs, [checks])


SCENARIOS = {
    'baseline': [],
    'imports': [{'at': 16, 'until': 200, 'values': {'mu[S]': 0.20781}}],
    'gov': [{'at': 16, 'until': 200, 'values': {'G[S]': 25.0}}],
    'saving': [{'at': 16, 'until': 200, 'values': {'alpha1[S]': 0.6}}],
    'liquidity': [{'at': 16, 'until': 200, 'values': {'lambda0[S]': 0.75}}],
}

if __name__ == '__main__':
    m = model()
    cols = m.columns()
    for name, shocks in SCENARIOS.items():
        rows = m.run(200, shocks)
        write_csv('reg-%s.csv' % name, cols, rows)
        for i in (2, 15, 16, 17, 66, 200):
            r = rows[i - 1]
            print(name, i, r['Y[N]'], r['Y[S]'], r['V[S]'], r['Hs'])
