package com.sethihemant.site.bake;

import java.nio.charset.StandardCharsets;

/**
 * Makes the theme's scripts smaller as they are published: lines that are only a {@code //}
 * comment are dropped, and so are blank lines and each line's indentation. The sources stay
 * commented and indented; what visitors download is what runs. Nothing else changes (no
 * renaming, no joining of lines), so the result is the same program: JavaScript strings cannot
 * span lines, and in a block comment the change is harmless. A script whose text could span lines
 * (a template literal, a line ending in a backslash) is left as it is.
 */
final class Scripts {

    private Scripts() {
    }

    static byte[] compact(byte[] script) {
        String text = new String(script, StandardCharsets.UTF_8);
        if (text.indexOf('`') >= 0 || text.contains("\\\n")) {
            return script;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("//")) {
                out.append(trimmed).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
