package com.sethihemant.site.figures;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import java.util.List;
import java.util.function.Function;

/**
 * Formulas to MathML, which browsers display themselves: LaTeX ({@code latexmath}) with KaTeX,
 * AsciiMath ({@code asciimath}) with the {@code asciimath} gem that AsciidoctorJ bundles (the
 * converter passes it in, as it runs in JRuby). Results are cached by notation, mode and text.
 *
 * <p>Public for the site's Asciidoctor converter ({@code figures.rb}), which calls it from JRuby
 * for every {@code stem:[...]}, {@code latexmath:[...]}, {@code asciimath:[...]} and stem block.
 */
public final class MathRenderer implements AutoCloseable {

    private final FigureCache cache;
    private final Katex katex = new Katex();
    private final String version;

    MathRenderer(FigureCache cache, String asciimathVersion) {
        this.cache = cache;
        this.version = "katex " + Katex.version() + " asciimath " + asciimathVersion + " "
                + FigureCache.codeOf(MathRenderer.class, Katex.class, AsciiMathCheck.class);
    }

    /**
     * A converted formula, or what is wrong with it.
     *
     * @param mathml the {@code <math>} element, or {@code null} after an error
     * @param error  what to fix, or {@code null}
     * @param line   the line of the formula the error is on (1 for its first), 0 when unknown
     */
    public record Result(String mathml, String error, int line) {
    }

    /**
     * @param notation  {@code latexmath} or {@code asciimath}
     * @param source    the formula as written (without {@code \[ \]} or similar delimiters)
     * @param display   display (block) math rather than inline
     * @param asciimath converts AsciiMath to MathML (the gem's {@code to_mathml})
     */
    public Result render(String notation, String source, boolean display, Function<String, String> asciimath) {
        String formula = source.strip();
        if (formula.isEmpty()) {
            return new Result(null, notation + ": the formula is empty; write one, or remove the macro", 0);
        }
        try {
            String key = FigureCache.key("math", version, notation, Boolean.toString(display), formula);
            String mathml = cache.get(key, () -> switch (notation) {
                case "latexmath" -> tidy(katex.mathml(formula, display), display);
                case "asciimath" -> {
                    AsciiMathCheck.check(formula);
                    yield tidy(asciimath.apply(formula), display);
                }
                default -> throw new FigureException("unknown notation '" + notation + "'; use latexmath or asciimath");
            });
            return new Result(mathml, null, 0);
        } catch (FigureException e) {
            String hint = notation.equals("latexmath") ? " (KaTeX's LaTeX; see https://katex.org/docs/supported)"
                    : " (see https://asciimath.org)";
            return new Result(null, notation + ": " + e.getMessage() + hint, e.line());
        }
    }

    /**
     * The {@code <math>} element alone: without KaTeX's wrapping {@code <span>} and without the
     * {@code <annotation>} that repeats the TeX source, which would appear twice in the page's text
     * (its description, its reading time), marked as display math where it is.
     */
    static String tidy(String html, boolean display) {
        Document document = Jsoup.parse(html, "", Parser.xmlParser());
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false)
                .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");
        Element math = document.selectFirst("math");
        if (math == null) {
            throw new FigureException("produced no MathML");
        }
        math.select("annotation, annotation-xml").remove();
        for (Element semantics : math.select("semantics")) {
            semantics.unwrap();
        }
        math.removeAttr("xmlns");
        alignColumns(math);
        groupScripts(math);
        if (display) {
            math.attr("display", "block");
        }
        return math.outerHtml();
    }

    /**
     * MathML Core, which Chromium implements, has no {@code columnalign} or {@code columnspacing}:
     * there every cell of {@code aligned} would be centred and padded, and the equals signs of its
     * rows would not line up. Each cell that KaTeX aligns left or right gets a class the theme's
     * stylesheet aligns ({@code ml}, {@code mr}), and a table without space between its columns a
     * class that removes the cells' padding ({@code m0}); the attributes stay for Firefox and Safari.
     */
    private static void alignColumns(Element math) {
        for (Element table : math.select("mtable[columnalign]")) {
            String[] aligns = table.attr("columnalign").strip().split("\\s+");
            if (table.attr("columnspacing").matches("0(\\.0+)?(em|ex|px)?")) {
                table.addClass("m0");
            }
            for (Element row : table.children()) {
                int column = 0;
                for (Element cell : row.children()) {
                    if (!cell.nameIs("mtd")) {
                        continue;
                    }
                    String align = aligns[Math.min(column++, aligns.length - 1)];
                    if (cell.hasAttr("columnalign")) {
                        align = cell.attr("columnalign");
                    }
                    if (align.equals("left")) {
                        cell.addClass("ml");
                    } else if (align.equals("right")) {
                        cell.addClass("mr");
                    }
                }
            }
        }
    }

    /**
     * KaTeX writes an operator name in a script ({@code r_{\max}}) as two elements, the name and
     * an invisible function application, straight into {@code msub}, which takes exactly a base
     * and a script: they are grouped in an {@code mrow}, as MathML requires and the validator checks.
     */
    private static void groupScripts(Element math) {
        for (Element script : math.select("msub, msup, munder, mover")) {
            List<Element> children = script.children();
            if (children.size() > 2) {
                Element row = new Element("mrow");
                for (Element extra : List.copyOf(children.subList(1, children.size()))) {
                    row.appendChild(extra);
                }
                script.appendChild(row);
            }
        }
    }

    /** Starts KaTeX now rather than on the first formula that is not cached. */
    void warmUp() {
        katex.mathml("x", false);
    }

    @Override
    public void close() {
        katex.close();
    }
}
