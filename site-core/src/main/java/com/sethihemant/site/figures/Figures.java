package com.sethihemant.site.figures;

import com.sethihemant.site.Digest;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.extension.JavaExtensionRegistry;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
import org.jruby.Ruby;
import org.jruby.RubyModule;
import org.jruby.javasupport.JavaUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A chart macro at the start of a line, as block macros are written, and its target. */
    private static final Pattern CHART_LINE = Pattern.compile("^[ \\t]*" + CHART + "::([^\\[\\n]*)\\[", Pattern.MULTILINE);
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
     * A digest of the data files that {@code source}'s charts read, resolved as the chart macro
     * resolves them (beside {@code file}), so that a build can tell when only a data file changed
     * without parsing the source again: {@code ""} for a source without charts, {@code null} when a
     * chart names its file through an attribute ({@code chart::{data}[...]}), which only parsing
     * resolves. A file that is missing counts as such (the parse reports it). Lines that only look
     * like a chart, in a listing, count too: a needless digest costs nothing.
     */
    public static String dataDigest(Path file, String source) {
        if (!source.contains(CHART + "::")) {
            return "";
        }
        Matcher chart = CHART_LINE.matcher(source);
        MessageDigest digest = null;
        while (chart.find()) {
            String target = chart.group(1);
            if (target.contains("{")) {
                return null;
            }
            if (digest == null) {
                digest = Digest.newSha256();
            }
            digest.update((target + "\n").getBytes(StandardCharsets.UTF_8));
            Path data = file.toAbsolutePath().getParent().resolve(target).normalize();
            try {
                byte[] bytes = Files.readAllBytes(data);
                digest.update((bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            } catch (IOException | InvalidPathException e) {
                digest.update("missing\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return digest == null ? "" : HexFormat.of().formatHex(digest.digest());
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
