package com.sethihemant.site.figures;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis' range and the values it labels: steps of 1, 2, 2.5 or 5 times a power of ten on a
 * linear scale, powers of two on a log2 scale, and powers of ten (with 2 and 5 between them when
 * the data spans little more than a decade) on a log10 scale. The range is widened to whole
 * ticks, so every value sits inside the plot.
 */
record Ticks(ChartSpec.Scale scale, double min, double max, List<Double> values) {

    private static final int TARGET = 5;

    /**
     * @param low   the smallest value to show
     * @param high  the largest value to show
     * @param fixedMin a fixed lower end, or {@code null}
     * @param fixedMax a fixed upper end, or {@code null}
     */
    static Ticks of(ChartSpec.Scale scale, double low, double high, Double fixedMin, Double fixedMax) {
        if (fixedMin != null) {
            low = fixedMin;
        }
        if (fixedMax != null) {
            high = fixedMax;
        }
        return switch (scale) {
            case LINEAR -> linear(low, high, fixedMin, fixedMax);
            case LOG2 -> log(scale, low, high, 2);
            case LOG10 -> log(scale, low, high, 10);
        };
    }

    private static Ticks linear(double low, double high, Double fixedMin, Double fixedMax) {
        if (low == high) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double step = nice((high - low) / TARGET);
        double min = fixedMin != null ? fixedMin : Math.floor(low / step + 1e-9) * step;
        double max = fixedMax != null ? fixedMax : Math.ceil(high / step - 1e-9) * step;
        List<Double> values = new ArrayList<>();
        double first = Math.ceil(min / step - 1e-9) * step;
        for (int i = 0; first + i * step <= max + step * 1e-9 && i < 100; i++) {
            values.add(clean(first + i * step, step));
        }
        return new Ticks(ChartSpec.Scale.LINEAR, min, max, List.copyOf(values));
    }

    private static Ticks log(ChartSpec.Scale scale, double low, double high, int base) {
        int from = (int) Math.floor(Math.log(low) / Math.log(base) + 1e-9);
        int to = (int) Math.ceil(Math.log(high) / Math.log(base) - 1e-9);
        if (to == from) {
            to++;
        }
        int every = 1;
        while ((to - from) / every > 9) {
            every++;
        }
        List<Double> values = new ArrayList<>();
        for (int e = from; e <= to; e += every) {
            values.add(Math.pow(base, e));
            if (base == 10 && to - from <= 2 && e < to) {
                values.add(2 * Math.pow(base, e));
                values.add(5 * Math.pow(base, e));
            }
        }
        return new Ticks(scale, Math.pow(base, from), Math.pow(base, to), List.copyOf(values));
    }

    /** Where {@code value} falls between the ends, 0 to 1, on this scale. */
    double fraction(double value) {
        if (scale == ChartSpec.Scale.LINEAR) {
            return (value - min) / (max - min);
        }
        return (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code rough}. */
    static double nice(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Removes the floating-point noise of repeated additions (0.30000000000000004). */
    private static double clean(double value, double step) {
        double scale = Math.pow(10, Math.max(0, 2 - (int) Math.floor(Math.log10(step))));
        return Math.round(value * scale) / scale;
    }
}
