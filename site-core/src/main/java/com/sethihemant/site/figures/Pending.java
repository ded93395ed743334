package com.sethihemant.site.figures;

import org.asciidoctor.ast.Document;

/**
 * A figure a processor left in its block, to be drawn by {@link FigureTreeprocessor} once the
 * parser has given the block its place in the file (which block processors are not told).
 */
interface Pending {

    /** The block attribute that holds it. */
    String ATTRIBUTE = "site-figure";

    /**
     * @return the block's HTML
     * @throws FigureException with the line of the figure's own source, 0 for the block's first line
     */
    String draw(Document document);

    /**
     * Lines between the block's first line (its delimiter, if it has one) and the figure's source:
     * 1 for a diagram, whose source starts after the {@code ----} line; 0 for a macro.
     */
    int sourceOffset();
}
