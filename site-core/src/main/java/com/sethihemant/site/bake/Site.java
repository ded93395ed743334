package com.sethihemant.site.bake;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A baked site, held in memory: every file of the output by its path ({@code about/index.html}).
 * The preview server serves it as it is; {@link Baker#bake} writes it to a folder.
 *
 * @param files    output path to bytes, sorted by path
 * @param posts    published posts
 * @param pages    other pages from sources
 * @param tags     tag pages
 * @param skipped  drafts and scheduled posts left out
 * @param rendered the pages rendered by this build (the others were unchanged since the last build)
 * @param changed  sources parsed by this build (the others were unchanged since the last build)
 * @param millis   how long the build took
 */
public record Site(Map<String, byte[]> files, int posts, int pages, int tags, int skipped, Set<String> rendered,
                   int changed, long millis) {

    public Site {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        rendered = Collections.unmodifiableSet(new TreeSet<>(rendered));
    }

    /** The bytes of an output file, or {@code null}. */
    public byte[] file(String path) {
        return files.get(path);
    }

    public Set<String> paths() {
        return files.keySet();
    }
}
