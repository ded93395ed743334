package com.sethihemant.site.theme;

import com.sethihemant.site.content.Document;

import java.util.List;

/**
 * A page written in AsciiDoc that is not a post (home, About, Writing & Speaking, 404, ...),
 * rendered by the template its {@code :jbake-type:} names.
 *
 * @param content the document
 * @param editUrl the "edit this page" address of its source, or {@code null}
 * @param posts   every published post, newest first, as the page may show it (see {@link PostSummary})
 * @param years   the same posts by year, newest year first
 */
public record DocumentPage(Page page, Document content, String editUrl, List<PostSummary> posts,
                           List<Listing.Year> years) implements PageModel {

    @Override
    public String template() {
        return content.type();
    }
}
