package com.sethihemant.site.figures;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.extension.JavaExtensionRegistry;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
import org.jruby.Ruby;
import org.jruby.RubyModule;
import org.jruby.javasupport.JavaUtil;

import java.util.List;

/**
 * Diagrams, math and charts for one Asciidoctor instance: {@link #register} adds the
 * {@code [plantuml]} block, the {@code chart::} block macro (and the tree processor that draws
 * it), and the site's HTML converter, which writes {@code stem}, {@code latexmath} and
 * {@code asciimath} as MathML. Each is a real Asciidoctor extension, so Asciidoctor knows the
 * block and the macro by name.
 *
 * <p>Problems are logged as Asciidoctor errors with the line of the {@code .adoc} file (the
 * parser fails the bake on them); their messages start with the figure's kind, such as
 * {@code "plantuml: "} (see {@link #isFigureMessage}).
 */
public final class Figures implements AutoCloseable {

    /** The block style of a diagram. */
    public static final String PLANTUML = "plantuml";
    /** The block macro of a chart. */
    public static final String CHART = "chart";
    private static final List<String> KINDS = List.of(PLANTUML, CHART, "latexmath", "asciimath");
    private static final String CONVERTER = "uri:classloader:/com/sethihemant/site/figures/figures.rb";

    private final FigureCache cache;
    private final Diagrams diagrams;
    private MathRenderer math;

    /** @param cache where rendered figures are kept, by a digest of their source */
    public Figures(FigureCache cache) {
        this.cache = cache;
        this.diagrams = new Diagrams(cache);
    }

    /** Registers every figure with {@code engine}, which from then on converts with the site's converter. */
    public void register(Asciidoctor engine) {
        JavaExtensionRegistry registry = engine.javaExtensionRegistry();
        // Set on the parsing thread when a document has a figure to draw after parsing.
        ThreadLocal<Boolean> pending = ThreadLocal.withInitial(() -> false);
        registry.block(new DiagramBlock(diagrams, pending));
        registry.blockMacro(new ChartMacro(new Charts(cache), pending));
        registry.treeprocessor(new FigureTreeprocessor(pending));
        engine.requireLibrary(CONVERTER);
        Ruby ruby = JRubyRuntimeContext.get(engine);
        String asciimath = ruby.evalScriptlet("require 'asciimath/version'; ::AsciiMath::VERSION").asJavaString();
        math = new MathRenderer(cache, asciimath);
        RubyModule module = ruby.getModule("SiteFigures");
        module.callMethod(ruby.getCurrentContext(), "math=", JavaUtil.convertJavaToUsableRubyObject(ruby, math));
    }

    /** Whether an Asciidoctor log message comes from a figure (and so already says what to do). */
    public static boolean isFigureMessage(String message) {
        for (String kind : KINDS) {
            if (message.startsWith(kind + ": ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an AsciiDoc source reads other files for its figures (a chart's data): such a
     * source must be parsed again on every build, as one with an {@code include::} is.
     */
    public static boolean readsOtherFiles(String source) {
        return source.contains(CHART + "::");
    }

    /**
     * Starts PlantUML and KaTeX on this thread (a few seconds), so that the next new diagram or
     * formula renders at once; for the live preview, where an author edits one and waits.
     */
    public void warmUp() {
        diagrams.warmUp();
        if (math != null) {
            math.warmUp();
        }
    }

    @Override
    public void close() {
        if (math != null) {
            math.close();
        }
    }
}
