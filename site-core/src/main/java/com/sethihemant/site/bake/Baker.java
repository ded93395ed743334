package com.sethihemant.site.bake;

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
import com.sethihemant.site.theme.ArchivePage;
import com.sethihemant.site.theme.BlogPage;
import com.sethihemant.site.theme.Image;
import com.sethihemant.site.theme.SearchPage;
import com.sethihemant.site.theme.TagPage;
import com.sethihemant.site.theme.TagsPage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bakes a site: has every source parsed ({@link ParsedSources}), decides what is published, has
 * each page rendered once through the theme's templates ({@link Pages}), and has the feeds (Atom
 * and JSON Feed), the sitemap, robots.txt, llms.txt, the search index and the posts' social cards
 * written beside them, on a pool of worker threads it owns and {@linkplain #close() closes}.
 * Output goes to a fresh folder that replaces the previous site only when everything succeeded.
 *
 * <p>Drafts and posts dated after today are left out entirely (stock JBake still writes them, as
 * {@code *-draft.html} or at their final URL). In preview mode they are included, for the author.
 */
public final class Baker implements AutoCloseable {

    /** Templates for pages the baker generates; they cannot be used as a document type. */
    static final Set<String> LISTING_TEMPLATES = Set.of(BlogPage.TEMPLATE, TagsPage.TEMPLATE, TagPage.TEMPLATE,
            ArchivePage.TEMPLATE, SearchPage.TEMPLATE);

    private final Clock clock;
    private final Pages.PageRenderer renderer;
    private final int threads;
    private final TemplateClassCache templateCache;
    private final SocialCards cards;
    private final SearchIndex search = new SearchIndex();
    private final LocalReferences.Scans references = new LocalReferences.Scans();

    // What the previous build produced, so the next one can reuse what did not change. A baker
    // builds one site at a time; the preview server calls it from its one watcher thread.
    private final ParsedSources parsed;
    private final Assets assets = new Assets();
    private TemplateSet templateSet;
    private Map<String, Pages.Rendered> rendered = Map.of();
    private SiteModel lastModel;
    private Path lastOutput;
    private ExecutorService workers;
    private boolean closed;
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
        this.parsed = new ParsedSources(parser, documentCache);
        this.clock = clock;
        this.renderer = renderer;
        this.threads = Math.max(1, threads);
        this.templateCache = templateCache;
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
        parsed.retainCache();
        return new BakeResult(output, site.posts(), site.pages(), site.tags(), site.files().size(), site.skipped(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Builds the site in memory. Sources, templates and pages that did not change since the
     * previous build of this baker are reused, so a rebuild after editing one post parses one
     * file and renders only the pages whose inputs changed; the result is always the same as a
     * full build's (see {@link Pages}).
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

        // Asciidoctor starts on the sources while this thread compiles the templates. Each content
        // folder is listed once: its sources are parsed, its other files published.
        Map<Path, List<Path>> content = new LinkedHashMap<>();
        sources.contentRoots().forEach(root -> content.put(root, SourceFiles.list(root)));
        ParsedSources.Parsing parsing = parsed.start(content, types, this::workers);
        Templates templates;
        try {
            templates = templates(sources.templates());
        } catch (RuntimeException e) {
            parsing.cancel();
            throw e;
        }
        ParsedSources.Collected collected = parsed.collect(parsing);
        List<Document> all = collected.documents();
        Map<String, Object> data = DataFiles.load(sources.data(), site.dataFiles());
        List<Document> published = new ArrayList<>();
        for (Document document : all) {
            if (preview || document.status() == Status.PUBLISHED && document.isDue(today)) {
                published.add(document);
            }
        }
        SiteModel model = new SiteModel(published, Set.copyOf(site.seriesTags()), lastModel);
        lastModel = model;

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
                templates, templateSet.fingerprint(), renderer, rendered,
                threads == 1 ? null : workers()).render();
        rendered = pages.renders();
        Map<String, byte[]> files = new HashMap<>(pages.files());
        assets.copy(sources.assets(), content, files);
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
                all.size() - published.size(), pages.rendered(), collected.fresh(), (System.nanoTime() - start) / 1_000_000);
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
        String fingerprint = SourceFiles.digestOfFolder(folder);
        if (templateSet == null || !templateSet.folder().equals(folder) || !templateSet.fingerprint().equals(fingerprint)) {
            Templates templates = new Templates(folder, templateCache);
            templates.compileAll();
            templateSet = new TemplateSet(folder, fingerprint, templates);
            rendered = Map.of();
        }
        return templateSet.templates();
    }

    /**
     * Parses up to {@code count} of the last build's sources again and forgets the results, so
     * that Asciidoctor (booted if it was not) is past the slow first conversions when the author
     * edits one: a bake that found every source in the document cache has not converted any. The
     * preview calls it, in the background, once it serves. Safe to call from any thread.
     */
    public void warmUpParser(int count) {
        parsed.warmUp(count);
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
}
