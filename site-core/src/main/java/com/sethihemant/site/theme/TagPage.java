package com.sethihemant.site.theme;

/**
 * The posts with one tag.
 *
 * @param tagPage the tag, its address and its posts
 */
public record TagPage(Page page, Listing.Tag tagPage) implements PageModel {

    /** The template of a tag's page. */
    public static final String TEMPLATE = "tag";

    @Override
    public String template() {
        return TEMPLATE;
    }
}
