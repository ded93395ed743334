package com.sethihemant.site.bake;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScriptsTest {

    private static String compact(String script) {
        return new String(Scripts.compact(script.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void dropsCommentLinesBlankLinesAndIndentation() {
        assertEquals("(function () {\nvar a = 'x // not a comment';\nreturn a; // kept\n})();\n",
                compact("// Why this exists.\n(function () {\n\n    // A comment line.\n    var a = 'x // not a comment';\n"
                        + "    return a; // kept\n})();\n"));
    }

    @Test
    void leavesScriptsWhoseStringsMaySpanLinesAlone() {
        String template = "const t = `\n    // inside a template literal\n`;\n";
        assertEquals(template, compact(template));
        String continued = "var s = 'a\\\n    // still the string';\n";
        assertEquals(continued, compact(continued));
    }
}
