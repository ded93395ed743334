package com.sethihemant.site.links;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
     * @param trimmed whether ASCII white space surrounded the value (browsers ignore it)
     * @param invisible the invisible characters left in the value, which browsers keep in the
     *     URL (percent-encoded), each as {@code U+200B ZERO WIDTH SPACE}; empty when there are none
     */
    record Cleaned(String value, boolean trimmed, List<String> invisible) {
        Cleaned {
            invisible = List.copyOf(invisible);
        }
    }

    /**
     * Cleans an attribute's value as the URL parser does (WHATWG URL, "basic URL parser"):
     * C0 controls and spaces are stripped from both ends, tabs and line breaks removed
     * everywhere, and nothing else. Other invisible characters (a zero-width space, a
     * non-breaking space, a byte-order mark) stay, because a browser keeps them and asks for an
     * address with them percent-encoded; they are listed, so the report can say they are there.
     */
    static Cleaned clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        String inner = raw.substring(start, end);
        StringBuilder value = new StringBuilder(inner.length());
        List<String> invisible = new ArrayList<>();
        for (int i = 0; i < inner.length(); ) {
            int cp = inner.codePointAt(i);
            if (cp != '\t' && cp != '\n' && cp != '\r') {
                value.appendCodePoint(cp);
                if (isInvisible(cp)) {
                    String name = Character.getName(cp);
                    invisible.add(String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name));
                }
            }
            i += Character.charCount(cp);
        }
        return new Cleaned(value.toString(), start > 0 || end < raw.length(), invisible);
    }

    /** Characters that show as nothing or as a plain space: format characters, non-ASCII spaces, fillers. */
    static boolean isInvisible(int cp) {
        if (cp < 0x80) {
            return cp < 0x20 || cp == 0x7F;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.CONTROL || Character.isSpaceChar(cp)
                || Character.isWhitespace(cp) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x034F
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x180E;
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
     * a base, as the WHATWG URL parser does for the special schemes: a scheme-relative
     * reference ({@code //host/path}) takes the base's scheme; {@code http:page} against an
     * http base is the relative reference {@code page}; {@code https:/host} and
     * {@code https:///host} name the host, however many slashes stand before it.
     *
     * @param base the document's base URL; {@code null} when the reference must be absolute
     *     (a scheme-relative one then means https)
     */
    static Url resolve(Url base, String reference) throws BadUrlException {
        String value = backslashesToSlashes(reference);
        String special = scheme(value);
        if (special != null && (special.equals("http") || special.equals("https"))) {
            String rest = value.substring(special.length() + 1);
            if (!rest.startsWith("//") && base != null && base.scheme().equals(special)) {
                return resolve(base, rest.isEmpty() ? "" : rest);
            }
            if (!rest.startsWith("//") || rest.startsWith("///")) {
                value = special + "://" + stripLeadingSlashes(rest);
            }
        } else if (special == null && value.startsWith("///")) {
            value = "//" + stripLeadingSlashes(value);
        }
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
            return build(scheme, authority, removeDotSegments(path), query, fragment);
        }
        if (authority != null) {
            return build(base == null ? "https" : base.scheme(), authority, removeDotSegments(path), query, fragment);
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

    private static String stripLeadingSlashes(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '/') {
            i++;
        }
        return text.substring(i);
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
        String ipv4 = ipv4(ascii);
        if (ipv4 != null) {
            return ipv4;
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

    /**
     * A host whose last label is a number is an IPv4 address (WHATWG "IPv4 parser"): each part
     * decimal, octal ({@code 0} first) or hex ({@code 0x}), the last standing for the bytes
     * left, so {@code 127.1} and {@code 0x7f.0.0.1} are {@code 127.0.0.1}. {@code null} for a
     * name; an error for a number that is no address.
     */
    private static String ipv4(String host) throws BadUrlException {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = name.split("\\.", -1);
        String lastPart = parts[parts.length - 1];
        if (lastPart.isEmpty() || parseIpv4Number(lastPart) < 0 && !lastPart.chars().allMatch(Character::isDigit)) {
            return null;
        }
        if (parts.length > 4) {
            throw new BadUrlException("has a host that is not a valid IPv4 address: " + host);
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parseIpv4Number(parts[i]);
            if (numbers[i] < 0 || (i < parts.length - 1 && numbers[i] > 255)) {
                throw new BadUrlException("has a host that is not a valid IPv4 address: " + host);
            }
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            throw new BadUrlException("has a host that is not a valid IPv4 address: " + host);
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }

    /** One part of an IPv4 address, or -1. */
    private static long parseIpv4Number(String part) {
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        if (digits.length() > 12) {
            return -1;
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
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
