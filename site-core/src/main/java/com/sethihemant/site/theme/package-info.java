/**
 * The contract between the pipeline and the theme: one record per kind of page, whose components
 * are the names a template may read ({@link com.sethihemant.site.theme.PageModel}), and the values
 * they hold. A template that reads any other name fails the bake with its file and line. A page
 * has its own document in full; the posts it lists, it has as {@link
 * com.sethihemant.site.theme.PostSummary summaries}, and the posts it links to as {@link
 * com.sethihemant.site.theme.PostLink links}, without their bodies.
 */
package com.sethihemant.site.theme;
