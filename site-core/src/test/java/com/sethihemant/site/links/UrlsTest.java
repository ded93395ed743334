package com.sethihemant.site.links;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.sethihemant.site.links.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlsTest {

    private static final Url BASE = url("https://www.sethihemant.com/blog/2026/slug/index.html?x=1");

    /** RFC 3986 section 5.4's examples where java.net.URI differs, plus the site's own cases. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                     | https://www.sethihemant.com/blog/2026/slug/index.html?x=1",
            "?y=2                   | https://www.sethihemant.com/blog/2026/slug/index.html?y=2",
            "#part                  | https://www.sethihemant.com/blog/2026/slug/index.html?x=1#part",
            "other.html             | https://www.sethihemant.com/blog/2026/slug/other.html",
            "../                    | https://www.sethihemant.com/blog/2026/",
            "../../../../../../x/   | https://www.sethihemant.com/x/",
            "/a/./b/../c            | https://www.sethihemant.com/a/c",
            "/a/%2e%2E/b            | https://www.sethihemant.com/b",
            "//cdn.example.org/x.js | https://cdn.example.org/x.js",
            "///cdn.example.org/x.js | https://cdn.example.org/x.js",
            "https:other.html       | https://www.sethihemant.com/blog/2026/slug/other.html",
            "https:/a/b             | https://www.sethihemant.com/a/b",
            "http:example.com       | http://example.com/",
            "http:/example.com/p    | http://example.com/p",
            "https:////example.com  | https://example.com/",
            "http://127.1/          | http://127.0.0.1/",
            "http://0x7f.0.0.1:8080/ | http://127.0.0.1:8080/",
            "http://0177.0.0.01/    | http://127.0.0.1/",
            "HTTP://WWW.Example.COM:80/A | http://www.example.com/A",
            "https://example.com:443     | https://example.com/",
            "https://example.com:8443/p  | https://example.com:8443/p",
            "\\about\\team          | https://www.sethihemant.com/about/team",
            "\\\\cdn.example.org\\y   | https://cdn.example.org/y",
            "/caf\u00e9/a b         | https://www.sethihemant.com/caf%C3%A9/a%20b",
            "/100%/x                | https://www.sethihemant.com/100%25/x",
            "/already%20encoded     | https://www.sethihemant.com/already%20encoded",
            "https://b\u00fccher.example/  | https://xn--bcher-kva.example/",
    })
    void resolvesLikeABrowser(String reference, String expected) throws BadUrlException {
        assertEquals(expected, Urls.resolve(BASE, reference).toString());
    }

    @Test
    void keepsTheFragmentExactlyAsWritten() throws BadUrlException {
        assertEquals("caf\u00e9 au lait", Urls.resolve(BASE, "#caf\u00e9 au lait").fragment());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://                 | has no host",
            "https://exa mple.com/    | not a valid domain name",
            "https://example.com:99999/ | outside 1-65535",
            "https://user:pw@example.com/ | credentials",
            "http://1.2.3.4.5/        | not a valid IPv4 address",
            "http://256.0.0.1/        | not a valid IPv4 address",
            "ftp://example.com/       | cannot be checked over HTTP",
    })
    void rejectsWhatCannotBeRequestedWithAReason(String reference, String reason) {
        BadUrlException e = assertThrows(BadUrlException.class, () -> Urls.resolve(BASE, reference));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void stripsOnlyAsciiWhiteSpaceAndSaysSo() {
        Urls.Cleaned cleaned = Urls.clean("\t /about/\n ");
        assertEquals("/about/", cleaned.value());
        assertTrue(cleaned.trimmed());
        assertEquals(List.of(), cleaned.invisible());
        assertFalse(Urls.clean("/about/").trimmed());
    }

    @Test
    void keepsInvisibleCharactersAsBrowsersDoAndNamesThem() throws BadUrlException {
        Urls.Cleaned cleaned = Urls.clean("\u200B/about/\u00A0");
        assertEquals("\u200B/about/\u00A0", cleaned.value());
        assertEquals(List.of("U+200B ZERO WIDTH SPACE", "U+00A0 NO-BREAK SPACE"), cleaned.invisible());
        assertEquals("https://www.sethihemant.com/blog/2026/slug/%E2%80%8B/about/%C2%A0",
                Urls.resolve(BASE, cleaned.value()).toString(), "a relative path: the browser asks for it encoded");
        assertEquals(List.of("U+FEFF ZERO WIDTH NO-BREAK SPACE"), Urls.clean("/a\uFEFFb").invisible());
        assertEquals(List.of(), Urls.clean("/caf\u00e9 au lait").invisible(), "letters and ASCII spaces are not invisible");
    }

    @Test
    void aSchemeRelativeReferenceTakesThePagesScheme() throws BadUrlException {
        assertEquals("http://cdn.example.org/x.js",
                Urls.resolve(url("http://127.0.0.1:8080/page/"), "//cdn.example.org/x.js").toString());
    }

    @Test
    void dropsTabsAndLineBreaksInsideAsBrowsersDo() {
        assertEquals("/about/team/", Urls.clean("/about/\n\tteam/").value());
    }

    @Test
    void readsTheSchemeOnlyWhenItIsOne() {
        assertEquals("mailto", Urls.scheme("MAILTO:me@example.com"));
        assertNull(Urls.scheme("/a:b"));
        assertNull(Urls.scheme("1a:b"));
        assertNull(Urls.scheme("no-colon"));
    }

    @Test
    void percentDecodesOnceAsUtf8() {
        assertEquals("caf\u00e9 %20", Urls.percentDecode("caf%C3%A9%20%2520"));
        assertNull(Urls.percentDecode("%FF"));
    }

    @Test
    void treatsHttpAndHttpsOfTheSameHostAsTheSameSite() {
        assertTrue(url("http://www.sethihemant.com/x").sameSiteAs(url("https://www.sethihemant.com/")));
        assertFalse(url("https://sethihemant.com/").sameSiteAs(url("https://www.sethihemant.com/")));
    }
}
