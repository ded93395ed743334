// Loaded blocking in <head>, before the first paint: applies the theme chosen with the toggle
// (stored by site.js), so a page never flashes in the other theme, and marks that JS runs.
(function (r) {
  try {
    var t = localStorage.getItem('theme');
    if (t === 'dark' || t === 'light') r.setAttribute('data-theme', t);
  } catch (e) { /* storage blocked: follow the system */ }
  r.classList.add('js');
})(document.documentElement);
