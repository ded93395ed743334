package com.sethihemant.site.theme;

/**
 * The model of one page: what its template, and the layout and partials it calls, may read. Each
 * kind of page is a record; a template reads each component by its name, and the components of
 * {@link Page} as if they were its own ({@code site}, {@code url}, ...). Nothing else is in the
 * model, so a misspelt name fails the bake instead of rendering as empty.
 */
public sealed interface PageModel
        permits DocumentPage, PostPage, BlogPage, TagPage, TagsPage, ArchivePage, SearchPage {

    /** What every page has. */
    Page page();

    /** The template that renders this page, such as {@code post} for {@code post.tpl}. */
    String template();
}
