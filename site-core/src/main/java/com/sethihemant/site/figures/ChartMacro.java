package com.sethihemant.site.figures;

import org.asciidoctor.ast.Block;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;

import org.jsoup.Jsoup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code chart::fio-randread.csv[type=line,x=block_size,y=throughput_mib_s,series=jobs,x-scale=log2]}:
 * a chart of a CSV or JSON file beside the post (see {@link ChartSpec#ATTRIBUTES} for every
 * attribute). While the document is parsed, this only numbers the figure and leaves a
 * placeholder; {@link FigureTreeprocessor} draws it once the parser has given the block its line.
 * The data file must lie beside the post or below it, inside the content folder.
 */
@Name(Figures.CHART)
final class ChartMacro extends BlockMacroProcessor {

    /** The document attribute holding the content folder, so that the raw file's link is a site path. */
    static final String CONTENT_ROOT = "site-content-root";

    private final Charts charts;
    private final ThreadLocal<Boolean> pending;

    /**
     * @param pending set on this thread when a chart is left to draw, so that the tree processor
     *                walks only documents that have one (a document's attributes cannot say it:
     *                Asciidoctor restores them to the header's once the body is parsed)
     */
    ChartMacro(Charts charts, ThreadLocal<Boolean> pending) {
        this.charts = charts;
        this.pending = pending;
    }

    @Override
    public Object process(StructuralNode parent, String target, Map<String, Object> attributes) {
        // With the block's own attributes: Asciidoctor takes them back from the returned block, and
        // registers its id from them (for cross references).
        Block block = createBlock(parent, "pass", "", new HashMap<>(attributes));
        FigureHtml.Frame frame = FigureHtml.Frame.of(block, attributes);
        Map<String, Object> copy = new LinkedHashMap<>();
        attributes.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value.toString());
            }
        });
        copy.remove("title");
        block.setAttribute(Pending.ATTRIBUTE, new Chart(charts, target, new TreeMap<>(copy), frame), true);
        pending.set(true);
        return block;
    }

    /** A chart to draw. */
    private record Chart(Charts charts, String target, Map<String, Object> attributes, FigureHtml.Frame frame)
            implements Pending {

        @Override
        public int sourceOffset() {
            return 0;
        }

        @Override
        public String draw(Document document) {
            Object alt = attributes.get("alt");
            String label = alt != null && !alt.toString().isBlank() ? alt.toString().strip()
                    : frame.titleHtml() != null ? Jsoup.parse(frame.titleHtml()).text() : null;
            try {
                if (label == null) {
                    throw new FigureException("needs a text alternative: add a title above the macro"
                            + " ('.Random reads by block size') or alt=\"...\" to its attributes");
                }
                Path file = dataFile(document, target);
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new FigureException("cannot read " + target + ": " + e.getMessage());
                }
                String[] parts = charts.html(target, bytes, href(document, file), attributes, label).split(Charts.SEPARATOR, 2);
                return FigureHtml.figure("chart", frame, parts[0], parts[1]);
            } catch (FigureException e) {
                throw new FigureException(Figures.CHART + ": " + e.getMessage(), e.line());
            }
        }
    }

    /** The data file, resolved against the post's folder, which it may not leave. */
    private static Path dataFile(Document document, String target) {
        if (target.isBlank() || target.contains("://") || target.startsWith("/")) {
            throw new FigureException("needs the name of a CSV or JSON file beside the post, such as"
                    + " chart::fio-randread.csv[...]; '" + target + "' is not one");
        }
        Object docdir = document.getAttribute("docdir");
        Path folder = Path.of(docdir == null ? "." : docdir.toString()).toAbsolutePath().normalize();
        Path file = folder.resolve(target).normalize();
        Object root = document.getAttribute(CONTENT_ROOT);
        Path limit = root == null ? folder : Path.of(root.toString()).toAbsolutePath().normalize();
        if (!file.startsWith(limit)) {
            throw new FigureException("reads '" + target + "', outside the site's content; put the data file beside the post");
        }
        if (!Files.isRegularFile(file)) {
            throw new FigureException("cannot find " + target + " in " + folder + "; put the data file beside the post,"
                    + " or correct its name");
        }
        return file;
    }

    /** The raw file's address: its site path, as the bake copies the files beside posts to the output. */
    private static String href(Document document, Path file) {
        Object root = document.getAttribute(CONTENT_ROOT);
        if (root == null) {
            return file.getFileName().toString();
        }
        return "/" + Path.of(root.toString()).toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/');
    }
}
