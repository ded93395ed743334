package com.sethihemant.site.links;

/** Reads the checker's JSON report, for tests in other packages (the reader is package-private). */
public final class ReportJson {

    private ReportJson() {
    }

    /** Objects as maps, arrays as lists, numbers as {@link java.math.BigDecimal}. */
    public static Object parse(String json) {
        try {
            return Json.parse(json);
        } catch (Json.JsonException e) {
            throw new AssertionError("the report is not JSON: " + e.getMessage(), e);
        }
    }
}
