package com.sethihemant.site.figures;

/**
 * PlantUML diagrams as the SVG the page inlines, through the cache: PlantUML starts only when a
 * diagram is not in it.
 */
final class Diagrams {

    private final FigureCache cache;
    private final String version;
    private PlantUml plantUml;

    Diagrams(FigureCache cache) {
        this.cache = cache;
        this.version = "plantuml " + PlantUml.version() + " " + FigureCache.codeOf(PlantUml.class, DiagramSvg.class, Diagrams.class);
    }

    /**
     * @param source the diagram, as written in the block
     * @param label  its text alternative
     * @throws FigureException if PlantUML cannot read or draw it
     */
    String svg(String source, String label) {
        String key = FigureCache.key("diagram", version, label, source);
        return cache.get(key, () -> DiagramSvg.clean(plantUml().svg(source), label, "d" + key.substring(0, 8)));
    }

    /** Starts PlantUML on this thread now (it takes a second or two), so that the next diagram draws at once. */
    void warmUp() {
        plantUml().svg("A -> B");
    }

    private synchronized PlantUml plantUml() {
        if (plantUml == null) {
            plantUml = new PlantUml();
        }
        return plantUml;
    }
}
