package com.sethihemant.site;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DigestTest {

    @Test
    void theSHA256OfBytesIsTheStandardOne() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Digest.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void partsArePrefixedWithTheirLength() {
        assertEquals(Digest.hex("3:abc".getBytes(StandardCharsets.US_ASCII)), Digest.of("abc"));
        assertEquals(Digest.hex("2:ab1:c".getBytes(StandardCharsets.US_ASCII)), Digest.of("ab", "c"));
        assertNotEquals(Digest.of("ab", "c"), Digest.of("a", "bc"));
        assertNotEquals(Digest.of("a", ""), Digest.of("a"));
    }

    @Test
    void aLengthCountsBytesNotCharacters() {
        assertEquals(Digest.hex("2:é".getBytes(StandardCharsets.UTF_8)), Digest.of("é"));
        assertEquals(Digest.of("x", "é"), Digest.parts().add("x").add("é".getBytes(StandardCharsets.UTF_8)).hex());
    }
}
