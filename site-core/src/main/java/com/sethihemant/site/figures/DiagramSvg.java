package com.sethihemant.site.figures;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns PlantUML's SVG into SVG the site can inline: no {@code style} attribute (the
 * Content-Security-Policy refuses them) and colours the theme's stylesheet sets for light and
 * dark. Each colour PlantUML wrote stays as a presentation attribute, so the diagram still reads
 * where the stylesheet does not apply (a feed reader), and gains a class that the stylesheet
 * colours: {@code dt} text, {@code ds} lines, {@code dk} dark fills (arrow heads, start nodes),
 * {@code dw} white, {@code d1} the default boxes, {@code dn} notes, and {@code da1} to
 * {@code da4} for any other colour (the diagram's own or a skin's), in order of first use, so
 * that colours the author chose stay distinct while keeping their contrast in both themes.
 *
 * <p>Comments, processing instructions (PlantUML embeds the encoded source), tooltips, ids,
 * classes and {@code data-} attributes are dropped: they cost bytes, and ids or classes could
 * clash with the page's. Ids that the drawing refers to ({@code url(#id)}) are kept, prefixed
 * with a digest of the diagram so that two diagrams on one page cannot share one.
 */
final class DiagramSvg {

    /** Presentation attributes that a {@code style} declaration may become. */
    private static final Set<String> PRESENTATION = Set.of("fill", "fill-opacity", "stroke", "stroke-width",
            "stroke-dasharray", "stroke-dashoffset", "stroke-linejoin", "stroke-linecap", "stroke-miterlimit",
            "stroke-opacity", "opacity", "font-family", "font-size", "font-weight", "font-style",
            "text-decoration", "text-anchor", "dominant-baseline", "visibility", "stop-color");
    /** PlantUML's default colours, by role. */
    private static final Set<String> DARK = Set.of("#000", "#000000", "#181818", "#222", "#222222", "#383838", "#a80036");
    private static final Set<String> WHITE = Set.of("#fff", "#ffffff", "white");
    private static final Set<String> BOXES = Set.of("#f1f1f1", "#e2e2f0", "#fefece", "#eeeeee");
    private static final Set<String> NOTES = Set.of("#feffdd", "#fbfb77");
    private static final int ACCENTS = 4;
    /** A reference to an id inside the drawing, such as {@code url(#gradient1)}. */
    private static final Pattern URL_REFERENCE = Pattern.compile("url\\(#([^)]+)\\)");
    /** The elements that lay out a run of text, the only ones that take {@code lengthAdjust}. */
    private static final Set<String> TEXT = Set.of("text", "tspan", "textPath");

    private DiagramSvg() {
    }

    /**
     * @param svg   what PlantUML wrote
     * @param label the text alternative, the diagram's accessible name
     * @param salt  distinguishes this diagram's ids from any other's on the page
     * @throws FigureException if the diagram embeds a bitmap, which the policy would block
     */
    static String clean(String svg, String label, String salt) {
        Document document = Jsoup.parse(svg, "", Parser.xmlParser());
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml).prettyPrint(false)
                .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");
        Element root = document.selectFirst("svg");
        if (root == null) {
            throw new FigureException("PlantUML drew no SVG for this diagram", 0);
        }
        if (root.selectFirst("image, foreignObject") != null) {
            throw new FigureException("the diagram embeds a picture (a sprite, an icon or <img:...>), which the site's"
                    + " Content-Security-Policy would block; draw it without", 0);
        }
        removeOthers(root);
        Set<String> referenced = new HashSet<>();
        for (Element element : root.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                Matcher m = URL_REFERENCE.matcher(attribute.getValue());
                while (m.find()) {
                    referenced.add(m.group(1));
                }
                if ((attribute.getKey().equals("href") || attribute.getKey().equals("xlink:href"))
                        && attribute.getValue().startsWith("#")) {
                    referenced.add(attribute.getValue().substring(1));
                }
            }
        }
        Map<String, String> accents = new LinkedHashMap<>();
        for (Element element : root.getAllElements()) {
            if (element != root) {
                tidy(element, referenced, salt, accents);
            }
        }
        String width = root.attr("width").replace("px", "");
        String height = root.attr("height").replace("px", "");
        String viewBox = root.attr("viewBox");
        root.clearAttributes();
        root.attr("viewBox", viewBox.isEmpty() ? "0 0 " + width + " " + height : viewBox)
                .attr("width", width).attr("height", height)
                .attr("role", "img").attr("aria-label", label);
        return root.outerHtml();
    }

    /** Drops comments, processing instructions, tooltips and empty definitions. */
    private static void removeOthers(Element root) {
        List<Node> drop = new ArrayList<>();
        root.forEachNode(node -> {
            if (node instanceof Comment || node instanceof XmlDeclaration || node.nodeName().equals("#processing-instruction")) {
                drop.add(node);
            } else if (node instanceof Element element && (element.nameIs("title") || element.nameIs("desc")
                    || element.nameIs("defs") && element.childNodeSize() == 0)) {
                drop.add(node);
            }
        });
        drop.forEach(Node::remove);
    }

    private static void tidy(Element element, Set<String> referenced, String salt, Map<String, String> accents) {
        Map<String, String> paint = new LinkedHashMap<>();
        String style = element.attr("style");
        List<String> keep = new ArrayList<>();
        for (Attribute attribute : element.attributes()) {
            String key = attribute.getKey();
            if (key.equals("style") || key.equals("class") || key.startsWith("data-") || key.equals("xmlns:xlink")
                    || key.equals("target") || key.equals("title")) {
                continue;
            }
            if (key.equals("id") && !referenced.contains(attribute.getValue())) {
                continue;
            }
            // PlantUML writes lengthAdjust="spacing" (the default) on a group too, where SVG, and
            // so the HTML validator, does not allow it.
            if (key.equals("lengthAdjust") && !TEXT.contains(element.tagName())) {
                continue;
            }
            keep.add(key);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keep) {
            values.put(key, element.attr(key));
        }
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                String name = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                if (PRESENTATION.contains(name)) {
                    values.putIfAbsent(name, declaration.substring(colon + 1).strip());
                }
            }
        }
        element.clearAttributes();
        List<String> classes = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue().replace("url(#", "url(#" + salt + "-");
            if (key.equals("id")) {
                value = salt + "-" + value;
            } else if (key.equals("xlink:href")) {
                key = "href";
            } else if (key.equals("href") && value.startsWith("#")) {
                value = "#" + salt + "-" + value.substring(1);
            }
            element.attr(key, value);
            if (key.equals("fill") || key.equals("stroke") || key.equals("stop-color")) {
                paint.put(key, value);
            }
        }
        boolean invisible = "0".equals(values.get("fill-opacity")) || "0".equals(values.get("opacity"));
        if (!invisible) {
            paint.forEach((key, value) -> {
                String role = role(element, key, value.toLowerCase(Locale.ROOT), accents);
                if (role != null) {
                    classes.add(role);
                }
            });
        }
        if (!classes.isEmpty()) {
            element.attr("class", String.join(" ", classes));
        }
    }

    /** The class that colours one paint of an element, or {@code null} to leave it as it is. */
    private static String role(Element element, String property, String value, Map<String, String> accents) {
        if (value.equals("none") || value.equals("transparent") || value.startsWith("url(")) {
            return null;
        }
        if (property.equals("stroke")) {
            return "ds";
        }
        if (element.nameIs("text") || element.nameIs("tspan")) {
            return "dt";
        }
        if (DARK.contains(value)) {
            return "dk";
        }
        if (WHITE.contains(value)) {
            return "dw";
        }
        if (BOXES.contains(value)) {
            return "d1";
        }
        if (NOTES.contains(value)) {
            return "dn";
        }
        String accent = accents.computeIfAbsent(value, v -> "da" + (accents.size() % ACCENTS + 1));
        return accent;
    }
}
