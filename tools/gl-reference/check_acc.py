"""Cross-check models/gl/*.acc against the reference CSVs: the declared
endogenous and exogenous series must be exactly the CSV columns, and the
declared initial values must be the CSV's period-1 row (baseline scenario).
A rough line-based reader, not a parser of the language."""
import csv
import glob
import os
import re

from glref import OUT

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.normpath(os.path.join(HERE, '..', '..', 'models', 'gl'))


def declared(path):
    sets, out = {}, {}
    for line in open(path):
        line = line.split('#')[0].strip()
        m = re.match(r'set (\w+) = \{(.*)\}', line)
        if m:
            sets[m.group(1)] = [e.strip() for e in m.group(2).split(',')]
            continue
        m = re.match(r'(var|exogenous) (\w+)(\[(\w+)\])?\s*=\s*(\{[^}]*\}|[-\d.]+)', line)
        if not m:
            continue
        name, idx, val = m.group(2), m.group(4), m.group(5)
        if idx:
            elems = sets[idx]
            if val.startswith('{'):
                pairs = dict((k.strip(), float(v)) for k, v in
                             (p.split(':') for p in val.strip('{}').split(',')))
            else:
                pairs = {e: float(val) for e in elems}
            for e in elems:
                out['%s[%s]' % (name, e)] = pairs[e]
        else:
            out[name] = float(val)
    return out


for acc in sorted(glob.glob(os.path.join(MODELS, '*.acc'))):
    name = os.path.basename(acc)[:-4]
    path = os.path.join(OUT, '%s-baseline.csv' % name)
    if not os.path.exists(path):
        print(name, 'no baseline csv')
        continue
    rows = list(csv.DictReader(open(path)))
    cols = set(rows[0].keys()) - {'period'}
    dec = declared(acc)
    bad = []
    if set(dec) != cols:
        bad.append('columns differ: only in acc %s, only in csv %s'
                   % (sorted(set(dec) - cols), sorted(cols - set(dec))))
    for k, v in dec.items():
        if k in rows[0] and float(rows[0][k]) != v:
            bad.append('%s: acc %r csv %r' % (k, v, rows[0][k]))
    print(name, 'OK' if not bad else bad)
