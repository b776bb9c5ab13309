"""Reference simulation of model SIMEX (Godley and Lavoie 2007, chapter 3).

Writes models/gl/expected/simex-<scenario>.csv. Standard library only.
"""
from glref import Model, write_csv, check_zero, matrix_check

UNKNOWNS = ['Cs', 'Cd', 'Gs', 'Ts', 'Td', 'Ns', 'Nd', 'YD', 'YDe', 'Hs', 'Hh',
            'Hd', 'Y']
EXOG = {'Gd': 20.0, 'W': 1.0}
PARAMS = {'alpha1': 0.6, 'alpha2': 0.4, 'theta': 0.2}


def rhs(c, lag, p, e):
    return {
        'Cs': c['Cd'],                                          # 3.1
        'Gs': e['Gd'],                                          # 3.2
        'Ts': c['Td'],                                          # 3.3
        'Ns': c['Nd'],                                          # 3.4
        'YD': e['W'] * c['Ns'] - c['Ts'],                       # 3.5
        'Td': p['theta'] * e['W'] * c['Ns'],                    # 3.6
        'Cd': p['alpha1'] * c['YDe'] + p['alpha2'] * lag('Hh'),  # 3.7E
        'Hs': lag('Hs') + e['Gd'] - c['Td'],                    # 3.8
        'Hh': lag('Hh') + c['YD'] - c['Cd'],                    # 3.9
        'Y': c['Cs'] + c['Gs'],                                 # 3.10
        'Nd': c['Y'] / e['W'],                                  # 3.11
        'Hd': lag('Hh') + c['YDe'] - c['Cd'],                   # 3.20
        'YDe': lag('YD'),                                       # 3.21
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


if __name__ == '__main__':
    m = Model(UNKNOWNS, EXOG, PARAMS, {}, rhs, [checks])
    cols = m.columns()
    base = m.run(200)
    write_csv('simex-baseline.csv', cols, base)
    gov = m.run(150, [{'at': 5, 'until': 150, 'values': {'Gd': 25.0}}],
                start_row=base[-1])
    write_csv('simex-gov.csv', cols, gov)
    a1 = m.run(150, [{'at': 5, 'until': 150, 'values': {'alpha1': 0.7}}],
               start_row=base[-1])
    write_csv('simex-alpha1.csv', cols, a1)
    for i in (2, 3, 4):
        print('baseline', i, base[i - 1]['Y'], base[i - 1]['YD'], base[i - 1]['Hh'])
    print('baseline last', base[-1]['Y'], base[-1]['Hh'], base[-1]['Hd'])
    for i in (4, 5, 6, 7):
        print('gov', i, gov[i - 1]['Y'], gov[i - 1]['YD'], gov[i - 1]['YDe'])
    print('gov last', gov[-1]['Y'], gov[-1]['Hh'], gov[-1]['Hd'])
    print('alpha1 last', a1[-1]['Y'], a1[-1]['Hh'], a1[-1]['Hd'])
