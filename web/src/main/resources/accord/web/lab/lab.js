// The Accord lab: a library scenario, its levers as sliders, and the scenario against the baseline.
// No inline script or style (the page's Content-Security-Policy forbids them); every number comes
// from the server's API, this file only draws.
'use strict';
(function () {
  // Okabe and Ito (2008), "Color Universal Design": eight colours told apart with any colour vision;
  // the ninth and tenth regions reuse the first two with dashed lines.
  const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];
  const DEBOUNCE_MS = 120;
  const CHARTS = [
    {id: 'tb', indicator: 'trade balance', title: 'Trade balances',
      explain: 'Exports less imports of goods and services, each region: scenario minus baseline.'},
    {id: 'bilateral', title: 'Bilateral goods balances',
      explain: 'The chosen region\'s goods balance with each partner in the chosen quarter: baseline and scenario.'},
    {id: 'fx', indicator: 'exchange rate', title: 'Exchange rates',
      explain: 'Local currency per dollar, up = weaker than in the baseline (for the USA: the trade-weighted dollar weaker).'},
    {id: 'gdp', indicator: 'real GDP', title: 'Real GDP', explain: 'Output at 2024 prices, in % of the baseline\'s.'},
    {id: 'cpi', indicator: 'consumer prices', title: 'Consumer prices',
      explain: 'The consumer price level, in % of the baseline\'s: the tariffs\' pass-through and the exchange rate.'},
    {id: 'y10', indicator: '10-year yield', title: '10-year government yields', unit: 'percentage points',
      explain: 'Long-term interest rates: scenario minus baseline.'},
    {id: 'eq', indicator: 'equity prices', title: 'Equity prices',
      explain: 'Stock-market prices, in % of the baseline\'s.'},
    {id: 'hp', indicator: 'house prices', title: 'House prices', explain: 'House prices, in % of the baseline\'s.'},
    {id: 'tbd', indicator: 'trade balance per day', title: 'Trade balance per day',
      explain: 'The trade balance per day (the annual rate / 365): scenario minus baseline.'}
  ];

  const state = {scenario: null, overrides: {}, tab: 'charts', quarter: null, region: 'USA'};
  let detail = null;
  let run = null;
  let seq = 0;
  let timer = null;
  let released = false;
  let backtestShown = false;
  let written = '';
  const charts = {};
  // slider release to redrawn charts, and to the server's answer (performance marks, read by the browser test)
  window.__accordTimings = [];
  window.__accordAnswers = [];
  window.__accordRuns = 0;

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') { e.className = v; } else if (k === 'text') { e.textContent = v; } else { e.setAttribute(k, v); }
    });
    children.forEach(c => e.append(c));
    return e;
  }

  async function api(path, options) {
    const r = await fetch(path, options);
    const json = (r.headers.get('content-type') || '').includes('json');
    const body = json ? await r.json() : await r.text();
    if (!r.ok) {
      throw body;
    }
    return body;
  }

  function problem(e) {
    return e && e.text ? e.text : String(e && e.message ? e.message : e);
  }

  // ---- the page's state in its address ------------------------------------------------------------

  function readAddress() {
    const p = new URLSearchParams(location.hash.slice(1));
    state.scenario = p.get('s');
    state.tab = p.get('tab') || 'charts';
    state.quarter = p.get('q');
    state.region = p.get('r') || 'USA';
    state.overrides = {};
    for (const [k, v] of p) {
      if (k.startsWith('o.') && v !== '' && !isNaN(Number(v))) {
        state.overrides[k.slice(2)] = Number(v);
      }
    }
  }

  function writeAddress() {
    const p = new URLSearchParams();
    p.set('s', state.scenario);
    p.set('tab', state.tab);
    if (state.quarter) { p.set('q', state.quarter); }
    p.set('r', state.region);
    Object.entries(state.overrides).forEach(([k, v]) => p.set('o.' + k, String(v)));
    written = '#' + p.toString();
    history.replaceState(null, '', written);
  }

  // an address pasted into this tab: the view it names
  window.addEventListener('hashchange', () => {
    if (location.hash === written) { return; }
    readAddress();
    $('scenario').value = state.scenario;
    tab(state.tab, true);
    load();
  });

  // ---- scenario and levers ----------------------------------------------------------------------------

  async function start() {
    readAddress();
    const list = (await api('/api/scenarios')).scenarios;
    const select = $('scenario');
    const groups = {};
    list.forEach(s => {
      const g = groups[s.folder] || (groups[s.folder] = el('optgroup', {label: s.folder}));
      g.append(el('option', {value: s.name, text: s.title + ' (' + s.name + ')'}));
    });
    Object.values(groups).forEach(g => select.append(g));
    if (!state.scenario || !list.some(s => s.name === state.scenario)) {
      state.scenario = list.some(s => s.name === 'us-china-tariffs') ? 'us-china-tariffs' : list[0].name;
    }
    select.value = state.scenario;
    select.addEventListener('change', () => {
      state.scenario = select.value;
      state.overrides = {};
      state.quarter = null;
      load();
    });
    $('region').addEventListener('change', () => { state.region = $('region').value; writeAddress(); draw(); });
    $('quarter').addEventListener('change', () => { state.quarter = $('quarter').value; writeAddress(); draw(); });
    $('reset').addEventListener('click', () => { state.overrides = {}; levers(); go(); });
    document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => tab(b.dataset.tab)));
    tab(state.tab, true);
    await load();
  }

  async function load() {
    status('reading ' + state.scenario + '…');
    try {
      detail = await api('/api/scenarios/' + encodeURIComponent(state.scenario));
    } catch (e) {
      status('cannot read the scenario');
      $('warnings').textContent = problem(e);
      return;
    }
    $('note').textContent = detail.note;
    const region = $('region');
    region.replaceChildren(...(detail.regions.length ? detail.regions : ['-']).map(r => el('option', {value: r, text: r})));
    if (!detail.regions.includes(state.region)) { state.region = detail.regions[0] || 'USA'; }
    region.value = state.region;
    // only the overrides the scenario has
    const names = new Set(detail.events.flatMap(e => e.levers.map(l => l.name)));
    Object.keys(state.overrides).forEach(k => { if (!names.has(k)) { delete state.overrides[k]; } });
    levers();
    await go();
  }

  function levers() {
    const aside = $('levers');
    aside.replaceChildren();
    if (!detail.events.length) {
      aside.append(el('p', {class: 'empty', text: 'This scenario has no events with numbers to move.'}));
    }
    detail.events.forEach(ev => {
      const when = ev.at + (ev.until ? '–' + ev.until : ' on');
      const box = el('div', {class: 'event'}, el('h3', {}, el('b', {text: ev.lever}), ' ' + when + ' · ' + ev.about));
      ev.levers.forEach(l => box.append(lever(l)));
      aside.append(box);
    });
  }

  function bounds(l) {
    const span = Math.max(1, Math.abs(l.value));
    const min = l.min === null ? l.value - span : l.min;
    const max = l.max === null ? l.value + span : l.max;
    const step = l.whole ? 1 : (max - min <= 20 ? 0.005 : (max - min) / 2000);
    return {min, max, step};
  }

  function lever(l) {
    const b = bounds(l);
    const value = l.name in state.overrides ? state.overrides[l.name] : l.value;
    const id = 'lever-' + l.name.replace(/[^a-z0-9_]/gi, '-');
    const range = el('input', {type: 'range', id: id, min: b.min, max: b.max, step: b.step, value: value,
      'data-lever': l.name, 'aria-label': l.name});
    const number = el('input', {type: 'number', min: b.min, max: b.max, step: 'any', value: value,
      'data-lever-number': l.name, 'aria-label': l.name + ' value'});
    const row = el('div', {class: 'lever' + (l.name in state.overrides ? ' moved' : ''), title: l.meaning +
      ' (from ' + (l.min === null ? 'any' : l.min) + ' to ' + (l.max === null ? 'any' : l.max) + ')'},
    el('label', {for: id, text: l.field}), range, number);
    const set = (v, now) => {
      if (v === l.value) { delete state.overrides[l.name]; } else { state.overrides[l.name] = v; }
      row.classList.toggle('moved', l.name in state.overrides);
      writeAddress();
      clearTimeout(timer);
      if (now) {
        go();
      } else {
        timer = setTimeout(go, DEBOUNCE_MS);
      }
    };
    range.addEventListener('input', () => { number.value = range.value; set(Number(range.value), false); });
    range.addEventListener('change', () => { released = true; performance.mark('lever-release'); set(Number(range.value), true); });
    number.addEventListener('change', () => {
      if (number.value === '' || isNaN(Number(number.value))) { return; }
      range.value = number.value;
      released = true;
      performance.mark('lever-release');
      set(Number(number.value), true);
    });
    return row;
  }

  // ---- runs ------------------------------------------------------------------------------------------------

  async function go() {
    const mine = ++seq;
    status('running…');
    let answer;
    try {
      answer = await api('/api/runs', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({scenario: state.scenario, overrides: state.overrides})});
    } catch (e) {
      if (mine === seq) {
        status('refused: see below');
        $('warnings').textContent = problem(e);
      }
      return;
    }
    if (mine !== seq) {
      return;   // a later move is on its way: draw that one
    }
    if (released) {
      performance.mark('run-answered');
    }
    run = answer;
    window.__accordRuns++;
    $('warnings').textContent = run.warnings.join('\n') + (run.fired.length ? '\n' + run.fired.join('\n') : '');
    const q = $('quarter');
    q.replaceChildren(...run.quarters.map(x => el('option', {value: x, text: x})));
    if (!run.quarters.includes(state.quarter)) {
      state.quarter = run.quarters[Math.min(7, run.quarters.length - 1)];
    }
    q.value = state.quarter;
    writeAddress();
    status(run.title + ': run ' + run.id + ' in ' + run.milliseconds + ' ms' +
      (Object.keys(state.overrides).length ? ', ' + Object.keys(state.overrides).length + ' lever(s) moved' : ''));
    draw();
    if (released) {
      released = false;
      requestAnimationFrame(() => {
        performance.mark('charts-redrawn');
        const m = performance.measure('release-to-redraw', 'lever-release', 'charts-redrawn');
        const answered = performance.measure('release-to-answer', 'lever-release', 'run-answered');
        window.__accordTimings.push(m.duration);
        window.__accordAnswers.push(answered.duration);
      });
    }
    document.body.dataset.run = run.id;
  }

  function status(text) {
    $('status').textContent = text;
  }

  function tab(name, quiet) {
    if (!document.getElementById('tab-' + name)) { name = 'charts'; }
    state.tab = name;
    document.querySelectorAll('#tabs button').forEach(b => b.setAttribute('aria-selected', String(b.dataset.tab === name)));
    document.querySelectorAll('.tab').forEach(t => t.classList.toggle('shown', t.id === 'tab-' + name));
    if (!quiet) {
      writeAddress();
      draw();
    }
  }

  function draw() {
    if (!run) { return; }
    if (state.tab === 'charts') { drawCharts(); }
    if (state.tab === 'accounts') { drawMatrix(); }
    if (state.tab === 'flows') { drawSankey(); }
    if (state.tab === 'backtest') { drawBacktest(); }
    Object.values(charts).forEach(c => c.resize());
  }

  // ---- charts ----------------------------------------------------------------------------------------------

  function card(id, title, explain) {
    let c = document.getElementById('card-' + id);
    if (!c) {
      c = el('div', {class: 'card', id: 'card-' + id}, el('h2', {text: title}), el('p', {class: 'explain', text: explain}),
        el('div', {class: 'chart', id: 'chart-' + id}), el('table', {class: 'numbers', id: 'numbers-' + id}));
      $('charts').append(c);
    }
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById('chart-' + id), null, {renderer: 'canvas'});
    }
    return charts[id];
  }

  function base(unit, categories) {
    return {
      animation: false,
      color: PALETTE,
      grid: {left: 64, right: 16, top: 30, bottom: 44},
      tooltip: {trigger: 'axis', valueFormatter: v => v === null ? '' : Number(v).toFixed(2) + ' ' + unit},
      xAxis: {type: 'category', data: categories, name: 'quarter', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'value', name: unit, nameLocation: 'middle', nameGap: 48, scale: true}
    };
  }

  function numbers(id, header, rows) {
    const t = $('numbers-' + id);
    t.replaceChildren(el('tr', {}, ...header.map(h => el('th', {text: h}))),
      ...rows.map(r => el('tr', {}, ...r.map((v, i) => el('td', {text: i === 0 ? v : fmt(v)})))));
  }

  function fmt(v) {
    if (v === null || v === undefined) { return ''; }
    const a = Math.abs(v);
    return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
  }

  function drawCharts() {
    if (!run.world) {
      drawSeries();
      return;
    }
    const at = Math.max(0, run.quarters.indexOf(state.quarter));
    CHARTS.forEach(def => {
      if (def.id === 'bilateral') {
        drawBilateral(def, at);
        return;
      }
      const ind = run.headline.find(h => h.name.startsWith(def.indicator));
      const unit = def.unit || ind.difference;
      const chart = card(def.id, def.title + ' (' + unit + ')', def.explain);
      const regions = Object.keys(ind.regions);
      const option = base(unit, run.quarters);
      option.legend = {type: 'scroll', top: 0};
      option.series = regions.map((g, i) => ({name: g, type: 'line', showSymbol: false, data: ind.regions[g].difference,
        lineStyle: {width: g === state.region ? 3.5 : 1.5, type: i >= PALETTE.length ? 'dashed' : 'solid'},
        color: PALETTE[i % PALETTE.length]}));
      chart.setOption(option, {notMerge: true});
      numbers(def.id, ['in ' + state.quarter, state.region, 'largest rise', 'largest fall'],
        [[unit, ind.regions[state.region].difference[at],
          Math.max(...regions.map(g => ind.regions[g].difference[at])),
          Math.min(...regions.map(g => ind.regions[g].difference[at]))]]);
    });
  }

  function drawBilateral(def, at) {
    const partners = run.bilateral.regions[state.region];
    const names = Object.keys(partners);
    const unit = run.bilateral.unit;
    const chart = card(def.id, def.title + ' of ' + state.region + ' (' + unit + ')', def.explain);
    const option = base(unit, names);
    option.xAxis.name = 'partner';
    option.tooltip.trigger = 'axis';
    option.legend = {top: 0};
    option.series = [
      {name: 'baseline', type: 'bar', data: names.map(p => partners[p].baseline[at]), color: PALETTE[1]},
      {name: 'scenario', type: 'bar', data: names.map(p => partners[p].scenario[at]), color: PALETTE[5]}];
    chart.setOption(option, {notMerge: true});
    numbers(def.id, [state.region + ' with, ' + state.quarter, 'baseline', 'scenario', 'difference'],
      names.map(p => [p, partners[p].baseline[at], partners[p].scenario[at], partners[p].difference[at]]));
  }

  function drawSeries() {
    const chart = card('series', 'The run\'s first series (levels)', 'A textbook model: its first eight variables.');
    const names = Object.keys(run.series);
    const option = base('model units', run.quarters);
    option.legend = {type: 'scroll', top: 0};
    option.series = names.map((n, i) => ({name: n, type: 'line', showSymbol: false, data: run.series[n].scenario,
      color: PALETTE[i % PALETTE.length]}));
    chart.setOption(option, {notMerge: true});
    const at = Math.max(0, run.quarters.indexOf(state.quarter));
    numbers('series', ['in period ' + state.quarter, 'value'], names.map(n => [n, run.series[n].scenario[at]]));
  }

  // ---- accounts, flows, back-test --------------------------------------------------------------------------

  function worldOnly(target) {
    target.replaceChildren(el('p', {class: 'muted', text: 'The world model\'s scenarios only.'}));
  }

  async function drawMatrix() {
    if (!run.world) { worldOnly($('matrix')); $('matrix-check').textContent = ''; return; }
    const id = run.id;
    const m = await api('/api/runs/' + id + '/matrix?region=' + encodeURIComponent(state.region) + '&quarter=' +
      encodeURIComponent(state.quarter));
    if (run.id !== id) { return; }
    const last = m.header.length - 1;
    const table = el('table', {id: 'matrix-table'}, el('caption', {text: m.title}),
      el('tr', {}, ...m.header.map(h => el('th', {text: h}))),
      ...m.rows.map(r => {
        const sums = r[0] === 'column sum';
        return el('tr', {}, ...r.map((v, i) => {
          const isSum = (sums && i > 0 || i === last) && v !== '';
          const bad = isSum && Math.abs(Number(v)) >= 5e-4;
          return el(i === 0 ? 'th' : 'td', {text: v, class: isSum ? (bad ? 'sum bad' : 'sum') : ''});
        }));
      }));
    $('matrix').replaceChildren(table);
    const check = $('matrix-check');
    check.textContent = 'Largest row or column sum: ' + m.largestSum.toFixed(3) + (m.largestSum < 5e-4
      ? ': every sum is zero.' : ': an account does not add up.');
    check.className = m.largestSum < 5e-4 ? 'check' : 'check bad';
  }

  async function drawSankey() {
    if (!run.world) { worldOnly($('sankey')); return; }
    const id = run.id;
    const f = await api('/api/runs/' + id + '/flows?quarter=' + encodeURIComponent(state.quarter));
    if (run.id !== id) { return; }
    const top = f.flows.slice().sort((a, b) => b.value - a.value).slice(0, 40);
    const regions = detail.regions;
    const colour = g => PALETTE[regions.indexOf(g) % PALETTE.length];
    const nodes = [];
    regions.forEach(g => {
      nodes.push({name: g + ' exports', itemStyle: {color: colour(g)}});
      nodes.push({name: g + ' imports', itemStyle: {color: colour(g)}});
    });
    if (!charts.sankey) { charts.sankey = echarts.init($('sankey'), null, {renderer: 'canvas'}); }
    charts.sankey.setOption({
      animation: false,
      title: {text: 'Goods exports in ' + f.quarter + ' (' + f.unit + '), the 40 largest flows', textStyle: {fontSize: 13}},
      tooltip: {trigger: 'item', valueFormatter: v => Number(v).toFixed(1) + ' USD bn a year'},
      series: [{type: 'sankey', top: 40, left: 10, right: 110, nodeAlign: 'justify', emphasis: {focus: 'adjacency'},
        lineStyle: {color: 'source', opacity: 0.45}, data: nodes,
        links: top.map(x => ({source: x.from + ' exports', target: x.to + ' imports', value: x.value}))}]
    }, {notMerge: true});
  }

  async function drawBacktest() {
    if (backtestShown) { return; }
    backtestShown = true;
    const target = $('backtest');
    target.replaceChildren(el('p', {class: 'muted', text: 'running the 2025 replay…'}));
    try {
      const b = await api('/api/backtest');
      const rows = b.replay2025.map(r => el('tr', {}, el('td', {text: r.name}), el('td', {text: r.unit}),
        el('td', {text: fmt(r.observed)}), el('td', {text: fmt(r.model)}), el('td', {text: fmt(r.baseline)}),
        el('td', {text: fmt(r.error)}), el('td', {text: r.source})));
      target.replaceChildren(el('table', {class: 'bt', id: 'backtest-table'},
        el('tr', {}, ...['', 'unit', 'observed', 'model', 'model without the 2025 policies', 'model - observed',
          'source'].map(h => el('th', {text: h}))), ...rows));
    } catch (e) {
      backtestShown = false;
      target.replaceChildren(el('pre', {text: problem(e)}));
    }
  }

  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  document.addEventListener('DOMContentLoaded', () => start().catch(e => status('failed: ' + problem(e))));
}());
