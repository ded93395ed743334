package com.sethihemant.site.bake;

import java.nio.file.Path;

/**
 * What a bake produced, for the one-line summary the command prints.
 *
 * @param output  the site folder
 * @param posts   published posts
 * @param pages   other pages from sources (home, About, ...)
 * @param tags    tag pages
 * @param files   files written in all, assets included
 * @param skipped sources left out: drafts and posts dated in the future
 * @param millis  how long the bake took
 */
public record BakeResult(Path output, int posts, int pages, int tags, int files, int skipped, long millis) {

    @Override
    public String toString() {
        return String.format("Baked %d post%s, %d page%s and %d tag%s into %s (%d files%s) in %.1f s",
                posts, posts == 1 ? "" : "s", pages, pages == 1 ? "" : "s", tags, tags == 1 ? "" : "s",
                output, files, skipped == 0 ? "" : ", " + skipped + " draft or scheduled source"
                        + (skipped == 1 ? "" : "s") + " left out", millis / 1000.0);
    }
}
