package com.sethihemant.site.figures;

import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

import java.util.Map;

/**
 * The HTML around a drawn figure, as Asciidoctor writes an image block: a {@code div.imageblock}
 * (with the block's id and roles), the drawing in a {@code div.content} that scrolls sideways on
 * a narrow screen (focusable, so the keyboard can scroll it), and the title below, numbered
 * "Figure N." in the same sequence as images.
 */
final class FigureHtml {

    private FigureHtml() {
    }

    /** What a figure block's attributes and title say about it, read while the document is parsed. */
    record Frame(String id, String roles, String caption, String titleHtml) {

        /**
         * Numbers the figure (only titled figures are numbered, as images are) and converts its
         * title's inline markup, through {@code block}, the block that will hold the figure.
         */
        static Frame of(StructuralNode block, Map<String, Object> attributes) {
            Object title = attributes.get("title");
            String titleHtml = null;
            String caption = null;
            if (title != null && !title.toString().isBlank()) {
                block.setTitle(title.toString());
                titleHtml = block.getTitle();
                Document document = block.getDocument();
                Object explicit = attributes.get("caption");
                Object prefix = document.getAttribute("figure-caption");
                if (explicit != null) {
                    caption = explicit.toString();
                } else if (prefix != null) {
                    caption = prefix + " " + document.getAndIncrementCounter("figure-number") + ". ";
                }
            }
            Object id = attributes.get("id");
            Object role = attributes.get("role");
            return new Frame(id == null ? null : id.toString(), role == null ? null : role.toString(), caption, titleHtml);
        }

        /** The figure's accessible name for its scrolling region: its numbered title, or {@code fallback}. */
        String regionLabel(String fallback) {
            return titleHtml == null ? fallback : Jsoup.parse((caption == null ? "" : caption) + titleHtml).text();
        }
    }

    /**
     * @param kind   {@code diagram} or {@code chart}, a class of the block
     * @param drawing the SVG
     * @param after  HTML after the title (a chart's summary and data), or empty
     */
    static String figure(String kind, Frame frame, String drawing, String after) {
        StringBuilder html = new StringBuilder("<div");
        if (frame.id() != null) {
            html.append(" id=\"").append(Entities.escape(frame.id())).append('"');
        }
        html.append(" class=\"imageblock ").append(kind);
        if (frame.roles() != null) {
            html.append(' ').append(Entities.escape(frame.roles()));
        }
        html.append("\">\n<div class=\"content figure-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(Entities.escape(frame.regionLabel(kind.equals("chart") ? "Chart" : "Diagram")))
                .append("\">").append(drawing).append("</div>\n");
        if (frame.titleHtml() != null) {
            html.append("<div class=\"title\">").append(frame.caption() == null ? "" : Entities.escape(frame.caption()))
                    .append(frame.titleHtml()).append("</div>\n");
        }
        return html.append(after).append("</div>").toString();
    }
}
