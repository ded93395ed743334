package com.sethihemant.site.bake;

import com.sethihemant.site.SiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    @TempDir
    Path dir;

    private String render(String template, Map<String, Object> model) throws IOException {
        Files.writeString(dir.resolve("t.tpl"), template);
        return new Templates(dir).render("t", new HashMap<>(model), "a test page");
    }

    @Test
    void writesVoidElementsAsHtmlWithoutEndTagOrSlash() throws IOException {
        assertEquals("<meta charset=\"utf-8\"><link rel=\"icon\" href=\"/a?b=1&amp;c=2\">",
                render("meta(charset: 'utf-8'); link(rel: 'icon', href: '/a?b=1&c=2')", Map.of()));
    }

    @Test
    void writesEndTagsOfEmptyNonVoidElements() throws IOException {
        assertEquals("<script src=\"/a.js\"></script><div></div>", render("script(src: '/a.js'); div()", Map.of()));
    }

    @Test
    void leavesOutAttributesWithoutValue() throws IOException {
        assertEquals("<a href=\"/x/\">x</a><meta name=\"a\">",
                render("a(href: '/x/', 'aria-current': null) { yield 'x' }; meta(name: 'a', content: null)", Map.of()));
    }

    @Test
    void escapesTextWhetherYieldedOrPassedAsBody() throws IOException {
        assertEquals("<p>&lt;b&gt;&amp;</p><p>&lt;b&gt;&amp;</p><p><b>ok</b></p>",
                render("p(text); p { yield text }; p { yieldUnescaped html }", Map.of("text", "<b>&", "html", "<b>ok</b>")));
    }

    @Test
    void escapesQuotesInAttributes() throws IOException {
        assertEquals("<meta content=\"say &quot;hi&quot;\">", render("meta(content: text)", Map.of("text", "say \"hi\"")));
    }

    @Test
    void writesJsonForStructuredDataThatCannotEndTheScriptElement() throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@type", "Person");
        data.put("name", "</script><!-- \"A\" & B\\\n");
        data.put("sameAs", List.of("https://example.org/a", 1, true));
        data.put("missing", null);
        data.put("date", LocalDate.of(2026, 11, 23));
        assertEquals("<script type=\"application/ld+json\">{\"@type\":\"Person\","
                        + "\"name\":\"\\u003c/script\\u003e\\u003c!-- \\\"A\\\" \\u0026 B\\\\\\n\","
                        + "\"sameAs\":[\"https://example.org/a\",1,true],\"missing\":null,\"date\":\"2026-11-23\"}</script>",
                render("script(type: 'application/ld+json') { yieldUnescaped json(data) }", Map.of("data", data)));
    }

    /**
     * Groovy 4's parser is about ten times slower on a template whose {@code layout} and
     * {@code include} calls are command expressions ({@code layout 'x.tpl', true, ...}) nested in
     * closures: it looks ahead through every enclosing closure. With parentheses the theme
     * compiles in half a second instead of one and a half once the parser is warm.
     */
    @Test
    void theThemeCallsLayoutAndIncludeWithParentheses() throws IOException {
        Path theme = Path.of("../site-theme/src/main/jbake/templates");
        Pattern command = Pattern.compile("^\\s*(layout|include)\\s+['a-z]",
                Pattern.MULTILINE);
        List<String> offenders = new ArrayList<>();
        try (var files = Files.walk(theme)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tpl")).sorted().toList()) {
                var matcher = command.matcher(Files.readString(file));
                while (matcher.find()) {
                    offenders.add(theme.relativize(file) + ": " + matcher.group().strip());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "write layout(...) and include(...) with parentheses: " + offenders);
    }

    @Test
    void listsTopLevelTemplatesByName() throws IOException {
        Files.writeString(dir.resolve("post.tpl"), "");
        Files.createDirectories(dir.resolve("partials"));
        Files.writeString(dir.resolve("partials/footer.tpl"), "");
        assertEquals(Set.of("post"), Templates.names(dir));
    }

    @Test
    void aPartialIsRenderedOncePerDistinctParametersAndReusedByLaterPages() throws IOException {
        Files.createDirectories(dir.resolve("partials"));
        Files.writeString(dir.resolve("partials/row.tpl"), "li { yield item.toString() }");
        Files.writeString(dir.resolve("list.tpl"), "ul { items.each { partial('partials/row.tpl', item: it) } }");
        Templates templates = new Templates(dir);
        Counted a = new Counted("a");
        Counted b = new Counted("b");
        Counted alsoA = new Counted("a");
        Map<String, Object> model = new HashMap<>(Map.of("items", List.of(a, b, alsoA)));
        assertEquals("<ul><li>a</li><li>b</li><li>a</li></ul>", templates.render("list", model, "a page"));
        assertEquals(List.of(1, 1, 0), List.of(a.renders, b.renders, alsoA.renders));
        assertEquals("<ul><li>a</li><li>b</li><li>a</li></ul>", templates.render("list", model, "another page"));
        assertEquals(List.of(1, 1, 0), List.of(a.renders, b.renders, alsoA.renders));
        Counted c = new Counted("c");
        assertEquals("<ul><li>c</li></ul>", templates.render("list", new HashMap<>(Map.of("items", List.of(c))), "a third page"));
        assertEquals(1, c.renders);
        // Past the limit, every kept partial is forgotten and rendered again when next asked for.
        templates.trimPartials(1);
        templates.render("list", model, "a page");
        assertEquals(List.of(2, 2, 0), List.of(a.renders, b.renders, alsoA.renders));
    }

    @Test
    void aPartialReadsOnlyItsParametersAndNamesWhatItWasNotPassed() throws IOException {
        Files.createDirectories(dir.resolve("partials"));
        Files.writeString(dir.resolve("partials/row.tpl"), "li { yield item }\nli { yield title }\n");
        Files.writeString(dir.resolve("page.tpl"), "partial('partials/row.tpl', item: 'x')");
        SiteException e = assertThrows(SiteException.class, () -> new Templates(dir).render("page",
                new HashMap<>(Map.of("title", "the page's")), "a page"));
        assertEquals(dir.resolve("partials/row.tpl"), e.problems().get(0).file());
        assertTrue(e.getMessage().contains("'title'") && e.getMessage().contains("the parameters passed to partials/row.tpl"),
                e.getMessage());
    }

    /** Equal by name; counts how often a template writes it. */
    private static final class Counted {
        private final String name;
        private int renders;

        Counted(String name) {
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Counted counted && counted.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            renders++;
            return name;
        }
    }

    @Test
    void compileErrorNamesTheTemplate() throws IOException {
        Files.writeString(dir.resolve("broken.tpl"), "p { yield 'x' \n");
        SiteException e = assertThrows(SiteException.class,
                () -> new Templates(dir).render("broken", new HashMap<>(), "a page"));
        assertEquals(dir.resolve("broken.tpl"), e.problems().get(0).file());
        assertTrue(e.getMessage().contains("does not compile"), e.getMessage());
    }
}
