package com.sethihemant.site.content;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.TextFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before the site is written, that every local reference in the documents' bodies
 * leads somewhere in the site being built: each image, link and cross reference to a file,
 * page or fragment of the site. A reference that does not is reported at its source, the
 * {@code .adoc} file and line, with what to do; images and pages that exist beside the source
 * but are not published where the page looks for them are named as such.
 *
 * <p>Runs on the HTML Asciidoctor made (every {@code image::}, {@code link:} and {@code xref:}
 * ends up there, includes resolved), so it sees exactly what readers will follow; absolute URLs
 * are left to {@code check-links --external}.
 */
public final class LocalReferences {

    /** References in Asciidoctor's body HTML, which writes attributes in double quotes. */
    private static final Pattern REFERENCE = Pattern.compile(
            "<(a|img|video|audio|source|iframe)\\b[^>]*?\\s(href|src|poster)=\"([^\"]*)\"");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** Ids in Asciidoctor's body HTML. */
    private static final Pattern BODY_ID = Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?\\sid=\"([^\"]*)\"");

    private final Map<String, byte[]> files;
    private final Map<Path, Document> bySource = new HashMap<>();
    private final Map<String, Document> byPage = new HashMap<>();
    private final Map<String, Set<String>> anchors = new HashMap<>();
    private final Scans scans;

    private LocalReferences(List<Document> documents, Map<String, byte[]> files, Scans scans) {
        this.files = files;
        this.scans = scans;
        for (Document document : documents) {
            bySource.put(document.source().toAbsolutePath().normalize(), document);
            byPage.put(Routes.outputPath(document.url()), document);
        }
    }

    /**
     * Checks every reference of {@code documents} against the site's files.
     *
     * @param files the site about to be written: output path ({@code about/index.html}) to bytes
     * @throws SiteException listing every reference that leads nowhere, at its source
     */
    public static void check(List<Document> documents, Map<String, byte[]> files) {
        check(documents, files, new Scans());
    }

    /**
     * As {@link #check(List, Map)}, reading each document's references and ids from {@code scans},
     * which keeps them from one build to the next for the documents that did not change: a
     * rebuild after an edit reads one body, not all of them.
     */
    public static void check(List<Document> documents, Map<String, byte[]> files, Scans scans) {
        scans.retain(documents);
        LocalReferences references = new LocalReferences(documents, files, scans);
        List<Problem> problems = new ArrayList<>();
        for (Document document : documents) {
            references.check(document, problems);
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((Problem p) -> String.valueOf(p.file())).thenComparingInt(Problem::line));
            throw SiteException.content(problems);
        }
    }

    private void check(Document document, List<Problem> problems) {
        String text = null;
        for (Reference reference : scans.of(document).references()) {
            String problem = problem(document, reference.element(), reference.value());
            if (problem != null) {
                if (text == null) {
                    text = Files.isRegularFile(document.source()) ? TextFiles.readUtf8(document.source()) : "";
                }
                problems.add(new Problem(document.source(), lineOf(text, reference.value()), problem));
            }
        }
    }

    /** What is wrong with one reference of a document, or {@code null} when it leads somewhere. */
    private String problem(Document document, String element, String value) {
        if (value.isEmpty() || value.startsWith("//") || SCHEME.matcher(value).find()) {
            return null;
        }
        int hash = value.indexOf('#');
        String fragment = hash >= 0 ? value.substring(hash + 1) : null;
        String beforeFragment = hash >= 0 ? value.substring(0, hash) : value;
        int question = beforeFragment.indexOf('?');
        String reference = question >= 0 ? beforeFragment.substring(0, question) : beforeFragment;
        String pageUrl = document.url();
        String url = reference.isEmpty() ? pageUrl : resolve(pageUrl, reference);
        String decoded = decode(url);
        if (decoded == null) {
            return "'" + value + "' is not a valid address (its percent-encoding is broken)";
        }
        String target = fileFor(decoded.substring(1));
        if (target == null) {
            return missing(document, element, value, reference, decoded);
        }
        if (fragment == null || fragment.isEmpty() || fragment.equalsIgnoreCase("top") || !isHtml(target)) {
            return null;
        }
        String fragmentDecoded = decode(fragment);
        // Most fragments name a section of a document's body, which has its ids without parsing a page.
        Document targetDocument = byPage.get(target);
        if (targetDocument != null && (bodyHasId(targetDocument, fragment)
                || (fragmentDecoded != null && bodyHasId(targetDocument, fragmentDecoded)))) {
            return null;
        }
        Set<String> ids = anchors.computeIfAbsent(target, this::anchorsOf);
        if (ids.contains(fragment) || (fragmentDecoded != null && ids.contains(fragmentDecoded))) {
            return null;
        }
        String page = target.equals(Routes.outputPath(pageUrl)) ? "this page" : "the page " + decoded;
        return "'" + value + "' links to #" + fragment + ", but " + page + " has no element with that id;"
                + " link to a section by its id (shown on the section's heading anchor) or add [[" + fragment + "]]"
                + " where it should lead";
    }

    private String missing(Document document, String element, String value, String reference, String decoded) {
        Path besideSource = document.source().toAbsolutePath().getParent().resolve(reference.startsWith("/")
                ? reference.substring(1) : reference).normalize();
        if (element.equals("a") && reference.endsWith(".html")) {
            Path adoc = besideSource.resolveSibling(besideSource.getFileName().toString()
                    .replaceFirst("\\.html$", ".adoc"));
            Document other = bySource.get(adoc);
            if (other != null) {
                return "the cross reference to " + adoc.getFileName() + " becomes '" + reference
                        + "', which this site does not have (its pages have clean addresses): write link:"
                        + other.url() + fragmentOf(value) + "[...] instead";
            }
            if (Files.isRegularFile(adoc)) {
                return "the cross reference to " + adoc.getFileName() + " leads to a document that is not published"
                        + " (a draft, or dated in the future)";
            }
            return "the cross reference or link '" + value + "' leads to " + decoded + ", which the site does not have;"
                    + " there is no " + adoc.getFileName() + " beside this file either";
        }
        String what = switch (element) {
            case "img" -> "the image";
            case "video", "audio", "source" -> "the media file";
            default -> "the link";
        };
        String hint = "";
        if (Files.isRegularFile(besideSource)) {
            boolean folderPost = document.source().getFileName().toString().equals("index.adoc");
            hint = "; " + besideSource.getFileName() + " is beside the source, but the page is published at "
                    + document.url() + ", away from it: "
                    + (folderPost ? "files are published at their folder's path and a post's address takes its year"
                    + " from its date, so keep the folder at " + document.url().substring(1) + " under the content folder"
                    : "make the post a folder (<slug>/index.adoc) with its files beside it");
        }
        return what + " '" + value + "' leads to " + decoded + ", which the site does not have" + hint;
    }

    private static String fragmentOf(String value) {
        int hash = value.indexOf('#');
        return hash >= 0 ? value.substring(hash) : "";
    }

    /** The output file a site path is served from, as a static host finds it; {@code null} if none. */
    private String fileFor(String path) {
        if (path.isEmpty() || path.endsWith("/")) {
            return files.containsKey(path + "index.html") ? path + "index.html" : null;
        }
        if (files.containsKey(path)) {
            return path;
        }
        if (files.containsKey(path + "/index.html")) {
            return path + "/index.html";
        }
        return files.containsKey(path + ".html") ? path + ".html" : null;
    }

    /** Whether the body Asciidoctor made for a document has an element with this id. */
    private boolean bodyHasId(Document document, String id) {
        return scans.of(document).ids().contains(id);
    }

    /** A local reference as written in a body: the element ({@code a}, {@code img}...) and its address. */
    private record Reference(String element, String value) {
    }

    /** What the check reads of a document's body: its references and its elements' ids. */
    private record Scan(List<Reference> references, Set<String> ids) {

        static Scan of(Document document) {
            String body = document.bodyHtml();
            List<Reference> references = new ArrayList<>();
            Matcher m = REFERENCE.matcher(body);
            while (m.find()) {
                references.add(new Reference(m.group(1).toLowerCase(Locale.ROOT),
                        Parser.unescapeEntities(m.group(3), true).strip()));
            }
            Set<String> ids = new HashSet<>();
            Matcher id = BODY_ID.matcher(body);
            while (id.find()) {
                ids.add(Parser.unescapeEntities(id.group(1), true));
            }
            return new Scan(List.copyOf(references), Set.copyOf(ids));
        }
    }

    /**
     * The scans of the documents of the last build, by identity: an unchanged source keeps its
     * {@link Document} from one build to the next. Used by one building thread at a time; the
     * scans themselves may be made on other threads ({@link #start}).
     */
    public static final class Scans {

        private final Map<Document, CompletableFuture<Scan>> byDocument = new IdentityHashMap<>();

        /**
         * Starts scanning, on {@code executor}, the bodies of the documents not scanned yet, so
         * that a check made later finds them read (it waits for those still being read).
         */
        public void start(List<Document> documents, Executor executor) {
            for (Document document : documents) {
                byDocument.computeIfAbsent(document, d -> CompletableFuture.supplyAsync(() -> Scan.of(d), executor));
            }
        }

        Scan of(Document document) {
            CompletableFuture<Scan> scan = byDocument.computeIfAbsent(document,
                    d -> CompletableFuture.completedFuture(Scan.of(d)));
            try {
                return scan.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }

        /** Forgets the documents no longer built, so that the preview does not hold on to them. */
        void retain(List<Document> documents) {
            Set<Document> current = Collections.newSetFromMap(new IdentityHashMap<>());
            current.addAll(documents);
            byDocument.keySet().retainAll(current);
        }
    }

    /** The ids of a whole page (and the names of its {@code a} elements), parsed once per bake. */
    private Set<String> anchorsOf(String target) {
        Set<String> ids = new HashSet<>();
        org.jsoup.nodes.Document page = Jsoup.parse(new String(files.get(target), StandardCharsets.UTF_8));
        for (Element element : page.getAllElements()) {
            if (element.hasAttr("id")) {
                ids.add(element.attr("id"));
            }
            if (element.normalName().equals("a") && element.hasAttr("name")) {
                ids.add(element.attr("name"));
            }
        }
        return ids;
    }

    private static boolean isHtml(String path) {
        return path.endsWith(".html") || path.endsWith(".htm");
    }

    /** A relative reference resolved against a page's site path, dot segments removed. */
    static String resolve(String pageUrl, String reference) {
        String base = pageUrl.substring(0, pageUrl.lastIndexOf('/') + 1);
        String joined = reference.startsWith("/") ? reference : base + reference;
        Deque<String> out = new ArrayDeque<>();
        String[] segments = joined.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (segment.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(segment);
            }
        }
        return "/" + String.join("/", out);
    }

    /** Percent-decodes once as UTF-8; {@code null} when the escapes are broken. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The line of the source where a reference is written: its text as given, else its file name. */
    private static int lineOf(String text, String value) {
        int hash = value.indexOf('#');
        String path = hash >= 0 ? value.substring(0, hash) : value;
        String name = path.substring(path.lastIndexOf('/') + 1);
        String adocName = name.endsWith(".html") ? name.replaceFirst("\\.html$", ".adoc") : "";
        return SourceChecks.lineOf(text, value, path, adocName + (hash >= 0 ? value.substring(hash) : ""), adocName, name,
                hash >= 0 ? value.substring(hash) : "");
    }
}
