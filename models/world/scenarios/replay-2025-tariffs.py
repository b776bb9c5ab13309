#!/usr/bin/env python3
# Prints the quarterly tariff lines ('dtar') of replay-2025.yaml. Each rate is the quarter's
# day-weighted average of the increases in force, read off models/world/data/tariff_timeline_2025.csv
# (action, dates, rates), times the share of the sector's flow the action covers (the coverage
# assumptions are named below and in the YAML's header). Run it and paste its output over the
# YAML's dtar lines when the timeline changes; the announcements, minerals and iPhone lines are
# written by hand. The numbers in the day counts are days of each quarter under each rate.
G = ['AGR','ENE','CRM','MET','CHE','MAC','ELE','AUT','CON']
Q = ['2025Q1','2025Q2','2025Q3','2025Q4']
# coverage of the reciprocal (IEEPA) tariffs by sector: Annex II (energy, critical minerals,
# pharma: half of CHE), Section 232 goods (MET, AUT) not stacked, the April 11 electronics
# exemption (smartphones, computers, semiconductors: 60% of ELE)
cov = {'AGR':1,'ENE':0,'CRM':0,'MET':0,'CHE':0.5,'MAC':1,'ELE':0.4,'AUT':0,'CON':1}
met232 = [0.6*25*20/90, 0.6*(25*64+50*27)/91, 0.6*50, 0.6*50]
aut232 = [0, 0.9*(0.5*25*88/91 + 0.5*25*58/91), 0.9*25, 0.9*25]
def us_on(exporter, recip, aut=None, agr_q4=0.8, fent=None):
    out = {}
    for qi, q in enumerate(Q):
        row = {}
        for s in G:
            v = recip[qi]*cov[s]
            if s == 'AGR' and qi == 3: v = recip[qi]*agr_q4
            if fent: v += fent[qi]
            if s == 'MET': v += met232[qi]
            if s == 'AUT': v += (aut or aut232)[qi]
            row[s] = v
        out[q] = row
    return out
table = {}
# China: fentanyl (all goods) and reciprocal
table[('CHN','USA')] = us_on('CHN', [0, (34*1+84*0+125*34+10*48)/91*0+ (125*34+84*1+10*48)/91, 10, 10],
                             fent=[(10*28+20*28)/90, 20, 20, (20*40+10*52)/92], agr_q4=1)
base = [0, 10*86/91]
def country(q3, q4):
    return base + [(10*37 + q3*55)/92, q4]
table[('EUR','USA')] = us_on('EUR', country(13, 13), aut=[0, aut232[1], 0.9*(25*31+12.5*61)/92, 0.9*12.5])
table[('JPN','USA')] = us_on('JPN', country(13, 13), aut=[0, aut232[1], 0.9*(25*77+12.5*15)/92, 0.9*12.5])
table[('KOR','USA')] = us_on('KOR', country(15, 15), aut=[0, aut232[1], 0.9*25, 0.9*(25*31+15*61)/92])
table[('TWN','USA')] = us_on('TWN', country(20, 20))
table[('IND','USA')] = us_on('IND', base + [(10*37 + 25*20 + 50*35)/92, 50])
table[('ROW','USA')] = us_on('ROW', country(17, 17))
# Canada and Mexico: IEEPA on non-USMCA goods (12% of the flow: the H2-2025 USMCA claim share 0.88)
def nafta(q3, q4):
    out = {}
    for qi, q in enumerate(Q):
        ieepa = [(25*3 + 25*0.12*25)/90, 25*0.12, q3*0.12, q4*0.12][qi]
        row = {}
        for s in G:
            v = ieepa * (0.4 if s == 'ENE' else 1)   # energy and potash at 10%
            if s == 'MET': v += met232[qi]
            if s == 'AUT': v += 0.5*aut232[qi]        # USMCA vehicles: on non-US content, about half
            row[s] = v
        out[q] = row
    return out
table[('CAN','USA')] = nafta((25*31 + 35*61)/92, 35)
table[('MEX','USA')] = nafta(25, 25)
# China on the US
cn = {}
for qi, q in enumerate(Q):
    allg = [0, (34*1 + 84*2 + 125*32 + 10*48)/91, 10, 10][qi]
    row = {}
    for s in G:
        v = allg * (0.5 if s in ('ELE','CHE') and qi == 1 else 1)   # chips and some pharma exempted from the 125%
        if s in ('ENE','MAC','AUT'): v += [12.5*50/90, 12.5, 12.5, 12.5][qi]
        if s == 'AGR': v += [12.5*22/90, 12.5, 12.5, 12.5*40/92][qi]
        row[s] = v
    cn[q] = row
table[('USA','CHN')] = cn
# Canada on the US
ca = {}
for qi, q in enumerate(Q):
    allg = [25*0.062*28/90, 25*0.125, 25*0.125*62/92, 0][qi]
    row = {s: allg for s in G}
    row['MET'] = [0.8*25*19/90, 20, 20, 20][qi]
    row['AUT'] = allg + [0, 7.5*82/91, 7.5, 7.5][qi]
    ca[q] = row
table[('USA','CAN')] = ca
lines = []
def fmt(x): return f"{x/100:.4f}".rstrip('0').rstrip('.') if x else "0"
for qi, q in enumerate(Q):
    vals = []
    for (o, d), t in table.items():
        for s in G:
            vals.append(f'"dtar[{o},{d},{s}]": {fmt(t[q][s])}')
    until = '' if qi == 3 else f', until: {q}'
    lines.append(f'  - {{at: {q}{until}, values: {{' + ', '.join(vals) + '}}')
print('\n'.join(lines))
# check: US average increment on China weighted by nothing
for q in Q:
    print('#', q, {k: round(sum(v[q].values())/9, 1) for k, v in table.items()}, file=__import__('sys').stderr)
