package com.sethihemant.site.links;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * What an external page offers the fragments that link to it: the {@code id}s (and {@code a}
 * {@code name}s) of its HTML as served, before any script runs.
 *
 * @param anchors the ids and names; empty unless {@code html}
 * @param html whether the response is an HTML page (fragments of other media are not element ids)
 * @param cut whether only the start of the page was read (it is longer than the cap)
 * @param unreadable why the body could not be read, such as an unknown compression; {@code null} when it was
 * @param bytesRead how much of the body was read, as sent
 */
record ServedPage(Set<String> anchors, boolean html, boolean cut, String unreadable, int bytesRead) {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
    /**
     * {@code id=\"x\"} in JSON text: an id attribute of HTML held in a JSON string (not
     * {@code data-id}); possessive, so a long value costs no stack.
     */
    private static final Pattern EMBEDDED_ID = Pattern.compile("(?<![\\w:-])id=\\\\\"((?:[^\"\\\\]|\\\\u[0-9a-fA-F]{4})++)\\\\\"");
    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    ServedPage {
        anchors = Set.copyOf(anchors);
    }

    /** Reads a response's body as a page: decompressed, decoded in its character set, parsed as a browser would. */
    static ServedPage of(HttpFetcher.Response response, String url, int limit) {
        String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        Decoded body = decode(response, limit);
        if (body.problem() != null) {
            return new ServedPage(Set.of(), true, body.cut(), body.problem(), response.body().length);
        }
        boolean html = type.startsWith("text/html") || type.startsWith("application/xhtml+xml")
                || (type.isBlank() && looksLikeHtml(body.bytes()));
        if (!html) {
            return new ServedPage(Set.of(), false, body.cut(), null, response.body().length);
        }
        Charset charset = charset(type);
        try {
            Document document = Jsoup.parse(new ByteArrayInputStream(body.bytes()),
                    charset == null ? null : charset.name(), url);
            Set<String> anchors = new HashSet<>(PageScanner.anchors(document));
            anchors.addAll(embeddedIds(document));
            return new ServedPage(anchors, true, body.cut(), null, response.body().length);
        } catch (IOException e) {
            return new ServedPage(Set.of(), true, body.cut(), "the page could not be read: " + e.getMessage(),
                    response.body().length);
        }
    }

    /**
     * The ids of HTML that a page carries as JSON for its script to render, as {@code id=\"x\"}
     * inside a JSON string: GitHub's file views send their rendered Markdown so, and the browser
     * scrolls to its headings once the script has put them in the page.
     */
    private static Set<String> embeddedIds(Document document) {
        Set<String> ids = new HashSet<>();
        for (Element script : document.select("script[type=application/json]")) {
            Matcher id = EMBEDDED_ID.matcher(script.data());
            while (id.find()) {
                ids.add(unescape(id.group(1)));
            }
        }
        return ids;
    }

    /** Decodes a JSON string's escapes of one UTF-16 unit (a backslash, u, four hex digits), the only ones the id pattern admits. */
    private static String unescape(String json) {
        return JSON_ESCAPE.matcher(json).replaceAll(
                escape -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
    }

    /** The start of a body as text, for recognising what a refusal says; empty when it cannot be read. */
    static String text(HttpFetcher.Response response) {
        Decoded body = decode(response, HttpFetcher.BODY_PREFIX * 8);
        if (body.problem() != null) {
            return "";
        }
        Charset charset = charset(response.headers().firstValue("content-type").orElse(""));
        return new String(body.bytes(), charset == null ? StandardCharsets.UTF_8 : charset);
    }

    private record Decoded(byte[] bytes, boolean cut, String problem) {
    }

    /** Undoes the content coding (gzip or deflate; servers send it unasked too), stopping at {@code limit} bytes. */
    private static Decoded decode(HttpFetcher.Response response, int limit) {
        String coding = response.headers().firstValue("content-encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        byte[] raw = response.body();
        switch (coding) {
            case "", "identity" -> {
                return new Decoded(raw, response.cut(), null);
            }
            case "gzip", "x-gzip" -> {
                try {
                    return inflate(new GZIPInputStream(new ByteArrayInputStream(raw)), limit, response.cut());
                } catch (IOException e) {
                    return new Decoded(new byte[0], response.cut(), "the gzip body is damaged (" + e.getMessage() + ")");
                }
            }
            case "deflate" -> {
                // "deflate" should be zlib-wrapped; some servers send it raw.
                Decoded zlib = inflate(new InflaterInputStream(new ByteArrayInputStream(raw)), limit, response.cut());
                if (zlib.problem() == null) {
                    return zlib;
                }
                return inflate(new InflaterInputStream(new ByteArrayInputStream(raw), new Inflater(true)), limit,
                        response.cut());
            }
            default -> {
                return new Decoded(new byte[0], response.cut(),
                        "the page is compressed with '" + coding + "', which the checker cannot read");
            }
        }
    }

    private static Decoded inflate(InputStream in, int limit, boolean rawCut) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                int room = Math.min(n, limit - out.size());
                out.write(buffer, 0, room);
                if (out.size() >= limit) {
                    return new Decoded(out.toByteArray(), true, null);
                }
            }
            return new Decoded(out.toByteArray(), rawCut, null);
        } catch (EOFException e) {
            // The compressed bytes stop where the read did: what came out is the start of the page.
            return rawCut ? new Decoded(out.toByteArray(), true, null)
                    : new Decoded(out.toByteArray(), false, "the compressed body ends early");
        } catch (ZipException e) {
            return new Decoded(out.toByteArray(), rawCut, "the compressed body is damaged (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Decoded(out.toByteArray(), rawCut, "the body could not be decompressed (" + e.getMessage() + ")");
        }
    }

    private static boolean looksLikeHtml(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<!--");
    }

    private static Charset charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
