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
    if (kind() === 'trend') {
      p.set('q', $('q').value.trim()); p.set('measure', $('measure').value); p.set('interval', $('interval').value);
    } else {
      p.set('topic', $('topic').value.trim()); p.set('answer', $('answer').value.trim() || 'support');
    }
    for (const k of ['from', 'to', 'theme', 'title']) if ($(k).value.trim()) p.set(k, $(k).value.trim());
    return p;
  }

  function update() {
    const k = kind();
    document.querySelectorAll('.for-trend').forEach((e) => { e.hidden = k !== 'trend'; });
    document.querySelectorAll('.for-poll').forEach((e) => { e.hidden = k !== 'poll'; });
    const w = Math.max(200, Math.min(1600, parseInt($('width').value, 10) || 600));
    const h = Math.max(120, Math.min(1000, parseInt($('height').value, 10) || 320));
    const p = params();
    const embed = origin + '/embed/' + k + '?' + p;
    const img = new URLSearchParams(p); img.set('width', w); img.set('height', h);
    const png = origin + '/widgets/' + k + '.png?' + img;
    const svg = origin + '/widgets/' + k + '.svg?' + img;
    const page = k === 'trend' ? origin + '/explore?' + p : origin + '/polls.html?' + p;
    const alt = $('title').value.trim() || (k === 'trend' ? 'Barometer: ' + $('q').value : 'Barometer poll average');
    $('preview').src = embed; $('preview').width = w; $('preview').height = h;
    $('preview-png').src = png; $('preview-png').width = w; $('preview-png').height = h;
    $('code-iframe').value = '<iframe src="' + esc(embed) + '" width="' + w + '" height="' + h +
      '" style="border:0" loading="lazy" title="' + esc(alt) + '"></iframe>';
    $('code-png').value = '<a href="' + esc(page) + '"><img src="' + esc(png) + '" width="' + w + '" height="' + h +
      '" alt="' + esc(alt) + '"></a>';
    $('code-svg').value = '<img src="' + esc(svg) + '" width="' + w + '" height="' + h + '" alt="' + esc(alt) + '">';
    $('code-oembed').value = origin + '/oembed?format=json&url=' + encodeURIComponent(page);
  }

  function later() { clearTimeout(timer); timer = setTimeout(update, 300); }

  const start = new URLSearchParams(location.search);
  for (const k of ['q', 'measure', 'interval', 'topic', 'answer', 'from', 'to', 'theme', 'title']) {
    if (start.get(k)) $(k).value = start.get(k);
  }
  if (start.get('kind') === 'poll') document.querySelector('input[name=kind][value=poll]').checked = true;
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
