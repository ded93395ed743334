package com.sethihemant.site.content;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.Suggestions;
import com.sethihemant.site.TextFiles;
import com.sethihemant.site.figures.FigureCache;
import com.sethihemant.site.figures.Figures;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.AttributesBuilder;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.jruby.AsciidoctorJRuby;
import org.asciidoctor.log.LogRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads AsciiDoc sources into {@link Document}s with one Asciidoctor instance, strictly: a header
 * that JBake would silently misread (no title, a bad date, a misspelt {@code :jbake-} attribute)
 * and every Asciidoctor warning are errors that name the file and line.
 *
 * <p>Headers follow JBake's conventions, so the same files work with stock JBake:
 * <pre>
 * = Title
 * :jbake-type: post
 * :jbake-status: published
 * :jbake-date: 2026-11-23
 * :jbake-tags: storage, gpu
 * :description: One or two sentences for listings and search engines.
 * </pre>
 */
public final class ContentParser implements AutoCloseable {

    /** The {@code :jbake-*:} attributes this site understands; any other is a typo. */
    static final Set<String> JBAKE_ATTRIBUTES = Set.of("type", "status", "date", "updated", "tags");

    private static final int WORDS_PER_MINUTE = 230;
    private static final int DESCRIPTION_LIMIT = 160;
    private static final Pattern ATTRIBUTE_LINE = Pattern.compile("^:!?([A-Za-z0-9_][A-Za-z0-9_-]*)!?:");

    /** Makes Rouge safe to share between threads; see the file. */
    private static final String ROUGE_THREADS = "uri:classloader:/com/sethihemant/site/content/rouge_threads.rb";

    /**
     * One Asciidoctor instance (one JRuby runtime), shared by every thread that parses. Booting
     * JRuby takes seconds; it happens on a thread of its own, started by the first parse (or by
     * {@link #start()}), so a bake whose every document comes from a cache never boots it.
     */
    private final CompletableFuture<Asciidoctor> asciidoctor = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    /** A digest of the code a parse runs, computed on first use; see {@link #fingerprint()}. */
    private volatile String fingerprint;
    private final ThreadLocal<List<LogRecord>> log = ThreadLocal.withInitial(ArrayList::new);
    /** Diagrams, math and charts (package figures), registered with the engine when it boots. */
    private final Figures figures;

    /** A parser whose figures are cached in memory only; create one and reuse it. */
    public ContentParser() {
        this(null);
    }

    /**
     * @param figureCache a folder where rendered diagrams, formulas and charts are kept between
     *                    runs, so that an unchanged one is not rendered again; {@code null} keeps
     *                    them in memory only, for this parser's life
     */
    public ContentParser(Path figureCache) {
        this.figures = new Figures(FigureCache.in(figureCache));
    }

    /**
     * Starts booting Asciidoctor (a few seconds: JRuby boots) on a thread of its own, unless it
     * has been started already; the first parse does it too, and waits for it.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread boot = new Thread(() -> {
            try {
                asciidoctor.complete(boot());
            } catch (Throwable e) {
                asciidoctor.completeExceptionally(e);
            }
        }, "asciidoctor-boot");
        boot.setDaemon(true);
        boot.start();
    }

    /** The booted engine; a failed boot is reported as what it most likely is. */
    private Asciidoctor engine() {
        start();
        try {
            return asciidoctor.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("Asciidoctor did not start. After an AsciidoctorJ upgrade, check that "
                    + ROUGE_THREADS + " still matches the Rouge it bundles: " + e.getCause(), e.getCause());
        }
    }

    private Asciidoctor boot() {
        // As Asciidoctor.Factory.create() does, but with the bundled gems on the load path (and,
        // like it, ignoring any GEM_PATH of the user's own Ruby).
        Asciidoctor engine = AsciidoctorJRuby.Factory.create(bundledGems(), null);
        // Asciidoctor also logs through java.util.logging; the CLI silences that and we report
        // each record ourselves, with its file and line. Records arrive on the converting thread.
        engine.registerLogHandler(record -> log.get().add(record));
        engine.requireLibrary(ROUGE_THREADS);
        figures.register(engine);
        // One conversion on this thread sets up what Asciidoctor creates on first use.
        // (It reads no file: the path only names the document.)
        engine.convert("= Warm-up\n\n[source,java]\n----\nclass A {}\n----\n",
                options(Path.of("warm-up.adoc").toAbsolutePath(), null));
        log.get().clear();
        return engine;
    }

    /**
     * The lib folders of the gems AsciidoctorJ bundles (Asciidoctor, Rouge, ...), for JRuby's load
     * path. With them there, Asciidoctor loads without RubyGems, which the launchers switch off
     * ({@code -Djruby.cli.rubygems.enable=false}): that saves about a second of JRuby's boot.
     */
    static List<String> bundledGems() {
        List<String> libraries = new ArrayList<>();
        try {
            Path code = Path.of(AsciidoctorJRuby.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                addGemLibraries(code, libraries);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(code)) {
                    addGemLibraries(jar.getPath("/"), libraries);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // No code source, or one that is not a file or a jar.
            throw new IllegalStateException("cannot list the gems in AsciidoctorJ's jar: " + e, e);
        }
        if (libraries.isEmpty()) {
            throw new IllegalStateException("found no gems/*/lib in AsciidoctorJ's jar");
        }
        return libraries;
    }

    private static void addGemLibraries(Path root, List<String> libraries) throws IOException {
        Path gems = root.resolve("gems");
        if (!Files.isDirectory(gems)) {
            return;
        }
        try (Stream<Path> each = Files.list(gems)) {
            for (Path gem : each.sorted().toList()) {
                if (Files.isDirectory(gem.resolve("lib"))) {
                    libraries.add("uri:classloader:/gems/" + gem.getFileName().toString().replace("/", "") + "/lib");
                }
            }
        }
    }

    /**
     * Parses one source. Several threads may parse at once.
     *
     * @param contentRoot the content folder the file belongs to (its URL follows its path there)
     * @param file        the AsciiDoc file
     * @param types       the document types the theme has templates for
     * @throws SiteException listing every problem found in the file
     */
    public Document parse(Path contentRoot, Path file, Set<String> types) {
        String relative = contentRoot.relativize(file).toString().replace('\\', '/');
        String text = read(file);
        Header header = Header.scan(text);
        List<Problem> problems = new ArrayList<>();

        for (String segment : relative.substring(0, relative.lastIndexOf('.')).split("/")) {
            if (!Routes.isSlug(segment) && !segment.equals("404")) {
                problems.add(Problem.at(file, "'" + segment + "' cannot be part of a clean URL; rename it"
                        + " using lower-case letters, digits and hyphens, such as '" + Slugs.suggest(segment) + "'"));
            }
        }

        String body;
        String titleHtml;
        // Only the attributes the file sets (and the revision date): converting all of
        // Asciidoctor's hundred-odd attributes to Java costs more than the lookups.
        Map<String, Object> attributes = new LinkedHashMap<>();
        log.get().clear();
        try {
            org.asciidoctor.ast.Document ast = engine().load(text, options(file, contentRoot));
            body = ast.convert();
            titleHtml = ast.getDoctitle();
            for (String name : header.names()) {
                Object value = ast.getAttribute(name);
                if (value != null) {
                    attributes.put(name, value);
                }
            }
            Object revdate = ast.getAttribute("revdate");
            if (revdate != null) {
                attributes.put("revdate", revdate);
            }
        } finally {
            for (LogRecord record : log.get()) {
                SourceChecks.problem(file, text, record).ifPresent(problems::add);
            }
            log.get().clear();
        }

        for (String name : attributes.keySet()) {
            if (name.startsWith("jbake-") && !JBAKE_ATTRIBUTES.contains(name.substring(6))) {
                String suggestion = Suggestions.closest(name.substring(6), JBAKE_ATTRIBUTES)
                        .map(s -> "; did you mean ':jbake-" + s + ":'?").orElse("");
                problems.add(new Problem(file, header.line(name),
                        "unknown attribute ':" + name + ":'" + suggestion));
            }
        }

        if (titleHtml == null || titleHtml.isBlank()) {
            problems.add(new Problem(file, 1, "has no title; start the file with a line such as '= My title'"));
        }
        String type = attribute(attributes, "jbake-type");
        if (type == null) {
            problems.add(new Problem(file, 0, "has no type; add ':jbake-type: post' (or page) to the header"));
        } else if (!types.contains(type)) {
            problems.add(new Problem(file, header.line("jbake-type"), "has the unknown type '" + type
                    + "'; the theme has templates for " + new TreeSet<>(types)));
        }
        Status status = null;
        String statusText = attribute(attributes, "jbake-status");
        if (statusText == null) {
            problems.add(new Problem(file, 0,
                    "has no status; add ':jbake-status: published' or ':jbake-status: draft' to the header"));
        } else {
            status = Status.of(statusText).orElse(null);
            if (status == null) {
                problems.add(new Problem(file, header.line("jbake-status"), "has the unknown status '"
                        + statusText + "'; use 'published' or 'draft'"));
            }
        }
        LocalDate date = date(attributes, "jbake-date", header, file, problems);
        if (date == null && attribute(attributes, "jbake-date") == null && attribute(attributes, "revdate") != null) {
            date = date(attributes, "revdate", header, file, problems);
        }
        if (date == null && Routes.POST.equals(type) && attribute(attributes, "jbake-date") == null) {
            problems.add(new Problem(file, 0, "is a post without a date; add ':jbake-date: YYYY-MM-DD' to the header"));
        }
        LocalDate updated = date(attributes, "jbake-updated", header, file, problems);
        if (updated != null && date != null && updated.isBefore(date)) {
            problems.add(new Problem(file, header.line("jbake-updated"),
                    "is updated (" + updated + ") before it was published (" + date + ")"));
        }
        List<String> tags = tags(attribute(attributes, "jbake-tags"), header, file, problems);

        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Problem::line));
            throw SiteException.content(problems);
        }

        // One parse of the body serves the theme's adjustments, the text and the headings.
        Body parts = forTheTheme(body);
        org.jsoup.nodes.Document parsedBody = parts.document();
        body = parsedBody.body().html();
        // Headings keep the formatting a freshly parsed fragment gives them (jsoup's default).
        parsedBody.outputSettings().prettyPrint(true);
        String plainTitle = Jsoup.parse(titleHtml).text();
        String bodyText = parsedBody.text();
        List<Document.Heading> headings = new ArrayList<>();
        for (Element heading : parts.headings()) {
            heading.select("a.anchor").remove();
            headings.add(new Document.Heading(heading.tagName().equals("h2") ? 2 : 3, heading.id(),
                    heading.html().strip()));
        }
        String description = attribute(attributes, "description");
        if (description != null) {
            // Header attribute values have had their special characters escaped by Asciidoctor.
            description = Parser.unescapeEntities(description, false);
        }
        if (description == null || description.isBlank()) {
            description = summarise(parts.paragraphs().text());
        }
        Map<String, Object> others = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (!k.startsWith("jbake-") && v != null) {
                others.put(k, v);
            }
        });
        return new Document(file, type, status, plainTitle, titleHtml, date, updated, tags, description.strip(), body,
                Routes.urlFor(type, relative, date), readingMinutes(bodyText), headings, others);
    }

    /**
     * Adjusts Asciidoctor's HTML for the site's Content-Security-Policy and for keyboard users.
     * A policy without {@code 'unsafe-inline'} refuses inline {@code style} attributes, which
     * Asciidoctor writes for column and table widths (the theme lays tables out itself), so they
     * are dropped; a page break ({@code <<<}) becomes the class {@code page-break}. Code blocks and
     * tables scroll sideways on narrow screens, so they are made focusable for the keyboard, tables
     * inside a labelled region. Section anchors repeat their heading for screen readers and in the
     * tab order, so they are left to pointers.
     */
    static Body forTheTheme(String html) {
        org.jsoup.nodes.Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        // One walk over the tree finds every element this and the parser change or read; the
        // changes follow it. (A select per kind walked the tree seven times.)
        List<Element> styled = new ArrayList<>();
        List<Element> code = new ArrayList<>();
        List<Element> tables = new ArrayList<>();
        List<Element> anchors = new ArrayList<>();
        List<Element> headings = new ArrayList<>();
        Elements paragraphs = new Elements();
        for (Element element : document.getAllElements()) {
            if (element.hasAttr("style")) {
                styled.add(element);
            }
            switch (element.normalName()) {
                case "pre" -> {
                    if (inBlock(element, "listingblock") || inBlock(element, "literalblock")) {
                        code.add(element);
                    }
                }
                case "table" -> {
                    if (element.hasClass("tableblock")) {
                        tables.add(element);
                    }
                }
                case "a" -> {
                    if (element.hasClass("anchor")) {
                        anchors.add(element);
                    }
                }
                case "h2", "h3" -> {
                    if (element.hasAttr("id")) {
                        headings.add(element);
                    }
                }
                case "p" -> paragraphs.add(element);
                default -> {
                    // Nothing to change or read.
                }
            }
        }
        for (Element element : styled) {
            if (element.attr("style").replace(" ", "").startsWith("page-break-after:always")) {
                element.addClass("page-break");
            }
            element.removeAttr("style");
        }
        code.forEach(pre -> pre.attr("tabindex", "0"));
        for (Element table : tables) {
            Element caption = table.selectFirst("> caption");
            table.wrap("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"></div>");
            table.parent().attr("aria-label", caption == null ? "Table" : caption.text());
        }
        anchors.forEach(anchor -> anchor.attr("aria-hidden", "true").attr("tabindex", "-1"));
        return new Body(document, headings, paragraphs);
    }

    /**
     * A body as {@link #forTheTheme} leaves it, with its section headings ({@code h2} and
     * {@code h3} with an id) and its paragraphs, in document order.
     */
    record Body(org.jsoup.nodes.Document document, List<Element> headings, Elements paragraphs) {
    }

    /** Whether an ancestor of {@code element} has the class {@code name}. */
    private static boolean inBlock(Element element, String name) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent.hasClass(name)) {
                return true;
            }
        }
        return false;
    }

    private Options options(Path file, Path contentRoot) {
        AttributesBuilder attributes = Attributes.builder();
        if (contentRoot != null) {
            // Charts link to their data file by its site path, which follows its path here.
            attributes.attribute("site-content-root", contentRoot.toAbsolutePath().normalize().toString());
        }
        return Options.builder()
                // Includes resolve against the file's folder and may not leave it.
                .safe(SafeMode.SAFE)
                .baseDir(file.getParent().toFile())
                .sourcemap(true)
                .attributes(attributes
                        .attribute("source-highlighter", "rouge")
                        .attribute("rouge-css", "class")
                        .attribute("idprefix", "")
                        .attribute("idseparator", "-")
                        .attribute("sectanchors", "")
                        .attribute("attribute-missing", "warn")
                        .attribute("docname", file.getFileName().toString().replaceFirst("\\.adoc$", ""))
                        .build())
                .build();
    }

    private static String read(Path file) {
        String text = TextFiles.readUtf8(file);
        if (text.isBlank()) {
            throw SiteException.content(file, 0, "is empty; write a header and some content, or delete it");
        }
        return text;
    }

    private static String attribute(Map<String, Object> attributes, String name) {
        Object value = attributes.get(name);
        return value == null ? null : value.toString().strip();
    }

    private static LocalDate date(Map<String, Object> attributes, String name, Header header, Path file,
                                  List<Problem> problems) {
        String value = attribute(attributes, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(file, header.line(name), "has the date '" + value + "' in ':" + name
                    + ":'; write it as YYYY-MM-DD, for example 2026-11-23"));
            return null;
        }
    }

    private static List<String> tags(String value, Header header, Path file, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String raw : value.split(",")) {
            String tag = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (tag.isEmpty()) {
                continue;
            }
            if (!Routes.isSlug(tag)) {
                problems.add(new Problem(file, header.line("jbake-tags"), "has the tag '" + raw.strip()
                        + "', which cannot become a clean URL; use letters, digits and hyphens, such as '"
                        + Slugs.suggest(raw) + "'"));
            } else {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    private static String summarise(String text) {
        String clean = text.strip();
        if (clean.length() <= DESCRIPTION_LIMIT) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', DESCRIPTION_LIMIT - 1);
        return clean.substring(0, cut > 0 ? cut : DESCRIPTION_LIMIT - 1).replaceAll("[,;:.]$", "") + "…";
    }

    private static int readingMinutes(String text) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
    }

    /**
     * Starts the diagram and math renderers now, on this thread, rather than on the first new
     * diagram or formula: the live preview calls it once it is serving, so that the first edit of
     * a diagram shows in well under a second, as later ones do.
     */
    public void warmUpFigures() {
        engine();
        figures.warmUp();
    }

    /**
     * A digest of everything a parse depends on besides its source and the arguments of
     * {@link #parse}: this program's own classes and resources (this parser, the figures, the
     * Rouge index), and the name and size of each library on the class path (AsciidoctorJ and its
     * gems, jsoup, PlantUML, KaTeX), which carry their versions. A cache of parsed documents keys
     * its entries by it, so that no entry outlives the code that made it.
     */
    public String fingerprint() {
        String value = fingerprint;
        if (value == null) {
            value = CodeDigest.of(ContentParser.class, System.getProperty("java.class.path", ""));
            fingerprint = value;
        }
        return value;
    }

    @Override
    public void close() {
        if (!started.get()) {
            figures.close();
            return;
        }
        if (!asciidoctor.isCompletedExceptionally()) {
            asciidoctor.join().shutdown();
        }
        figures.close();
    }

    /** Lines of header attributes, so that a bad value can be reported where it is written. */
    private record Header(Map<String, Integer> lines) {
        static Header scan(String text) {
            Map<String, Integer> lines = new LinkedHashMap<>();
            String[] all = text.split("\n", -1);
            for (int i = 0; i < all.length; i++) {
                Matcher m = ATTRIBUTE_LINE.matcher(all[i]);
                if (m.find()) {
                    lines.putIfAbsent(m.group(1), i + 1);
                }
            }
            return new Header(lines);
        }

        int line(String attribute) {
            return lines.getOrDefault(attribute, 0);
        }

        /** The attributes the file sets, in the order they first appear. */
        Set<String> names() {
            return lines.keySet();
        }
    }
}
