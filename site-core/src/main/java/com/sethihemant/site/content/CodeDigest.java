package com.sethihemant.site.content;

import com.sethihemant.site.Digest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A digest of the code a class runs with: every byte of the jar or folder it was loaded from,
 * and the file name and size of every other jar on the class path, whose names carry their
 * versions. Something cached by it is never used by another build of the program.
 */
final class CodeDigest {

    private CodeDigest() {
    }

    /**
     * @param type      a class of the program whose code is digested in full
     * @param classPath the class path, as in {@code java.class.path}
     */
    static String of(Class<?> type, String classPath) {
        Digest digest = Digest.parts();
        Path own = codeSource(type);
        digest.add("code " + own.getFileName());
        try {
            if (Files.isDirectory(own)) {
                try (Stream<Path> walk = Files.walk(own)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        digest.add(own.relativize(file).toString().replace('\\', '/'));
                        digest.add(Files.readAllBytes(file));
                    }
                }
            } else {
                digest.add(Files.readAllBytes(own));
            }
            for (String entry : classPath.split(File.pathSeparator)) {
                Path jar = entry.isEmpty() ? null : Path.of(entry).toAbsolutePath().normalize();
                if (jar != null && Files.isRegularFile(jar) && !jar.equals(own)) {
                    digest.add("library " + jar.getFileName() + " " + Files.size(jar));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the program's code at " + own, e);
        }
        return digest.hex();
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the code of " + type.getName() + " was loaded from", e);
        }
    }
}
