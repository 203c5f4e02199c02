// A snapshot's permalink page: draws the frozen answer (never asks the index again). Text from articles is set as
// text, never as markup.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const root = $('snapshot');
  const id = root.dataset.id;
  const chart = echarts.init($('chart'));
  window.addEventListener('resize', () => chart.resize());
  const pct = (v) => (v === null || v === undefined ? null : v * 100);

  function trend(answer) {
    const series = answer.series || [];
    const buckets = series.length ? series[0].points.map((p) => p.start) : [];
    // Share of coverage with its band for each query: the measure every trend answer carries for every bucket.
    BarometerCharts.bands(chart, buckets, series.map((s) => ({ name: (s.query || '(all)') + ' · share (%)',
      values: s.points.map((p) => pct(p.share)), low: s.points.map((p) => pct(p.shareLow)),
      high: s.points.map((p) => pct(p.shareHigh)) })), [{ name: '% of all articles', min: 0 }]);
    return buckets.length;
  }

  function pollAverage(answer) {
    const pts = answer.points || [];
    BarometerCharts.bands(chart, pts.map((p) => p.date), [{ name: answer.answer + ' (%), poll average',
      values: pts.map((p) => p.estimate), low: pts.map((p) => p.low), high: pts.map((p) => p.high) }],
    [{ name: answer.answer + ' (%)', scale: true }]);
    return pts.length;
  }

  function search(answer) {
    $('chart').hidden = true;
    const list = $('hits');
    list.hidden = false;
    for (const h of answer.hits || []) list.append(BarometerCharts.articleItem(h));
    return (answer.hits || []).length;
  }

  fetch('/api/snapshots/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .then((s) => {
      const kind = s.kind;
      const n = kind === 'trend' ? trend(s.answer) : kind === 'poll-average' ? pollAverage(s.answer)
        : kind === 'overview' ? (BarometerCharts.overview(chart, s.answer), s.answer.points.length) : search(s.answer);
      root.dataset.points = String(n);
    })
    .catch((e) => { root.dataset.error = e.message; });
})();
