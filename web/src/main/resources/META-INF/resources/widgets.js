// The widget builder: every change redraws the preview and rewrites the embed code. Attribute values in the
// code are escaped, so a title or query cannot break out of the markup it is pasted into.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const origin = location.origin;
  const esc = (t) => String(t).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  let timer = null;

  function kind() { return document.querySelector('input[name=kind]:checked').value; }

  function params() {
    const p = new URLSearchParams();
    const k = kind();
    if (k !== 'trend') {
      p.set('topic', $('topic').value.trim()); p.set('answer', $('answer').value.trim() || 'support');
    }
    if (k !== 'poll') {
      if ($('q').value.trim()) p.set('q', $('q').value.trim());
      if (k === 'trend') p.set('measure', $('measure').value);
      p.set('interval', $('interval').value);
    }
    for (const k of ['from', 'to', 'theme', 'title']) if ($(k).value.trim()) p.set(k, $(k).value.trim());
    return p;
  }

  function update() {
    const k = kind();
    document.querySelectorAll('.for-trend, .for-poll, .for-overview').forEach((e) => {
      e.hidden = !e.classList.contains('for-' + k);
    });
    const w = Math.max(200, Math.min(1600, parseInt($('width').value, 10) || 600));
    const h = Math.max(120, Math.min(1000, parseInt($('height').value, 10) || 320));
    const p = params();
    const embed = origin + '/embed/' + k + '?' + p;
    const img = new URLSearchParams(p); img.set('width', w); img.set('height', h);
    const png = origin + '/widgets/' + k + '.png?' + img;
    const svg = origin + '/widgets/' + k + '.svg?' + img;
    const page = k === 'trend' ? origin + '/explore?' + p : k === 'poll' ? origin + '/polls.html?' + p
      : origin + '/explore?measure=overview&' + p;
    $('preview').src = embed; $('preview').width = w; $('preview').height = h;
    $('preview-png').src = png; $('preview-png').width = w; $('preview-png').height = h;
    $('code-oembed').value = origin + '/oembed?format=json&url=' + encodeURIComponent(page);
    const write = (alt) => {
      // The iframe fits its content's height once embed-resize.js runs on the page; without it, it keeps h.
      $('code-iframe').value = '<iframe src="' + esc(embed) + '" width="' + w + '" height="' + h +
        '" style="border:0;width:100%;max-width:' + w + 'px" loading="lazy" title="' + esc(alt) + '"></iframe>\n' +
        '<script async src="' + esc(origin + '/embed-resize.js') + '"></script>';
      $('code-png').value = '<a href="' + esc(page) + '"><img src="' + esc(png) + '" width="' + w + '" height="' + h +
        '" alt="' + esc(alt) + '"></a>';
      $('code-svg').value = '<img src="' + esc(svg) + '" width="' + w + '" height="' + h + '" alt="' + esc(alt) + '">';
      $('preview-png').alt = alt;
    };
    const fallback = $('title').value.trim() || 'Barometer chart';
    write(fallback);
    // The alternative text is the chart in words, written by the server from the data (the oEmbed description).
    const asked = ++generation;
    fetch($('code-oembed').value).then((r) => (r.ok ? r.json() : {})).then((o) => {
      if (asked === generation) write(o.description || fallback);
    }).catch(() => {});
  }
  let generation = 0;

  function later() { clearTimeout(timer); timer = setTimeout(update, 300); }

  const start = new URLSearchParams(location.search);
  for (const k of ['q', 'measure', 'interval', 'topic', 'answer', 'from', 'to', 'theme', 'title']) {
    if (start.get(k)) $(k).value = start.get(k);
  }
  if (['poll', 'overview'].includes(start.get('kind'))) {
    document.querySelector('input[name=kind][value=' + start.get('kind') + ']').checked = true;
  }
  $('builder').addEventListener('input', later);
  $('builder').addEventListener('change', later);
  $('builder').addEventListener('submit', (e) => { e.preventDefault(); update(); });
  document.querySelectorAll('.copy').forEach((b) => b.addEventListener('click', async () => {
    const area = $(b.dataset.for);
    area.select();
    try { await navigator.clipboard.writeText(area.value); b.textContent = 'Copied'; } catch (e) { document.execCommand('copy'); }
    setTimeout(() => { b.textContent = 'Copy'; }, 1500);
  }));
  update();
})();
