// For pages that frame Barometer widgets: fits each widget's iframe to the height its page announces (the
// {context: 'iframe.resize', height} message of embed.js). Include once, anywhere on the page:
//   <script async src="https://barometer.example/embed-resize.js"></script>
// Only messages from a frame on this script's own origin are read, and only the height of that frame is changed.
(function () {
  'use strict';
  const origin = new URL(document.currentScript ? document.currentScript.src : location.href).origin;
  window.addEventListener('message', (e) => {
    if (e.origin !== origin || !e.data || e.data.context !== 'iframe.resize') return;
    const height = Number(e.data.height);
    if (!Number.isFinite(height) || height < 40 || height > 5000) return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow === e.source) {
        frame.style.height = Math.ceil(height) + 'px';
        frame.removeAttribute('height');
        frame.dataset.barometerResized = String(Math.ceil(height));
      }
    }
  });
})();
