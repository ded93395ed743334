package com.sethihemant.site.links;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The little grammars: srcset, meta refresh, CSS, Retry-After, mailto and tel, durations. */
class SmallParsersTest {

    private static List<String> srcset(String value) {
        return Srcset.parse(value).stream().map(Srcset.Candidate::url).toList();
    }

    @Test
    void srcsetKeepsCommasInsideUrls() {
        assertEquals(List.of("/img/w_300,h_200/a.jpg", "/img/w_600,h_400/a.jpg"),
                srcset("/img/w_300,h_200/a.jpg 1x, /img/w_600,h_400/a.jpg 2x"));
    }

    @Test
    void srcsetKeepsDataCandidatesWhole() {
        assertEquals(List.of("data:image/png;base64,iVBORw0KGgo=", "/c.png"),
                srcset("data:image/png;base64,iVBORw0KGgo= 1x, /c.png 2x"));
    }

    @Test
    void srcsetEndsACandidateAtATrailingComma() {
        assertEquals(List.of("/d.png", "/e.png"), srcset("/d.png, /e.png 2x,"));
    }

    @Test
    void srcsetTakesACommaWithoutSpaceAsPartOfTheUrl() {
        assertEquals(List.of("/d.png,/e.png"), srcset("/d.png,/e.png 2x"));
    }

    @Test
    void srcsetSkipsCommasInsideDescriptorParentheses() {
        assertEquals(List.of("/f.png", "/g.png"), srcset("/f.png (min-width: 1px, 2x) 1x, /g.png 2x"));
    }

    @Test
    void srcsetRemembersWhereEachUrlStarts() {
        assertEquals(8, Srcset.parse("/a.png, /b.png").get(1).offset());
    }

    @Test
    void metaRefreshAcceptsTheFormsBrowsersAccept() {
        assertEquals("/a/", MetaRefresh.parse("0; url=/a/").url());
        assertEquals("/b/", MetaRefresh.parse("5;URL='/b/'").url());
        assertEquals("/c/", MetaRefresh.parse("1, /c/").url());
        assertEquals("/d/", MetaRefresh.parse("  3.5 ;  url = \"/d/\"").url());
        assertNull(MetaRefresh.parse("30"));
        assertNull(MetaRefresh.parse("soon; url=/e/"));
    }

    @Test
    void cssUrlsDecodeEscapes() {
        assertEquals(List.of("/img/a b.png", "/img/(x).png"),
                CssUrls.find("a{background:url(/img/a\\ b.png)} b{background:url(\"/img/\\28x\\29.png\")}").stream()
                        .map(CssUrls.Ref::url).toList());
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", now));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", now));
        assertEquals(Duration.ofSeconds(45), RetryAfter.parse("Thursday, 01-Jan-26 00:00:45 GMT", now));
        assertEquals(Duration.ofSeconds(50), RetryAfter.parse("Thu Jan  1 00:00:50 2026", now));
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", now));
        assertNull(RetryAfter.parse("soon", now));
        assertNull(RetryAfter.parse(null, now));
    }

    @Test
    void mailtoNeedsAnAddressWithADomain() {
        assertNull(ContactLinks.mailtoProblem("mailto:sethi.hemant@gmail.com"));
        assertNull(ContactLinks.mailtoProblem("mailto:a@example.com,b@example.org?subject=Hi%20there"));
        assertNull(ContactLinks.mailtoProblem("mailto:?to=a@example.com"));
        assertNull(ContactLinks.mailtoProblem("mailto:j%C3%B6rg@b%C3%BCcher.example"));
        assertTrue(ContactLinks.mailtoProblem("mailto:me@example").contains("needs a dot"));
        assertTrue(ContactLinks.mailtoProblem("mailto:").contains("no address"));
        assertTrue(ContactLinks.mailtoProblem("mailto:not an address").contains("not an e-mail address"));
    }

    @Test
    void aShareByEMailLinkNeedsNoAddress() {
        // RFC 6068: the reader's mail program opens with the subject and body, and asks whom to send it to.
        assertNull(ContactLinks.mailtoProblem("mailto:?subject=Read%20this&body=https%3A%2F%2Fexample.com%2Fpost"));
        assertNull(ContactLinks.mailtoProblem("mailto:?body=A%20post"));
        assertNull(ContactLinks.mailtoProblem("mailto:?cc=a@example.com&subject=Hi"));
        assertNull(ContactLinks.mailtoProblem("mailto:a+list@example.com?to=b@example.org"));
        assertTrue(ContactLinks.mailtoProblem("mailto:?subject=").contains("no address, subject or body"));
        assertTrue(ContactLinks.mailtoProblem("mailto:?subject=Hi&cc=me@example").contains("needs a dot"));
        assertTrue(ContactLinks.mailtoProblem("mailto:?to=a%E9@example.com").contains("bad percent-encoding"));
        assertNull(ContactLinks.mailtoProblem("mailto:?subject=Caf%E9"), "a legacy encoding still opens the mail program");
    }

    @Test
    void aHeaderOfRawUtf8IsReadAsUtf8WhateverWayTheClientWidenedItsBytes() {
        assertEquals("/café/", HttpFetcher.asUtf8("/caf\u00c3\u00a9/"));     // one char per byte
        assertEquals("/café/", HttpFetcher.asUtf8("/caf\uffc3\uffa9/"));     // bytes sign-extended
        assertEquals("/caf\u00e9/", HttpFetcher.asUtf8("/caf\u00e9/"));      // Latin-1, not UTF-8: as it came
        assertEquals("/plain?a=1", HttpFetcher.asUtf8("/plain?a=1"));
    }

    @Test
    void telWithSlashesIsDialledAsWritten() {
        assertNull(ContactLinks.telProblem("tel://+1-555-010-9999"));
        assertTrue(ContactLinks.telProblem("tel://call-me").contains("not a phone number"));
    }

    @Test
    void telAllowsVisualSeparatorsButOnlyDigits() {
        assertNull(ContactLinks.telProblem("tel:+1-555-010-9999"));
        assertNull(ContactLinks.telProblem("tel:+44%2020%207946%200000;ext=12"));
        assertNull(ContactLinks.telProblem("tel:911"));
        assertTrue(ContactLinks.telProblem("tel:+1 555 CALL NOW").contains("not a phone number"));
        assertTrue(ContactLinks.telProblem("tel:").contains("no number"));
    }

    @Test
    void jsonReaderReadsWhatTheWriterWrites() throws Json.JsonException {
        String text = new JsonWriter().beginObject()
                .field("quote\"and\\slash", "line\nbreak\ttab \u2028 \u0001 caf\u00e9 \uD83D\uDE00")
                .field("n", 42)
                .name("list").beginArray().value(true).value((String) null).endArray()
                .endObject().toString();
        Object parsed = Json.parse(text);
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals("line\nbreak\ttab \u2028 \u0001 caf\u00e9 \uD83D\uDE00", map.get("quote\"and\\slash"));
        assertEquals(42, ((BigDecimal) map.get("n")).intValue());
        assertEquals(Arrays.asList(true, null), map.get("list"));
    }

    @Test
    void jsonReaderNamesTheLineOfAnError() {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\": }"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(Json.JsonException.class, () -> Json.parse("[1, 2"));
        assertThrows(Json.JsonException.class, () -> Json.parse("{\"a\": 01}"));
        assertThrows(Json.JsonException.class, () -> Json.parse("\"a\" \"b\""));
    }
}
