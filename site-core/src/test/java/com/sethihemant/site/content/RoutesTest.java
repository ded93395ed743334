package com.sethihemant.site.content;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutesTest {

    private static final LocalDate DATE = LocalDate.of(2026, 5, 17);

    @Test
    void postsLiveUnderTheirYearWhateverTheirFolder() {
        assertEquals("/blog/2026/dynamo/", Routes.urlFor("post", "blog/2019/dynamo.adoc", DATE));
        assertEquals("/blog/2026/dynamo/", Routes.urlFor("post", "dynamo.adoc", DATE));
    }

    @Test
    void postFolderWithIndexTakesTheFolderName() {
        assertEquals("/blog/2026/with-images/", Routes.urlFor("post", "blog/2026/with-images/index.adoc", DATE));
    }

    @Test
    void pagesGetDirectoryUrls() {
        assertEquals("/about/", Routes.urlFor("page", "about.adoc", null));
        assertEquals("/notes/dynamo/", Routes.urlFor("page", "notes/dynamo.adoc", null));
        assertEquals("/", Routes.urlFor("home", "index.adoc", null));
        assertEquals("/notes/", Routes.urlFor("page", "notes/index.adoc", null));
        assertEquals("/404.html", Routes.urlFor("page", "404.adoc", null));
    }

    @Test
    void outputPathOfDirectoryUrlIsItsIndex() {
        assertEquals("index.html", Routes.outputPath("/"));
        assertEquals("about/index.html", Routes.outputPath("/about/"));
        assertEquals("404.html", Routes.outputPath("/404.html"));
    }

    @Test
    void slugsAreLowerCaseWordsJoinedByHyphens() {
        assertTrue(Routes.isSlug("gpu-storage-2"));
        assertFalse(Routes.isSlug("GPU"));
        assertFalse(Routes.isSlug("a--b"));
        assertFalse(Routes.isSlug("-a"));
        assertFalse(Routes.isSlug("a_b"));
    }
}
