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

  // Search: the header's link (or the key /) opens it in a dialog, loading its styles and script
  // on first use; on the search page, / goes to its field.
  var dl = d.querySelector('.search-dialog');
  function search(e) {
    var f = d.querySelector('main .search__field');
    if (f || dl && dl.showModal) e.preventDefault(); else return;
    if (f) return f.focus();
    if (d.getElementById('search-js')) return dl.showModal();
    var c = d.createElement('link'), s = d.createElement('script');
    c.rel = 'stylesheet'; c.href = '/css/search.css'; s.src = '/js/search.js'; s.id = 'search-js';
    c.onload = c.onerror = function () { dl.showModal(); };
    d.head.append(c, s);
  }
  d.addEventListener('click', function (e) {
    var t = e.target;
    if (t.closest('.search-open')) search(e);
    else if (t === dl || t.closest('.search-close')) dl.close();
  });
  d.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key == '/' && !(e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) search(e);
  });

  // A copy button on each code block.
  if (!navigator.clipboard) return;
  d.querySelectorAll('.listingblock pre, .cite pre').forEach(function (pre) {
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
