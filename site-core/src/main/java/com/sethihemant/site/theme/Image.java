package com.sethihemant.site.theme;

import java.util.Objects;

/**
 * The image that stands for a page where it is shared ({@code og:image}, {@code twitter:image}):
 * a post's own social card, or the site's.
 *
 * @param url    its site path, such as {@code /cards/2026/slug.png}
 * @param width  in pixels
 * @param height in pixels
 * @param alt    what it shows, for people who cannot see it
 */
public record Image(String url, int width, int height, String alt) {

    public Image {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(alt, "alt");
    }
}
