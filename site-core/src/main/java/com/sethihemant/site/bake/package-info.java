/**
 * Sources in, a site out: {@link com.sethihemant.site.bake.Baker} parses every source, decides
 * what is published, renders each page through the theme's Groovy templates and writes the feed,
 * sitemap and robots.txt into a folder that replaces the old one only when everything succeeded.
 * A baker kept between builds (the preview) reuses every parse and page that did not change.
 */
package com.sethihemant.site.bake;
