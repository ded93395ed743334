package com.sethihemant.site.figures;

import com.sethihemant.site.Problem;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MathTest {

    @TempDir
    Path dir;
    private Posts posts;

    @BeforeEach
    void setUp() {
        posts = new Posts(dir);
    }

    @Test
    void inlineMathBecomesMathMLInEachNotation() {
        Document body = posts.body("inline", """
                AsciiMath by default stem:[sum_(i=1)^n i^3], LaTeX latexmath:[\\frac{B}{t} + \\alpha_i^2]
                and asciimath:[x_1 < y] with a less-than sign.
                """);
        List<Element> math = body.select("p > math");
        assertEquals(3, math.size(), body::html);
        assertAll(
                () -> assertNotNull(math.get(0).selectFirst("munderover > mo:containsOwn(∑)"), math.get(0)::outerHtml),
                () -> assertNotNull(math.get(1).selectFirst("mfrac"), math.get(1)::outerHtml),
                () -> assertNotNull(math.get(1).selectFirst("msubsup > mi:containsOwn(α)"), "Greek, sub- and superscript"),
                () -> assertNotNull(math.get(2).selectFirst("mo:containsOwn(<)"), "< reaches the converter as written"),
                () -> assertTrue(math.stream().noneMatch(m -> m.hasAttr("display")), "inline math is not display math"),
                () -> assertFalse(body.text().contains("\\("), "no MathJax delimiters are left"),
                () -> assertTrue(body.select("annotation").isEmpty(), "the TeX source is not repeated in the text"));
    }

    @Test
    void everyScriptHasExactlyABaseAndAScript() {
        Document body = posts.body("scripts", "Peak latexmath:[r_{\\max} = \\lim_{n \\to \\infty} r_n^{\\sup}].\n");
        Element math = body.expectFirst("p > math");
        assertFalse(math.select("msub").isEmpty(), math::outerHtml);
        for (Element script : math.select("msub, msup, munder, mover")) {
            assertEquals(2, script.childrenSize(), script::outerHtml);
        }
        assertEquals("max", math.expectFirst("msub > mrow > mi").text(), "the operator name is the subscript");
    }

    @Test
    void theStemAttributeChoosesLatexForStemMacros() {
        Document body = posts.body("latex-default", ":stem: latexmath\n\nInline stem:[\\sqrt{x}].\n");
        assertNotNull(body.selectFirst("math msqrt"), body::html);
    }

    @Test
    void displayMathWithAlignedEquationsFractionsSumsAndUnits() {
        Document body = posts.body("display", """
                .Throughput
                [latexmath#throughput]
                ++++
                \\begin{aligned}
                T &= \\frac{\\sum_{j=1}^{J} B_j}{t} \\\\
                  &= 3.2\\,\\mathrm{GiB/s} = \\pu{3.2 GiB s-1}
                \\end{aligned}
                ++++

                [stem]
                ++++
                lambda = N / W

                rho = lambda / mu
                ++++
                """);
        Element latex = body.expectFirst("#throughput.stemblock");
        List<Element> ascii = body.select(".stemblock").get(1).select("math");
        assertAll(
                () -> assertEquals("Throughput", latex.expectFirst("> .title").text()),
                () -> assertEquals("block", latex.expectFirst("math").attr("display")),
                () -> assertNotNull(latex.selectFirst("math mtable mtr"), "aligned rows"),
                // Chromium ignores columnalign: the stylesheet aligns these classes instead.
                () -> assertEquals(List.of("mr", "ml", "mr", "ml"), latex.select("mtable.m0 > mtr > mtd").eachAttr("class"),
                        "the right-hand sides line up at their equals signs"),
                () -> assertNotNull(latex.selectFirst("munderover, msubsup, munder"), "the sum's limits"),
                () -> assertTrue(latex.text().contains("GiB"), latex.text()),
                () -> assertEquals(2, ascii.size(), "an AsciiMath block's blank line separates two equations"),
                () -> assertTrue(ascii.stream().allMatch(m -> m.attr("display").equals("block"))),
                () -> assertNotNull(ascii.get(1).selectFirst("mi:containsOwn(ρ)")),
                () -> assertEquals("0", latex.expectFirst("> .content").attr("tabindex"), "a wide equation can be scrolled"));
    }

    @Test
    void invalidLatexFailsAtItsLine() {
        List<Problem> problems = posts.problems("bad-latex", """
                Fine latexmath:[x] and then
                broken latexmath:[\\frac{1}{] inline.

                [latexmath]
                ++++
                a + b
                \\notacommand{x}
                ++++
                """);
        assertEquals(2, problems.size(), problems::toString);
        assertAll(
                () -> assertEquals(Posts.HEADER_LINES + 2, problems.get(0).line(), problems::toString),
                () -> assertTrue(problems.get(0).message().startsWith("latexmath: "), problems::toString),
                () -> assertEquals(Posts.HEADER_LINES + 7, problems.get(1).line(), problems::toString),
                () -> assertTrue(problems.get(1).message().contains("\\notacommand"), problems::toString));
    }

    @Test
    void asciiMathWithABracketLeftOpenFailsAtItsLine() {
        List<Problem> problems = posts.problems("bad-ascii", "Text.\n\n* an item with asciimath:[(a + b] open\n");
        assertAll(
                () -> assertEquals(1, problems.size(), problems::toString),
                () -> assertEquals(Posts.HEADER_LINES + 3, problems.get(0).line(), problems::toString),
                () -> assertTrue(problems.get(0).message().contains("never closed"), problems::toString));
        // Intervals close with either bracket, as AsciiMath allows (a ] in the macro is escaped).
        assertNotNull(posts.body("interval", "asciimath:[x in (0, 1\\]]\n").selectFirst("math"));
    }

    @Test
    void aFormulaInATitleOrATableCellIsConvertedToo() {
        Document body = posts.body("places", """
                == Cost of stem:[O(n log n)]

                |===
                |Case |Bound

                |worst |latexmath:[O(n^2)]
                |===
                """);
        assertAll(
                () -> assertNotNull(body.selectFirst("h2 math"), body::html),
                () -> assertNotNull(body.selectFirst("td math msup"), body::html));
    }
}
