package com.sethihemant.site.links;

import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds every URL a page refers to, with its line, using jsoup's source positions. What counts
 * as a link, and how each is read, follows the HTML standard: {@code srcset} with its own
 * grammar, {@code meta refresh} with the declarative refresh steps, {@code base href} for every
 * relative URL in the document.
 */
final class PageScanner {

    /** Open Graph and Twitter card properties whose content is a URL. */
    private static final Set<String> META_URLS = Set.of("og:image", "og:image:url", "og:image:secure_url", "og:url",
            "og:video", "og:video:url", "og:video:secure_url", "og:audio", "og:audio:url", "og:audio:secure_url",
            "twitter:image", "twitter:image:src", "twitter:player", "twitter:url");

    /** JSON-LD keys whose string values are URLs (schema.org); {@code @id} names a node and is not fetched. */
    private static final Set<String> JSON_LD_URL_KEYS = Set.of("url", "image", "logo", "sameAs", "contentUrl",
            "embedUrl", "thumbnailUrl", "thumbnail", "mainEntityOfPage", "license", "discussionUrl", "archivedAt",
            "codeRepository", "downloadUrl", "installUrl", "hasMap", "photo", "primaryImageOfPage", "relatedLink",
            "significantLink", "item", "isBasedOn", "acquireLicensePage", "trailer");

    /** {@code link} relations that name an origin to warm up, not a resource. */
    private static final Set<String> ORIGIN_ONLY_RELS = Set.of("preconnect", "dns-prefetch");

    private static final int MAX_TEXT = 100;

    private PageScanner() {
    }

    /** Parses HTML text, keeping source positions. */
    static Document parse(String html) {
        return Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
    }

    /** Parses an HTML file in the character set it declares (UTF-8 when it declares none). */
    static Document read(Path file) throws IOException {
        return Jsoup.parse(file, null, "", Parser.htmlParser().setTrackPosition(true));
    }

    /** Reads a parsed page served at {@code pageUrl}. */
    static PageScan scan(String path, Document document, Url pageUrl) {
        List<LinkResult> findings = new ArrayList<>();
        Url base = documentBase(document, path, pageUrl, findings);
        Set<String> anchors = new LinkedHashSet<>();
        List<PageScan.RawLink> links = new ArrayList<>();
        Collector out = new Collector(links, base);
        for (Element element : document.getAllElements()) {
            collectAnchors(element, anchors);
            switch (element.normalName()) {
                case "a", "area" -> {
                    // SVG 1.1's links carry xlink:href, which SVG 2 still honours when href is absent.
                    out.attribute(element, element.hasAttr("href") ? "href" : "xlink:href", linkText(element));
                }
                case "use", "image", "feimage" -> out.attribute(element, element.hasAttr("href") ? "href" : "xlink:href", "");
                case "link" -> {
                    if (!originOnly(element)) {
                        out.attribute(element, "href", element.attr("title"));
                        out.srcset(element, "imagesrcset", element.attr("title"));
                    }
                }
                case "img" -> {
                    out.attribute(element, "src", element.attr("alt"));
                    out.srcset(element, "srcset", element.attr("alt"));
                }
                case "source" -> {
                    out.attribute(element, "src", "");
                    out.srcset(element, "srcset", "");
                }
                case "input" -> {
                    if (element.attr("type").strip().equalsIgnoreCase("image")) {
                        out.attribute(element, "src", element.attr("alt"));
                    }
                }
                // Often misused for a name ("Ada Lovelace"), which browsers never fetch.
                case "blockquote", "q", "ins", "del" -> out.urlAttribute(element, "cite");
                case "body", "table", "td", "th" -> {
                    // Or for a colour: "#fff", "none".
                    String background = element.attr("background").strip();
                    if (!background.startsWith("#") && !background.equalsIgnoreCase("none")) {
                        out.urlAttribute(element, "background");
                    }
                }
                case "script" -> {
                    out.attribute(element, "src", "");
                    if (element.attr("type").strip().equalsIgnoreCase("application/ld+json")) {
                        jsonLd(element, path, out, findings);
                    }
                }
                case "iframe", "frame", "audio", "track", "embed" -> out.attribute(element, "src", element.attr("title"));
                case "video" -> {
                    out.attribute(element, "src", element.attr("title"));
                    out.attribute(element, "poster", element.attr("title"));
                }
                case "object" -> out.attribute(element, "data", element.attr("title"));
                case "meta" -> meta(element, out);
                case "style" -> {
                    for (DataNode data : element.dataNodes()) {
                        out.css(data.getWholeData(), line(data), "style url()");
                    }
                }
                default -> {
                }
            }
            if (element.hasAttr("style")) {
                out.css(element.attr("style"), valueLine(element, "style"), "style attribute url()");
            }
        }
        return new PageScan(path, anchors, links, findings);
    }

    /** Every {@code id} of a parsed page and every {@code name} of its {@code a} elements: what fragments can name. */
    static Set<String> anchors(Document document) {
        Set<String> anchors = new LinkedHashSet<>();
        for (Element element : document.getAllElements()) {
            collectAnchors(element, anchors);
        }
        return anchors;
    }

    /** Reads a style sheet served at {@code cssUrl}; its URLs resolve against its own address. */
    static PageScan scanCss(String path, String css, Url cssUrl) {
        List<PageScan.RawLink> links = new ArrayList<>();
        new Collector(links, cssUrl).css(css, 1, "css url()");
        return new PageScan(path, Set.of(), links, List.of());
    }

    /** The first {@code base[href]} resolved against the page, as browsers do; the page itself otherwise. */
    private static Url documentBase(Document document, String path, Url pageUrl, List<LinkResult> findings) {
        Element base = document.selectFirst("base[href]");
        if (base == null) {
            return pageUrl;
        }
        String raw = base.attr("href");
        Urls.Cleaned cleaned = Urls.clean(raw);
        String scheme = Urls.scheme(cleaned.value());
        try {
            if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
                throw new BadUrlException("uses the scheme '" + scheme + ":'");
            }
            return Urls.resolve(pageUrl, cleaned.value());
        } catch (BadUrlException e) {
            Link link = new Link(path, valueLine(base, "href"), "base href", "", raw, null, List.of());
            findings.add(new LinkResult(link, Outcome.invalid(
                    "the base URL " + e.getMessage() + "; relative links resolve against the page instead")));
            return pageUrl;
        }
    }

    private static void collectAnchors(Element element, Set<String> anchors) {
        String id = element.attr("id");
        if (!id.isEmpty()) {
            anchors.add(id);
        }
        if (element.normalName().equals("a")) {
            String name = element.attr("name");
            if (!name.isEmpty()) {
                anchors.add(name);
            }
        }
    }

    private static boolean originOnly(Element link) {
        for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("[\\s]+")) {
            if (ORIGIN_ONLY_RELS.contains(rel)) {
                return true;
            }
        }
        return false;
    }

    private static void meta(Element meta, Collector out) {
        String property = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
        property = property.strip().toLowerCase(Locale.ROOT);
        if (META_URLS.contains(property)) {
            out.value(meta, "content", meta.attr("content"), 0, "meta " + property, "");
        } else if (meta.attr("http-equiv").strip().equalsIgnoreCase("refresh")) {
            String content = meta.attr("content");
            MetaRefresh.Target target = MetaRefresh.parse(content);
            if (target != null) {
                out.value(meta, "content", target.url(), new Lines(content).before(target.offset()), "meta refresh", "");
            }
        }
    }

    private static void jsonLd(Element script, String path, Collector out, List<LinkResult> findings) {
        for (DataNode data : script.dataNodes()) {
            String json = data.getWholeData();
            int firstLine = line(data);
            Lines lines = new Lines(json);
            List<PageScan.RawLink> found = new ArrayList<>();
            try {
                Json.parse(json, (key, value, offset) -> {
                    if (key != null && JSON_LD_URL_KEYS.contains(key) && !value.isBlank()) {
                        found.add(new PageScan.RawLink(firstLine + lines.before(offset), "json-ld " + key, "",
                                value, out.base));
                    }
                });
            } catch (Json.JsonException e) {
                Link link = new Link(path, firstLine, "script ld+json", "", "", null,
                        List.of("the JSON-LD is not valid JSON (" + e.getMessage() + "); search engines ignore it"));
                findings.add(new LinkResult(link, Outcome.skipped("no links read from invalid JSON-LD")));
                continue;
            }
            out.links.addAll(found);
        }
    }

    /** The text a reader sees for a link: its text, else an image's alt, an aria-label or a title. */
    private static String linkText(Element element) {
        String text = element.text();
        if (text.isBlank()) {
            Element image = element.selectFirst("img[alt]");
            text = image != null ? image.attr("alt") : "";
        }
        if (text.isBlank()) {
            text = element.hasAttr("aria-label") ? element.attr("aria-label")
                    : element.hasAttr("alt") ? element.attr("alt") : element.attr("title");
        }
        return shorten(text);
    }

    static String shorten(String text) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        return collapsed.length() <= MAX_TEXT ? collapsed : collapsed.substring(0, MAX_TEXT - 1) + "…";
    }

    private static int line(Node node) {
        Range range = node.sourceRange();
        return range.isTracked() ? range.start().lineNumber() : 0;
    }

    /** The line an attribute's value starts on, or the element's line when that is unknown. */
    private static int valueLine(Element element, String attribute) {
        Range.AttributeRange range = element.attributes().sourceRange(attribute);
        if (range.isTracked() && range.valueRange().isTracked()) {
            return range.valueRange().start().lineNumber();
        }
        return line(element);
    }

    /** Adds links to one list, all resolving against one base. */
    private static final class Collector {
        private final List<PageScan.RawLink> links;
        private final Url base;

        Collector(List<PageScan.RawLink> links, Url base) {
            this.links = links;
            this.base = base;
        }

        void attribute(Element element, String attribute, String text) {
            if (element.hasAttr(attribute)) {
                value(element, attribute, element.attr(attribute), 0, element.normalName() + " " + attribute, text);
            }
        }

        /** As {@link #attribute}, for an attribute that holds no URL when its value has white space inside. */
        void urlAttribute(Element element, String attribute) {
            String value = element.attr(attribute).strip();
            if (!value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
                attribute(element, attribute, "");
            }
        }

        void value(Element element, String attribute, String raw, int extraLines, String context, String text) {
            int line = valueLine(element, attribute);
            links.add(new PageScan.RawLink(line == 0 ? 0 : line + extraLines, context, shorten(text), raw, base));
        }

        void srcset(Element element, String attribute, String text) {
            if (!element.hasAttr(attribute)) {
                return;
            }
            String value = element.attr(attribute);
            int line = valueLine(element, attribute);
            Lines lines = new Lines(value);
            for (Srcset.Candidate candidate : Srcset.parse(value)) {
                links.add(new PageScan.RawLink(line == 0 ? 0 : line + lines.before(candidate.offset()),
                        element.normalName() + " " + attribute, shorten(text), candidate.url(), base));
            }
        }

        void css(String css, int firstLine, String context) {
            Lines lines = new Lines(css);
            for (CssUrls.Ref ref : CssUrls.find(css)) {
                links.add(new PageScan.RawLink(firstLine == 0 ? 0 : firstLine + lines.before(ref.offset()), context, "",
                        ref.url(), base));
            }
        }
    }
}
