package com.sethihemant.site.bake;

import com.sethihemant.site.Digest;
import com.sethihemant.site.SiteException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/** Listing, reading and stamping the files a bake is made from; each failure names the file. */
final class SourceFiles {

    private SourceFiles() {
    }

    /** Regular, non-hidden files under {@code root}, sorted. */
    static List<Path> list(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw SiteException.io(root, "cannot be listed", e);
        }
    }

    static boolean isAsciiDoc(Path file) {
        return file.getFileName().toString().endsWith(".adoc");
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw SiteException.io(file, "cannot be read", e);
        }
    }

    /** A digest of every file under a folder, paths and bytes. */
    static String digestOfFolder(Path folder) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                all.append(folder.relativize(file)).append('\0').append(Digest.hex(read(file))).append('\n');
            }
        } catch (IOException e) {
            throw SiteException.io(folder, "cannot be listed", e);
        }
        return Digest.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Size and modification time: a cheap test that a file has not changed. */
    record Stamp(long size, FileTime modified) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                throw SiteException.io(file, "cannot be read", e);
            }
        }
    }
}
