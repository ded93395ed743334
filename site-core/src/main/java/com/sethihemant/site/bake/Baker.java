package com.sethihemant.site.bake;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.content.DataFiles;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Routes;
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
    /** Related posts shown under a post. */
    private static final int RELATED_POSTS = 3;

    private final ContentParser parser;
    private final Clock clock;
    private final PageRenderer renderer;

    /**
     * @param parser the AsciiDoc parser, reusable across bakes
     * @param clock  decides which dated posts are due
     */
    public Baker(ContentParser parser, Clock clock) {
        this(parser, clock, PageRenderer.DIRECT);
    }

    Baker(ContentParser parser, Clock clock, PageRenderer renderer) {
        this.parser = parser;
        this.clock = clock;
        this.renderer = renderer;
    }

    /**
     * Bakes {@code sources} into {@code output}.
     *
     * @throws SiteException listing every problem found; the previous output is left untouched
     */
    public BakeResult bake(SiteSources sources, Path output, BakeOptions options) {
        long start = System.nanoTime();
        boolean preview = options.preview();
        sources.validate();
        SiteConfig loaded = SiteConfig.load(sources.config());
        SiteConfig site = options.editUrl() == null ? loaded : loaded.withEditUrl(options.editUrl());
        LocalDate today = LocalDate.now(clock.withZone(site.timezone()));
        Templates templates = new Templates(sources.templates());
        Set<String> types = new TreeSet<>(templates.names());
        types.removeAll(LISTING_TEMPLATES);

        List<Document> all = parseAll(sources, types);
        Map<String, Object> data = DataFiles.load(sources.data());
        List<Document> published = new ArrayList<>();
        for (Document document : all) {
            if (preview || document.status() == Status.PUBLISHED && document.isDue(today)) {
                published.add(document);
            }
        }
        SiteModel model = new SiteModel(published, Set.copyOf(site.seriesTags()));

        try (OutputFolder out = new OutputFolder(output)) {
            Pages pages = new Pages(sources.root(), site, data, model, templates, out, preview);
            pages.renderAll();
            copyAssets(sources, out);
            out.write(AtomFeed.PATH.substring(1), AtomFeed.write(site, model.posts()));
            out.write(Sitemap.PATH.substring(1), Sitemap.write(site, pages.indexable()));
            out.write("robots.txt", Sitemap.robots(site));
            int files = countFiles(out.root());
            out.commit();
            return new BakeResult(output, model.posts().size(), model.pages().size(), model.byTag().size(), files,
                    all.size() - published.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private List<Document> parseAll(SiteSources sources, Set<String> types) {
        List<Document> documents = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Path> urls = new HashMap<>();
        for (Path root : sources.contentRoots()) {
            for (Path file : files(root, true)) {
                try {
                    Document document = parser.parse(root, file, types);
                    Path clash = urls.putIfAbsent(document.url(), file);
                    if (clash != null) {
                        problems.add(Problem.at(file, "is published at " + document.url() + ", like " + clash
                                + "; rename one of them or change its date"));
                    } else {
                        documents.add(document);
                    }
                } catch (SiteException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        for (Document document : documents) {
            if (Pages.isGenerated(document.url())) {
                problems.add(Problem.at(document.source(), "is published at " + document.url()
                        + ", which the site generates itself; rename it"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems, ExitCodes.SITE_PROBLEM);
        }
        return documents;
    }

    /** Copies the theme's assets, then the non-AsciiDoc files beside the sources (images). */
    private static void copyAssets(SiteSources sources, OutputFolder out) {
        if (sources.assets() != null) {
            for (Path file : files(sources.assets(), false)) {
                copy(file, sources.assets().relativize(file).toString(), out);
            }
        }
        for (Path root : sources.contentRoots()) {
            for (Path file : files(root, false)) {
                copy(file, root.relativize(file).toString(), out);
            }
        }
    }

    private static void copy(Path file, String relative, OutputFolder out) {
        try {
            out.write(relative.replace('\\', '/'), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SiteException(List.of(Problem.at(file, "cannot be read: " + e.getMessage())), ExitCodes.IO, e);
        }
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

    private static int countFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return (int) walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new SiteException(List.of(Problem.at(root, "cannot be listed: " + e.getMessage())), ExitCodes.IO, e);
        }
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
        private final OutputFolder out;
        private final boolean preview;
        private final Map<String, LocalDate> indexable = new LinkedHashMap<>();

        Pages(Path root, SiteConfig site, Map<String, Object> data, SiteModel model, Templates templates,
              OutputFolder out, boolean preview) {
            this.root = root;
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
            return values;
        }

        private void page(String template, Map<String, Object> values, String what, boolean index, LocalDate lastModified) {
            String url = (String) values.get("url");
            values.put("noindex", !index);
            String html = renderer.render(templates, template, values, what);
            out.write(Routes.outputPath(url), html.getBytes(StandardCharsets.UTF_8));
            if (index) {
                indexable.put(url, lastModified);
            }
        }
    }
}
