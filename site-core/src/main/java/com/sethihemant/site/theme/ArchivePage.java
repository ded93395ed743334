package com.sethihemant.site.theme;

import java.util.List;

/**
 * Every post, by year.
 *
 * @param years the posts by year, newest year first
 */
public record ArchivePage(Page page, List<Listing.Year> years) implements PageModel {

    /** The template of the archive. */
    public static final String TEMPLATE = "archive";

    @Override
    public String template() {
        return TEMPLATE;
    }
}
