package com.sethihemant.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the digest every cache key and fingerprint of the pipeline is made with. A digest of
 * parts prefixes each part with its length, so that no two lists of parts digest alike:
 * {@code ("ab", "c")} and {@code ("a", "bc")} give different keys.
 */
public final class Digest {

    private final MessageDigest sha256 = newSha256();

    private Digest() {
    }

    /** An empty digest of parts, to {@link #add} to. */
    public static Digest parts() {
        return new Digest();
    }

    /** The hex digest of {@code parts}, each prefixed with its length. */
    public static String of(String... parts) {
        Digest digest = parts();
        for (String part : parts) {
            digest.add(part);
        }
        return digest.hex();
    }

    /** The hex SHA-256 of {@code bytes} as they are. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    /** A fresh SHA-256, for a digest that frames its input in its own way. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Adds a part in UTF-8, prefixed with its length. */
    public Digest add(String part) {
        return add(part.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a part, prefixed with its length. */
    public Digest add(byte[] part) {
        sha256.update((part.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha256.update(part);
        return this;
    }

    /** The digest of the parts added, in hex; the digest is spent. */
    public String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
