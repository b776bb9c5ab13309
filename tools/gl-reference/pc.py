"""Reference simulation of model PC (Godley and Lavoie 2007, chapter 4).

Writes models/gl/expected/pc-<scenario>.csv. Standard library only.
Equations restated from the book (4.1-4.11); see models/gl/pc.acc.
"""
from glref import Model, write_csv, check_zero, matrix_check

UNKNOWNS = ['Y', 'YD', 'T', 'V', 'C', 'Hh', 'Bh', 'Bs', 'Hs', 'Bcb', 'r']
EXOG = {'G': 20.0, 'rbar': 0.025}
PARAMS = {'alpha1': 0.6, 'alpha2': 0.4, 'theta': 0.2,
          'lambda0': 0.635, 'lambda1': 5.0, 'lambda2': 0.01}
INITIAL = {'r': 0.025}


def rhs(c, lag, p, e):
    return {
        'Y': c['C'] + e['G'],                                            # 4.1
        'YD': c['Y'] - c['T'] + lag('r') * lag('Bh'),                    # 4.2
        'T': p['theta'] * (c['Y'] + lag('r') * lag('Bh')),               # 4.3
        'V': lag('V') + (c['YD'] - c['C']),                              # 4.4
        'C': p['alpha1'] * c['YD'] + p['alpha2'] * lag('V'),             # 4.5
        'Hh': c['V'] - c['Bh'],                                          # 4.6
        # 4.7  Bh/V = lambda0 + lambda1*r - lambda2*(YD/V), times V
        'Bh': c['V'] * (p['lambda0'] + p['lambda1'] * c['r']) - p['lambda2'] * c['YD'],
        'Bs': lag('Bs') + (e['G'] + lag('r') * lag('Bs'))
              - (c['T'] + lag('r') * lag('Bcb')),                        # 4.8
        'Hs': lag('Hs') + (c['Bcb'] - lag('Bcb')),                       # 4.9
        'Bcb': c['Bs'] - c['Bh'],                                        # 4.10
        'r': e['rbar'],                                                  # 4.11
    }


def checks(x, lag, p, e, t):
    check_zero('hidden Hh = Hs', x['Hh'] - x['Hs'], abs(x['Hs']), t)
    d = lambda k: x[k] - lag(k, -1)
    L = lambda k: lag(k, -1)
    matrix_check('Table 4.1', [
        [x['Hh'], None, None, -x['Hs']],
        [x['Bh'], None, -x['Bs'], x['Bcb']],
        [-x['V'], None, x['V'], None],
    ], t)
    matrix_check('Table 4.2', [
        [-x['C'], x['C'], None, None, None],
        [None, x['G'], -x['G'], None, None],
        [x['Y'], -x['Y'], None, None, None],
        [L('r') * L('Bh'), None, -L('r') * L('Bs'), L('r') * L('Bcb'), None],
        [None, None, L('r') * L('Bcb'), -L('r') * L('Bcb'), None],
        [-x['T'], None, x['T'], None, None],
        [-d('Hh'), None, None, None, d('Hs')],
        [-d('Bh'), None, d('Bs'), None, -d('Bcb')],
    ], t)


def model():
    return Model(UNKNOWNS, EXOG, PARAMS, INITIAL, rhs, [checks])


if __name__ == '__main__':
    m = model()
    cols = m.columns()
    base = m.run(200)
    write_csv('pc-baseline.csv', cols, base)
    rate = m.run(150, [{'at': 5, 'until': 150, 'values': {'rbar': 0.035}}],
                 start_row=base[-1])
    write_csv('pc-rate.csv', cols, rate)
    for lbl, rows in (('baseline', base), ('rate', rate)):
        r = rows[-1]
        print(lbl, 'last', {k: r[k] for k in ('Y', 'YD', 'V', 'Bh', 'Hh', 'C')})
    for i in (50, 100, 150, 199, 200):
        print(i, base[i - 1]['Y'])
    for i in (4, 5, 6, 7):
        r = rate[i - 1]
        print('rate', i, r['Y'], r['YD'], r['C'], r['Bh'] / r['V'])
