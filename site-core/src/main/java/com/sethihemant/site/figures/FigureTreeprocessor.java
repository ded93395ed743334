package com.sethihemant.site.figures;

import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Cursor;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.Treeprocessor;
import org.asciidoctor.jruby.internal.RubyObjectWrapper;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import java.util.List;
import java.util.Map;

/**
 * Draws the diagrams and charts that {@link DiagramBlock} and {@link ChartMacro} left as
 * placeholders, once each block knows its line, and logs what is wrong with one as an error at
 * that line (or at the line inside the diagram PlantUML names). Walks only documents that have
 * a figure, which the processors mark on the parsing thread: a document's attributes cannot say
 * it, as Asciidoctor restores them to the header's once the body is parsed.
 */
final class FigureTreeprocessor extends Treeprocessor {

    private final ThreadLocal<Boolean> pending;

    /** @param pending set by the processors on the thread that parses a document with a figure */
    FigureTreeprocessor(ThreadLocal<Boolean> pending) {
        this.pending = pending;
    }

    @Override
    public Document process(Document document) {
        if (!pending.get()) {
            return document;
        }
        pending.set(false);
        List<String> source = null;
        for (StructuralNode block : document.findBy(Map.of("context", ":pass"))) {
            if (!(block.getAttribute(Pending.ATTRIBUTE) instanceof Pending figure)) {
                continue;
            }
            block.getAttributes().remove(Pending.ATTRIBUTE);
            Cursor at = block.getSourceLocation();
            try {
                ((Block) block).setSource(figure.draw(document));
            } catch (FigureException e) {
                if (source == null) {
                    source = sourceLines(document);
                }
                int line = at == null ? 0 : at.getLineNumber();
                if (line > 0 && (figure.sourceOffset() == 0 || delimited(source, at))) {
                    line += figure.sourceOffset();
                }
                if (e.line() > 0 && line > 0) {
                    line += e.line() - 1;
                }
                log(new LogRecord(Severity.ERROR, new Place(at == null ? null : at.getFile(), line), e.getMessage()));
            }
        }
        return document;
    }

    /** Whether the block at {@code at} starts with a delimiter line ({@code ----}, {@code ....}). */
    private static boolean delimited(List<String> source, Cursor at) {
        if (at.getFile() != null || source == null || at.getLineNumber() > source.size()) {
            // In an included file, whose lines are not at hand: blocks are delimited by far the most often.
            return true;
        }
        return source.get(at.getLineNumber() - 1).strip().matches("(-{4,}|\\.{4,})");
    }

    private static List<String> sourceLines(Document document) {
        try {
            return ((RubyObjectWrapper) document).getList("source_lines", String.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
