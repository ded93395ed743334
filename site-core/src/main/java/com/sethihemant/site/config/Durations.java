package com.sethihemant.site.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configuration files and on the command line: {@code 250ms},
 * {@code 20s}, {@code 10m}, {@code 1d}. {@link YamlNode#duration()} reads them from YAML.
 */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses a whole number and a unit: ms, s, m, h or d.
     *
     * @throws IllegalArgumentException with a message that shows the expected form
     */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            if (text.strip().equals("0")) {
                return Duration.ZERO;
            }
            throw new IllegalArgumentException("'" + text + "' is not a duration; write a whole number and a unit,"
                    + " such as 250ms, 20s, 10m, 2h or 1d");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The shortest exact form, the inverse of {@link #parse}: {@code 1d}, {@code 90s}, {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** A rounded form for reports: {@code 3.2 s}, {@code 4 min}, {@code 5 h}. */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (millis < 3_600_000) {
            return Math.round(millis / 60_000.0) + " min";
        }
        if (millis < 172_800_000) {
            return Math.round(millis / 3_600_000.0) + " h";
        }
        return Math.round(millis / 86_400_000.0) + " days";
    }
}
