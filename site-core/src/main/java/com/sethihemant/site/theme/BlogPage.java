package com.sethihemant.site.theme;

import java.util.List;

/**
 * One page of the blog index.
 *
 * @param posts      this page's posts, newest first
 * @param pagination where the page sits among the others
 */
public record BlogPage(Page page, List<PostSummary> posts, Listing.Pagination pagination) implements PageModel {

    /** The template of the blog index. */
    public static final String TEMPLATE = "blog";

    @Override
    public String template() {
        return TEMPLATE;
    }
}
