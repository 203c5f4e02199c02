// The trend explorer: up to five queries on one chart, as article counts, share of coverage or tone with its
// 95% band. The URL holds the state (q repeated, measure, scope, from, to, interval). Text from articles is set as
// text. Beside a tone chart stands the name of the tone measure each series used and its measured macro-F1, read
// from /api/methods, so that the chart can be cited.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const MAX = 5;
  const COLORS = BarometerCharts.COLORS;
  const chart = echarts.init($('chart'));
  window.addEventListener('resize', () => chart.resize());
  let current = null;

  function state() {
    const p = new URLSearchParams(location.search);
    const qs = p.getAll('q').filter((q) => q.trim() !== '').slice(0, MAX);
    return { qs: qs.length ? qs : ['secession'], measure: p.get('measure') || 'articles', scope: p.get('scope') || 'mentions',
      from: p.get('from') || '', to: p.get('to') || '', interval: p.get('interval') || 'month',
      topic: p.get('topic') || 'secession', answer: p.get('answer') || 'support' };
  }

  function query(s, extra) {
    const p = new URLSearchParams();
    s.qs.forEach((q) => p.append('q', q));
    for (const k of ['from', 'to', 'interval']) if (s[k]) p.set(k, s[k]);
    if (s.scope && s.scope !== 'mentions') p.set('scope', s.scope);
    if (s.measure === 'overview') { p.set('topic', s.topic); p.set('answer', s.answer); }
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p;
  }

  function addQueryInput(value) {
    const list = $('query-list');
    if (list.children.length >= MAX) return;
    const i = list.children.length + 1;
    const label = document.createElement('label');
    label.className = 'qrow';
    const span = document.createElement('span'); span.textContent = 'Query ' + i;
    const input = document.createElement('input');
    input.type = 'search'; input.name = 'q'; input.value = value || ''; input.autocomplete = 'off';
    input.style.borderLeft = '4px solid ' + COLORS[i - 1];
    label.append(span, input);
    list.append(label);
    $('add-query').disabled = list.children.length >= MAX;
  }

  function fill(s) {
    $('query-list').replaceChildren();
    s.qs.forEach(addQueryInput);
    document.querySelector('input[name=measure][value=' + CSS.escape(s.measure) + ']').checked = true;
    $('from').value = s.from; $('to').value = s.to; $('interval').value = s.interval;
    $('scope').value = s.scope;
    $('scope').disabled = s.measure !== 'tone';
    $('topic').value = s.topic; $('answer').value = s.answer;
    document.querySelectorAll('.for-overview').forEach((e) => { e.hidden = s.measure !== 'overview'; });
  }

  let methods = null;
  async function describeMeasure(trends) {
    const used = [...new Set(trends.series.map((x) => x.toneMeasure))];
    try {
      methods = methods || await getJson('/api/methods');
    } catch (e) {
      methods = { toneMeasures: [] };
    }
    const parts = used.map((scope) => methods.toneMeasures.find((m) => m.scope === scope)).filter(Boolean);
    $('measure-name').textContent = parts.map((m) => m.name).join('; ');
    // A figure is shown only for the kind of query it was measured on (the tone model: mentions of people).
    const kinds = [...new Set(trends.series.map((x) => x.queryKind))];
    $('measure-accuracy').textContent = parts.map((m) => {
      const a = m.accuracy;
      if (!a || kinds.some((k) => k !== m.measuredFor)) {
        return ', not measured for this kind of query' + (a ? ' (measured on ' + a.appliesTo + ' only)' : '');
      }
      return ', ' + a.metric + ' ' + a.value.toFixed(3) + ' on ' + a.dataset + ' (n = ' + a.size + ', measured '
        + a.measured + (a.tuning === 'UNSEEN' ? ', unseen data' : ', data used for tuning') + ')';
    }).join('');
    $('measure-band').textContent = ' Net tone: share positive minus share negative (−1 to +1). Band: 95% interval '
      + 'counting articles as the independent draws; hollow points rest on fewer than 10 articles and have none.';
    $('measure-note').dataset.measures = used.join(',');
  }

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error((body.error || ('HTTP ' + r.status)) + (body.hint ? ' (' + body.hint + ')' : ''));
    return body;
  }

  function value(p, measure) {
    if (measure === 'share') return p.share === null ? null : Math.round(p.share * 10000) / 100;
    if (measure === 'tone') return p.tone === null ? null : Math.round(p.tone * 100) / 100;
    return p.articles;
  }

  function render(s, trends) {
    const buckets = trends.series.length ? trends.series[0].points.map((p) => p.start) : [];
    const series = [];
    trends.series.forEach((ser, i) => {
      const color = COLORS[i];
      if (s.measure === 'tone' || s.measure === 'share') {
        const lo = (p) => (s.measure === 'tone' ? p.toneLow : p.shareLow === null ? null : p.shareLow * 100);
        const hi = (p) => (s.measure === 'tone' ? p.toneHigh : p.shareHigh === null ? null : p.shareHigh * 100);
        series.push({ name: ser.query + ' low', type: 'line', stack: 'band' + i, symbol: 'none', silent: true,
          lineStyle: { opacity: 0 }, tooltip: { show: false }, data: ser.points.map(lo) });
        series.push({ name: ser.query + ' band', type: 'line', stack: 'band' + i, symbol: 'none', silent: true,
          lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.12 }, tooltip: { show: false },
          data: ser.points.map((p) => (lo(p) === null || hi(p) === null ? null : hi(p) - lo(p))) });
      }
      series.push({ name: ser.query || '(all)', type: s.measure === 'articles' && trends.series.length === 1 ? 'bar' : 'line',
        data: ser.points.map((p) => (s.measure === 'tone' && p.toneTooFew
          ? { value: value(p, s.measure), symbol: 'emptyCircle', tooFew: true } : value(p, s.measure))),
        itemStyle: { color }, symbolSize: 7, connectNulls: false, barMaxWidth: 40 });
    });
    const yName = s.measure === 'share' ? '% of all articles' : s.measure === 'tone' ? 'Net tone (−1 to +1)' : 'Articles';
    chart.setOption({
      animation: false,
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { data: trends.series.map((x) => x.query || '(all)'), top: 0 },
      grid: { left: 52, right: 20, top: 40, bottom: buckets.length > 40 ? 60 : 36 },
      xAxis: { type: 'category', data: buckets },
      yAxis: s.measure === 'tone' ? { type: 'value', name: yName, min: -1, max: 1 } : { type: 'value', name: yName, minInterval: s.measure === 'articles' ? 1 : 0 },
      dataZoom: buckets.length > 40 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
      series
    }, true);
    // The same choice as a click on the chart, for keyboards and screen readers.
    $('pick-series').replaceChildren(...trends.series.map((x, i) => new Option(x.query || '(all)', String(i))));
    $('pick-bucket').replaceChildren(...buckets.map((b, i) => new Option(b, String(i))));
    $('measure-note').hidden = s.measure !== 'tone';
    if (s.measure === 'tone') describeMeasure(trends);
    $('chart').dataset.points = String(buckets.length);
    $('chart').dataset.series = String(trends.series.length);
    current = { s, trends };
  }

  // Support (poll average), attention (share of coverage) and tone toward the query's words on one time axis, each
  // with its band and its own value axis: the units differ, and support near 30% would flatten a share near 1%.
  function renderOverview(s, o) {
    const buckets = o.points.map((p) => p.start);
    BarometerCharts.overview(chart, o);
    $('pick-series').replaceChildren(new Option(o.query, '0'));
    $('pick-bucket').replaceChildren(...buckets.map((b, i) => new Option(b, String(i))));
    $('measure-note').hidden = true;
    $('overview-note').hidden = false;
    $('chart').dataset.points = String(buckets.length);
    $('chart').dataset.series = '3';
    $('chart').dataset.pollsUsed = String(o.pollsUsed);
    current = { s: Object.assign({}, s, { measure: 'share', overview: true }), trends: { series: [{ query: o.query, points: o.points }] } };
  }

  function bucketEnd(start, interval) {
    const d = new Date(start + 'T00:00:00Z');
    if (interval === 'day') return start;
    if (interval === 'week') d.setUTCDate(d.getUTCDate() + 6);
    else if (interval === 'month') { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); d.setUTCMonth(11); d.setUTCDate(31); }
    return d.toISOString().slice(0, 10);
  }

  async function showEvidence(seriesIndex, dataIndex) {
    if (!current) return;
    const { s, trends } = current;
    const ser = trends.series[seriesIndex];
    if (!ser) return;
    const start = ser.points[dataIndex].start;
    const end = bucketEnd(start, s.interval);
    const list = $('evidence');
    list.replaceChildren();
    $('evidence-what').textContent = '(' + (ser.query || 'all') + ', ' + start + (end !== start ? ' to ' + end : '') + ')';
    try {
      if (s.measure === 'tone') {
        const ev = await getJson('/api/trends/evidence?' + new URLSearchParams({ q: ser.query, start, interval: s.interval, limit: '20' }));
        for (const h of ev) {
          const li = document.createElement('li');
          const t = document.createElement('p'); t.textContent = h.text;
          const m = document.createElement('div'); m.className = 'meta';
          const a = document.createElement('a'); a.href = h.url; a.textContent = h.title || h.url;
          const tone = document.createElement('span');
          tone.textContent = s.scope === 'mentions' && h.mentionTones.length
            ? 'tone toward “' + ser.query + '”: ' + h.mentionTones.join(', ') + ' · sentence ' + h.sentiment
            : 'sentence tone ' + h.sentiment;
          m.append(a, tone); li.append(t, m); list.append(li);
        }
      } else {
        const res = await getJson('/api/search?' + new URLSearchParams({ q: ser.query, from: start, to: end, size: '20', sort: 'date' }));
        for (const h of res.hits) list.append(BarometerCharts.articleItem(h));
      }
      if (!list.children.length) {
        const li = document.createElement('li'); li.className = 'hint'; li.textContent = 'Nothing in this period.'; list.append(li);
      }
    } catch (e) {
      const li = document.createElement('li'); li.className = 'error'; li.textContent = e.message; list.append(li);
    }
  }

  $('pick').addEventListener('submit', (e) => {
    e.preventDefault();
    showEvidence(parseInt($('pick-series').value, 10), parseInt($('pick-bucket').value, 10));
  });
  chart.on('click', (e) => {
    const visible = current.s.overview ? 0
      : current.s.measure === 'tone' || current.s.measure === 'share' ? Math.floor(e.seriesIndex / 3) : e.seriesIndex;
    showEvidence(visible, e.dataIndex);
  });

  // Periods where an outlet published far below its usual volume (/api/sources/health): shaded on the chart and
  // named below it, so that a dip in a series can be told apart from a dip in the data behind it.
  async function markGaps(s, buckets) {
    const note = $('coverage-note');
    if (!buckets.length) { note.textContent = ''; return; }
    const from = buckets[0], to = bucketEnd(buckets[buckets.length - 1], s.interval);
    let health;
    try {
      health = await getJson('/api/sources/health?' + new URLSearchParams({ from, to }));
    } catch (e) {
      note.textContent = 'Coverage health could not be read: ' + e.message;
      return;
    }
    const gaps = health.sources.flatMap((src) => src.gaps.map((g) => ({ source: src.source, from: g.from, to: g.to })));
    const bucketOf = (day) => buckets.filter((b) => b <= day).pop() || buckets[0];
    chart.setOption({ series: [{ markArea: { silent: true, itemStyle: { color: 'rgba(190, 30, 30, 0.10)' },
      data: gaps.map((g) => [{ name: g.source, xAxis: bucketOf(g.from) }, { xAxis: bucketOf(g.to) }]) } }] });
    $('chart').dataset.gaps = String(gaps.length);
    const link = ' (rule: <a href="/api/sources/health">coverage health</a>)';
    note.innerHTML = gaps.length
      ? 'Shaded: gaps in coverage, ' + gaps.map((g) => escapeHtml(g.source) + ' ' + g.from + ' to ' + g.to).join('; ') + link
      : 'No gaps in the sources\' coverage over this period' + link + '.';
  }

  function escapeHtml(t) {
    return String(t).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  async function load() {
    const s = state();
    fill(s);
    $('error').hidden = true;
    $('overview-note').hidden = true;
    try {
      if (s.measure === 'overview') {
        const p = new URLSearchParams({ topic: s.topic, answer: s.answer, q: s.qs[0], interval: s.interval });
        for (const k of ['from', 'to']) if (s[k]) p.set(k, s[k]);
        const o = await getJson('/api/overview?' + p);
        renderOverview(s, o);
        markGaps(s, o.points.map((x) => x.start));
        p.set('format', 'csv');
        $('csv').href = '/api/overview?' + p;
        p.delete('format');
        $('widget').href = '/widgets.html?kind=overview&' + p;
        return;
      }
      const trends = await getJson('/api/trends?' + query(s, s.measure === 'tone' ? {} : { scope: 'articles' }));
      render(s, trends);
      markGaps(s, trends.series.length ? trends.series[0].points.map((p) => p.start) : []);
      $('csv').href = '/api/trends?' + query(s, { format: 'csv' });
      $('widget').href = '/widgets.html?' + new URLSearchParams({ q: s.qs[0], measure: s.measure, interval: s.interval });
    } catch (e) {
      $('error').textContent = e.message; $('error').hidden = false;
    }
  }

  $('explore').addEventListener('submit', (e) => {
    e.preventDefault();
    const qs = [...document.querySelectorAll('#query-list input')].map((i) => i.value.trim()).filter(Boolean);
    const s = { qs: qs.length ? qs : [''], measure: document.querySelector('input[name=measure]:checked').value,
      scope: $('scope').value, from: $('from').value, to: $('to').value, interval: $('interval').value,
      topic: $('topic').value.trim() || 'secession', answer: $('answer').value.trim() || 'support' };
    history.pushState(null, '', '?' + query(s, { measure: s.measure }));
    load();
  });
  document.querySelectorAll('input[name=measure]').forEach((r) => r.addEventListener('change', () => $('explore').requestSubmit()));
  $('scope').addEventListener('change', () => $('explore').requestSubmit());
  $('add-query').addEventListener('click', () => addQueryInput(''));
  // Freeze what the chart shows as a citable snapshot, then open its permalink.
  $('snapshot').addEventListener('click', async () => {
    const s = state();
    const parameters = s.measure === 'overview'
      ? { topic: s.topic, answer: s.answer, q: s.qs[0], interval: s.interval }
      : { q: s.qs, interval: s.interval };
    for (const k of ['from', 'to']) if (s[k]) parameters[k] = s[k];
    if (s.measure !== 'overview' && s.scope !== 'mentions') parameters.scope = s.scope;
    try {
      const r = await fetch('/api/snapshots', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: s.measure === 'overview' ? 'overview' : 'trend', parameters }) });
      const body = await r.json();
      if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
      location.href = body.permalink;
    } catch (e) {
      $('error').textContent = 'The snapshot could not be made: ' + e.message; $('error').hidden = false;
    }
  });
  $('png').addEventListener('click', () => {
    const a = document.createElement('a');
    a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    a.download = 'barometer-trend.png';
    a.click();
  });
  window.addEventListener('popstate', load);
  load();
})();
