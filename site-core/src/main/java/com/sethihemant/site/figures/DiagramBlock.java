package com.sethihemant.site.figures;

import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.ContentModel;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockProcessor;
import org.asciidoctor.extension.Contexts;
import org.asciidoctor.extension.Name;
import org.asciidoctor.extension.Reader;
import org.jsoup.Jsoup;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code [plantuml]} on a listing or literal block: the diagram, drawn by PlantUML, inlined as
 * SVG. Its text alternative is {@code alt}, else the block's title; one of them is required. A
 * diagram PlantUML cannot read is an error at its line of the {@code .adoc} file.
 *
 * <pre>
 * .Reading a shard
 * [plantuml]
 * ----
 * Trainer -&gt; Cache: read(shard)
 * ----
 * </pre>
 */
@Name(Figures.PLANTUML)
@Contexts({Contexts.LISTING, Contexts.LITERAL})
@ContentModel(ContentModel.RAW)
final class DiagramBlock extends BlockProcessor {

    private final Diagrams diagrams;
    private final ThreadLocal<Boolean> pending;

    /** @param pending set on this thread when a diagram is left to draw (see {@link FigureTreeprocessor}) */
    DiagramBlock(Diagrams diagrams, ThreadLocal<Boolean> pending) {
        this.diagrams = diagrams;
        this.pending = pending;
    }

    @Override
    public Object process(StructuralNode parent, Reader reader, Map<String, Object> attributes) {
        String source = String.join("\n", reader.readLines());
        // With the block's own attributes: Asciidoctor takes them back from the returned block, and
        // registers its id from them (for cross references).
        Block block = createBlock(parent, "pass", "", new HashMap<>(attributes));
        FigureHtml.Frame frame = FigureHtml.Frame.of(block, attributes);
        Object format = attributes.get("3");
        Object alt = attributes.get("alt");
        String label = alt != null && !alt.toString().isBlank() ? alt.toString().strip()
                : frame.titleHtml() != null ? Jsoup.parse(frame.titleHtml()).text() : null;
        block.setAttribute(Pending.ATTRIBUTE, new Diagram(diagrams, source, label,
                format == null ? null : format.toString(), frame), true);
        pending.set(true);
        return block;
    }

    /** A diagram to draw. */
    private record Diagram(Diagrams diagrams, String source, String label, String format, FigureHtml.Frame frame)
            implements Pending {

        @Override
        public int sourceOffset() {
            return 1;
        }

        @Override
        public String draw(Document document) {
            try {
                if (format != null && !format.equalsIgnoreCase("svg")) {
                    throw new FigureException("draws SVG only, inlined in the page; remove '" + format
                            + "' from the block's attributes");
                }
                if (label == null) {
                    throw new FigureException("needs a text alternative for readers who cannot see it: add a title above"
                            + " the block ('.Reading a shard') or alt=\"...\" to its attributes");
                }
                if (source.isBlank()) {
                    throw new FigureException("is empty; write the diagram between the block's delimiters");
                }
                return FigureHtml.figure("diagram", frame, diagrams.svg(source, label), "");
            } catch (FigureException e) {
                throw new FigureException(Figures.PLANTUML + ": " + e.getMessage(), e.line());
            }
        }
    }
}
