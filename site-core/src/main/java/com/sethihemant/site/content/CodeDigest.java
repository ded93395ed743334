package com.sethihemant.site.content;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        MessageDigest digest = sha256();
        Path own = codeSource(type);
        update(digest, "code " + own.getFileName());
        try {
            if (Files.isDirectory(own)) {
                try (Stream<Path> walk = Files.walk(own)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        update(digest, own.relativize(file).toString().replace('\\', '/'));
                        update(digest, Files.readAllBytes(file));
                    }
                }
            } else {
                update(digest, Files.readAllBytes(own));
            }
            for (String entry : classPath.split(File.pathSeparator)) {
                Path jar = entry.isEmpty() ? null : Path.of(entry).toAbsolutePath().normalize();
                if (jar != null && Files.isRegularFile(jar) && !jar.equals(own)) {
                    update(digest, "library " + jar.getFileName() + " " + Files.size(jar));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the program's code at " + own, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the code of " + type.getName() + " was loaded from", e);
        }
    }

    /** Adds a part, prefixed with its length so that no two lists of parts digest alike. */
    private static void update(MessageDigest digest, String part) {
        update(digest, part.getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest digest, byte[] part) {
        digest.update((part.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(part);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
