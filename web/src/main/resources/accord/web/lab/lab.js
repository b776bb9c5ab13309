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

  // the fan charts of a sweep: the headline outputs the server gives fans of, each with a line on what it shows
  const FANS = {
    'real GDP': 'Output at 2024 prices: how far from the baseline, in % of its level.',
    'consumer prices': 'The consumer price level: how far from the baseline, in %.',
    'trade balance': 'Exports less imports of goods and services: scenario minus baseline.',
    'current account / GDP': 'The current account (trade and income from abroad) as a share of GDP: scenario minus baseline.',
    'exchange rate': 'Local currency per dollar, in % from the baseline: up = weaker (for the USA: the trade-weighted dollar).'
  };
  const FLOWS_EXPLAIN = {
    goods: 'Goods exports between the regions in the chosen quarter, USD bn a year: each band runs from an exporter ' +
      '(left) to an importer (right), its width the flow. The 40 largest flows are shown.',
    capital: 'Net lending between the regions in the chosen quarter, USD bn a year: each band runs from the region ' +
      'that bought more of the other\'s debt (bills and bonds, by households, firms and reserve managers) to the ' +
      'region that issued it, net of the other way. Equity flows the model keeps by region only: listed in the title.'
  };
  const OUTPUTS = [['TB', 'trade balance'], ['CA', 'current account'], ['real GDP', 'real GDP'],
    ['consumer prices', 'consumer prices'], ['TBG', 'goods balance with China']];

  const state = {scenario: null, overrides: {}, tab: 'charts', quarter: null, region: 'USA', flows: 'goods', sweep: null,
    output: null};
  let detail = null;
  let run = null;
  let seq = 0;
  let timer = null;
  let released = false;
  let backtestShown = false;
  let written = '';
  let polling = null;       // the next look at the running sweep
  let sweepShown = null;    // the sweep and region whose fans are drawn
  let explained = null;     // the last decomposition: its request and answer
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
    state.flows = p.get('f') === 'capital' ? 'capital' : 'goods';
    state.sweep = p.get('sw');
    state.output = p.get('x');
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
    if (state.flows !== 'goods') { p.set('f', state.flows); }
    if (state.sweep) { p.set('sw', state.sweep); }
    if (state.output) { p.set('x', state.output); }
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
      state.sweep = null;
      sweepShown = null;
      explained = null;
      $('fans').replaceChildren();
      $('sweep-status').textContent = '';
      $('explain-status').textContent = '';
      load();
    });
    $('region').addEventListener('change', () => { state.region = $('region').value; writeAddress(); draw(); });
    $('quarter').addEventListener('change', () => { state.quarter = $('quarter').value; writeAddress(); draw(); });
    $('reset').addEventListener('click', () => { state.overrides = {}; levers(); go(); });
    document.querySelectorAll('#tabs button').forEach(b => b.addEventListener('click', () => tab(b.dataset.tab)));
    document.querySelectorAll('input[name=flows]').forEach(b => b.addEventListener('change', () => {
      state.flows = b.value;
      writeAddress();
      draw();
    }));
    $('sweep-start').addEventListener('click', startSweep);
    $('sweep-cancel').addEventListener('click', cancelSweep);
    $('explain-start').addEventListener('click', explain);
    $('explain-output').addEventListener('change', () => { state.output = $('explain-output').value; writeAddress(); });
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
    $('sweep-quarters').value = Math.min(80, Math.max(1, detail.periods - 1));
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
      resizeShown();
    }
  }

  function draw() {
    if (!run) { return; }
    if (state.tab === 'charts') { drawCharts(); }
    if (state.tab === 'accounts') { drawMatrix(); }
    if (state.tab === 'flows') { drawSankey(); }
    if (state.tab === 'backtest') { drawBacktest(); }
    if (state.tab === 'sweep') { showSweep(); }
    if (state.tab === 'channels') { showChannels(); }
  }

  // a chart drawn in a hidden tab has no size: those of the shown tab take theirs (setOption alone draws the rest,
  // so a redraw after a run does not render every chart twice)
  function resizeShown() {
    Object.values(charts).forEach(c => { if (c.getDom().offsetParent !== null) { c.resize(); } });
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
    $('flows-' + state.flows).checked = true;
    $('flows-explain').textContent = FLOWS_EXPLAIN[state.flows];
    if (!run.world) { worldOnly($('sankey')); return; }
    const id = run.id;
    const kind = state.flows;
    const f = await api('/api/runs/' + id + '/' + (kind === 'goods' ? 'flows' : 'capital') + '?quarter=' +
      encodeURIComponent(state.quarter));
    if (run.id !== id || state.flows !== kind) { return; }
    const links = (kind === 'goods' ? f.flows : f.net).slice().sort((a, b) => b.value - a.value).slice(0, 40);
    const [out, into] = kind === 'goods' ? [' exports', ' imports'] : [' lends', ' borrows'];
    const regions = detail.regions;
    const colour = g => PALETTE[regions.indexOf(g) % PALETTE.length];
    // only the regions a band leaves or reaches
    const nodes = [];
    regions.forEach(g => {
      if (links.some(x => x.from === g)) { nodes.push({name: g + out, itemStyle: {color: colour(g)}}); }
      if (links.some(x => x.to === g)) { nodes.push({name: g + into, itemStyle: {color: colour(g)}}); }
    });
    const equity = kind === 'goods' ? [] : Object.entries(f.equity).filter(([, v]) => Math.abs(v) >= 0.005);
    const title = kind === 'goods'
      ? 'Goods exports in ' + f.quarter + ' (' + f.unit + '), the 40 largest flows'
      : 'Net lending through debt in ' + f.quarter + ' (' + f.unit + '); net equity flows: ' +
        (equity.length ? equity.map(([g, v]) => g + ' ' + fmt(v)).join(', ') : 'none');
    if (!charts.sankey) { charts.sankey = echarts.init($('sankey'), null, {renderer: 'canvas'}); }
    charts.sankey.setOption({
      animation: false,
      title: {text: title, textStyle: {fontSize: 13, width: 900, overflow: 'break'}},
      tooltip: {trigger: 'item', valueFormatter: v => Number(v).toFixed(1) + ' USD bn a year'},
      series: [{type: 'sankey', top: kind === 'goods' ? 40 : 60, left: 10, right: 110, nodeAlign: 'justify',
        emphasis: {focus: 'adjacency'}, lineStyle: {color: 'source', opacity: 0.45}, data: nodes,
        links: links.map(x => ({source: x.from + out, target: x.to + into, value: x.value}))}]
    }, {notMerge: true});
    document.body.dataset.flows = kind + ' ' + f.quarter;
  }

  // ---- the fan charts of a sweep ----------------------------------------------------------------------------


  async function startSweep() {
    const body = {scenario: state.scenario, overrides: state.overrides, draws: Number($('sweep-draws').value),
      seed: Number($('sweep-seed').value), quarters: Number($('sweep-quarters').value)};
    $('sweep-start').disabled = true;
    try {
      const job = await api('/api/sweeps', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)});
      state.sweep = job.id;
      writeAddress();
      follow(job);
    } catch (e) {
      $('sweep-start').disabled = false;
      $('sweep-status').textContent = problem(e);
    }
  }

  async function cancelSweep() {
    if (state.sweep) {
      follow(await api('/api/sweeps/' + encodeURIComponent(state.sweep), {method: 'DELETE'}));
    }
  }

  // a shared address with a sweep: its progress or its fans
  async function showSweep() {
    if (!state.sweep || polling || sweepShown === state.sweep + state.region) { return; }
    try {
      follow(await api('/api/sweeps/' + encodeURIComponent(state.sweep) + '?region=' + encodeURIComponent(state.region)));
    } catch (e) {
      $('sweep-status').textContent = problem(e);
    }
  }

  function follow(job) {
    clearTimeout(polling);
    polling = null;
    const running = job.status === 'waiting' || job.status === 'running';
    $('sweep-start').disabled = running;
    $('sweep-cancel').disabled = !running;
    $('sweep-progress').value = Math.round(100 * job.done / job.draws);
    const fresh = job.done - job.resumed;
    const rate = job.seconds > 0 ? fresh / job.seconds : 0;
    const left = rate > 0 ? (job.draws - job.done) / rate : null;
    $('sweep-status').textContent = 'sweep ' + job.id + ' of ' + job.scenario + ': ' + job.status + ', ' + job.done + ' of ' +
      job.draws + ' draws (' + Math.round(100 * job.done / job.draws) + '%)' + (job.failed ? ', ' + job.failed +
      ' failed to solve' : '') + (rate > 0 ? ', ' + rate.toFixed(1) + ' draws a second' : '') +
      (running && left !== null ? ', about ' + Math.ceil(left) + ' s left' : '') +
      (job.resumed ? ' (' + job.resumed + ' read back from the run store)' : '') +
      (job.problem ? ': ' + job.problem : '');
    if (running) {
      polling = setTimeout(async () => {
        try {
          follow(await api('/api/sweeps/' + encodeURIComponent(job.id) + '?region=' + encodeURIComponent(state.region)));
        } catch (e) {
          polling = null;
          $('sweep-status').textContent = problem(e);
        }
      }, 400);
    } else if (job.fans) {
      drawFans(job);
    }
  }

  function drawFans(job) {
    sweepShown = job.id + job.region;
    const target = $('fans');
    target.replaceChildren();
    job.fans.forEach((f, i) => {
      const name = Object.keys(FANS).find(k => f.output.startsWith(k)) || f.output;
      const id = 'fan-' + i;
      target.append(el('div', {class: 'card'}, el('h2', {text: name + ' of ' + job.region + ' (' + f.unit + ')'}),
        el('p', {class: 'explain', text: FANS[name] || ''}), el('div', {class: 'chart', id: 'chart-' + id})));
      if (charts[id]) { charts[id].dispose(); }
      charts[id] = echarts.init($('chart-' + id), null, {renderer: 'canvas'});
      const option = base(f.unit, job.quarters);
      const band = (n, data, colour) => ({name: n, type: 'line', stack: 'fan', stackStrategy: 'all', symbol: 'none',
        data: data, color: colour || 'transparent', lineStyle: {opacity: 0},
        areaStyle: colour ? {color: colour, opacity: 1} : {opacity: 0}});
      const less = (a, b) => a.map((v, k) => v === null || b[k] === null ? null : v - b[k]);
      option.legend = {top: 0, data: ['median', '25-75%', '5-95%']};
      option.tooltip = {trigger: 'axis', formatter: ps => {
        const k = ps[0].dataIndex;
        return job.quarters[k] + '<br>median ' + fmt(f.p50[k]) + ' ' + f.unit + '<br>50%: ' + fmt(f.p25[k]) + ' to ' +
          fmt(f.p75[k]) + '<br>90%: ' + fmt(f.p5[k]) + ' to ' + fmt(f.p95[k]);
      }};
      option.series = [band('5%', f.p5, null), band('5-95%', less(f.p25, f.p5), '#c6dbef'),
        band('25-75%', less(f.p75, f.p25), '#6baed6'), band('5-95%', less(f.p95, f.p75), '#c6dbef'),
        {name: 'median', type: 'line', data: f.p50, symbol: 'none', color: PALETTE[4], lineStyle: {width: 2.5}}];
      charts[id].setOption(option, {notMerge: true});
    });
    document.body.dataset.fans = job.id + ' ' + job.fans.length;
  }

  // ---- the channel decomposition --------------------------------------------------------------------------

  function outputs() {
    const select = $('explain-output');
    const names = OUTPUTS.map(([o, what]) => o === 'TBG'
      ? [state.region === 'CHN' ? 'TBG[CHN,USA]' : 'TBG[' + state.region + ',CHN]',
        state.region === 'CHN' ? 'goods balance with the USA' : what]
      : [o + '[' + state.region + ']', what]);
    if (!state.output || !names.some(([v]) => v === state.output)) { state.output = names[0][0]; }
    select.replaceChildren(...names.map(([v, what]) => el('option', {value: v, text: what + ' of ' + state.region +
      ' (' + v + ')'})));
    select.value = state.output;
  }

  function showChannels() {
    outputs();
    const key = request();
    if (explained && JSON.stringify(explained.key) !== JSON.stringify(key)) {
      $('explain-status').textContent = 'The levers, output or quarter changed: decompose again to update the chart.';
    }
  }

  function request() {
    return {scenario: state.scenario, overrides: state.overrides, output: state.output, at: state.quarter};
  }

  async function explain() {
    const key = request();
    $('explain-start').disabled = true;
    $('explain-status').textContent = 'running the 64 combinations of channels…';
    try {
      const x = await api('/api/explain', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(key)});
      explained = {key: key, answer: x};
      drawChannels(x);
      $('explain-status').textContent = x.runs + ' runs in ' + x.seconds + ' s.';
    } catch (e) {
      $('explain-status').textContent = problem(e);
    } finally {
      $('explain-start').disabled = false;
    }
  }

  // a waterfall: each channel's bar starts where the one before ended; the total is the last bar and a line
  function drawChannels(x) {
    const names = x.channels.map(c => c.name).concat(['rest (every channel off)', 'total']);
    const values = x.channels.map(c => c.contribution).concat([x.rest]);
    const bases = [];
    const heights = [];
    let sum = 0;
    values.forEach(v => {
      bases.push(Math.min(sum, sum + v));
      heights.push({value: Math.abs(v), itemStyle: {color: v >= 0 ? PALETTE[4] : PALETTE[5]}});
      sum += v;
    });
    bases.push(Math.min(0, x.total));
    heights.push({value: Math.abs(x.total), itemStyle: {color: '#000000'}});
    if (!charts.channels) { charts.channels = echarts.init($('channels-chart'), null, {renderer: 'canvas'}); }
    const option = base(x.unit, names);
    option.title = {text: x.output + ' in ' + x.quarter + ', scenario less baseline (' + x.unit + ')',
      textStyle: {fontSize: 13}};
    option.grid.top = 50;
    option.grid.bottom = 90;
    option.xAxis.name = '';
    option.xAxis.axisLabel = {interval: 0, rotate: 20, fontSize: 11};
    option.tooltip = {trigger: 'axis', formatter: ps => {
      const k = ps[0].dataIndex;
      const v = k < values.length ? values[k] : x.total;
      return names[k] + ': ' + fmt(v) + ' ' + x.unit;
    }};
    option.series = [
      {name: 'base', type: 'bar', stack: 'w', stackStrategy: 'all', data: bases, itemStyle: {color: 'transparent'},
        emphasis: {disabled: true}},
      {name: 'contribution', type: 'bar', stack: 'w', stackStrategy: 'all', data: heights,
        markLine: {symbol: 'none', lineStyle: {type: 'dashed', color: '#000'}, label: {position: 'insideStartTop',
          formatter: 'total ' + fmt(x.total)}, data: [{yAxis: x.total}]}}];
    charts.channels.setOption(option, {notMerge: true});
    const t = $('channels-table');
    t.replaceChildren(el('tr', {}, ...['channel', 'contribution (' + x.unit + ')', 'switched off alone']
      .map(h => el('th', {text: h}))),
    ...x.channels.map(c => el('tr', {title: c.doc}, el('td', {text: c.name}), el('td', {text: fmt(c.contribution)}),
      el('td', {text: fmt(c.switchedOffAlone)}))),
    el('tr', {}, el('td', {text: 'rest (every channel off)'}), el('td', {text: fmt(x.rest)}), el('td', {text: ''})),
    el('tr', {}, el('td', {text: 'interactions (shared out among the channels)'}), el('td', {text: fmt(x.interactions)}),
      el('td', {text: ''})),
    el('tr', {class: 'total'}, el('td', {text: 'total'}), el('td', {text: fmt(x.total)}), el('td', {text: ''})));
    document.body.dataset.channels = x.output + ' ' + x.quarter;
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

  window.addEventListener('resize', resizeShown);
  document.addEventListener('DOMContentLoaded', () => start().catch(e => status('failed: ' + problem(e))));
}());
