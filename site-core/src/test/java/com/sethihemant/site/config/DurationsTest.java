package com.sethihemant.site.config;

import com.sethihemant.site.SiteException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Durations as configuration files write them, and their validator on {@link YamlNode}. */
class DurationsTest {

    @Test
    void readsTheUnitsPeopleWrite() {
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofSeconds(20), Durations.parse(" 20s "));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("ten minutes"));
        assertTrue(e.getMessage().contains("such as 250ms"), e.getMessage());
    }

    @Test
    void formatsTheShortestExactFormThatParsesBack() {
        for (String text : new String[] {"250ms", "90s", "10m", "2h", "1d", "0s"}) {
            assertEquals(text, Durations.format(Durations.parse(text)));
        }
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
    }

    @Test
    void roundsForReports() {
        assertEquals("250 ms", Durations.human(Duration.ofMillis(250)));
        assertEquals("3.2 s", Durations.human(Duration.ofMillis(3240)));
        assertEquals("4 min", Durations.human(Duration.ofSeconds(245)));
        assertEquals("3 days", Durations.human(Duration.ofDays(3)));
    }

    @Test
    void aYamlDurationNamesTheKeyTheLineAndTheExpectedForm() {
        YamlNode.Fields f = YamlNode.parse(Path.of("links.yml"), "a: 20s\nb: 0\nc: soon\n")
                .fields(Set.of("a", "b", "c"));
        assertEquals(Duration.ofSeconds(20), f.required("a").positiveDuration());
        assertEquals(Duration.ZERO, f.required("b").duration());
        SiteException zero = assertThrows(SiteException.class, () -> f.required("b").positiveDuration());
        assertEquals("links.yml:2: 'b' must be longer than zero", zero.getMessage());
        SiteException bad = assertThrows(SiteException.class, () -> f.required("c").duration());
        assertEquals("links.yml:3: 'c' must be a duration, a whole number and a unit such as 250ms, 20s, 10m, 2h or 1d,"
                + " not 'soon'", bad.getMessage());
    }
}
