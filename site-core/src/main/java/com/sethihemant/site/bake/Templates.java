package com.sethihemant.site.bake;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.content.Routes;
import groovy.lang.Writable;
import groovy.text.Template;
import groovy.text.markup.MarkupTemplateEngine;
import groovy.text.markup.TemplateConfiguration;
import org.codehaus.groovy.GroovyBugError;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The theme's Groovy markup templates, compiled once each, or loaded compiled from a
 * {@link TemplateClassCache} when it holds this very theme. Rendering errors are never swallowed
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
    /** The folder as an absolute, normalized path, against which templates are named and found. */
    private final Path base;
    private final TemplateClassCache cache;
    private final TemplateConfiguration configuration;
    private final ThemeEngine engine;
    /** Each template by its path in the folder ({@code post.tpl}, {@code partials/head.tpl}). */
    private final Map<String, Template> byPath = new ConcurrentHashMap<>();
    /** The same templates by file, as {@code layout} and {@code include} ask for them (by URL). */
    private final Map<Path, Template> byFile = new ConcurrentHashMap<>();
    /**
     * What each partial wrote for each set of parameters it was given (see
     * {@link HtmlTemplate#partial}), kept as long as these templates are the theme's.
     */
    private final Map<Partial, String> partials = new ConcurrentHashMap<>();
    /** The bytecode Groovy generates while this thread compiles one template, by class name. */
    private final ThreadLocal<Map<String, byte[]>> generated = new ThreadLocal<>();

    Templates(Path folder) {
        this(folder, TemplateClassCache.NONE);
    }

    /** @param cache where compiled templates are kept between runs */
    Templates(Path folder, TemplateClassCache cache) {
        this.folder = folder;
        this.base = folder.toAbsolutePath().normalize();
        this.cache = cache;
        this.configuration = new TemplateConfiguration();
        configuration.setUseDoubleQuotes(true);
        configuration.setAutoNewLine(false);
        configuration.setAutoIndent(false);
        configuration.setAutoEscape(false);
        // HTML, not XML: void elements are handled by HtmlTemplate, every other element gets its
        // end tag even when empty (<script src=...></script>).
        configuration.setExpandEmptyElements(true);
        configuration.setBaseTemplateClass(HtmlTemplate.class);
        this.engine = new ThemeEngine(configuration);
        // The theme is UTF-8, whatever the platform's default charset (Groovy's default).
        engine.getCompilerConfiguration().setSourceEncoding(StandardCharsets.UTF_8.name());
        // Templates link to the pages the bake generates through Routes (Routes.tag(name), ...),
        // so that every URL of the site is decided in one place.
        engine.getCompilerConfiguration().addCompilationCustomizers(new ImportCustomizer().addImports(Routes.class.getName()));
        engine.getCompilerConfiguration().setBytecodePostprocessor((name, bytes) -> {
            Map<String, byte[]> sink = generated.get();
            if (sink != null) {
                sink.put(name, bytes);
            }
            return bytes;
        });
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

    /** Whether the theme has a top-level template {@code name}.tpl (the search page is optional). */
    boolean has(String name) {
        return Files.isRegularFile(folder.resolve(name + ".tpl"));
    }

    /**
     * Loads every template, partials and layouts included: from the cache when it holds this
     * very theme, otherwise by compiling each (so that compile errors surface at once and
     * rendering never waits for the compiler) and storing the result in the cache.
     *
     * @return whether the templates were compiled, rather than loaded from the cache
     */
    synchronized boolean compileAll() {
        SortedMap<String, byte[]> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tpl") && Files.isRegularFile(p)).toList()) {
                sources.put(relative(file), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw SiteException.usage(folder, "cannot read the templates: " + e.getMessage());
        }
        // The locale decides which of post.tpl and post_en_US.tpl Groovy's resolver compiles.
        Optional<String> key = TemplateClassCache.key(sources, configuration.getLocale().toString());
        Optional<Map<String, Map<String, byte[]>>> cached = key.flatMap(cache::read)
                .filter(classes -> classes.keySet().equals(sources.keySet()));
        if (cached.isPresent() && defineAll(cached.get())) {
            return false;
        }
        Map<String, Map<String, byte[]>> compiled = new LinkedHashMap<>();
        for (String path : sources.keySet()) {
            compiled.put(path, compile(folder.resolve(path)));
        }
        if (!defineAll(compiled)) {
            throw new IllegalStateException("the templates Groovy just compiled in " + folder + " do not load");
        }
        key.ifPresent(k -> cache.write(k, compiled));
        return true;
    }

    /** Defines every template's classes; false, with nothing defined, if any does not load. */
    private boolean defineAll(Map<String, Map<String, byte[]>> templates) {
        Map<String, Template> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, byte[]>> template : templates.entrySet()) {
            Optional<Template> defined = define(template.getValue());
            if (defined.isEmpty()) {
                return false;
            }
            loaded.put(template.getKey(), defined.get());
        }
        loaded.forEach(this::put);
        return true;
    }

    private void put(String path, Template template) {
        byPath.put(path, template);
        byFile.put(base.resolve(path), template);
    }

    /**
     * Renders {@code name}.tpl.
     *
     * @param what names the page being rendered, for error messages
     */
    String render(String name, Map<String, Object> model, String what) {
        Template template = byPath.get(name + ".tpl");
        if (template == null) {
            template = load(folder.resolve(name + ".tpl"));
        }
        StringWriter out = new StringWriter(16 * 1024);
        try {
            template.make(model).writeTo(out);
        } catch (IOException | RuntimeException e) {
            throw new SiteException(List.of(locate(e, folder.resolve(name + ".tpl"), "failed while rendering " + what
                    + ": " + message(e))), ExitCodes.SITE_PROBLEM, e);
        }
        return out.toString();
    }

    /**
     * Forgets every partial's HTML when more than {@code limit} are kept: those of posts edited
     * since are never asked for again. Called between builds.
     */
    void trimPartials(int limit) {
        if (partials.size() > limit) {
            partials.clear();
        }
    }

    /** Compiles and defines one template that {@link #compileAll()} did not load. */
    private synchronized Template load(Path file) {
        String path = relative(file);
        Template template = byPath.get(path);
        if (template == null) {
            template = define(compile(file)).orElseThrow(() -> new IllegalStateException(
                    "the template Groovy just compiled, " + file + ", does not load"));
            put(path, template);
        }
        return template;
    }

    /** Compiles one template; returns the classes Groovy generated for it, by name. */
    private Map<String, byte[]> compile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw SiteException.usage(file, "is missing; the theme needs this template");
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        generated.set(classes);
        try {
            // A fresh engine's first compile of a path; Groovy would return its cached class,
            // without generating any bytecode, for a path it had compiled before.
            engine.createTemplateByPath(relative(file));
            return classes;
        } catch (CompilationFailedException | GroovyBugError e) {
            // GroovyBugError: some invalid templates crash the compiler instead of failing it.
            throw SiteException.content(file, 0, "does not compile: " + e.getMessage().strip());
        } catch (IOException | ClassNotFoundException e) {
            throw SiteException.usage(file, "cannot be read: " + e.getMessage());
        } finally {
            generated.remove();
        }
    }

    /**
     * Defines one template's classes in a class loader of its own (templates in different
     * folders may have classes of the same name) and returns the template, or empty if they do
     * not load, as bytecode from an older JVM or Groovy might not.
     */
    private Optional<Template> define(Map<String, byte[]> classes) {
        ClassLoader loader = new TemplateClassLoader(Templates.class.getClassLoader(), classes);
        Constructor<?> constructor = null;
        try {
            for (String name : classes.keySet()) {
                Class<?> type = Class.forName(name, false, loader);
                if (HtmlTemplate.class.isAssignableFrom(type)) {
                    constructor = type.getConstructor(MarkupTemplateEngine.class, Map.class, Map.class,
                            TemplateConfiguration.class);
                }
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // Bytecode from another JVM or Groovy, or damaged: compiled again.
            return Optional.empty();
        }
        return Optional.ofNullable(constructor).map(LoadedTemplate::new);
    }

    private String relative(Path file) {
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** A compiled template: each {@code make} is a fresh instance, as with Groovy's own templates. */
    private final class LoadedTemplate implements Template {
        private final Constructor<?> constructor;

        LoadedTemplate(Constructor<?> constructor) {
            this.constructor = constructor;
        }

        @Override
        public Writable make() {
            return make(new HashMap<>());
        }

        @Override
        public Writable make(@SuppressWarnings("rawtypes") Map binding) {
            try {
                return (Writable) constructor.newInstance(engine, binding, null, configuration);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getName(), e);
            }
        }
    }

    /** A partial's path and the parameters it was rendered from. */
    private record Partial(String template, TemplateModel parameters) {
    }

    /**
     * Groovy's markup engine, except that {@code layout} and {@code include} find the theme's
     * templates among those already loaded instead of compiling or looking them up again, and
     * that it keeps what each partial wrote.
     */
    final class ThemeEngine extends MarkupTemplateEngine {

        ThemeEngine(TemplateConfiguration configuration) {
            super(Templates.class.getClassLoader(), base.toFile(), configuration);
        }

        @Override
        public URL resolveTemplate(String templatePath) throws IOException {
            Path file = base.resolve(templatePath).normalize();
            return byFile.containsKey(file) ? file.toUri().toURL() : super.resolveTemplate(templatePath);
        }

        @Override
        public Template createTypeCheckedModelTemplate(URL resource, Map<String, String> modelTypes)
                throws CompilationFailedException, ClassNotFoundException, IOException {
            Template template = null;
            if (modelTypes == null && "file".equals(resource.getProtocol())) {
                try {
                    template = byFile.get(Path.of(resource.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    template = null;
                }
            }
            return template != null ? template : super.createTypeCheckedModelTemplate(resource, modelTypes);
        }

        /**
         * What {@code template} writes from {@code parameters}, rendered the first time they are
         * asked for. Two threads may both render a new one; they write the same.
         */
        String partial(String template, TemplateModel parameters) throws IOException, ClassNotFoundException {
            Partial key = new Partial(template, parameters);
            String html = partials.get(key);
            if (html == null) {
                StringWriter out = new StringWriter(512);
                createTypeCheckedModelTemplate(resolveTemplate(template), null).make(parameters).writeTo(out);
                html = out.toString();
                partials.put(key, html);
            }
            return html;
        }
    }

    /** Defines classes from their bytecode, each once, on first request. */
    private static final class TemplateClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        TemplateClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** Points at the innermost template line in the stack, which may be a partial or the layout. */
    private Problem locate(Throwable error, Path fallback, String message) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String source = frame.getFileName();
                if (source != null && source.endsWith(".tpl") && frame.getLineNumber() > 0) {
                    return new Problem(templateFile(source, fallback), frame.getLineNumber(), message);
                }
            }
        }
        return Problem.at(fallback, message);
    }

    /**
     * The template a stack frame's source file names. Groovy records only the file's name, so a
     * partial or layout in a subfolder ({@code layouts/default.tpl}) is looked for in the theme's
     * folders; the name alone is ambiguous only when two folders hold a template of that name.
     */
    private Path templateFile(String source, Path fallback) {
        Path direct = folder.resolve(source);
        if (Files.exists(direct)) {
            return direct;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().equals(source)).toList();
            return matching.size() == 1 ? matching.get(0) : fallback;
        } catch (IOException e) {
            return fallback;
        }
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
