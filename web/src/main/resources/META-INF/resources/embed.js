// The embeddable widget: a small page (uPlot, no framework) that fetches one series and draws it to the size
// of its frame. Everything taken from the URL or the data is set as text, never as markup.
(function () {
  'use strict';
  const kind = document.currentScript.dataset.kind;
  const p = new URLSearchParams(location.search);
  const measure = p.get('measure') || 'articles';
  const css = getComputedStyle(document.documentElement);
  const color = (name) => css.getPropertyValue(name).trim();
  const $ = (id) => document.getElementById(id);

  function request() {
    const q = new URLSearchParams();
    if (kind === 'poll') {
      q.set('topic', p.get('topic') || ''); q.set('answer', p.get('answer') || 'support');
      return '/api/polls/trend?' + q;
    }
    for (const k of ['q', 'from', 'to', 'interval']) if (p.get(k)) q.set(k, p.get(k));
    return '/api/trends?' + q;
  }

  // x in seconds, y, band low, band high (null where missing).
  function columns(body) {
    const secs = (d) => Date.parse(d + 'T00:00:00Z') / 1000;
    if (kind === 'poll') {
      const pts = body.points || [];
      return [pts.map((x) => secs(x.date)), pts.map((x) => x.estimate), pts.map((x) => x.low), pts.map((x) => x.high),
        pts.map((x) => x.nextLow), pts.map((x) => x.nextHigh)];
    }
    const pts = (body.series && body.series[0] && body.series[0].points) || [];
    const val = (x) => measure === 'share' ? (x.share === null ? null : x.share * 100)
      : measure === 'tone' ? x.tone : x.articles;
    const pct = (v) => (v === null || v === undefined ? null : v * 100);
    return [pts.map((x) => secs(x.start)), pts.map(val),
      pts.map((x) => measure === 'tone' ? x.toneLow : measure === 'share' ? pct(x.shareLow) : null),
      pts.map((x) => measure === 'tone' ? x.toneHigh : measure === 'share' ? pct(x.shareHigh) : null)];
  }

  function label() {
    if (kind === 'poll') return (p.get('answer') || 'support') + ' (%)';
    return measure === 'share' ? 'share of coverage (%)' : measure === 'tone' ? 'net tone (−1 to +1)' : 'articles';
  }

  function size() {
    const box = $('chart').getBoundingClientRect();
    return { width: Math.max(160, Math.floor(box.width)), height: Math.max(80, Math.floor(box.height) - 30) };
  }

  function draw(data) {
    const hasBand = data[2].some((v) => v !== null);
    const accent = color('--accent'), band = color('--band'), muted = color('--muted');
    const axis = { stroke: muted, grid: { stroke: 'rgba(127,127,127,.15)' }, ticks: { stroke: 'rgba(127,127,127,.3)' } };
    const series = [{}, {
      label: label(), stroke: accent, width: 2, spanGaps: false,
      fill: measure === 'articles' && kind !== 'poll' ? band : undefined,
      paths: measure === 'articles' && kind !== 'poll' ? uPlot.paths.bars({ size: [0.7, 40] }) : undefined,
      points: { show: data[0].length < 40 }
    }];
    const hasNext = data.length > 4 && data[4].some((v) => v !== null);
    if (hasBand) {
      series.push({ label: '95% low', stroke: 'transparent', points: { show: false } },
        { label: '95% high', stroke: 'transparent', points: { show: false } });
    }
    if (hasNext) {
      // A poll average's second band: where 90% of new polls are expected, wider and lighter than the average's own.
      series.push({ label: 'new polls 90% low', stroke: 'transparent', points: { show: false } },
        { label: 'new polls 90% high', stroke: 'transparent', points: { show: false } });
    }
    const bands = hasBand ? [{ series: [3, 2], fill: band }] : [];
    if (hasNext) bands.push({ series: [5, 4], fill: 'rgba(127,127,127,.12)' });
    const opts = Object.assign(size(), {
      series, axes: [axis, axis], legend: { show: true }, bands,
      scales: { x: { time: true } }
    });
    const plot = new uPlot(opts, hasNext ? data : hasBand ? data.slice(0, 4) : data.slice(0, 2), $('chart'));
    window.addEventListener('resize', () => plot.setSize(size()));
    const xs = data[0], ys = data[1];
    for (let i = ys.length - 1; i >= 0; i--) {
      if (ys[i] !== null) {
        const v = measure === 'articles' && kind !== 'poll' ? String(ys[i]) : ys[i].toFixed(1);
        $('latest').textContent = 'Latest: ' + v + ' ' + label() + ' (' + new Date(xs[i] * 1000).toISOString().slice(0, 10) + ')';
        break;
      }
    }
    if (!ys.some((v) => v !== null)) $('latest').textContent = 'No data yet';
    if (xs.length) {
      $('range').textContent = new Date(xs[0] * 1000).toISOString().slice(0, 10) + ' to ' +
        new Date(xs[xs.length - 1] * 1000).toISOString().slice(0, 10);
    }
    document.body.dataset.points = String(xs.length);
  }

  fetch(request(), { headers: { Accept: 'application/json' } })
    .then((r) => r.json().then((b) => ({ ok: r.ok, b })))
    .then(({ ok, b }) => {
      if (!ok) throw new Error(b.error || 'the chart could not be loaded');
      draw(columns(b));
    })
    .catch((e) => { $('latest').textContent = e.message; });
})();
