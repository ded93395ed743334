package com.sethihemant.site.links;

import java.util.List;
import java.util.Set;

/**
 * What a page or style sheet holds for the checker.
 *
 * @param path the file, relative to the site folder
 * @param anchors every {@code id} and {@code a[name]} in the page, the targets of fragments
 * @param links the URL references, still unresolved
 * @param findings problems found while reading, already judged (an invalid {@code base href},
 *     JSON-LD that is not JSON)
 */
record PageScan(String path, Set<String> anchors, List<RawLink> links, List<LinkResult> findings) {

    PageScan {
        anchors = Set.copyOf(anchors);
        links = List.copyOf(links);
        findings = List.copyOf(findings);
    }

    /**
     * One URL reference as written, with the base it resolves against.
     *
     * @param context where it sits, as {@link Link#context()}
     * @param base the document's base URL (the page's own, or its {@code base href})
     */
    record RawLink(int line, String context, String text, String raw, Url base) {
    }
}
