package com.sethihemant.site.figures;

import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.ErrorUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.error.PSystemError;
import net.sourceforge.plantuml.security.SecurityUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Draws one PlantUML diagram as SVG, in this JVM. Layouts that PlantUML would hand to Graphviz
 * (class, component, state, use case, object diagrams) use Smetana, its Java port of Graphviz,
 * so no {@code dot} binary is needed and the result does not depend on one being installed.
 *
 * <p>A diagram may read nothing outside its own text: {@code !include} of a file or URL is
 * refused (the cache keys a diagram by its text, so an included file's changes would go
 * unseen), PlantUML's standard library ({@code !include <C4/C4_Container>}) is allowed, and
 * PlantUML runs in its sandbox profile, which also stops {@code <img:...>} and sprites from
 * reading files or the network.
 */
final class PlantUml {

    /** Directives that would read another file or an address. */
    private static final Pattern INCLUDE = Pattern.compile(
            "^\\s*!(include|includeurl|includesub|include_many|include_once|includedef|import)\\b\\s*(.*)$");
    private static final Pattern START = Pattern.compile("^\\s*@start([a-z]+)\\b.*$");
    private static final Pattern END = Pattern.compile("^\\s*@end[a-z]+\\b.*$");

    PlantUml() {
        // PlantUML reads its security profile from this process-wide setting, once, on first
        // use; the sandbox lets a diagram read no file and no address.
        SecurityUtils.setCommandLineProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
    }

    /**
     * PlantUML's version, part of every diagram's cache key. Read from its jar's manifest, which
     * loads none of PlantUML's code: a bake whose diagrams are all cached never starts PlantUML.
     */
    static String version() {
        String version = SourceStringReader.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /**
     * The SVG PlantUML draws for {@code source} (the block's lines, with or without
     * {@code @startuml} and {@code @enduml}).
     *
     * @throws FigureException for a syntax error or a refused include, with the line in {@code source}
     */
    String svg(String source) {
        List<String> lines = List.of(source.split("\n", -1));
        List<String> text = new ArrayList<>();
        // For each line PlantUML reads, the line of the block it came from (0 for lines added here).
        List<Integer> origin = new ArrayList<>();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        boolean wrapped = first == lines.size() || !START.matcher(lines.get(first)).matches();
        if (wrapped) {
            text.add("@startuml");
            origin.add(0);
            text.add("!pragma layout smetana");
            origin.add(0);
        }
        int starts = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            var include = INCLUDE.matcher(line);
            if (include.matches() && !include.group(2).strip().startsWith("<")) {
                throw new FigureException("'!" + include.group(1) + "' would read another file or address,"
                        + " which a diagram here may not; write the shared part into the block itself"
                        + " (PlantUML's standard library, such as '!include <C4/C4_Container>', is fine)", i + 1);
            }
            text.add(line);
            origin.add(i + 1);
            if (!wrapped && START.matcher(line).matches()) {
                if (++starts > 1) {
                    throw new FigureException("holds a second diagram; put each diagram in a [plantuml] block of its own", i + 1);
                }
                // Smetana lays out what Graphviz would; PlantUML ignores the pragma elsewhere.
                text.add("!pragma layout smetana");
                origin.add(0);
            }
        }
        if (wrapped) {
            if (lines.stream().anyMatch(l -> END.matcher(l).matches())) {
                throw new FigureException("ends a diagram it never started; start it with @startuml or leave both lines out", 0);
            }
            text.add("@enduml");
            origin.add(0);
        }
        SourceStringReader reader = new SourceStringReader(String.join("\n", text) + "\n");
        List<BlockUml> blocks = reader.getBlocks();
        if (blocks.isEmpty()) {
            throw new FigureException("is not a PlantUML diagram; write it between @startuml and @enduml, or leave both out", 0);
        }
        Diagram diagram = blocks.get(0).getDiagram();
        if (diagram instanceof PSystemError error) {
            ErrorUml problem = error.getFirstError();
            int position = problem == null || problem.getLineLocation() == null ? -1 : problem.getLineLocation().getPosition();
            int line = position >= 0 && position < origin.size() ? origin.get(position) : 0;
            String message = problem == null ? "a syntax error" : problem.getError();
            throw new FigureException("PlantUML cannot read the diagram: " + message.strip()
                    + (line > 0 ? " ('" + lines.get(line - 1).strip() + "')" : "")
                    + "; see https://plantuml.com for the syntax", line);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            diagram.exportDiagram(out, 0, new FileFormatOption(FileFormat.SVG));
        } catch (IOException e) {
            throw new FigureException("PlantUML could not draw the diagram: " + e.getMessage(), 0);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
