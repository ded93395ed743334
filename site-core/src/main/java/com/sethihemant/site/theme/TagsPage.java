package com.sethihemant.site.theme;

import java.util.List;

/**
 * Every tag.
 *
 * @param allTags the tags by name, each with its posts
 */
public record TagsPage(Page page, List<Listing.Tag> allTags) implements PageModel {

    /** The template of the tag index. */
    public static final String TEMPLATE = "tags";

    @Override
    public String template() {
        return TEMPLATE;
    }
}
