/**
 * Serving a site on this machine: {@link com.sethihemant.site.serve.PreviewServer}, the live
 * preview that rebuilds on every save and reloads open tabs, and the static server under it,
 * which serves a baked folder as GitHub Pages would.
 */
package com.sethihemant.site.serve;
