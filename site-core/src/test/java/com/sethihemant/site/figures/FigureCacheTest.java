package com.sethihemant.site.figures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FigureCacheTest {

    @TempDir
    Path dir;

    @Test
    void aFigureIsRenderedOnceAcrossCachesSharingAFolder() {
        FigureCache first = FigureCache.in(dir);
        assertEquals("<svg/>", first.get("k", () -> "<svg/>"));
        assertEquals("<svg/>", first.get("k", () -> "other"));
        FigureCache second = FigureCache.in(dir);
        assertEquals("<svg/>", second.get("k", () -> "other"), "the next run reads it from the folder");
        assertAll(
                () -> assertEquals(1, first.renders()),
                () -> assertEquals(0, second.renders()));
    }

    @Test
    void aDamagedEntryIsAMiss() throws Exception {
        FigureCache.in(dir).get("k", () -> "<svg>right</svg>");
        Path entry = only();
        Files.writeString(entry, Files.readString(entry).replace("right", "wrong"));
        FigureCache next = FigureCache.in(dir);
        assertAll(
                () -> assertEquals("<svg>right</svg>", next.get("k", () -> "<svg>right</svg>")),
                () -> assertEquals(1, next.renders()));
    }

    @Test
    void anUnwritableFolderOnlyCostsARender() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "");
        FigureCache cache = FigureCache.in(file);
        assertEquals("x", cache.get("k", () -> "x"));
        assertEquals("x", FigureCache.in(file).get("k", () -> "x"));
    }

    @Test
    void keysDifferWhenAnyPartDoes() {
        assertAll(
                () -> assertNotEquals(FigureCache.key("ab", "c"), FigureCache.key("a", "bc")),
                () -> assertNotEquals(FigureCache.key("diagram", "1"), FigureCache.key("diagram", "2")),
                () -> assertEquals(FigureCache.key("x", "y"), FigureCache.key("x", "y")));
    }

    private Path only() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all::toString);
            return all.get(0);
        }
    }
}
