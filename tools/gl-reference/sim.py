"""Reference simulation of model SIM (Godley and Lavoie 2007, chapter 3).

Writes models/gl/expected/sim-<scenario>.csv. Standard library only.
Equations restated from the book (3.1-3.11); see models/gl/sim.acc.
"""
from glref import Model, write_csv, check_zero, matrix_check

UNKNOWNS = ['Cs', 'Cd', 'Gs', 'Ts', 'Td', 'Ns', 'Nd', 'YD', 'Hs', 'Hh', 'Y']
EXOG = {'Gd': 20.0, 'W': 1.0}
PARAMS = {'alpha1': 0.6, 'alpha2': 0.4, 'theta': 0.2}


def rhs(c, lag, p, e):
    return {
        'Cs': c['Cd'],                                        # 3.1
        'Gs': e['Gd'],                                        # 3.2
        'Ts': c['Td'],                                        # 3.3
        'Ns': c['Nd'],                                        # 3.4
        'YD': e['W'] * c['Ns'] - c['Ts'],                     # 3.5
        'Td': p['theta'] * e['W'] * c['Ns'],                  # 3.6
        'Cd': p['alpha1'] * c['YD'] + p['alpha2'] * lag('Hh'),  # 3.7
        'Hs': lag('Hs') + e['Gd'] - c['Td'],                  # 3.8
        'Hh': lag('Hh') + c['YD'] - c['Cd'],                  # 3.9
        'Y': c['Cs'] + c['Gs'],                               # 3.10
        'Nd': c['Y'] / e['W'],                                # 3.11
    }


def checks(r, lag, p, e, t):
    check_zero('hidden Hh = Hs', r['Hh'] - r['Hs'], abs(r['Hs']), t)
    d = lambda k: r[k] - lag(k, -1)
    matrix_check('Table 3.2', [
        [-r['Cd'], r['Cs'], None],
        [None, r['Gs'], -r['Gd']],
        [r['W'] * r['Ns'], -r['W'] * r['Ns'], None],
        [-r['Ts'], None, r['Td']],
        [-d('Hh'), None, d('Hs')],
    ], t)


def model():
    return Model(UNKNOWNS, EXOG, PARAMS, {}, rhs, [checks])


if __name__ == '__main__':
    m = model()
    cols = m.columns()
    base = m.run(200)
    write_csv('sim-baseline.csv', cols, base)
    gov = m.run(150, [{'at': 5, 'until': 150, 'values': {'Gd': 25.0}}],
                start_row=base[-1])
    write_csv('sim-gov.csv', cols, gov)
    cons = m.run(150, [{'at': 5, 'until': 150, 'values': {'alpha1': 0.7}}],
                 start_row=base[-1])
    write_csv('sim-alpha1.csv', cols, cons)
    for i in (1, 2, 3, 4):
        r = base[i - 1]
        print('baseline period', i, 'Y', r['Y'], 'YD', r['YD'], 'C', r['Cd'], 'H', r['Hh'])
    print('baseline last', base[-1]['Y'], base[-1]['Hh'])
    print('gov last', gov[-1]['Y'], gov[-1]['Hh'])
    print('alpha1 last', cons[-1]['Y'], cons[-1]['Hh'], cons[-1]['Cd'])
    print('alpha1 p5', cons[4]['Y'], cons[4]['Cd'], cons[4]['YD'], cons[4]['Hh'])
