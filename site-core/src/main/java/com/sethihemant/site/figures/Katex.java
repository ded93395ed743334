package com.sethihemant.site.figures;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * LaTeX to MathML with KaTeX (from its WebJar, with its mhchem extension for {@code \ce} and
 * {@code \pu}), run by GraalJS in this JVM. Starting it takes a couple of seconds, so it starts on
 * the first formula that is not in the cache; a JavaScript context runs one call at a time, so
 * calls are serialised (a formula takes milliseconds).
 *
 * <p>The context may not reach files, the network, threads or the host's classes, and whatever
 * KaTeX would print goes nowhere.
 */
final class Katex implements AutoCloseable {

    private static final String WEBJAR = "META-INF/resources/webjars/katex/";
    private static final String RENDER = """
            (function (tex, display) {
              try {
                return {mathml: katex.renderToString(tex, {output: 'mathml', displayMode: display,
                    throwOnError: true, strict: 'ignore', trust: false})};
              } catch (e) {
                return {error: String(e.rawMessage || e.message),
                    position: typeof e.position === 'number' ? e.position : -1};
              }
            })""";

    private Engine engine;
    private Context context;
    private Value render;

    /** KaTeX's version, from the WebJar's Maven metadata (part of every formula's cache key). */
    static String version() {
        try (InputStream in = Katex.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/katex/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("KaTeX's WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read KaTeX's version: " + e, e);
        }
    }

    /**
     * @param tex     the formula
     * @param display display (block) math rather than inline
     * @return KaTeX's MathML, a {@code <math>} element inside a {@code <span>}
     * @throws FigureException for a formula KaTeX cannot read, with the line in {@code tex}
     */
    synchronized String mathml(String tex, boolean display) {
        Value result = start().execute(tex, display);
        if (result.hasMember("mathml")) {
            return result.getMember("mathml").asString();
        }
        int position = result.getMember("position").asInt();
        int line = 1;
        for (int i = 0; i < Math.min(position, tex.length()); i++) {
            if (tex.charAt(i) == '\n') {
                line++;
            }
        }
        throw new FigureException(result.getMember("error").asString(), position < 0 ? 0 : line);
    }

    private Value start() {
        if (render == null) {
            String base = WEBJAR + version() + "/dist/";
            try {
                engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                        .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build();
            } catch (LinkageError e) {
                // GraalJS 23.1, taken on Java 17 to 21, cannot start on Java 22 or newer.
                throw new IllegalStateException("GraalJS, which converts LaTeX formulas, did not start on Java "
                        + Runtime.version().feature() + ": its jars were chosen by a build on another Java. Build"
                        + " again on this Java (./mvnw verify; ./site does so by itself), which picks the GraalJS"
                        + " for it. (" + e + ")", e);
            }
            context = Context.newBuilder("js").engine(engine).allowAllAccess(false).build();
            try {
                context.eval(Source.newBuilder("js", read(base + "katex.min.js"), "katex.min.js").build());
                context.eval(Source.newBuilder("js", read(base + "contrib/mhchem.min.js"), "mhchem.min.js").build());
                render = context.eval("js", RENDER);
            } catch (IOException | PolyglotException e) {
                throw new IllegalStateException("KaTeX did not start: " + e, e);
            }
        }
        return render;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Katex.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
            engine.close();
            context = null;
            render = null;
        }
    }
}
