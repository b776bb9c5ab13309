"""Reference simulation of model LP (LP1; Godley and Lavoie 2007, chapter 5).

Writes models/gl/expected/lp-<scenario>.csv. Standard library only.
Equations restated from the book (5.1-5.24); parameter values and starting
stocks of Zezza's EViews program for LP1 (see models/gl/lp.acc).
"""
from glref import Model, write_csv, check_zero, matrix_check

UNKNOWNS = ['Y', 'YDr', 'T', 'V', 'CG', 'C', 'Ve', 'Hh', 'Hd', 'Bd', 'BLd',
            'Bh', 'BLh', 'Bs', 'Hs', 'Bcb', 'BLs', 'ERrbl', 'rbl', 'pble',
            'CGe', 'YDre', 'rb', 'pbl']
EXOG = {'G': 20.0, 'rbbar': 0.03, 'pblbar': 20.0}
PARAMS = {'alpha1': 0.8, 'alpha2': 0.2, 'theta': 0.1938, 'chi': 0.1,
          'lambda20': 0.44196, 'lambda22': 1.1, 'lambda23': 1.0, 'lambda24': 0.03,
          'lambda30': 0.3997, 'lambda32': 1.0, 'lambda33': 1.1, 'lambda34': 0.03}
# Zezza's opening values; V raised from 95.803 to 95.804 so that the opening
# balance sheet adds up (V = Hs + Bh + pbl*BLh = 20.125 + 37.839 + 20*1.892).
INITIAL = {'V': 95.804, 'Hh': 20.125, 'Hs': 20.125, 'Bh': 37.839, 'Bd': 37.839,
           'Bs': 57.964, 'Bcb': 20.125, 'BLh': 1.892, 'BLd': 1.892, 'BLs': 1.892,
           'YDr': 95.803, 'YDre': 95.803, 'rb': 0.03, 'pbl': 20.0, 'pble': 20.0,
           'rbl': 0.05, 'ERrbl': 0.05}


def rhs(c, lag, p, e):
    inc = lag('rb') * lag('Bh') + lag('BLh')
    return {
        'Y': c['C'] + e['G'],                                              # 5.1
        'YDr': c['Y'] - c['T'] + inc,                                      # 5.2
        'T': p['theta'] * (c['Y'] + inc),                                  # 5.3
        'V': lag('V') + (c['YDr'] - c['C']) + c['CG'],                     # 5.4
        'CG': (c['pbl'] - lag('pbl')) * lag('BLh'),                        # 5.5
        'C': p['alpha1'] * c['YDre'] + p['alpha2'] * lag('V'),             # 5.6
        'Ve': lag('V') + (c['YDre'] - c['C']) + c['CG'],                   # 5.7
        'Hh': c['V'] - c['Bh'] - c['pbl'] * c['BLh'],                      # 5.8
        'Hd': c['Ve'] - c['Bd'] - c['pbl'] * c['BLd'],                     # 5.9
        'Bd': c['Ve'] * (p['lambda20'] + p['lambda22'] * c['rb']
                         - p['lambda23'] * c['ERrbl']) - p['lambda24'] * c['YDre'],   # 5.10
        'BLd': (c['Ve'] * (p['lambda30'] - p['lambda32'] * c['rb']
                           + p['lambda33'] * c['ERrbl']) - p['lambda34'] * c['YDre'])
               / c['pbl'],                                                 # 5.11
        'Bh': c['Bd'],                                                     # 5.12
        'BLh': c['BLd'],                                                   # 5.13
        'Bs': lag('Bs') + (e['G'] + lag('rb') * lag('Bs') + lag('BLs'))
              - (c['T'] + lag('rb') * lag('Bcb'))
              - (c['BLs'] - lag('BLs')) * c['pbl'],                        # 5.14
        'Hs': lag('Hs') + (c['Bcb'] - lag('Bcb')),                         # 5.15
        'Bcb': c['Bs'] - c['Bh'],                                          # 5.16
        'BLs': c['BLh'],                                                   # 5.17
        'ERrbl': c['rbl'] + p['chi'] * (c['pble'] - c['pbl']) / c['pbl'],  # 5.18
        'rbl': 1.0 / c['pbl'],                                             # 5.19
        'pble': c['pbl'],                                                  # 5.20
        'CGe': p['chi'] * (c['pble'] - c['pbl']) * c['BLh'],               # 5.21
        'YDre': lag('YDr'),                                                # 5.22
        'rb': e['rbbar'],                                                  # 5.23
        'pbl': e['pblbar'],                                                # 5.24
    }


def checks(x, lag, p, e, t):
    check_zero('hidden Hh = Hs', x['Hh'] - x['Hs'], abs(x['Hs']), t)
    d = lambda k: x[k] - lag(k, -1)
    L = lambda k: lag(k, -1)
    matrix_check('Table 5.1', [
        [x['Hh'], None, None, -x['Hs']],
        [x['Bh'], None, -x['Bs'], x['Bcb']],
        [x['BLh'] * x['pbl'], None, -x['BLs'] * x['pbl'], None],
        [-x['V'], None, x['V'], None],
    ], t)
    matrix_check('Table 5.2', [
        [-x['C'], x['C'], None, None, None],
        [None, x['G'], -x['G'], None, None],
        [x['Y'], -x['Y'], None, None, None],
        [L('rb') * L('Bh'), None, -L('rb') * L('Bs'), L('rb') * L('Bcb'), None],
        [L('BLh'), None, -L('BLs'), None, None],
        [None, None, L('rb') * L('Bcb'), -L('rb') * L('Bcb'), None],
        [-x['T'], None, x['T'], None, None],
        [-d('Hh'), None, None, None, d('Hs')],
        [-d('Bh'), None, d('Bs'), None, -d('Bcb')],
        [-d('BLh') * x['pbl'], None, d('BLs') * x['pbl'], None, None],
    ], t)


def model():
    return Model(UNKNOWNS, EXOG, PARAMS, INITIAL, rhs, [checks])


if __name__ == '__main__':
    m = model()
    cols = m.columns()
    base = m.run(200)
    write_csv('lp-baseline.csv', cols, base)
    rates = m.run(200, [{'at': 16, 'until': 200, 'values': {'rbbar': 0.04, 'pblbar': 15.0}}])
    write_csv('lp-rates.csv', cols, rates)
    a1 = m.run(200, [{'at': 16, 'until': 200, 'values': {'alpha1': 0.7}}])
    write_csv('lp-alpha1.csv', cols, a1)
    for i in (1, 2, 3, 15, 66):
        r = base[i - 1]
        print('base', i, r['Y'], r['YDr'], r['V'], r['Bh'], r['BLh'], r['Hh'])
    for i in (15, 16, 17, 66):
        r = rates[i - 1]
        print('rates', i, r['Y'], r['YDr'], r['V'], r['V'] / r['YDr'], r['Bh'] / r['V'], r['pbl'] * r['BLh'] / r['V'])
    print('a1 last', a1[-1]['Y'])
    long = m.run(400)
    print('long', {k: long[-1][k] for k in ('Y', 'YDr', 'V', 'Bh', 'BLh', 'Hh', 'Bs')})
