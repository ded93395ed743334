package com.sethihemant.site.links;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Finds the fixture files under src/test/resources/links. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String relative) {
        URL resource = Fixtures.class.getResource("/links/" + relative);
        if (resource == null) {
            throw new IllegalArgumentException("no fixture links/" + relative);
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Url url(String text) {
        try {
            return Urls.absolute(text);
        } catch (BadUrlException e) {
            throw new IllegalArgumentException(text + " " + e.getMessage(), e);
        }
    }
}
