package com.sethihemant.site.theme;

/**
 * The search page ({@code /search/}): the form, and where results appear. The index it reads is
 * a file of its own ({@code /search/index.json}).
 *
 * @param engine the web search engine the page offers to visitors without JavaScript, restricted
 *               to this site
 */
public record SearchPage(Page page, SearchEngine engine) implements PageModel {

    /** The template of the search page. */
    public static final String TEMPLATE = "search";

    @Override
    public String template() {
        return TEMPLATE;
    }

    /**
     * A web search engine's form, searching this site only.
     *
     * @param name      the engine's name, as the form says it
     * @param action    where the form is sent (GET)
     * @param query     the name of the field that holds the visitor's words
     * @param siteField the name of the hidden field that restricts results to one site
     * @param site      its value: this site's host
     */
    public record SearchEngine(String name, String action, String query, String siteField, String site) {
    }
}
