package com.sethihemant.site.bake;

import com.sethihemant.site.Digest;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.content.DataFiles;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.LocalReferences;
import com.sethihemant.site.content.Routes;
import com.sethihemant.site.content.SourceMap;
import com.sethihemant.site.content.Status;
import com.sethihemant.site.figures.Figures;
import com.sethihemant.site.theme.ArchivePage;
import com.sethihemant.site.theme.BlogPage;
import com.sethihemant.site.theme.Image;
import com.sethihemant.site.theme.SearchPage;
import com.sethihemant.site.theme.TagPage;
import com.sethihemant.site.theme.TagsPage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bakes a site: parses every source, decides what is published, renders each page once through
 * the theme's templates, and writes the feeds (Atom and JSON Feed), the sitemap, robots.txt,
 * llms.txt, the search index and the posts' social cards. Output goes to a fresh folder that
 * replaces the previous site only when everything succeeded.
 *
 * <p>Drafts and posts dated after today are left out entirely (stock JBake still writes them, as
 * {@code *-draft.html} or at their final URL). In preview mode they are included, for the author.
 */
public final class Baker implements AutoCloseable {

    /** Templates for pages the baker generates; they cannot be used as a document type. */
    static final Set<String> LISTING_TEMPLATES = Set.of(BlogPage.TEMPLATE, TagsPage.TEMPLATE, TagPage.TEMPLATE,
            ArchivePage.TEMPLATE, SearchPage.TEMPLATE);

    /** Markup files this site does not render; in a content folder they are a mistake. */
    private static final List<String> OTHER_MARKUP = List.of(".md", ".markdown", ".asciidoc", ".asc", ".ad");

    private final ContentParser parser;
    private final Clock clock;
    private final Pages.PageRenderer renderer;
    private final int threads;
    private final TemplateClassCache templateCache;
    private final DocumentCache documentCache;
    private final SocialCards cards;
    private final SearchIndex search = new SearchIndex();
    private final LocalReferences.Scans references = new LocalReferences.Scans();

    // What the previous build produced, so the next one can reuse what did not change. A baker
    // builds one site at a time; the preview server calls it from its one watcher thread.
    private final Map<Path, Parsed> parsed = new HashMap<>();
    private Set<String> parsedTypes = Set.of();
    private final Map<Document, String> documentDigests = new IdentityHashMap<>();
    private final Map<Path, Asset> assets = new HashMap<>();
    private TemplateSet templateSet;
    private Map<String, Pages.Rendered> rendered = Map.of();
    private Path lastOutput;
    private ExecutorService workers;
    private boolean closed;
    private Map<String, byte[]> lastWritten = Map.of();
    /** The last build's sources and types, for {@link #warmUpParser}, which another thread may call. */
    private volatile WarmUp warmUp;

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
        this(parser, clock, threads, new Caches(null, null, null));
    }

    /**
     * @param templateCache a folder where the theme's compiled templates are kept between runs,
     *                      so that the next bake loads them instead of compiling them; {@code null}
     *                      for none
     */
    public Baker(ContentParser parser, Clock clock, int threads, Path templateCache) {
        this(parser, clock, threads, new Caches(templateCache, null, null));
    }

    /**
     * @param caches folders where compiled templates, parsed sources and social cards are kept
     *               between runs, so that the next bake loads them instead of making them again
     */
    public Baker(ContentParser parser, Clock clock, int threads, Caches caches) {
        this(parser, clock, Pages.PageRenderer.DIRECT, threads, TemplateClassCache.in(caches.templates()),
                DocumentCache.in(caches.documents()), caches.cards());
    }

    Baker(ContentParser parser, Clock clock, Pages.PageRenderer renderer, int threads) {
        this(parser, clock, renderer, threads, TemplateClassCache.NONE, DocumentCache.NONE, null);
    }

    private Baker(ContentParser parser, Clock clock, Pages.PageRenderer renderer, int threads,
                  TemplateClassCache templateCache, DocumentCache documentCache, Path cardCache) {
        this.parser = parser;
        this.clock = clock;
        this.renderer = renderer;
        this.threads = Math.max(1, threads);
        this.templateCache = templateCache;
        this.documentCache = documentCache;
        this.cards = new SocialCards(cardCache);
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
        // What this bake did not use is of sources that changed or went away.
        documentCache.retain(parsed.values().stream().map(Parsed::key).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
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
        // Each content folder is listed once: its sources are parsed, its other files published.
        Map<Path, List<Path>> content = new LinkedHashMap<>();
        sources.contentRoots().forEach(root -> content.put(root, files(root)));
        List<Problem> problems = startParsing(content, types, rootOf, parsing);
        Templates templates;
        try {
            templates = templates(sources.templates());
        } catch (RuntimeException e) {
            parsing.values().forEach(f -> f.cancel(false));
            throw e;
        }
        int[] changed = new int[1];
        List<Document> all = collectParsed(rootOf, parsing, problems, changed);
        warmUp = new WarmUp(rootOf.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
                Set.copyOf(types));
        Map<String, Object> data = DataFiles.load(sources.data(), site.dataFiles());
        List<Document> published = new ArrayList<>();
        for (Document document : all) {
            if (preview || document.status() == Status.PUBLISHED && document.isDue(today)) {
                published.add(document);
            }
        }
        SiteModel model = new SiteModel(published, Set.copyOf(site.seriesTags()));

        // Each post's card is planned now (its address and text go into the post's page) and
        // drawn on the workers while the pages render; so are the feeds written, and the bodies
        // read for the reference check and the search index.
        Map<String, SocialCards.Card> planned = planCards(sources, site, model.posts());
        Map<String, Future<byte[]>> drawing = drawCards(planned);
        Map<String, Image> cardImages = new HashMap<>();
        planned.forEach((url, card) -> cardImages.put(url, card.image()));
        Future<byte[]> atomFeed = onWorkers(() -> AtomFeed.write(site, model.posts()));
        Future<byte[]> jsonFeed = onWorkers(() -> JsonFeed.write(site, model.posts(),
                post -> planned.containsKey(post.url()) ? planned.get(post.url()).image().url() : null));
        if (threads > 1) {
            references.start(published, workers());
            if (templates.has(SearchPage.TEMPLATE)) {
                search.start(model.posts(), workers());
            }
        }

        Pages.Output pages = new Pages(new Pages.Inputs(sources.root(), site, data, model, preview, today, cardImages),
                templates, templateSet.fingerprint(), renderer, rendered, documentDigests::get,
                threads == 1 ? null : workers()).render();
        rendered = pages.renders();
        Map<String, byte[]> files = new HashMap<>(pages.files());
        copyAssets(sources.assets(), content, files);
        List<Problem> clashes = new ArrayList<>();
        Map<String, byte[]> generated = new LinkedHashMap<>();
        generated.put(Routes.outputPath(Routes.FEED), join(atomFeed, "writing the feed"));
        generated.put(Routes.outputPath(Routes.JSON_FEED), join(jsonFeed, "writing the JSON feed"));
        Future<byte[]> sitemap = onWorkers(() -> Sitemap.write(site, pages.indexable()));
        Future<byte[]> llms = onWorkers(() -> LlmsTxt.write(site, pages.indexable().values()));
        byte[] searchIndex = pages.files().containsKey(Routes.outputPath(Routes.SEARCH)) ? searchIndex(model, pages) : null;
        generated.put(Routes.outputPath(Routes.SITEMAP), join(sitemap, "writing the sitemap"));
        generated.put(Routes.outputPath(Routes.ROBOTS), Sitemap.robots(site));
        generated.put(Routes.outputPath(Routes.LLMS), join(llms, "writing llms.txt"));
        if (searchIndex != null) {
            generated.put(Routes.outputPath(Routes.SEARCH_INDEX), searchIndex);
        }
        for (SocialCards.Card card : planned.values()) {
            generated.put(card.path(), join(drawing.get(card.key()), "drawing the social cards"));
        }
        cards.retain(drawing.keySet());
        generated.forEach((path, bytes) -> {
            if (files.put(path, bytes) != null) {
                clashes.add(Problem.at(sources.root(), "has a file that would be published at /" + path
                        + ", which the site generates itself; rename or remove that file"));
            }
        });
        if (!clashes.isEmpty()) {
            throw SiteException.content(clashes);
        }
        // Every image, link and cross reference must lead somewhere in what is about to be written.
        LocalReferences.check(published, files, references);
        files.put(SourceMap.PATH, SourceMap.write(sources.root(), published));
        return new Site(files, model.posts().size(), model.pages().size(), model.byTag().size(),
                all.size() - published.size(), pages.rendered(), changed[0], (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The social card of each post, by the post's URL: none when the theme has no card folder,
     * and none for a post whose title the card's font cannot show at all.
     */
    private Map<String, SocialCards.Card> planCards(SiteSources sources, SiteConfig site, List<Document> posts) {
        Map<String, SocialCards.Card> planned = new LinkedHashMap<>();
        if (sources.card() == null || sources.assets() == null) {
            return planned;
        }
        SocialCards.Look look = cards.look(sources.card(), sources.assets().resolve("css/site.css"));
        for (Document post : posts) {
            SocialCards.Card card = cards.plan(look, site.title(), post);
            if (card != null) {
                planned.put(post.url(), card);
            }
        }
        return planned;
    }

    /** Starts drawing the cards not already known, by key (two posts may share a card). */
    private Map<String, Future<byte[]>> drawCards(Map<String, SocialCards.Card> planned) {
        Map<String, Future<byte[]>> drawing = new LinkedHashMap<>();
        if (planned.isEmpty()) {
            return drawing;
        }
        SocialCards.Look look = cards.currentLook();
        for (SocialCards.Card card : planned.values()) {
            if (!drawing.containsKey(card.key())) {
                drawing.put(card.key(), onWorkers(() -> cards.bytes(look, card)));
            }
        }
        return drawing;
    }

    /**
     * The search index of everything that would be published: posts newest first, then pages.
     * Drafts and scheduled posts are left out even in the preview, which shows what visitors
     * will find.
     */
    private byte[] searchIndex(SiteModel model, Pages.Output pages) {
        Map<Document, SearchIndex.Entry> seen = new IdentityHashMap<>();
        List<SearchIndex.Entry> entries = new ArrayList<>();
        for (Document post : model.posts()) {
            Pages.Listed listed = pages.indexable().get(post.url());
            if (listed != null && listed.published()) {
                entries.add(search.post(post, seen));
            }
        }
        for (Document page : model.pages()) {
            Pages.Listed listed = pages.indexable().get(page.url());
            if (listed != null && listed.published()) {
                entries.add(search.page(page, pages.files().get(Routes.outputPath(page.url()))));
            }
        }
        search.keep(seen);
        return SearchIndex.write(entries);
    }

    /** Runs {@code work} on the workers, or at once on this thread when the baker has one thread. */
    private <T> Future<T> onWorkers(Supplier<T> work) {
        return threads == 1 ? CompletableFuture.completedFuture(work.get()) : workers().submit(work::get);
    }

    /** The result of work {@link #onWorkers} started; {@code what} names it if interrupted. */
    private static <T> T join(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
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
    private List<Problem> startParsing(Map<Path, List<Path>> content, Set<String> types, Map<Path, Path> rootOf,
                                       Map<Path, Future<Parsed>> parsing) {
        List<Problem> problems = new ArrayList<>();
        List<Path> toParse = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> listed : content.entrySet()) {
            Path root = listed.getKey();
            for (Path file : listed.getValue().stream().filter(f -> !isAsciiDoc(f)).toList()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (OTHER_MARKUP.stream().anyMatch(name::endsWith)) {
                    // Would otherwise be published as a raw file; stock JBake renders Markdown.
                    problems.add(Problem.at(file, "is not AsciiDoc; this site renders only .adoc files,"
                            + " so rename it to .adoc (and convert its markup) or move it out of the content folder"));
                }
            }
            for (Path file : listed.getValue().stream().filter(Baker::isAsciiDoc).toList()) {
                rootOf.put(file, root);
                Parsed reused = reusable(file);
                if (reused == null) {
                    toParse.add(file);
                } else {
                    parsing.put(file, CompletableFuture.completedFuture(reused));
                }
            }
        }
        if (!toParse.isEmpty() && !documentCache.isEnabled()) {
            // Every one will be parsed: JRuby boots now, beside the template compiler. (With a
            // cache, the first source not in it starts it, and a bake that finds all never does.)
            parser.start();
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
            if (Routes.isGenerated(document.url())) {
                problems.add(Problem.at(document.source(), "is published at " + document.url()
                        + ", which the site generates itself; rename it"));
            }
        }
        if (!problems.isEmpty()) {
            throw SiteException.content(problems);
        }
        documentDigests.clear();
        seen.values().forEach(p -> documentDigests.put(p.document(), p.digest()));
        return documents;
    }

    /**
     * The last build's result for a source whose size and modification time are unchanged, or
     * {@code null}. Sources with an {@code include::} are never reused: the included file may
     * have changed. Nor are sources with a chart by their stamp alone: {@link #parse} digests
     * their data files too.
     */
    private Parsed reusable(Path file) {
        Parsed previous = parsed.get(file);
        return previous != null && !previous.includes() && !previous.readsData()
                && previous.stamp().equals(FileStamp.of(file)) ? previous : null;
    }

    /**
     * Parses a source, unless its bytes are those {@code previous} (the last build's entry, or
     * {@code null}) was parsed from. Runs on a worker thread and touches no shared state.
     */
    private Parsed parse(Path root, Path file, Parsed previous, Set<String> types) {
        FileStamp stamp = FileStamp.of(file);
        byte[] bytes = read(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        // A chart's data file is part of what the source is made of: its bytes join the digest.
        String data = Figures.dataDigest(file, text);
        // A source that includes other files is parsed again every build, and so is one whose
        // charts name their data through an attribute, which only Asciidoctor resolves.
        boolean includes = text.contains("include::") || data == null;
        boolean readsData = data != null && !data.isEmpty();
        String digest = Digest.hex((file.toString() + "\n").getBytes(StandardCharsets.UTF_8))
                + Digest.hex(bytes) + (readsData ? data : "");
        if (previous != null && previous.digest().equals(digest) && !previous.includes()) {
            return new Parsed(stamp, digest, previous.document(), false, readsData, false, previous.key());
        }
        // The key of the document cache: the digest of what a parse reads besides the source.
        String key = includes || !documentCache.isEnabled() ? null : DocumentCache.key(parser.fingerprint(),
                String.join(",", types), root.toAbsolutePath().normalize().toString(), digest);
        Document cached = key == null ? null : documentCache.get(key, file);
        if (cached != null) {
            return new Parsed(stamp, digest, cached, false, readsData, false, key);
        }
        Document document = parser.parse(root, file, types);
        if (key != null) {
            documentCache.put(key, document);
        }
        // Its pages are fingerprinted by this digest: for a source with includes it must also cover
        // what the other files made of it, or a page would not be rendered again when only they changed.
        String covering = includes ? digest + Digest.hex(document.bodyHtml().getBytes(StandardCharsets.UTF_8)) : digest;
        return new Parsed(stamp, covering, document, includes, readsData, true, key);
    }

    /**
     * Parses up to {@code count} of the last build's sources again and forgets the results, so
     * that Asciidoctor (booted if it was not) is past the slow first conversions when the author
     * edits one: a bake that found every source in the document cache has not converted any. The
     * preview calls it, in the background, once it serves. Safe to call from any thread.
     */
    public void warmUpParser(int count) {
        WarmUp last = warmUp;
        if (last == null) {
            return;
        }
        for (Map.Entry<Path, Path> source : last.sources().subList(0, Math.min(count, last.sources().size()))) {
            try {
                parser.parse(source.getValue(), source.getKey(), last.types());
            } catch (RuntimeException e) {
                // A source that fails is reported by the builds; here it only warmed less.
            }
        }
    }

    /**
     * The threads ({@link #threads} of them) that parse sources and render pages, kept for the
     * baker's lifetime and stopped by {@link #close()}. Threads of their own let a caller, such as
     * the preview, keep its thread free, and let the building thread compile the templates while
     * sources are parsed.
     */
    private synchronized ExecutorService workers() {
        if (closed) {
            throw new IllegalStateException("this baker is closed");
        }
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

    /** Stops the worker threads; a closed baker builds no more. */
    @Override
    public synchronized void close() {
        closed = true;
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }

    /**
     * Adds the theme's assets (from {@code assets}, or none when {@code null}), then the
     * non-AsciiDoc files beside the sources (images), from each content folder's listing.
     */
    private void copyAssets(Path assets, Map<Path, List<Path>> content, Map<String, byte[]> files) {
        if (assets != null) {
            for (Path file : files(assets)) {
                String path = assets.relativize(file).toString().replace('\\', '/');
                files.put(path, path.endsWith(".js") ? Scripts.compact(asset(file)) : asset(file));
            }
        }
        content.forEach((root, listed) -> {
            for (Path file : listed) {
                if (!isAsciiDoc(file)) {
                    files.put(root.relativize(file).toString().replace('\\', '/'), asset(file));
                }
            }
        });
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
            throw SiteException.io(file, "cannot be read", e);
        }
    }

    /** A digest of every file under a folder, paths and bytes. */
    private static String digestOfFolder(Path folder) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                all.append(folder.relativize(file)).append('\0').append(Digest.hex(read(file))).append('\n');
            }
        } catch (IOException e) {
            throw SiteException.io(folder, "cannot be listed", e);
        }
        return Digest.hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Regular, non-hidden files under {@code root}, sorted. */
    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw SiteException.io(root, "cannot be listed", e);
        }
    }

    private static boolean isAsciiDoc(Path file) {
        return file.getFileName().toString().endsWith(".adoc");
    }

    /** Size and modification time: a cheap test that a file has not changed. */
    private record FileStamp(long size, FileTime modified) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                throw SiteException.io(file, "cannot be read", e);
            }
        }
    }

    /**
     * A parsed source and what it was parsed from; {@code readsData} if its digest covers a
     * chart's data file; {@code fresh} if Asciidoctor ran this build; {@code key} its entry in the
     * document cache, or {@code null} for none.
     */
    private record Parsed(FileStamp stamp, String digest, Document document, boolean includes, boolean readsData,
                          boolean fresh, String key) {
    }

    private record Asset(FileStamp stamp, byte[] bytes) {
    }

    private record TemplateSet(Path folder, String fingerprint, Templates templates) {
    }

    /**
     * Folders a baker keeps things in between runs; each may be {@code null} for none.
     *
     * @param templates the theme's compiled templates ({@link TemplateClassCache})
     * @param documents parsed sources ({@link DocumentCache})
     * @param cards     the posts' social cards
     */
    public record Caches(Path templates, Path documents, Path cards) {
    }

    /** Sources (file to content folder) and the theme's document types, as the last build saw them. */
    private record WarmUp(List<Map.Entry<Path, Path>> sources, Set<String> types) {
    }
}
