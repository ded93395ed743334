package com.sethihemant.site.theme;

import com.sethihemant.site.content.Document;

import java.util.List;

/**
 * A blog post or paper note.
 *
 * @param content the post
 * @param editUrl the "edit this page" address of its source, or {@code null}
 * @param older   the next older post, or {@code null}
 * @param newer   the next newer post, or {@code null}
 * @param related up to three posts that share its tags, best first
 * @param series  its place in a series (such as paper notes), or {@code null}
 * @param paper   for a paper note, the paper it is about; otherwise {@code null}
 */
public record PostPage(Page page, Document content, String editUrl, PostLink older, PostLink newer,
                       List<PostLink> related, Listing.Series series, Paper paper) implements PageModel {

    @Override
    public String template() {
        return content.type();
    }
}
