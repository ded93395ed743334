package com.sethihemant.site.links;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans, resolves and normalises URL references the way a browser would, so the checker asks
 * for what a reader's click asks for. Resolution follows RFC 3986 section 5.2 (java.net.URI gets
 * empty and query-only references wrong and keeps {@code ..} above the root); the lenient parts
 * (back-slashes, spaces, non-ASCII) follow the WHATWG URL standard.
 */
final class Urls {

    /** RFC 3986 appendix B: splits any string into scheme, authority, path, query and fragment. */
    private static final Pattern PARTS = Pattern.compile(
            "^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_](?:[a-z0-9_\\-]*[a-z0-9_])?"
            + "(?:\\.[a-z0-9_](?:[a-z0-9_\\-]*[a-z0-9_])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+(?:%25[A-Za-z0-9._~-]+)?]");
    private static final String PATH_CHARS = "-._~!$&'()*+,;=:@/";
    private static final String QUERY_CHARS = PATH_CHARS + "?";

    private Urls() {
    }

    /**
     * A reference as the checker uses it, with what cleaning did to it.
     *
     * @param trimmed whether white space or invisible characters surrounded the value
     */
    record Cleaned(String value, boolean trimmed) {
    }

    /**
     * Trims white space and zero-width characters from both ends (browsers forgive the first,
     * not the second; both are mistakes worth a warning) and drops tabs and line breaks inside,
     * as every browser does.
     */
    static Cleaned clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && trimmable(raw.charAt(start))) {
            start++;
        }
        while (end > start && trimmable(raw.charAt(end - 1))) {
            end--;
        }
        String inner = raw.substring(start, end);
        StringBuilder value = new StringBuilder(inner.length());
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                value.append(c);
            }
        }
        return new Cleaned(value.toString(), start > 0 || end < raw.length());
    }

    private static boolean trimmable(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /** The lower-case scheme of a reference, or {@code null} when it is relative. */
    static String scheme(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String candidate = value.substring(0, colon);
        return SCHEME.matcher(candidate).matches() ? candidate.toLowerCase(Locale.ROOT) : null;
    }

    /** Parses an absolute http or https URL, such as the site's base address. */
    static Url absolute(String value) throws BadUrlException {
        return resolve(null, value);
    }

    /**
     * Resolves a cleaned reference (relative, scheme-relative, or absolute http/https) against
     * a base. A scheme-relative reference ({@code //host/path}) always means https.
     *
     * @param base the document's base URL; {@code null} when the reference must be absolute
     */
    static Url resolve(Url base, String reference) throws BadUrlException {
        String value = backslashesToSlashes(reference);
        Matcher m = PARTS.matcher(value);
        if (!m.matches()) {
            throw new BadUrlException("is not a URL");
        }
        String scheme = m.group(1);
        if (scheme != null && !SCHEME.matcher(scheme).matches()) {
            scheme = null;
            m = PARTS.matcher("./" + value);
            if (!m.matches()) {
                throw new BadUrlException("is not a URL");
            }
        }
        String authority = m.group(2);
        String path = encode(m.group(3), PATH_CHARS);
        String query = m.group(4) == null ? null : encode(m.group(4), QUERY_CHARS);
        String fragment = m.group(5);

        if (scheme != null) {
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new BadUrlException("uses the scheme '" + scheme + ":', which cannot be checked over HTTP");
            }
            if (authority == null) {
                throw new BadUrlException("'" + scheme + ":' must be followed by //host");
            }
            return build(scheme, authority, removeDotSegments(path), query, fragment);
        }
        if (authority != null) {
            return build("https", authority, removeDotSegments(path), query, fragment);
        }
        if (base == null) {
            throw new BadUrlException("is not an absolute http or https URL");
        }
        if (path.isEmpty()) {
            return new Url(base.scheme(), base.host(), base.port(), base.path(),
                    query != null ? query : base.query(), fragment);
        }
        String merged = path.startsWith("/") ? path : base.path().substring(0, base.path().lastIndexOf('/') + 1) + path;
        return new Url(base.scheme(), base.host(), base.port(), removeDotSegments(merged), query, fragment);
    }

    /** WHATWG: in http(s) URLs a back-slash before the query means a slash. */
    private static String backslashesToSlashes(String value) {
        int end = value.length();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return value.substring(0, end).replace('\\', '/') + value.substring(end);
    }

    private static Url build(String scheme, String authority, String path, String query, String fragment)
            throws BadUrlException {
        if (authority.indexOf('@') >= 0) {
            throw new BadUrlException("contains a user name or password; links must not carry credentials");
        }
        String host = authority;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new BadUrlException("has an unclosed '[' in its host");
            }
            host = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new BadUrlException("has text after its IPv6 address");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
        }
        String asciiHost = asciiHost(host);
        int portNumber = port(port, scheme);
        return new Url(scheme, asciiHost, portNumber, path.isEmpty() ? "/" : path, query, fragment);
    }

    private static String asciiHost(String host) throws BadUrlException {
        if (host.isEmpty()) {
            throw new BadUrlException("has no host");
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            if (!IPV6.matcher(lower).matches()) {
                throw new BadUrlException("has an invalid IPv6 address " + host);
            }
            return lower;
        }
        String decoded = percentDecode(lower);
        if (decoded == null) {
            throw new BadUrlException("has a host with bad percent-encoding: " + host);
        }
        String ascii;
        try {
            // Requests must carry the punycode form of internationalised names.
            ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new BadUrlException("has a host that is not a valid domain name: " + host);
        }
        if (!HOST_NAME.matcher(ascii).matches()) {
            throw new BadUrlException("has a host that is not a valid domain name: " + host);
        }
        for (String label : ascii.split("\\.")) {
            if (label.length() > 63) {
                throw new BadUrlException("has a host label longer than 63 characters: " + host);
            }
        }
        return ascii;
    }

    private static int port(String port, String scheme) throws BadUrlException {
        if (port.isEmpty()) {
            return -1;
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5) {
            throw new BadUrlException("has an invalid port '" + port + "'");
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw new BadUrlException("has a port outside 1-65535: " + port);
        }
        boolean isDefault = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
        return isDefault ? -1 : number;
    }

    /**
     * Percent-encodes what may not appear literally (spaces, non-ASCII, quotes, brackets) and
     * keeps valid escapes as they are; a lone {@code %} becomes {@code %25}.
     */
    static String encode(String text, String allowed) throws BadUrlException {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                out.append(text, i, i + 3);
                i += 3;
                continue;
            }
            if (cp < 128 && (Character.isLetterOrDigit(cp) || allowed.indexOf(cp) >= 0)) {
                out.append((char) cp);
            } else {
                if (Character.isSurrogate((char) cp) && width == 1) {
                    throw new BadUrlException("contains a broken Unicode character");
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
    }

    /**
     * RFC 3986 section 5.2.4, which also clamps {@code ..} above the root to the root. Encoded
     * dots ({@code %2e}) count as dots, as in the WHATWG standard and in every static server.
     */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return path;
        }
        boolean absolute = path.startsWith("/");
        String[] segments = path.split("/", -1);
        Deque<String> out = new ArrayDeque<>();
        for (int i = absolute ? 1 : 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            String dots = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (dots.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (dots.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(segment);
            }
        }
        return (absolute ? "/" : "") + String.join("/", out);
    }

    /** Decodes percent escapes once, as UTF-8; {@code null} when the bytes are not UTF-8. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            if (!flush(bytes, out)) {
                return null;
            }
            out.append(c);
            i++;
        }
        return flush(bytes, out) ? out.toString() : null;
    }

    private static boolean flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) {
            return true;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())));
        } catch (CharacterCodingException e) {
            return false;
        }
        bytes.reset();
        return true;
    }
}
