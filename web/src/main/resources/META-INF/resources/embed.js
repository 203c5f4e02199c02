// The embeddable widget: a small page (uPlot, no framework) that fetches one series (or, for the overview, three on
// their own axes) and draws it to the width of its frame. Its height follows from the width, and the page tells
// the page that frames it how tall it is (postMessage, the convention embed scripts such as /embed-resize.js
// read), so the frame can fit it. Everything taken from the URL or the data is set as text, never as markup.
(function () {
  'use strict';
  const kind = document.currentScript.dataset.kind;
  const p = new URLSearchParams(location.search);
  const measure = p.get('measure') || 'articles';
  const css = getComputedStyle(document.documentElement);
  const color = (name) => css.getPropertyValue(name).trim();
  const $ = (id) => document.getElementById(id);
  const secs = (d) => Date.parse(d + 'T00:00:00Z') / 1000;
  const day = (s) => new Date(s * 1000).toISOString().slice(0, 10);
  const pct = (v) => (v === null || v === undefined ? null : v * 100);

  function request() {
    const q = new URLSearchParams();
    if (kind === 'poll') {
      q.set('topic', p.get('topic') || ''); q.set('answer', p.get('answer') || 'support');
      return '/api/polls/trend?' + q;
    }
    if (kind === 'overview') {
      for (const k of ['topic', 'answer', 'q', 'from', 'to', 'interval']) if (p.get(k)) q.set(k, p.get(k));
      return '/api/overview?' + q;
    }
    for (const k of ['q', 'from', 'to', 'interval']) if (p.get(k)) q.set(k, p.get(k));
    return '/api/trends?' + q;
  }

  // x in seconds, y, band low, band high (null where missing).
  function columns(body) {
    if (kind === 'poll') {
      const pts = body.points || [];
      return [pts.map((x) => secs(x.date)), pts.map((x) => x.estimate), pts.map((x) => x.low), pts.map((x) => x.high),
        pts.map((x) => x.nextLow), pts.map((x) => x.nextHigh)];
    }
    const pts = (body.series && body.series[0] && body.series[0].points) || [];
    const val = (x) => measure === 'share' ? pct(x.share) : measure === 'tone' ? x.tone : x.articles;
    return [pts.map((x) => secs(x.start)), pts.map(val),
      pts.map((x) => measure === 'tone' ? x.toneLow : measure === 'share' ? pct(x.shareLow) : null),
      pts.map((x) => measure === 'tone' ? x.toneHigh : measure === 'share' ? pct(x.shareHigh) : null)];
  }

  function label() {
    if (kind === 'poll') return (p.get('answer') || 'support') + ' (%)';
    return measure === 'share' ? 'share of coverage (%)' : measure === 'tone' ? 'net tone (−1 to +1)' : 'articles';
  }

  // The chart's height follows its width, so the page has a height of its own to announce.
  function size() {
    const width = Math.max(160, Math.floor($('chart').getBoundingClientRect().width));
    return { width, height: Math.round(Math.max(140, Math.min(420, width * (kind === 'overview' ? 0.5 : 0.42)))) };
  }

  const axis = () => ({ stroke: color('--muted'), grid: { stroke: 'rgba(127,127,127,.15)' },
    ticks: { stroke: 'rgba(127,127,127,.3)' } });
  const hidden = (name, scale) => ({ label: name, scale, stroke: 'transparent', points: { show: false } });

  function draw(data) {
    const hasBand = data[2].some((v) => v !== null);
    const accent = color('--accent'), band = color('--band');
    const series = [{}, {
      label: label(), stroke: accent, width: 2, spanGaps: false,
      fill: measure === 'articles' && kind !== 'poll' ? band : undefined,
      paths: measure === 'articles' && kind !== 'poll' ? uPlot.paths.bars({ size: [0.7, 40] }) : undefined,
      points: { show: data[0].length < 40 }
    }];
    const hasNext = data.length > 4 && data[4].some((v) => v !== null);
    if (hasBand) series.push(hidden('95% low'), hidden('95% high'));
    // A poll average's second band: where 90% of new polls are expected, wider and lighter than the average's own.
    if (hasNext) series.push(hidden('new polls 90% low'), hidden('new polls 90% high'));
    const bands = hasBand ? [{ series: [3, 2], fill: band }] : [];
    if (hasNext) bands.push({ series: [5, 4], fill: 'rgba(127,127,127,.12)' });
    const opts = Object.assign(size(), {
      series, axes: [axis(), axis()], legend: { show: true }, bands, scales: { x: { time: true } }
    });
    mount(opts, hasNext ? data : hasBand ? data.slice(0, 4) : data.slice(0, 2));
    const xs = data[0], ys = data[1];
    for (let i = ys.length - 1; i >= 0; i--) {
      if (ys[i] !== null) {
        const v = measure === 'articles' && kind !== 'poll' ? String(ys[i]) : ys[i].toFixed(1);
        $('latest').textContent = 'Latest: ' + v + ' ' + label() + ' (' + day(xs[i]) + ')';
        break;
      }
    }
    if (!ys.some((v) => v !== null)) $('latest').textContent = 'No data yet';
    finish(xs);
  }

  // Support (poll average), share of coverage and net tone, each with its band, on three value axes.
  function drawOverview(body) {
    const pts = body.points || [];
    const col = (f) => pts.map(f);
    const data = [col((x) => secs(x.start)),
      col((x) => x.support), col((x) => x.supportLow), col((x) => x.supportHigh),
      col((x) => x.share), col((x) => x.shareLow), col((x) => x.shareHigh),
      col((x) => x.tone), col((x) => x.toneLow), col((x) => x.toneHigh)];
    const colors = [color('--accent'), color('--second'), color('--third')];
    const names = [(body.answer || 'support') + ' (%)', 'share of coverage (%)', 'net tone (−1 to +1)'];
    const scales = ['support', 'share', 'tone'];
    const series = [{}];
    const bands = [];
    scales.forEach((scale, i) => {
      series.push({ label: names[i], scale, stroke: colors[i], width: 2, spanGaps: i === 0,
        points: { show: pts.length < 40 } }, hidden(names[i] + ' 95% low', scale), hidden(names[i] + ' 95% high', scale));
      bands.push({ series: [3 + 3 * i, 2 + 3 * i], fill: colors[i] + '26' });
    });
    const a = (scale, side, name, c) => Object.assign(axis(), { scale, side, label: name, labelSize: 18,
      stroke: c, size: 44 });
    const opts = Object.assign(size(), {
      series, bands, legend: { show: true },
      scales: { x: { time: true }, tone: { range: [-1, 1] } },
      axes: [axis(), a('support', 3, names[0], colors[0]), a('share', 1, names[1], colors[1]),
        a('tone', 1, names[2], colors[2])]
    });
    mount(opts, data);
    const last = (k) => { for (let i = pts.length - 1; i >= 0; i--) if (pts[i][k] !== null) return pts[i][k]; return null; };
    const s = last('support'), sh = last('share'), t = last('tone');
    $('latest').textContent = pts.length ? 'Latest: ' + names[0] + ' ' + (s === null ? '–' : s.toFixed(1)) + ' · share '
      + (sh === null ? '–' : sh.toFixed(2) + '%') + ' · tone ' + (t === null ? '–' : (t > 0 ? '+' : '') + t.toFixed(2))
      : 'No data yet';
    document.body.dataset.pollsUsed = String(body.pollsUsed);
    finish(data[0]);
  }

  let plot = null;
  function mount(opts, data) {
    plot = new uPlot(opts, data, $('chart'));
    window.addEventListener('resize', () => plot.setSize(size()));
  }

  function finish(xs) {
    if (xs.length) $('range').textContent = day(xs[0]) + ' to ' + day(xs[xs.length - 1]);
    document.body.dataset.points = String(xs.length);
    announce();
  }

  // Tell the framing page this page's height whenever it changes (embed.ly's {context: 'iframe.resize'} message).
  let told = 0;
  function announce() {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== told && window.parent !== window) {
      told = height;
      window.parent.postMessage({ context: 'iframe.resize', src: location.href, height }, '*');
    }
    document.body.dataset.height = String(height);
  }
  if (window.ResizeObserver) new ResizeObserver(announce).observe(document.body);

  fetch(request(), { headers: { Accept: 'application/json' } })
    .then((r) => r.json().then((b) => ({ ok: r.ok, b })))
    .then(({ ok, b }) => {
      if (!ok) throw new Error(b.error || 'the chart could not be loaded');
      if (kind === 'overview') drawOverview(b); else draw(columns(b));
    })
    .catch((e) => { $('latest').textContent = e.message; announce(); });
})();
