package com.sethihemant.site.bake;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.content.DataFiles;
import com.sethihemant.site.content.LocalReferences;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Routes;
import com.sethihemant.site.content.SourceMap;
import com.sethihemant.site.content.Status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Bakes a site: parses every source, decides what is published, renders each page once through
 * the theme's templates, and writes the feed, sitemap and robots.txt. Output goes to a fresh
 * folder that replaces the previous site only when everything succeeded.
 *
 * <p>Drafts and posts dated after today are left out entirely (stock JBake still writes them, as
 * {@code *-draft.html} or at their final URL). In preview mode they are included, for the author.
 */
public final class Baker {

    /** Templates for pages the baker generates; they cannot be used as a document type. */
    static final Set<String> LISTING_TEMPLATES = Set.of("blog", "tags", "tag", "archive");

    private static final Formats FORMATS = new Formats();
    /** Markup files this site does not render; in a content folder they are a mistake. */
    private static final List<String> OTHER_MARKUP = List.of(".md", ".markdown", ".asciidoc", ".asc", ".ad");
    /** Related posts shown under a post. */
    private static final int RELATED_POSTS = 3;

    private final ContentParser parser;
    private final Clock clock;
    private final PageRenderer renderer;
    private final int threads;
    private final TemplateClassCache templateCache;

    // What the previous build produced, so the next one can reuse what did not change. A baker
    // builds one site at a time; the preview server calls it from its one watcher thread.
    private final Map<Path, Parsed> parsed = new HashMap<>();
    private Set<String> parsedTypes = Set.of();
    private final Map<Document, String> documentDigests = new java.util.IdentityHashMap<>();
    private final Map<Path, Asset> assets = new HashMap<>();
    private TemplateSet templateSet;
    private Map<String, Rendered> rendered = Map.of();
    private Path lastOutput;
    private ExecutorService workers;
    private Map<String, byte[]> lastWritten = Map.of();

    /**
     * @param parser the AsciiDoc parser, reusable across bakes
     * @param clock  decides which dated posts are due
     */
    public Baker(ContentParser parser, Clock clock) {
        this(parser, clock, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads how many sources are parsed, and pages rendered, at once (by default one per
     *                core); one is the straightforward path the parallel one is tested against
     */
    public Baker(ContentParser parser, Clock clock, int threads) {
        this(parser, clock, threads, null);
    }

    /**
     * @param templateCache a folder where the theme's compiled templates are kept between runs,
     *                      so that the next bake loads them instead of compiling them; {@code null}
     *                      for none
     */
    public Baker(ContentParser parser, Clock clock, int threads, Path templateCache) {
        this(parser, clock, PageRenderer.DIRECT, threads, TemplateClassCache.in(templateCache));
    }

    Baker(ContentParser parser, Clock clock, PageRenderer renderer, int threads) {
        this(parser, clock, renderer, threads, TemplateClassCache.NONE);
    }

    private Baker(ContentParser parser, Clock clock, PageRenderer renderer, int threads,
                  TemplateClassCache templateCache) {
        this.parser = parser;
        this.clock = clock;
        this.renderer = renderer;
        this.threads = Math.max(1, threads);
        this.templateCache = templateCache;
    }

    /**
     * Bakes {@code sources} into {@code output}, replacing it only when everything succeeded.
     *
     * @throws SiteException listing every problem found; the previous output is left untouched
     */
    public BakeResult bake(SiteSources sources, Path output, BakeOptions options) {
        long start = System.nanoTime();
        Site site = build(sources, options);
        Path target = output.toAbsolutePath().normalize();
        Map<String, byte[]> previous = target.equals(lastOutput) ? lastWritten : Map.of();
        try (OutputFolder out = new OutputFolder(target)) {
            for (Map.Entry<String, byte[]> file : site.files().entrySet()) {
                // A file this baker wrote last time, with the very same bytes, is linked, not copied.
                if (previous.get(file.getKey()) != file.getValue() || !out.link(file.getKey(), target, file.getValue().length)) {
                    out.write(file.getKey(), file.getValue());
                }
            }
            out.commit();
        }
        lastOutput = target;
        lastWritten = site.files();
        return new BakeResult(output, site.posts(), site.pages(), site.tags(), site.files().size(), site.skipped(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Builds the site in memory. Sources, templates and pages that did not change since the
     * previous build of this baker are reused, so a rebuild after editing one post parses one
     * file and renders only the pages whose inputs changed; the result is always the same as a
     * full build's (see {@link Fingerprint}).
     *
     * @throws SiteException listing every problem found
     */
    public Site build(SiteSources sources, BakeOptions options) {
        long start = System.nanoTime();
        boolean preview = options.preview();
        sources.validate();
        SiteConfig loaded = SiteConfig.load(sources.config());
        SiteConfig site = options.editUrl() == null ? loaded : loaded.withEditUrl(options.editUrl());
        LocalDate today = LocalDate.now(clock.withZone(site.timezone()));
        Set<String> types = new TreeSet<>(Templates.names(sources.templates()));
        types.removeAll(LISTING_TEMPLATES);
        if (!types.equals(parsedTypes)) {
            parsed.clear();
            parsedTypes = types;
        }

        // Asciidoctor starts on the sources while this thread compiles the templates.
        Map<Path, Path> rootOf = new LinkedHashMap<>();
        Map<Path, Future<Parsed>> parsing = new HashMap<>();
        List<Problem> problems = startParsing(sources, types, rootOf, parsing);
        Templates templates;
        try {
            templates = templates(sources.templates());
        } catch (RuntimeException e) {
            parsing.values().forEach(f -> f.cancel(false));
            throw e;
        }
        int[] changed = new int[1];
        List<Document> all = collectParsed(rootOf, parsing, problems, changed);
        Map<String, Object> data = DataFiles.load(sources.data());
        List<Document> published = new ArrayList<>();
        for (Document document : all) {
            if (preview || document.status() == Status.PUBLISHED && document.isDue(today)) {
                published.add(document);
            }
        }
        SiteModel model = new SiteModel(published, Set.copyOf(site.seriesTags()));

        Map<String, byte[]> files = new HashMap<>();
        Pages pages = new Pages(sources.root(), site, data, model, templates, files, preview, today);
        pages.renderAll();
        pages.finish();
        rendered = pages.cache;
        copyAssets(sources, files);
        files.put(AtomFeed.PATH.substring(1), AtomFeed.write(site, model.posts()));
        files.put(Sitemap.PATH.substring(1), Sitemap.write(site, pages.indexable()));
        files.put("robots.txt", Sitemap.robots(site));
        // Every image, link and cross reference must lead somewhere in what is about to be written.
        LocalReferences.check(published, files);
        files.put(SourceMap.PATH, SourceMap.write(sources.root(), published));
        return new Site(files, model.posts().size(), model.pages().size(), model.byTag().size(),
                all.size() - published.size(), pages.renderedPaths, changed[0], (System.nanoTime() - start) / 1_000_000);
    }

    /** The theme's templates, compiled again only when a template file changed. */
    private Templates templates(Path folder) {
        String fingerprint = digestOfFolder(folder);
        if (templateSet == null || !templateSet.folder().equals(folder) || !templateSet.fingerprint().equals(fingerprint)) {
            Templates templates = new Templates(folder, templateCache);
            templates.compileAll();
            templateSet = new TemplateSet(folder, fingerprint, templates);
            rendered = Map.of();
        }
        return templateSet.templates();
    }

    /**
     * Lists the sources and submits those that changed since the last build to the parsing
     * workers. Returns the problems found on the way (files that are not AsciiDoc).
     */
    private List<Problem> startParsing(SiteSources sources, Set<String> types, Map<Path, Path> rootOf,
                                       Map<Path, Future<Parsed>> parsing) {
        List<Problem> problems = new ArrayList<>();
        List<Path> toParse = new ArrayList<>();
        for (Path root : sources.contentRoots()) {
            for (Path file : files(root, false)) {
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (OTHER_MARKUP.stream().anyMatch(name::endsWith)) {
                    // Would otherwise be published as a raw file; stock JBake renders Markdown.
                    problems.add(Problem.at(file, "is not AsciiDoc; this site renders only .adoc files,"
                            + " so rename it to .adoc (and convert its markup) or move it out of the content folder"));
                }
            }
            for (Path file : files(root, true)) {
                rootOf.put(file, root);
                Parsed reused = reusable(file);
                if (reused == null) {
                    toParse.add(file);
                } else {
                    parsing.put(file, CompletableFuture.completedFuture(reused));
                }
            }
        }
        for (Path file : toParse) {
            Path root = rootOf.get(file);
            // The last build's entry is looked up here: this thread updates the cache while the
            // workers are still parsing, so they must not read it.
            Parsed previous = parsed.get(file);
            parsing.put(file, workers().submit(() -> parse(root, file, previous, types)));
        }
        return problems;
    }

    /** Waits for the parsing workers and checks the result: no two sources at one URL. */
    private List<Document> collectParsed(Map<Path, Path> rootOf, Map<Path, Future<Parsed>> parsing,
                                         List<Problem> problems, int[] changed) {
        List<Document> documents = new ArrayList<>();
        Map<String, Path> urls = new HashMap<>();
        Map<Path, Parsed> seen = new HashMap<>();
        for (Path file : rootOf.keySet()) {
            Parsed entry;
            try {
                entry = parsing.get(file).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing " + file, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SiteException site) {
                    problems.addAll(site.problems());
                    continue;
                }
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
            if (parsed.get(file) != entry) {
                changed[0] += entry.fresh() ? 1 : 0;
                parsed.put(file, entry);
            }
            seen.put(file, entry);
            Document document = entry.document();
            Path clash = urls.putIfAbsent(document.url(), file);
            if (clash != null) {
                problems.add(Problem.at(file, "is published at " + document.url() + ", like " + clash
                        + "; rename one of them or change its date"));
            } else {
                documents.add(document);
            }
        }
        // Forget deleted and renamed sources.
        parsed.keySet().retainAll(seen.keySet());
        for (Document document : documents) {
            if (Pages.isGenerated(document.url())) {
                problems.add(Problem.at(document.source(), "is published at " + document.url()
                        + ", which the site generates itself; rename it"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems, ExitCodes.SITE_PROBLEM);
        }
        documentDigests.clear();
        seen.values().forEach(p -> documentDigests.put(p.document(), p.digest()));
        return documents;
    }

    /**
     * The last build's result for a source whose size and modification time are unchanged, or
     * {@code null}. Sources with an {@code include::} are never reused: the included file may
     * have changed.
     */
    private Parsed reusable(Path file) {
        Parsed previous = parsed.get(file);
        return previous != null && !previous.includes() && previous.stamp().equals(FileStamp.of(file)) ? previous : null;
    }

    /**
     * Parses a source, unless its bytes are those {@code previous} (the last build's entry, or
     * {@code null}) was parsed from. Runs on a worker thread and touches no shared state.
     */
    private Parsed parse(Path root, Path file, Parsed previous, Set<String> types) {
        FileStamp stamp = FileStamp.of(file);
        byte[] bytes = read(file);
        String digest = Fingerprint.sha256((file.toString() + "\n").getBytes(StandardCharsets.UTF_8))
                + Fingerprint.sha256(bytes);
        if (previous != null && previous.digest().equals(digest) && !previous.includes()) {
            return new Parsed(stamp, digest, previous.document(), false, false);
        }
        Document document = parser.parse(root, file, types);
        boolean includes = new String(bytes, StandardCharsets.UTF_8).contains("include::");
        return new Parsed(stamp, digest, document, includes, true);
    }

    /**
     * The threads ({@link #threads} of them) that parse sources and render pages, kept for the
     * baker's lifetime. Threads of their own let a caller, such as the preview, keep its thread
     * free, and let the building thread compile the templates while sources are parsed.
     */
    private ExecutorService workers() {
        if (workers == null) {
            AtomicInteger count = new AtomicInteger();
            workers = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "asciidoctor-worker-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    /** Adds the theme's assets, then the non-AsciiDoc files beside the sources (images). */
    private void copyAssets(SiteSources sources, Map<String, byte[]> files) {
        if (sources.assets() != null) {
            for (Path file : files(sources.assets(), false)) {
                files.put(sources.assets().relativize(file).toString().replace('\\', '/'), asset(file));
            }
        }
        for (Path root : sources.contentRoots()) {
            for (Path file : files(root, false)) {
                files.put(root.relativize(file).toString().replace('\\', '/'), asset(file));
            }
        }
    }

    /** An asset's bytes, read again only when its size or modification time changed. */
    private byte[] asset(Path file) {
        FileStamp stamp = FileStamp.of(file);
        Asset cached = assets.get(file);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.bytes();
        }
        byte[] bytes = read(file);
        assets.put(file, new Asset(stamp, bytes));
        return bytes;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SiteException(List.of(Problem.at(file, "cannot be read: " + e.getMessage())), ExitCodes.IO, e);
        }
    }

    /** A digest of every file under a folder, paths and bytes. */
    private static String digestOfFolder(Path folder) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                all.append(folder.relativize(file)).append('\0').append(Fingerprint.sha256(read(file))).append('\n');
            }
        } catch (IOException e) {
            throw new SiteException(List.of(Problem.at(folder, "cannot be listed: " + e.getMessage())), ExitCodes.IO, e);
        }
        return Fingerprint.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Regular, non-hidden files under {@code root}: AsciiDoc sources or everything else, sorted. */
    private static List<Path> files(Path root, boolean asciidoc) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(".adoc") == asciidoc)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SiteException(List.of(Problem.at(root, "cannot be listed: " + e.getMessage())), ExitCodes.IO, e);
        }
    }

    /** Size and modification time: a cheap test that a file has not changed. */
    private record FileStamp(long size, java.nio.file.attribute.FileTime modified) {
        static FileStamp of(Path file) {
            try {
                var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                return new FileStamp(attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                throw new SiteException(List.of(Problem.at(file, "cannot be read: " + e.getMessage())), ExitCodes.IO, e);
            }
        }
    }

    /** A parsed source and what it was parsed from; {@code fresh} if Asciidoctor ran this build. */
    private record Parsed(FileStamp stamp, String digest, Document document, boolean includes, boolean fresh) {
    }

    private record Asset(FileStamp stamp, byte[] bytes) {
    }

    private record TemplateSet(Path folder, String fingerprint, Templates templates) {
    }

    /** A rendered page and the fingerprint of what it was rendered from. */
    record Rendered(String fingerprint, byte[] bytes) {
    }

    /** Renders one template to text; tests wrap it to observe what each page receives. */
    @FunctionalInterface
    interface PageRenderer {
        PageRenderer DIRECT = Templates::render;

        String render(Templates templates, String template, Map<String, Object> model, String what);
    }

    /** Renders every HTML page of one bake and remembers which are indexable. */
    private final class Pages {
        private final Path root;
        private final SiteConfig site;
        private final Map<String, Object> data;
        private final SiteModel model;
        private final Templates templates;
        private final Map<String, byte[]> out;
        private final boolean preview;
        private final LocalDate today;
        private final Map<String, LocalDate> indexable = new LinkedHashMap<>();
        private final Map<String, Rendered> cache = new HashMap<>();
        private final Set<String> renderedPaths = new java.util.HashSet<>();
        /** Pages being rendered, in the order they were asked for, so that failures are reported in that order. */
        private final Map<String, Future<Rendered>> pending = new LinkedHashMap<>();
        /** Digests of the big values many pages share (site, data, post lists), made once per build. */
        private final Map<Object, String> shared = new java.util.IdentityHashMap<>();

        Pages(Path root, SiteConfig site, Map<String, Object> data, SiteModel model, Templates templates,
              Map<String, byte[]> out, boolean preview, LocalDate today) {
            this.root = root;
            this.today = today;
            this.site = site;
            this.data = data;
            this.model = model;
            this.templates = templates;
            this.out = out;
            this.preview = preview;
        }

        static boolean isGenerated(String url) {
            return url.equals("/blog/") || url.startsWith("/blog/page/") || url.startsWith("/tags/")
                    || url.equals("/archive/") || url.equals(AtomFeed.PATH) || url.equals(Sitemap.PATH)
                    || url.equals("/robots.txt");
        }

        Map<String, LocalDate> indexable() {
            return new TreeMap<>(indexable);
        }

        void renderAll() {
            List<Document> posts = model.posts();
            LocalDate newest = posts.isEmpty() ? null : posts.get(0).lastModified();
            for (Document document : model.pages()) {
                Map<String, Object> values = base(document.url());
                values.put("content", document);
                values.put("notice", notice(document));
                values.put("editUrl", editUrl(document));
                values.put("posts", posts);
                values.put("years", years(model.byYear()));
                LocalDate lastModified = document.url().equals("/") && newest != null ? newest : document.lastModified();
                page(document.type(), values, document.source().toString(), !document.url().endsWith("404.html"),
                        lastModified);
            }
            for (Document post : posts) {
                Map<String, Object> values = base(post.url());
                values.put("content", post);
                values.put("notice", notice(post));
                values.put("older", model.older(post));
                values.put("newer", model.newer(post));
                values.put("related", model.related(post, RELATED_POSTS));
                values.put("series", model.series(post));
                values.put("editUrl", editUrl(post));
                page(post.type(), values, post.source().toString(), true, post.lastModified());
            }
            renderBlogIndex(posts);
            List<Listing.Tag> tags = new ArrayList<>();
            model.byTag().forEach((name, tagged) -> tags.add(new Listing.Tag(name, "/tags/" + name + "/", tagged)));
            for (Listing.Tag tag : tags) {
                Map<String, Object> values = base(tag.url());
                values.put("tagPage", tag);
                page("tag", values, "the tag page " + tag.url(), true, tag.posts().get(0).lastModified());
            }
            Map<String, Object> tagIndex = base("/tags/");
            tagIndex.put("allTags", tags);
            page("tags", tagIndex, "the tags index", true, newest);
            Map<String, Object> archive = base("/archive/");
            archive.put("years", years(model.byYear()));
            page("archive", archive, "the archive", true, newest);
        }

        private void renderBlogIndex(List<Document> posts) {
            int perPage = site.postsPerPage();
            int total = Math.max(1, (posts.size() + perPage - 1) / perPage);
            for (int n = 1; n <= total; n++) {
                String url = blogPage(n);
                List<Document> slice = posts.subList((n - 1) * perPage, Math.min(posts.size(), n * perPage));
                Map<String, Object> values = base(url);
                values.put("posts", slice);
                values.put("pagination", new Listing.Pagination(n, total, n > 1 ? blogPage(n - 1) : null,
                        n < total ? blogPage(n + 1) : null));
                page("blog", values, "blog index page " + n, true, slice.isEmpty() ? null : slice.get(0).lastModified());
            }
        }

        /** In the preview, why a page would not be published (yet); otherwise {@code null}. */
        private String notice(Document document) {
            if (document.status() == Status.DRAFT) {
                return "Draft: visible only in this preview, never published.";
            }
            if (!document.isDue(today)) {
                return "Scheduled for " + FORMATS.date(document.date()) + ": not published until then.";
            }
            return null;
        }

        /** The "edit this page" address of a source, or {@code null} when the site has none. */
        private String editUrl(Document document) {
            if (site.editUrl().isEmpty()) {
                return null;
            }
            return site.editUrl() + root.relativize(document.source()).toString().replace('\\', '/');
        }

        private static String blogPage(int n) {
            return n == 1 ? "/blog/" : "/blog/page/" + n + "/";
        }

        private List<Listing.Year> years(Map<Integer, List<Document>> byYear) {
            List<Listing.Year> years = new ArrayList<>();
            byYear.forEach((year, posts) -> years.add(new Listing.Year(year, posts)));
            return years;
        }

        private Map<String, Object> base(String url) {
            Map<String, Object> values = new HashMap<>();
            values.put("site", site);
            values.put("data", data);
            values.put("url", url);
            values.put("preview", preview);
            values.put("fmt", FORMATS);
            values.put("notice", null);
            return values;
        }

        private void page(String template, Map<String, Object> values, String what, boolean index, LocalDate lastModified) {
            String url = (String) values.get("url");
            String path = Routes.outputPath(url);
            values.put("noindex", !index);
            String fingerprint = new Fingerprint(documentDigests::get, shared)
                    .add(templateSet.fingerprint()).add(template).add(values).hex();
            Rendered previous = rendered.get(path);
            if (previous != null && previous.fingerprint().equals(fingerprint)) {
                cache.put(path, previous);
                out.put(path, previous.bytes());
            } else {
                Supplier<Rendered> render = () -> new Rendered(fingerprint,
                        renderer.render(templates, template, values, what).getBytes(StandardCharsets.UTF_8));
                pending.put(path, threads == 1 ? CompletableFuture.completedFuture(render.get())
                        : CompletableFuture.supplyAsync(render, workers()));
                renderedPaths.add(path);
            }
            if (index) {
                indexable.put(url, lastModified);
            }
        }

        /** Waits for the pages being rendered on the workers; the first failure is thrown. */
        void finish() {
            try {
                for (Map.Entry<String, Future<Rendered>> page : pending.entrySet()) {
                    Rendered rendered = page.getValue().get();
                    cache.put(page.getKey(), rendered);
                    out.put(page.getKey(), rendered.bytes());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering", e);
            } catch (ExecutionException e) {
                pending.values().forEach(f -> f.cancel(false));
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
    }
}
