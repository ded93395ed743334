package com.sethihemant.site.bake;

import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Routes;
import com.sethihemant.site.content.Status;
import com.sethihemant.site.theme.ArchivePage;
import com.sethihemant.site.theme.BlogPage;
import com.sethihemant.site.theme.Citation;
import com.sethihemant.site.theme.DocumentPage;
import com.sethihemant.site.theme.Formats;
import com.sethihemant.site.theme.Image;
import com.sethihemant.site.theme.Listing;
import com.sethihemant.site.theme.Page;
import com.sethihemant.site.theme.PageModel;
import com.sethihemant.site.theme.Paper;
import com.sethihemant.site.theme.PostPage;
import com.sethihemant.site.theme.PostSummary;
import com.sethihemant.site.theme.SearchPage;
import com.sethihemant.site.theme.TagPage;
import com.sethihemant.site.theme.TagsPage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Renders every HTML page of one bake: one {@link PageModel} per page, rendered by its template
 * unless the previous build rendered that page from an equal model with the same templates, whose
 * bytes are then reused. Templates are pure functions of their model, and a model is a record of
 * records, lists, maps and plain values whose equality compares everything a template can read,
 * so a rebuild that reuses pages matches a full bake byte for byte. (A value whose class compares
 * by identity only makes its page render every time.) Everything it needs is passed in; an
 * instance renders one build, once.
 */
final class Pages {

    /** Related posts shown under a post. */
    static final int RELATED_POSTS = 3;
    private static final Formats FORMATS = new Formats();

    private final Inputs inputs;
    private final Templates templates;
    private final String templatesFingerprint;
    private final PageRenderer renderer;
    private final Map<String, Rendered> previous;
    private final Executor executor;

    private final Map<String, Listed> indexable = new LinkedHashMap<>();
    private final Map<String, Rendered> renders = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Set<String> rendered = new HashSet<>();
    /**
     * Pages being compared with the last build's and rendered, in the order they were asked for,
     * so that failures are reported in that order.
     */
    private final Map<String, Future<Rendered>> pending = new LinkedHashMap<>();
    private boolean done;

    /**
     * @param inputs               what this build publishes
     * @param templates            the theme, compiled
     * @param templatesFingerprint the digest of the theme's files: a page is reused only if it was
     *                             rendered by the same templates
     * @param renderer             renders one page with its template
     * @param previous             what the previous build rendered, by output path
     * @param executor             where pages are rendered; {@code null} renders them on the calling thread
     */
    Pages(Inputs inputs, Templates templates, String templatesFingerprint, PageRenderer renderer,
          Map<String, Rendered> previous, Executor executor) {
        this.inputs = inputs;
        this.templates = templates;
        this.templatesFingerprint = templatesFingerprint;
        this.renderer = renderer;
        this.previous = previous;
        this.executor = executor;
    }

    /**
     * What one build publishes.
     *
     * @param root    the project folder, against which "edit this page" links name sources
     * @param site    the site's configuration
     * @param data    the data files
     * @param model   the published documents and their relations
     * @param preview whether drafts and scheduled posts are shown, with a notice
     * @param today   the day that decides which dated posts are due
     * @param cards   the social card of each post that has one, by the post's URL
     */
    record Inputs(Path root, SiteConfig site, Map<String, Object> data, SiteModel model, boolean preview,
                  LocalDate today, Map<String, Image> cards) {
    }

    /** What a page of the sitemap (and llms.txt) is. */
    enum Kind { PAGE, POST, LISTING }

    /**
     * A page the sitemap lists; {@code llms.txt} is written from the same entries.
     *
     * @param url          its site path
     * @param title        its title, as plain text
     * @param description  its description
     * @param lastModified its last modification, or {@code null} when unknown
     * @param kind         a page from a source, a post, or a page the bake generates
     * @param published    whether it would be on the published site (in the preview, drafts and
     *                     scheduled posts are listed too, and are not)
     */
    record Listed(String url, String title, String description, LocalDate lastModified, Kind kind,
                  boolean published) {
    }

    /**
     * A rendered page and what it was rendered from.
     *
     * @param templates the digest of the theme's files
     * @param model     the page's model
     * @param bytes     the page
     */
    record Rendered(String templates, PageModel model, byte[] bytes) {
    }

    /**
     * The pages of one build.
     *
     * @param files     output path to bytes
     * @param renders   every page with its model, for the next build to reuse
     * @param rendered  the output paths rendered by this build (the others were reused)
     * @param indexable each page for the sitemap, by its site path
     */
    record Output(Map<String, byte[]> files, Map<String, Rendered> renders, Set<String> rendered,
                  SortedMap<String, Listed> indexable) {
    }

    /** Renders one page with its template; tests wrap it to observe what each page receives. */
    @FunctionalInterface
    interface PageRenderer {
        PageRenderer DIRECT = (templates, page, what) -> templates.render(page.template(), TemplateModel.of(page), what);

        String render(Templates templates, PageModel page, String what);
    }

    /** Renders every page of the site; the first failure is thrown. */
    Output render() {
        if (done) {
            throw new IllegalStateException("a Pages renders one build; make another for the next");
        }
        done = true;
        SiteModel model = inputs.model();
        List<Document> posts = model.posts();
        LocalDate newest = posts.isEmpty() ? null : posts.get(0).lastModified();
        List<PostSummary> summaries = model.summaries(posts);
        List<Listing.Year> years = years(model);
        String author = inputs.site().author().name();
        for (Document document : model.pages()) {
            boolean index = !document.url().endsWith("404.html");
            LocalDate lastModified = document.url().equals("/") && newest != null ? newest : document.lastModified();
            String notice = notice(document);
            page(new DocumentPage(page(document.url(), notice, index, null, null), document, editUrl(document),
                    summaries, years), document.source().toString(), index ? new Listed(document.url(), document.title(),
                    document.description(), lastModified, Kind.PAGE, notice == null) : null);
        }
        for (Document post : posts) {
            String notice = notice(post);
            page(new PostPage(page(post.url(), notice, true, inputs.cards().get(post.url()), citation(post)), post,
                    editUrl(post), model.link(model.older(post)), model.link(model.newer(post)),
                    model.links(model.related(post, RELATED_POSTS)),
                    model.series(post), paper(post)), post.source().toString(),
                    new Listed(post.url(), post.title(), post.description(), post.lastModified(), Kind.POST,
                            notice == null));
        }
        blogIndex(summaries);
        List<Listing.Tag> tags = new ArrayList<>();
        model.byTag().forEach((name, tagged) -> tags.add(new Listing.Tag(name, Routes.tag(name), model.summaries(tagged))));
        for (Listing.Tag tag : tags) {
            page(new TagPage(page(tag.url(), null, true, null, null), tag), "the tag page " + tag.url(),
                    listing(tag.url(), "Posts tagged “" + tag.name() + "”", "Posts by " + author + " tagged “"
                            + tag.name() + "”, newest first.", tag.posts().get(0).lastModified()));
        }
        page(new TagsPage(page(Routes.TAGS, null, true, null, null), tags), "the tags index",
                listing(Routes.TAGS, "Tags", "The topics " + author + " writes about, with the posts on each.", newest));
        page(new ArchivePage(page(Routes.ARCHIVE, null, true, null, null), years), "the archive",
                listing(Routes.ARCHIVE, "Archive", "Every post by " + author + ", by year.", newest));
        if (templates.has(SearchPage.TEMPLATE)) {
            page(new SearchPage(page(Routes.SEARCH, null, true, null, null), searchEngine()), "the search page",
                    listing(Routes.SEARCH, "Search", "Search the posts, paper notes and pages of " + inputs.site().title()
                            + ".", null));
        }
        finish();
        // A few entries per post (the archive's, a post list's) are in use; the rest are of posts
        // edited since they were rendered.
        templates.trimPartials(4 * (posts.size() + model.pages().size()) + 1024);
        return new Output(files, renders, rendered, new TreeMap<>(indexable));
    }

    private void blogIndex(List<PostSummary> posts) {
        int perPage = inputs.site().postsPerPage();
        int total = Math.max(1, (posts.size() + perPage - 1) / perPage);
        for (int n = 1; n <= total; n++) {
            List<PostSummary> slice = posts.subList((n - 1) * perPage, Math.min(posts.size(), n * perPage));
            Listing.Pagination pagination = new Listing.Pagination(n, total,
                    n > 1 ? Routes.blogPage(n - 1) : null, n < total ? Routes.blogPage(n + 1) : null);
            page(new BlogPage(page(Routes.blogPage(n), null, true, null, null), slice, pagination),
                    "blog index page " + n, listing(Routes.blogPage(n), n == 1 ? "Blog" : "Blog, page " + n + " of " + total,
                            "Posts and paper notes by " + inputs.site().author().name() + ", newest first.",
                            slice.isEmpty() ? null : slice.get(0).lastModified()));
        }
    }

    private static Listed listing(String url, String title, String description, LocalDate lastModified) {
        return new Listed(url, title, description, lastModified, Kind.LISTING, true);
    }

    /**
     * @param image    the page's own image where it is shared, or {@code null} for the site's
     * @param citation how to cite it, or {@code null}
     */
    private Page page(String url, String notice, boolean index, Image image, Citation citation) {
        return new Page(inputs.site(), inputs.data(), url, inputs.preview(), FORMATS, notice, !index,
                image != null ? image : siteImage(inputs.site()), citation);
    }

    /** The image of every page without one of its own: the theme's card with the site's name. */
    static Image siteImage(SiteConfig site) {
        return new Image("/images/card.png", 1200, 630,
                site.title() + (site.tagline().isBlank() ? "" : ": " + site.tagline()));
    }

    /** How to cite a post. */
    private Citation citation(Document post) {
        SiteConfig site = inputs.site();
        String slug = post.url().substring(post.url().lastIndexOf('/', post.url().length() - 2) + 1,
                post.url().length() - 1);
        return Citation.of(site.author().name(), post.title(), site.title(), site.absolute(post.url()), slug,
                post.date(), post.updated());
    }

    /**
     * The paper a paper note is about, from its header; {@code null} for other posts and for
     * notes that do not name their paper.
     */
    private Paper paper(Document post) {
        String title = text(post, "paper-title");
        String venue = text(post, "paper-venue");
        String year = text(post, "paper-year");
        String url = text(post, "paper-url");
        if (title == null && venue == null && year == null && url == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (title == null) {
            missing.add(":paper-title:");
        }
        if (venue == null) {
            missing.add(":paper-venue:");
        }
        if (url == null) {
            missing.add(":paper-url:");
        }
        String problem = !missing.isEmpty() ? "names a paper but has no " + String.join(", ", missing)
                + "; a paper note gives the paper's title, venue and address (and :paper-year:), as ./site new-note writes them"
                : !url.startsWith("https://") && !url.startsWith("http://")
                ? "has ':paper-url: " + url + "', which is not a web address; write it as https://..."
                : year != null && !year.matches("\\d{4}") ? "has ':paper-year: " + year + "'; write the year as four digits"
                : null;
        if (problem != null) {
            throw SiteException.content(post.source(), problem);
        }
        return new Paper(title, venue, year, url);
    }

    private static String text(Document document, String attribute) {
        Object value = document.attributes().get(attribute);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        // Header attribute values have had their special characters escaped by Asciidoctor.
        return org.jsoup.parser.Parser.unescapeEntities(value.toString().strip(), false);
    }

    /** DuckDuckGo, which takes the site to search in a field of its own. */
    private SearchPage.SearchEngine searchEngine() {
        return new SearchPage.SearchEngine("DuckDuckGo", Routes.WEB_SEARCH, "q", "sites", inputs.site().host());
    }

    /** In the preview, why a page would not be published (yet); otherwise {@code null}. */
    private String notice(Document document) {
        if (document.status() == Status.DRAFT) {
            return "Draft: visible only in this preview, never published.";
        }
        if (!document.isDue(inputs.today())) {
            return "Scheduled for " + FORMATS.date(document.date()) + ": not published until then.";
        }
        return null;
    }

    /** The "edit this page" address of a source, or {@code null} when the site has none. */
    private String editUrl(Document document) {
        if (inputs.site().editUrl().isEmpty()) {
            return null;
        }
        return inputs.site().editUrl() + inputs.root().relativize(document.source()).toString().replace('\\', '/');
    }

    private static List<Listing.Year> years(SiteModel model) {
        List<Listing.Year> years = new ArrayList<>();
        model.byYear().forEach((year, posts) -> years.add(new Listing.Year(year, model.links(posts))));
        return Collections.unmodifiableList(years);
    }

    /**
     * Renders a page, or reuses the previous build's bytes when it was rendered from an equal model
     * by the same templates. Both happen on the executor, while this thread goes on making the next
     * page's model.
     *
     * @param what   names the page in error messages
     * @param listed its entry in the sitemap, or {@code null} when the sitemap leaves it out
     */
    private void page(PageModel page, String what, Listed listed) {
        String url = page.page().url();
        String path = Routes.outputPath(url);
        Rendered last = previous.get(path);
        if (executor == null) {
            pending.put(path, CompletableFuture.completedFuture(renderUnlessUnchanged(page, what, last)));
        } else {
            pending.put(path, CompletableFuture.supplyAsync(() -> renderUnlessUnchanged(page, what, last), executor));
        }
        if (listed != null) {
            indexable.put(url, listed);
        }
    }

    /** {@code last} if it was rendered from an equal model by the same templates, else the page rendered. */
    private Rendered renderUnlessUnchanged(PageModel page, String what, Rendered last) {
        if (last != null && last.templates().equals(templatesFingerprint) && last.model().equals(page)) {
            return last;
        }
        return new Rendered(templatesFingerprint, page, renderer.render(templates, page, what)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for the pages being rendered; the first failure is thrown. */
    private void finish() {
        try {
            for (Map.Entry<String, Future<Rendered>> page : pending.entrySet()) {
                Rendered done = page.getValue().get();
                renders.put(page.getKey(), done);
                files.put(page.getKey(), done.bytes());
                if (done != previous.get(page.getKey())) {
                    rendered.add(page.getKey());
                }
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
