package com.sethihemant.site.bake;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import groovy.text.Template;
import groovy.text.markup.MarkupTemplateEngine;
import groovy.text.markup.TemplateConfiguration;
import org.codehaus.groovy.GroovyBugError;
import org.codehaus.groovy.control.CompilationFailedException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The theme's Groovy markup templates, compiled once each. Rendering errors are never swallowed
 * (stock JBake collects them in {@code Oven.getErrors()} and carries on): they fail the bake with
 * the template, its line and the page that was being rendered.
 *
 * <p>Templates escape text with {@code yield} (or by passing it as an element's text, see
 * {@link HtmlTemplate}) and insert Asciidoctor's HTML with {@code yieldUnescaped}. Groovy's automatic
 * escaping stays off because it escapes only top-level model strings, and would double-escape them
 * inside {@code yield}.
 */
final class Templates {

    private final Path folder;
    private final MarkupTemplateEngine engine;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    Templates(Path folder) {
        this.folder = folder;
        TemplateConfiguration configuration = new TemplateConfiguration();
        configuration.setUseDoubleQuotes(true);
        configuration.setAutoNewLine(false);
        configuration.setAutoIndent(false);
        configuration.setAutoEscape(false);
        // HTML, not XML: void elements are handled by HtmlTemplate, every other element gets its
        // end tag even when empty (<script src=...></script>).
        configuration.setExpandEmptyElements(true);
        configuration.setBaseTemplateClass(HtmlTemplate.class);
        this.engine = new MarkupTemplateEngine(Templates.class.getClassLoader(), folder.toFile(), configuration);
    }

    /**
     * The names of the top-level templates in {@code folder}, such as {@code post} for
     * {@code post.tpl}, without compiling any.
     */
    static Set<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> names = new TreeSet<>();
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tpl"))
                    .forEach(n -> names.add(n.substring(0, n.length() - 4)));
            return names;
        } catch (IOException e) {
            throw SiteException.usage(folder, "cannot list the templates: " + e.getMessage());
        }
    }

    /**
     * Compiles every template, partials and layouts included, so that compile errors surface at
     * once and rendering never waits for the compiler. Groovy keeps the compiled classes, which
     * {@code layout} and {@code include} then find.
     */
    void compileAll() {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tpl")).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (!relative.contains("/")) {
                    compiled.computeIfAbsent(relative.substring(0, relative.length() - 4), n -> compile(file));
                } else {
                    compile(file);
                }
            }
        } catch (IOException e) {
            throw SiteException.usage(folder, "cannot list the templates: " + e.getMessage());
        }
    }

    /**
     * Renders {@code name}.tpl.
     *
     * @param what names the page being rendered, for error messages
     */
    String render(String name, Map<String, Object> model, String what) {
        Path file = folder.resolve(name + ".tpl");
        Template template = compiled.computeIfAbsent(name, n -> compile(file));
        StringWriter out = new StringWriter(16 * 1024);
        try {
            template.make(model).writeTo(out);
        } catch (IOException | RuntimeException e) {
            throw new SiteException(List.of(locate(e, file, "failed while rendering " + what + ": " + message(e))),
                    ExitCodes.SITE_PROBLEM, e);
        }
        return out.toString();
    }

    private Template compile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw SiteException.usage(file, "is missing; the theme needs this template");
        }
        try {
            return engine.createTemplateByPath(folder.relativize(file).toString().replace('\\', '/'));
        } catch (CompilationFailedException | GroovyBugError e) {
            // GroovyBugError: some invalid templates crash the compiler instead of failing it.
            throw SiteException.content(file, 0, "does not compile: " + e.getMessage().strip());
        } catch (IOException | ClassNotFoundException e) {
            throw SiteException.usage(file, "cannot be read: " + e.getMessage());
        }
    }

    /** Points at the innermost template line in the stack, which may be a partial or the layout. */
    private Problem locate(Throwable error, Path fallback, String message) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String source = frame.getFileName();
                if (source != null && source.endsWith(".tpl") && frame.getLineNumber() > 0) {
                    Path file = folder.resolve(source);
                    return new Problem(Files.exists(file) ? file : fallback, frame.getLineNumber(), message);
                }
            }
        }
        return Problem.at(fallback, message);
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return (text == null ? root.getClass().getSimpleName() : text).lines().findFirst().orElse("").strip();
    }
}
