package com.sethihemant.site.figures;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TicksTest {

    @Test
    void linearTicksAreNiceStepsThatCoverTheData() {
        Ticks ticks = Ticks.of(ChartSpec.Scale.LINEAR, 0, 3180, null, null);
        assertAll(
                () -> assertEquals(List.of(0.0, 1000.0, 2000.0, 3000.0, 4000.0), ticks.values()),
                () -> assertEquals(0, ticks.min()),
                () -> assertEquals(4000, ticks.max()),
                () -> assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5), Ticks.of(ChartSpec.Scale.LINEAR, 0, 0.47, null, null).values()),
                () -> assertEquals(0.5, Ticks.of(ChartSpec.Scale.LINEAR, 0, 100, null, null).fraction(50)));
    }

    @Test
    void logTicksArePowersAndThinOutOverManyDecades() {
        assertAll(
                () -> assertEquals(List.of(4.0, 8.0, 16.0), Ticks.of(ChartSpec.Scale.LOG2, 4, 16, null, null).values()),
                () -> assertEquals(List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0),
                        Ticks.of(ChartSpec.Scale.LOG2, 1, 4096, null, null).values()),
                () -> assertEquals(0.5, Ticks.of(ChartSpec.Scale.LOG10, 1, 100, null, null).fraction(10), 1e-9));
    }

    @Test
    void valuesAreWrittenAsAReaderExpects() {
        assertAll(
                () -> assertEquals("1,024", ChartSvg.format(1024)),
                () -> assertEquals("0.25", ChartSvg.format(0.25)),
                () -> assertEquals("212.5", ChartSvg.format(212.5)),
                () -> assertEquals("3.33", ChartSvg.format(10 / 3.0)),
                () -> assertEquals("12.5M", ChartSvg.format(12_500_000)),
                () -> assertEquals("-40", ChartSvg.format(-40)));
    }
}
