// What the explorer and the snapshot page draw alike: line charts with 95% bands on ECharts (each line with its
// band, drawn as a stacked low + width area, and the value axis it is read on), their colours, and an article of a
// result list (its text set as text, never as markup).
window.BarometerCharts = (function () {
  'use strict';
  const COLORS = ['#1f5fa8', '#c2410c', '#15803d', '#7e22ce', '#b45309'];
  const r = (v) => (v === null || v === undefined ? null : Math.round(v * 1000) / 1000);

  // lines: [{ name, values, low?, high?, axis? }]; axes: [{ name, min?, max?, scale? }] (first left, others right).
  function bands(chart, buckets, lines, axes) {
    const series = [];
    lines.forEach((l, i) => {
      const color = COLORS[i % COLORS.length];
      const axis = l.axis || 0;
      if (l.low && l.high) {
        series.push({ name: l.name + ' low', type: 'line', stack: 'band' + i, symbol: 'none', silent: true,
          yAxisIndex: axis, lineStyle: { opacity: 0 }, tooltip: { show: false }, data: l.low.map(r) });
        series.push({ name: l.name + ' band', type: 'line', stack: 'band' + i, symbol: 'none', silent: true,
          yAxisIndex: axis, lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.12 }, tooltip: { show: false },
          data: l.low.map((lo, j) => (lo === null || l.high[j] === null ? null : r(l.high[j] - lo))) });
      }
      series.push({ name: l.name, type: 'line', yAxisIndex: axis, itemStyle: { color }, symbolSize: 6,
        connectNulls: !!l.connect, data: l.values.map(r) });
    });
    const several = axes.length > 1;
    const yAxis = axes.map((a, i) => Object.assign({ type: 'value', name: a.name,
      nameTextStyle: several ? { color: COLORS[i] } : undefined,
      axisLine: { show: several, lineStyle: several ? { color: COLORS[i] } : undefined },
      splitLine: { show: i === 0 }, position: i === 0 ? 'left' : 'right', offset: i > 1 ? 56 * (i - 1) : 0 },
    a.min !== undefined ? { min: a.min } : {}, a.max !== undefined ? { max: a.max } : {}, a.scale ? { scale: true } : {}));
    chart.setOption({
      animation: false, color: COLORS, tooltip: { trigger: 'axis' },
      legend: { data: lines.map((l) => l.name), top: 0 },
      grid: { left: 56, right: several ? 56 * (axes.length - 1) + 54 : 20, top: 48, bottom: buckets.length > 40 ? 60 : 36 },
      xAxis: { type: 'category', data: buckets },
      yAxis,
      dataZoom: buckets.length > 40 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
      series
    }, true);
  }

  // An overview answer (/api/overview) as three lines on three axes.
  function overview(chart, o) {
    const pts = o.points;
    const col = (k) => pts.map((p) => p[k]);
    bands(chart, pts.map((p) => p.start), [
      { name: (o.answer || 'support') + ' (poll average, %)', values: col('support'), low: col('supportLow'),
        high: col('supportHigh'), axis: 0, connect: true },
      { name: 'share of coverage (%)', values: col('share'), low: col('shareLow'), high: col('shareHigh'), axis: 1 },
      { name: 'net tone toward “' + o.query + '”', values: col('tone'), low: col('toneLow'), high: col('toneHigh'), axis: 2 }
    ], [{ name: 'Support (%)', scale: true }, { name: 'Share (%)', min: 0 }, { name: 'Net tone', min: -1, max: 1 }]);
  }

  // One search hit as a list item: its title linking the article, its outlet and day.
  function articleItem(h) {
    const li = document.createElement('li');
    const a = document.createElement('a'); a.href = h.url; a.textContent = h.title || h.url;
    const m = document.createElement('div'); m.className = 'meta';
    const src = document.createElement('span'); src.textContent = h.source;
    const date = document.createElement('span'); date.textContent = h.date ? h.date.slice(0, 10) : 'undated';
    m.append(src, date); li.append(a, m);
    return li;
  }

  return { COLORS, bands, overview, articleItem };
})();
