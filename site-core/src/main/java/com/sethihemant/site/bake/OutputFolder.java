package com.sethihemant.site.bake;

import com.sethihemant.site.SiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A fresh folder next to the output that becomes the output only when the whole bake succeeded,
 * so a failed bake never leaves a half-written site behind, and the last good one stays served.
 */
final class OutputFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    OutputFolder(Path target) {
        this.target = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.target.getParent());
            this.staging = Files.createTempDirectory(this.target.getParent(), "." + this.target.getFileName() + ".new-");
        } catch (IOException e) {
            throw io("cannot create a folder next to it", e);
        }
    }

    /** Writes a file under the staging folder, creating its parent folders. */
    void write(String relativePath, byte[] bytes) {
        Path file = staging.resolve(relativePath).normalize();
        if (!file.startsWith(staging)) {
            throw new IllegalArgumentException("output path leaves the output folder: " + relativePath);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw io("cannot write " + relativePath, e);
        }
    }

    /**
     * Hard-links a file of the current output into the staging folder instead of writing it again.
     *
     * @param size the expected size, a guard against a file changed behind the baker's back
     * @return false if the file is gone or different, or links are not supported; the caller
     *         then writes it
     */
    boolean link(String relativePath, Path current, long size) {
        Path existing = current.resolve(relativePath);
        Path file = staging.resolve(relativePath).normalize();
        if (!file.startsWith(staging) || !Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            if (Files.size(existing) != size) {
                return false;
            }
            Files.createDirectories(file.getParent());
            Files.createLink(file, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Replaces the target folder with the staging folder. */
    void commit() {
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        try {
            deleteRecursively(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            committed = true;
            deleteRecursively(old);
        } catch (IOException e) {
            throw io("cannot replace the output folder", e);
        }
    }

    /** Removes the staging folder unless it was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteRecursively(staging);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private SiteException io(String what, IOException e) {
        return SiteException.io(target, what, e);
    }
}
