package com.sethihemant.site.figures;

import com.sethihemant.site.Problem;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagramsTest {

    @TempDir
    Path dir;
    private Posts posts;

    @BeforeEach
    void setUp() {
        posts = new Posts(dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sequence  | participant Trainer\\nparticipant Cache\\nTrainer -> Cache: read(shard)\\nCache --> Trainer: bytes      | Trainer
            component | component Loader\\ncomponent Cache\\ndatabase Store\\nLoader --> Cache\\nCache --> Store : miss    | Loader
            state     | [*] --> Idle\\nIdle --> Reading : read\\nReading --> Idle : done\\nReading --> [*]               | Reading
            activity  | start\\n:read batch;\\nif (cached?) then (yes)\\n  :serve;\\nelse (no)\\n  :fetch;\\nendif\\nstop | read batch
            class     | class ShardCache {\\n  +get(key): Bytes\\n}\\ninterface Store\\nShardCache --> Store              | ShardCache
            """)
    void drawsEachKindOfDiagramInProcessWithoutGraphviz(String kind, String source, String label) {
        Document body = posts.body(kind, ".A " + kind + " diagram\n[plantuml]\n----\n" + source.replace("\\n", "\n") + "\n----\n");
        Element figure = body.expectFirst("div.imageblock.diagram");
        Element svg = figure.expectFirst("> div.content > svg");
        assertAll(
                () -> assertEquals("img", svg.attr("role")),
                () -> assertEquals("A " + kind + " diagram", svg.attr("aria-label")),
                () -> assertTrue(svg.select("text").eachText().stream().anyMatch(t -> t.contains(label)),
                        "PlantUML laid it out and wrote its labels: " + svg.select("text").eachText()),
                () -> assertEquals(List.of(), svg.select("[style]").eachAttr("style"), "no style attribute"),
                () -> assertEquals(List.of(), svg.select("[id]").eachAttr("id"), "no ids to clash with the page's"),
                () -> assertTrue(svg.select("[lengthadjust]").stream().allMatch(e -> e.nameIs("text") || e.nameIs("tspan")),
                        "lengthAdjust only where SVG allows it (the HTML validator checks)"),
                () -> assertFalse(svg.outerHtml().contains("<?"), "no processing instructions"),
                () -> assertFalse(svg.select("text.dt").isEmpty(), "text takes the theme's colour"),
                () -> assertFalse(svg.select(".ds").isEmpty(), "lines take the theme's colour"),
                () -> assertEquals("Figure 1. A " + kind + " diagram", figure.expectFirst("> div.title").text()),
                () -> assertEquals("0", figure.expectFirst("> div.content").attr("tabindex"), "the keyboard can scroll it"));
    }

    @Test
    void everyColourGetsAClassTheThemeSetsForLightAndDark() {
        Document body = posts.body("colours", """
                [plantuml,alt="Colours"]
                ----
                participant A #lightblue
                participant B
                note over A: a note
                A -> B: go
                ----
                """);
        Element svg = body.expectFirst("svg");
        Set<String> known = Set.of("dt", "ds", "dk", "dw", "d1", "dn", "da1", "da2", "da3", "da4");
        for (Element painted : svg.select("[fill], [stroke]")) {
            boolean invisible = "0".equals(painted.attr("fill-opacity"));
            boolean none = painted.attr("fill").equals("none") && !painted.hasAttr("stroke");
            if (!invisible && !none && painted != svg && !painted.tagName().equals("g")) {
                assertTrue(painted.classNames().stream().anyMatch(known::contains), "no theme class on " + painted);
            }
        }
        assertAll(
                () -> assertFalse(svg.select("rect.da1").isEmpty(), "the participant's own colour is an accent"),
                () -> assertFalse(svg.select(".dn").isEmpty(), "the note has the note colour"),
                () -> assertFalse(svg.select(".d1").isEmpty(), "a default box has the box colour"));
    }

    @Test
    void aDiagramWithASyntaxErrorFailsAtItsLineInTheFile() {
        List<Problem> problems = posts.problems("broken", """
                .Broken
                [plantuml]
                ----
                Alice -> Bob: hello
                this is not a diagram
                ----
                """);
        assertEquals(1, problems.size(), problems::toString);
        Problem problem = problems.get(0);
        assertAll(
                () -> assertTrue(problem.file().endsWith("broken/index.adoc"), problem.toString()),
                () -> assertEquals(Posts.HEADER_LINES + 5, problem.line(), problem.toString()),
                () -> assertTrue(problem.message().startsWith("plantuml: PlantUML cannot read the diagram"), problem.message()),
                () -> assertTrue(problem.message().contains("this is not a diagram"), problem.message()));
    }

    @Test
    void aDiagramWrittenWithStartAndEndLinesReportsTheSameLine() {
        List<Problem> problems = posts.problems("delimited", """
                [plantuml,alt=Broken]
                ----
                @startuml
                Alice -> Bob: hello
                this is not a diagram
                @enduml
                ----
                """);
        assertEquals(Posts.HEADER_LINES + 5, problems.get(0).line(), problems::toString);
    }

    @Test
    void aDiagramNeedsATextAlternative() {
        List<Problem> problems = posts.problems("no-alt", "Text.\n\n[plantuml]\n----\nA -> B\n----\n");
        assertAll(
                () -> assertEquals(1, problems.size(), problems::toString),
                () -> assertTrue(problems.get(0).message().contains("needs a text alternative"), problems::toString),
                () -> assertTrue(problems.get(0).line() > Posts.HEADER_LINES, problems::toString));
        Element svg = posts.body("alt", "[plantuml,alt=\"Alice greets Bob\"]\n----\nAlice -> Bob: hi\n----\n").expectFirst("svg");
        assertEquals("Alice greets Bob", svg.attr("aria-label"));
    }

    @Test
    void aDiagramMayNotReadOtherFiles() {
        posts.file("blog/2026/shared.puml", "Alice -> Bob\n");
        List<Problem> problems = posts.problems("include", ".Included\n[plantuml]\n----\n!include ../shared.puml\nA -> B\n----\n");
        assertAll(
                () -> assertEquals(Posts.HEADER_LINES + 4, problems.get(0).line(), problems::toString),
                () -> assertTrue(problems.get(0).message().contains("'!include' would read another file"), problems::toString));
    }

    @Test
    void imagesDiagramsAndChartsShareOneFigureNumbering() {
        posts.file("blog/2026/numbers/data.csv", "x,y\n1,2\n2,3\n");
        Document body = posts.body("numbers", """
                .An image
                image::picture.svg[A picture]

                .A diagram
                [plantuml]
                ----
                A -> B
                ----

                .A chart
                chart::data.csv[x=x,y=y]

                [plantuml,alt="Untitled, so not numbered"]
                ----
                A -> B
                ----
                """);
        assertEquals(List.of("Figure 1. An image", "Figure 2. A diagram", "Figure 3. A chart"),
                body.select(".imageblock > .title").eachText());
    }

    @Test
    void aDiagramKeepsItsIdAndRole() {
        Document body = posts.body("ids", ".Write path\n[plantuml#write-path.wide]\n----\nA -> B\n----\n\nSee <<write-path>>.\n");
        Element figure = body.expectFirst("#write-path");
        assertAll(
                () -> assertTrue(figure.hasClass("diagram") && figure.hasClass("wide"), figure.className()),
                () -> assertNotNull(body.selectFirst("a[href=#write-path]")));
    }

    @Test
    void otherFormatsThanSvgAreRefused() {
        List<Problem> problems = posts.problems("png", ".A\n[plantuml,a-diagram,png]\n----\nA -> B\n----\n");
        assertTrue(problems.get(0).message().contains("draws SVG only"), problems::toString);
    }
}
