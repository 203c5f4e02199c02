// The polls page: every poll of a topic as a point (area by sample size), the poll average as a line with its
// 95% band, and a table with links to the sources. Values from polls are set as text, links only when http(s).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const chart = echarts.init($('chart'));
  window.addEventListener('resize', () => chart.resize());
  let all = [];

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error((body.error || ('HTTP ' + r.status)) + (body.hint ? ' (' + body.hint + ')' : ''));
    return body;
  }

  function state() {
    const p = new URLSearchParams(location.search);
    return { topic: p.get('topic') || '', answer: p.get('answer') || '', pollster: p.get('pollster') || '',
      population: p.get('population') || '', unconfirmed: p.get('unconfirmed') === 'true' };
  }

  function options(select, values, chosen, any) {
    select.replaceChildren();
    if (any) select.append(new Option(any, ''));
    for (const v of values) select.append(new Option(v, v));
    select.value = values.includes(chosen) ? chosen : (any ? '' : values[0] || '');
  }

  function safeLink(url) {
    try { const u = new URL(url, location.href); return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null; } catch (e) { return null; }
  }

  async function load() {
    const s = state();
    $('error').hidden = true;
    try {
      all = (await getJson('/api/polls?unconfirmed=true')).polls;
      const topics = [...new Set(all.map((p) => p.topic).filter(Boolean))].sort();
      options($('topic'), topics, s.topic);
      const topic = $('topic').value;
      const ofTopic = all.filter((p) => p.topic === topic);
      const answers = [...new Set(ofTopic.flatMap((p) => Object.keys(p.answers)))];
      options($('answer'), answers, s.answer || (answers.includes('support') ? 'support' : answers[0]));
      options($('pollster'), [...new Set(ofTopic.map((p) => p.pollster).filter(Boolean))].sort(), s.pollster, 'all');
      $('population').value = s.population;
      $('unconfirmed').checked = s.unconfirmed;
      await draw();
    } catch (e) {
      $('error').textContent = e.message; $('error').hidden = false;
    }
  }

  async function draw() {
    const topic = $('topic').value, answer = $('answer').value, pollster = $('pollster').value;
    const population = $('population').value, unconfirmed = $('unconfirmed').checked;
    const polls = all.filter((p) => p.topic === topic && p.answers[answer] !== undefined
      && (!pollster || p.pollster === pollster) && (!population || p.population === population)
      && (unconfirmed || p.confirmed));
    const params = new URLSearchParams({ topic, answer });
    if (population) params.set('population', population);
    const avg = topic && answer ? await getJson('/api/polls/trend?' + params) : { points: [] };
    $('csv').href = '/api/polls/trend?' + params + '&format=csv';
    const check = avg.forecastCheck && avg.forecastCheck.anyPollster
      ? avg.forecastCheck.anyPollster.find((c) => c.level === 0.9) : null;
    $('next-check').textContent = check
      ? (check.share * 100).toFixed(0) + '% of ' + avg.forecastCheck.polls + ' new polls' : 'not yet checked (too few polls)';
    $('polls-csv').href = '/api/polls?' + new URLSearchParams({ topic, format: 'csv' });
    const point = (p) => ({
      value: [p.fieldEnd || p.released, p.answers[answer]],
      symbolSize: Math.max(6, Math.min(26, Math.sqrt(p.sampleSize || 400) / 2)),
      itemStyle: p.confirmed ? { color: '#1f5fa8', opacity: 0.55 } : { color: 'transparent', borderColor: '#8a94a3', borderWidth: 1.5 },
      poll: p
    });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (it) => {
          if (it.seriesName !== 'Polls') return it.seriesName + ' ' + it.value[0] + ': ' + Number(it.value[1]).toFixed(1);
          const p = it.data.poll;
          const esc = (t) => String(t == null ? '' : t).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
          return esc(p.pollster || 'unknown pollster') + '<br>' + esc(p.fieldStart || '') + ' – ' + esc(p.fieldEnd || '') +
            '<br>' + esc(answer) + ' ' + esc(p.answers[answer]) + '%' + (p.sampleSize ? ', n=' + esc(p.sampleSize) : '') +
            (p.confirmed ? '' : '<br>unconfirmed');
        }
      },
      legend: { data: ['Polls', 'Average', '95% interval of the average', '90% of new polls expected'], top: 0 },
      grid: { left: 48, right: 20, top: 36, bottom: 40 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: answer + ' (%)', scale: true },
      series: [
        { name: 'next low', type: 'line', stack: 'next', symbol: 'none', silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false },
          data: avg.points.map((x) => [x.date, x.nextLow]) },
        { name: '90% of new polls expected', type: 'line', stack: 'next', symbol: 'none', silent: true, lineStyle: { opacity: 0 },
          tooltip: { show: false }, itemStyle: { color: 'rgba(120,120,120,0.35)' },
          areaStyle: { color: 'rgba(120,120,120,0.12)' }, data: avg.points.map((x) => [x.date, x.nextHigh - x.nextLow]) },
        { name: 'low', type: 'line', stack: 'band', symbol: 'none', silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false },
          data: avg.points.map((x) => [x.date, x.low]) },
        { name: '95% interval of the average', type: 'line', stack: 'band', symbol: 'none', silent: true, lineStyle: { opacity: 0 },
          tooltip: { show: false }, itemStyle: { color: 'rgba(194,65,12,0.5)' },
          areaStyle: { color: 'rgba(194,65,12,0.2)' }, data: avg.points.map((x) => [x.date, x.high - x.low]) },
        { name: 'Average', type: 'line', symbol: 'none', lineStyle: { width: 2.5, color: '#c2410c' }, itemStyle: { color: '#c2410c' },
          data: avg.points.map((x) => [x.date, Math.round(x.estimate * 100) / 100]) },
        { name: 'Polls', type: 'scatter', data: polls.map(point), itemStyle: { color: '#1f5fa8' } }
      ]
    }, true);
    $('chart').dataset.polls = String(polls.length);
    $('chart').dataset.points = String(avg.points.length);
    table(polls);
    history.replaceState(null, '', '?' + new URLSearchParams({ topic, answer, pollster, population, unconfirmed: String(unconfirmed) }));
  }

  function table(polls) {
    const body = $('table').tBodies[0];
    body.replaceChildren();
    $('count').textContent = '(' + polls.length + ')';
    for (const p of [...polls].reverse()) {
      const tr = body.insertRow();
      const cell = (text) => { const td = tr.insertCell(); td.textContent = text == null ? '' : text; return td; };
      cell((p.fieldStart || '') + (p.fieldEnd && p.fieldEnd !== p.fieldStart ? ' – ' + p.fieldEnd : ''));
      cell((p.pollster || 'unknown') + (p.sponsors.length ? ' for ' + p.sponsors.join(', ') : ''));
      cell(p.sampleSize ? p.sampleSize.toLocaleString('en') : '');
      cell(p.population || '');
      cell(Object.entries(p.answers).map(([k, v]) => k + ' ' + v + '%').join(', '));
      cell(p.confirmed ? 'confirmed' : 'unconfirmed');
      const links = tr.insertCell();
      p.sources.forEach((src, i) => {
        const href = safeLink(src);
        const node = href ? Object.assign(document.createElement('a'), { href, rel: 'noopener' }) : document.createElement('span');
        node.textContent = 'source ' + (i + 1);
        if (i) links.append(' ');
        links.append(node);
      });
    }
  }

  for (const id of ['topic', 'answer', 'pollster', 'population', 'unconfirmed']) {
    $(id).addEventListener('change', () => (id === 'topic' ? (history.replaceState(null, '', '?topic=' + encodeURIComponent($('topic').value)), load()) : draw()));
  }
  load();
})();
