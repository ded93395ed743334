package com.sethihemant.site.content;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Where each source is published. Posts live at {@code /blog/YYYY/slug/} whatever folder holds
 * them (the year comes from the date); every other source follows its path under the content folder, with directory-style URLs
 * ({@code about.adoc} becomes {@code /about/}), except {@code index.adoc} (its folder's URL) and
 * {@code 404.adoc} ({@code /404.html}, where static hosts look for it).
 */
public final class Routes {

    public static final String POST = "post";
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Routes() {
    }

    /**
     * @param type         the document type
     * @param relativePath the source path under its content folder, with '/' separators
     * @param date         the document date (required for posts)
     */
    public static String urlFor(String type, String relativePath, LocalDate date) {
        String withoutExtension = relativePath.substring(0, relativePath.lastIndexOf('.'));
        String name = withoutExtension.substring(withoutExtension.lastIndexOf('/') + 1);
        String folder = withoutExtension.substring(0, withoutExtension.length() - name.length());
        if (POST.equals(type)) {
            // A post is a file (slug.adoc) or a folder with its images beside it (slug/index.adoc).
            String slug = name.equals("index") && !folder.isEmpty()
                    ? folder.substring(folder.lastIndexOf('/', folder.length() - 2) + 1, folder.length() - 1)
                    : name;
            return "/blog/" + date.getYear() + "/" + slug + "/";
        }
        return switch (name) {
            case "index" -> "/" + folder;
            case "404" -> "/" + folder + "404.html";
            default -> "/" + withoutExtension + "/";
        };
    }

    /** The file a URL is written to, relative to the output folder. */
    public static String outputPath(String url) {
        String path = url.substring(1);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /** A clean slug made from a title, such as {@code notes-on-dynamo} for "Notes on Dynamo". */
    public static String slugify(String title) {
        return Slugs.suggest(title);
    }

    /** Whether a file name (without extension) can be used as-is in a URL. */
    public static boolean isSlug(String name) {
        return SLUG.matcher(name).matches();
    }
}
