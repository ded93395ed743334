package com.sethihemant.site.content;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names into URL-safe slugs. */
final class Slugs {

    private Slugs() {
    }

    /** A clean slug close to {@code text}, for error messages that propose a fix. */
    static String suggest(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replace("++", "pp")
                .replace("#", "sharp")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "my-name" : slug;
    }
}
