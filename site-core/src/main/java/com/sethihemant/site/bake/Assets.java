package com.sethihemant.site.bake;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a site publishes as they are: the theme's assets (scripts compacted) and the files
 * beside the sources, such as images. A baker keeps one between builds, so that each file is read
 * again only when its size or modification time changed.
 */
final class Assets {

    private final Map<Path, Asset> read = new HashMap<>();

    /**
     * Adds the theme's assets (from {@code assets}, or none when {@code null}), then the
     * non-AsciiDoc files of each content folder's listing, at their paths in the site.
     */
    void copy(Path assets, Map<Path, List<Path>> content, Map<String, byte[]> files) {
        if (assets != null) {
            for (Path file : SourceFiles.list(assets)) {
                String path = assets.relativize(file).toString().replace('\\', '/');
                files.put(path, path.endsWith(".js") ? Scripts.compact(bytes(file)) : bytes(file));
            }
        }
        content.forEach((root, listed) -> {
            for (Path file : listed) {
                if (!SourceFiles.isAsciiDoc(file)) {
                    files.put(root.relativize(file).toString().replace('\\', '/'), bytes(file));
                }
            }
        });
    }

    /** A file's bytes, read again only when its size or modification time changed. */
    private byte[] bytes(Path file) {
        SourceFiles.Stamp stamp = SourceFiles.Stamp.of(file);
        Asset cached = read.get(file);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.bytes();
        }
        byte[] bytes = SourceFiles.read(file);
        read.put(file, new Asset(stamp, bytes));
        return bytes;
    }

    private record Asset(SourceFiles.Stamp stamp, byte[] bytes) {
    }
}
