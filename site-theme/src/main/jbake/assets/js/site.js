// Enhancements only; every page reads fully without them.
(function (d) {
  var r = d.documentElement, m = matchMedia('(prefers-color-scheme: dark)');

  // The theme toggle: the stored choice wins over the system's, and persists across pages.
  var b = d.querySelector('.theme-toggle');
  function dark() { var t = r.getAttribute('data-theme'); return t ? t === 'dark' : m.matches; }
  function sync() { b.setAttribute('aria-pressed', dark()); }
  if (b) {
    sync();
    m.addEventListener('change', sync);
    b.addEventListener('click', function () {
      var t = dark() ? 'light' : 'dark';
      r.setAttribute('data-theme', t);
      try { localStorage.setItem('theme', t); } catch (e) { /* this page only */ }
      sync();
    });
  }

  // A copy button on each code block.
  if (!navigator.clipboard) return;
  d.querySelectorAll('.listingblock pre').forEach(function (pre) {
    var c = d.createElement('button');
    c.type = 'button';
    c.className = 'copy';
    c.textContent = 'Copy';
    c.setAttribute('aria-live', 'polite');
    c.addEventListener('click', function () {
      navigator.clipboard.writeText(pre.innerText.replace(/\n$/, '')).then(function () {
        c.textContent = 'Copied';
      }, function () {
        c.textContent = 'Copy failed';
      });
      setTimeout(function () { c.textContent = 'Copy'; }, 2000);
    });
    pre.parentNode.insertBefore(c, pre);
  });
})(document);
