// Search, loaded when used: every word must start a word of a post or page; title and tags rank
// above headings, description and body; matches are marked, a body match in its passage.
(d => {
  let X, T, C = {}, pages = {};
  [...'0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_'].forEach((c, i) => C[c] = i);
  const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    words = s => fold(s).match(/[\p{L}\p{N}]+/gu) || [],
    esc = s => s.replace(/[&<>"]/g, c => '&#' + c.charCodeAt(0) + ';'),
    // 2: the word, 1: a longer one starting with it, 0: none
    has = (l, w) => { for (const x of l) if (x.startsWith(w)) return x == w ? 2 : 1; return 0; },
    mark = (t, ts) => t.replace(/([\p{L}\p{N}]+)|[^\p{L}\p{N}]+/gu, (m, w) =>
      w && ts.some(t => fold(w).startsWith(t)) ? '<mark>' + esc(m) + '</mark>' : esc(m)),
    index = () => X = X || fetch('/search/index.json').then(r => r.json()).then(x => {
      x.stop = new Set(x.stop.split(' '));
      x.words = x.words.split(' ');
      // Each word's documents: differences of their numbers in base 32, digits 32-63 followed by
      // more; decoded now, so that no keystroke waits for it.
      x.in = x.in.map(s => {
        let v = 0, n = -1, c, l = [];
        for (const ch of s) c = C[ch], v = v * 32 + (c & 31), c < 32 && (l.push(n += v), v = 0);
        return l;
      });
      x.docs = x.docs.map(([u, t, d, g, s, h]) => ({u, t, d, g, s, T: words(t), G: words(g), S: words(s),
        h: h.map(([id, t]) => ({id, t, w: words(t)}))}));
      return x;
    });
  // Documents whose body has a word starting with w (the words are sorted).
  function body(x, w) {
    let lo = 0, hi = x.words.length, out = new Uint8Array(x.docs.length);
    while (lo < hi) { const m = lo + hi >> 1; x.words[m] < w ? lo = m + 1 : hi = m; }
    for (; x.words[lo]?.startsWith(w); lo++) x.in[lo].forEach(n => out[n] = 1);
    return out;
  }
  function find(x, q) {
    let all = words(q), ts = all.filter(w => !x.stop.has(w)), r = [];
    if (!ts.length) ts = all;
    const bs = ts.map(w => body(x, w));
    x.docs.forEach((e, n) => {
      let score = 0;
      ts.every((w, k) => {
        let s = 6 * has(e.T, w) + 4 * has(e.G, w) + has(e.S, w), b = bs[k][n];
        e.h.forEach(h => s = Math.max(s, 2 * has(h.w, w)));
        score += s + b / 2;
        return s || b;
      }) && r.push({e, score, n});
    });
    return [ts, r.sort((a, b) => b.score - a.score || a.n - b.n)];
  }
  function passage(u, ts, p, l, q) {
    // The page's text, a space after each block (textContent runs blocks together).
    (pages[u] = pages[u] || fetch(u).then(r => r.text()).then(h => new DOMParser().parseFromString(
      h.replace(/<\/(p|li|h\d|t[dh]|d[dt]|pre|div)>/g, ' $&'), 'text/html').querySelector('.e-content,main').textContent.replace(/\s+/g, ' ')
    )).then(t => {
      const at = fold(t).search(RegExp('(^|[^\\p{L}\\p{N}])(' + ts.join('|') + ')', 'u')),
        from = t.lastIndexOf(' ', at - 60) + 1, to = t.indexOf(' ', at + 140);
      if (at >= 0 && l.dataset.q == q) p.innerHTML = (from ? '… ' : '') + mark(t.slice(from, to < 0 ? t.length : to), ts) + (to < 0 ? '' : ' …');
    }, () => 0);
  }
  function attach(f) {
    const i = f.querySelector('input'), box = f.parentNode, onPage = !!f.closest('main'),
      st = box.querySelector('.search__status'), l = box.querySelector('.search__results');
    function go() {
      const q = i.value.trim();
      onPage && history.replaceState(0, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
      l.dataset.q = q;
      if (q.length < 2) return l.innerHTML = st.textContent = '';
      index().then(x => {
        if (l.dataset.q != q) return;
        const [ts, r] = find(x, q), n = r.length, top = r.slice(0, 20);
        l.innerHTML = top.map(({e}) => {
          const s = e.h.find(s => ts.some(t => has(s.w, t)));
          return '<li><a href="' + esc(e.u) + '">' + mark(e.t, ts) + '</a><p class="meta">' + esc(e.d) +
            (e.d && e.g ? ' · ' : '') + mark(e.g && '#' + e.g.replace(/ /g, ' #'), ts) + '</p><p>' + mark(e.s, ts) + '</p>' +
            (s ? '<a class="search__section" href="' + esc(e.u + '#' + s.id) + '">§ ' + mark(s.t, ts) + '</a>' : '') + '</li>';
        }).join('');
        st.textContent = (n ? (n > 20 ? 'The 20 best of ' + n : n) + ' result' + (n > 1 ? 's' : '') : 'Nothing found') + ' for “' + q + '”';
        // Passages once typing pauses, so that reading pages never delays the next key.
        clearTimeout(T);
        T = setTimeout(() => top.slice(0, 5).forEach(({e}, k) => ts.some(t => has(e.T, t) || has(e.S, t))
          || passage(e.u, ts, l.children[k].children[2], l, q)), 300);
      }, () => st.textContent = 'Search failed.');
    }
    i.addEventListener('input', go);
    f.addEventListener('submit', e => onPage && (e.preventDefault(), go()));
    if (onPage) i.value = new URLSearchParams(location.search).get('q') || i.value;
    index();
    i.value && go();
  }
  d.querySelectorAll('form.search[action="/search/"]').forEach(attach);
})(document);
