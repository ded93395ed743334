package com.sethihemant.site.bake;

import com.sethihemant.site.SiteException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme's compiled classes kept between runs: used when they match, never when they might not. */
class TemplateClassCacheTest {

    /** The post the theme below renders for the title {@code <b>}, escaped in both places. */
    private static final String POST = "<html><body><footer>&lt;b&gt;</footer><p>&lt;B&gt;</p></body></html>";

    @TempDir
    Path work;

    private Path templates;
    private Path cacheFolder;

    @BeforeEach
    void theme() throws IOException {
        templates = Files.createDirectories(work.resolve("templates"));
        cacheFolder = work.resolve("cache");
        Files.createDirectories(templates.resolve("layouts"));
        Files.createDirectories(templates.resolve("partials"));
        Files.writeString(templates.resolve("layouts/main.tpl"),
                "html { body { include(template: 'partials/footer.tpl'); bodyContents() } }\n");
        Files.writeString(templates.resolve("partials/footer.tpl"), "footer(title)\n");
        Files.writeString(templates.resolve("post.tpl"),
                "layout('layouts/main.tpl', true, bodyContents: contents { p(title.toUpperCase()) })\n");
    }

    private Templates templates() {
        return new Templates(templates, TemplateClassCache.in(cacheFolder));
    }

    private static String render(Templates templates) {
        return templates.render("post", new HashMap<>(Map.of("title", "<b>")), "a post");
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cacheFolder)) {
            return files.toList();
        }
    }

    @Test
    void aSecondRunLoadsTheThemeFromTheCacheAndRendersTheSame() throws IOException {
        Templates first = templates();
        assertTrue(first.compileAll(), "nothing is cached yet, so the theme is compiled");
        assertEquals(1, entries().size());

        Templates second = templates();
        assertFalse(second.compileAll(), "the same theme is loaded from the cache");
        assertEquals(POST, render(second));
        assertEquals(render(new Templates(templates)), render(second));
    }

    @Test
    void anEditedPartialIsCompiledAgainAndReplacesTheOldEntry() throws IOException {
        templates().compileAll();
        Files.writeString(templates.resolve("partials/footer.tpl"), "footer { em(title) }\n");

        Templates edited = templates();
        assertTrue(edited.compileAll(), "a changed template is not in the cache");
        assertEquals("<html><body><footer><em>&lt;b&gt;</em></footer><p>&lt;B&gt;</p></body></html>", render(edited));
        assertEquals(1, entries().size(), "the previous theme's entry is removed");
        assertFalse(templates().compileAll(), "the edited theme is cached in turn");
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndRewritten() throws IOException {
        templates().compileAll();
        Path entry = entries().get(0);
        Files.write(entry, new byte[] {'P', 'K', 3, 4, 1, 2, 3});

        Templates again = templates();
        assertTrue(again.compileAll());
        assertEquals(POST, render(again));
        assertFalse(templates().compileAll(), "the entry was written again");
    }

    @Test
    void anEntryWhoseClassesDoNotLoadIsCompiledAgain() throws IOException {
        templates().compileAll();
        Path entry = entries().get(0);
        // Same file names, but bytes that are not a class: the JVM refuses to define them.
        Map<String, Map<String, byte[]>> garbage = new HashMap<>();
        TemplateClassCache cache = TemplateClassCache.in(cacheFolder);
        String key = entry.getFileName().toString().replace(".classes", "");
        cache.read(key).orElseThrow().forEach((template, classes) -> {
            Map<String, byte[]> bad = new HashMap<>();
            classes.keySet().forEach(name -> bad.put(name, new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0}));
            garbage.put(template, bad);
        });
        cache.write(key, garbage);

        Templates again = templates();
        assertTrue(again.compileAll());
        assertEquals(POST, render(again));
    }

    @Test
    void anUnwritableCacheFolderOnlyCostsACompile() throws IOException {
        Files.writeString(cacheFolder, "a file where the cache folder should be");

        Templates templates = templates();
        assertTrue(templates.compileAll());
        assertEquals(POST, render(templates));
        assertTrue(templates().compileAll(), "nothing could be cached");
    }

    @Test
    void aRenderingErrorInACachedTemplateStillNamesItsFileAndLine() throws IOException {
        Files.writeString(templates.resolve("post.tpl"), "p(title)\np(title.noSuchProperty.length())\n");
        templates().compileAll();

        Templates cached = templates();
        assertFalse(cached.compileAll());
        SiteException e = assertThrows(SiteException.class, () -> render(cached));
        assertEquals(templates.resolve("post.tpl"), e.problems().get(0).file());
        assertEquals(2, e.problems().get(0).line());
    }

    @Test
    void theKeyDependsOnEveryTemplatePathAndByteAndTheLocale() {
        var sources = new TreeMap<String, byte[]>(Map.of("post.tpl", new byte[] {1}, "page.tpl", new byte[] {2}));
        String key = TemplateClassCache.key(sources, "en_US").orElseThrow();
        assertEquals(key, TemplateClassCache.key(new TreeMap<>(sources), "en_US").orElseThrow());
        assertFalse(key.equals(TemplateClassCache.key(new TreeMap<>(
                Map.of("post.tpl", new byte[] {1}, "page.tpl", new byte[] {3})), "en_US").orElseThrow()));
        assertFalse(key.equals(TemplateClassCache.key(new TreeMap<>(
                Map.of("post.tpl", new byte[] {1}, "pages.tpl", new byte[] {2})), "en_US").orElseThrow()));
        assertFalse(key.equals(TemplateClassCache.key(sources, "de_DE").orElseThrow()));
    }
}
