// Barometer's search page: the URL holds the state (q, from, to, interval, page), so a view can be shared
// and the back button works. Everything that comes from articles is inserted as text, except the snippet,
// which the server has already HTML-escaped and marked up with <mark> only.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const PAGE_SIZE = 10;
  const chart = echarts.init($('chart'));
  window.addEventListener('resize', () => chart.resize());

  function stateFromUrl() {
    const p = new URLSearchParams(location.search);
    return {
      q: p.get('q') || '', from: p.get('from') || '', to: p.get('to') || '',
      source: p.get('source') || '', topic: p.get('topic') || '', tone: p.get('tone') || '',
      interval: p.get('interval') || 'month', page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1)
    };
  }

  function toQuery(s, extra) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(Object.assign({}, s, extra || {}))) {
      if (v !== '' && v !== null && v !== undefined && !(k === 'page' && v === 1)) p.set(k, v);
    }
    return p.toString();
  }

  function fillForm(s) {
    $('q').value = s.q; $('from').value = s.from; $('to').value = s.to; $('interval').value = s.interval;
    for (const k of ['source', 'topic', 'tone']) setOptions(k, null, s[k]);
  }

  // A filter's options are the facet values of the current matches, with their counts; the chosen one stays.
  function setOptions(name, counts, chosen) {
    const select = $(name);
    if (counts) {
      select.replaceChildren(new Option('any', ''));
      for (const [value, n] of Object.entries(counts)) select.append(new Option(value + ' (' + n + ')', value));
    }
    if (chosen && ![...select.options].some((o) => o.value === chosen)) select.append(new Option(chosen, chosen));
    select.value = chosen || '';
  }

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error((body.error || ('HTTP ' + r.status)) + (body.hint ? ' (' + body.hint + ')' : ''));
    return body;
  }

  function showError(message) {
    $('error').textContent = message || '';
    $('error').hidden = !message;
  }

  // Bars: matching articles per bucket. Line: tone of the matching sentences, with its 95% interval as a
  // shaded band (drawn as a transparent lower line plus a stacked band of height high - low).
  function renderChart(trends) {
    const points = (trends.series && trends.series[0] && trends.series[0].points) || [];
    const round = (v) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);
    const low = points.map((p) => round(p.toneLow));
    const band = points.map((p) => (p.toneLow === null || p.toneHigh === null ? null : round(p.toneHigh - p.toneLow)));
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        formatter: (items) => {
          const p = points[items[0].dataIndex];
          const tone = p.tone === null ? 'no tone' : 'tone ' + p.tone.toFixed(2) +
            (p.toneLow === null ? '' : ' (95% ' + p.toneLow.toFixed(2) + '–' + p.toneHigh.toFixed(2) + ')') +
            ' from ' + p.toneCount + ' mentions in ' + p.toneArticles + ' articles' +
            (p.toneTooFew ? ' (too few articles for an interval)' : '') +
            (p.untagged ? '<br>' + p.untagged + ' of these articles still wait for their tone' : '');
          const share = p.share === null ? '' : ', ' + (p.share * 100).toFixed(1) + '% of all articles (95% ' +
            (p.shareLow * 100).toFixed(1) + '–' + (p.shareHigh * 100).toFixed(1) + ')';
          const stories = p.stories === p.articles ? '' : ' (' + p.stories + ' distinct stories)';
          return p.start + '<br>' + p.articles + ' articles' + stories + share + '<br>' + tone;
        }
      },
      legend: { data: ['Articles', 'Mean tone'] },
      grid: { left: 48, right: 48, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: points.map((p) => p.start) },
      yAxis: [
        { type: 'value', name: 'Articles', minInterval: 1 },
        { type: 'value', name: 'Net tone', min: -1, max: 1, interval: 0.5 }
      ],
      dataZoom: points.length > 40 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
      series: [
        { name: 'Articles', type: 'bar', data: points.map((p) => p.articles), itemStyle: { color: '#8fb3de' } },
        { name: 'low', type: 'line', yAxisIndex: 1, stack: 'ci', data: low, symbol: 'none',
          lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
        { name: '95% interval', type: 'line', yAxisIndex: 1, stack: 'ci', data: band, symbol: 'none',
          lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(31,95,168,0.15)' }, silent: true },
        { name: 'Mean tone', type: 'line', yAxisIndex: 1, connectNulls: false, symbolSize: 6,
          data: points.map((p) => (p.toneTooFew ? { value: round(p.tone), symbol: 'emptyCircle' } : round(p.tone))),
          itemStyle: { color: '#1f5fa8' } }
      ]
    }, true);
  }

  function renderResults(s, res) {
    const list = $('results');
    list.replaceChildren();
    $('total').textContent = '(' + res.total + ')';
    for (const h of res.hits) {
      const li = document.createElement('li');
      const h3 = document.createElement('h3');
      const a = document.createElement('a');
      a.href = h.url; a.textContent = h.title || h.url; a.rel = 'noopener';
      h3.append(a);
      const meta = document.createElement('div');
      meta.className = 'meta';
      const source = document.createElement('span'); source.textContent = h.source;
      const date = document.createElement('span'); date.textContent = h.date ? h.date.slice(0, 10) : 'undated';
      meta.append(source, date);
      if (h.authors) {
        const by = document.createElement('span'); by.textContent = 'by ' + h.authors;
        meta.append(by);
      }
      if (h.tone) {
        const tone = document.createElement('span');
        tone.className = 'tone ' + h.tone;
        tone.textContent = h.tone + ' (' + h.sentiment.toFixed(2) + ')';
        tone.title = Math.round(h.negativeShare * 100) + '% negative, ' + Math.round(h.neutralShare * 100) +
          '% neutral, ' + Math.round(h.positiveShare * 100) + '% positive sentences';
        meta.append(tone);
      }
      const snippet = document.createElement('p');
      snippet.className = 'snippet';
      snippet.innerHTML = h.snippet; // server-escaped; only <mark> is markup
      li.append(h3, meta, snippet);
      list.append(li);
    }
    const pages = Math.max(1, Math.ceil(res.total / PAGE_SIZE));
    $('pageinfo').textContent = 'page ' + s.page + ' of ' + pages;
    $('prev').disabled = s.page <= 1;
    $('next').disabled = s.page >= pages;
  }

  async function load() {
    const s = stateFromUrl();
    fillForm(s);
    showError('');
    try {
      const [trend, res] = await Promise.all([
        getJson('/api/trends?' + toQuery({ q: s.q, from: s.from, to: s.to, interval: s.interval })),
        getJson('/api/search?' + toQuery({ q: s.q, from: s.from, to: s.to, page: s.page, size: PAGE_SIZE,
          source: s.source, topic: s.topic, tone: s.tone }))
      ]);
      renderChart(trend);
      $('csv').href = '/api/trends?' + toQuery({ q: s.q, from: s.from, to: s.to, interval: s.interval, format: 'csv' });
      renderResults(s, res);
      for (const k of ['source', 'topic', 'tone']) setOptions(k, (res.facets || {})[k] || {}, s[k]);
    } catch (e) {
      showError(e.message);
    }
  }

  function go(extra) {
    const s = Object.assign(stateFromUrl(), extra);
    history.pushState(null, '', '?' + toQuery(s));
    load();
  }

  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    go({ q: $('q').value.trim(), from: $('from').value, to: $('to').value, interval: $('interval').value, page: 1,
      source: $('source').value, topic: $('topic').value, tone: $('tone').value });
  });
  for (const k of ['source', 'topic', 'tone']) $(k).addEventListener('change', () => $('search').requestSubmit());
  $('prev').addEventListener('click', () => go({ page: stateFromUrl().page - 1 }));
  $('next').addEventListener('click', () => go({ page: stateFromUrl().page + 1 }));
  window.addEventListener('popstate', load);

  // While the first crawl fills the index, say so and refresh the view when it is done.
  async function watchStatus() {
    try {
      const st = await getJson('/api/status');
      const busy = st.crawl.running;
      $('status').textContent = st.articles + ' articles indexed' + (busy ? ' · crawling…' : '');
      if (busy) {
        setTimeout(async () => { await watchStatus(); load(); }, 3000);
      }
    } catch (e) {
      $('status').textContent = '';
    }
  }

  if (!location.search) history.replaceState(null, '', '?q=secession');
  load();
  watchStatus();
})();
