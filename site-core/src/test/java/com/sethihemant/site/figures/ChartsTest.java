package com.sethihemant.site.figures;

import com.sethihemant.site.Problem;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    /** A fio sweep: random-read throughput by block size for 1 and 4 jobs, with the 5th and 95th percentile. */
    static final String FIO = """
            # fio --rw=randread --direct=1 --ioengine=io_uring --iodepth=32, three runs per point
            block_size_kib,jobs,throughput_mib_s,p5_mib_s,p95_mib_s
            4,1,212.5,205.1,219.8
            16,1,688,671,702
            64,1,1450,1398,1497
            256,1,2010,1954,2061
            4,4,761,740,779
            16,4,2104,2051,2150
            64,4,3020,2950,3088
            256,4,3180,3102,3251
            """;

    @TempDir
    Path dir;
    private Posts posts;

    @BeforeEach
    void setUp() {
        posts = new Posts(dir);
    }

    private Document chart(String name, String macro) {
        posts.file("blog/2026/" + name + "/fio-randread.csv", FIO);
        return posts.body(name, ".Random reads by block size\n" + macro + "\n");
    }

    @Test
    void aLineChartHasAxesASeriesPerValueALegendAndItsDataBeneath() {
        Document body = chart("line", "chart::fio-randread.csv[type=line,x=block_size_kib,y=throughput_mib_s,series=jobs,"
                + "x-scale=log2,x-title=Block size,x-unit=KiB,y-title=Throughput,y-unit=MiB/s]");
        Element figure = body.expectFirst("div.imageblock.chart");
        Element svg = figure.expectFirst("> div.content > svg");
        Element table = figure.expectFirst("details.chart-data table");
        assertAll(
                () -> assertEquals("img", svg.attr("role")),
                () -> assertEquals("Random reads by block size", svg.expectFirst("> title").text()),
                () -> assertTrue(svg.expectFirst("> desc").text().startsWith("Line chart of throughput (MiB/s) by block size (KiB)"),
                        svg.expectFirst("> desc").text()),
                () -> assertEquals(List.of("4", "8", "16", "32", "64", "128", "256"), svg.select("g.c-label[text-anchor=middle] text").eachText(),
                        "a log2 axis is labelled at powers of two"),
                () -> assertTrue(svg.select("text").eachText().contains("Block size (KiB), log₂ scale")),
                () -> assertTrue(svg.select("text").eachText().contains("Throughput (MiB/s)")),
                () -> assertEquals(2, svg.select("g.c-s1 path.c-line, g.c-s2 path.c-line").size(), "a line per series"),
                () -> assertEquals(List.of("jobs=1", "jobs=4"), svg.select("text.c-text").eachText().subList(0, 2), "the legend"),
                () -> assertEquals(List.of(), svg.select("[style], [id]").eachAttr("style"), "no style attribute, no id"),
                () -> assertEquals("Figure 1. Random reads by block size", figure.expectFirst("> .title").text()),
                () -> assertTrue(figure.expectFirst("> p.chart-summary").text().contains("jobs=4: from 761 MiB/s at 4 KiB to 3,180 MiB/s at 256 KiB"),
                        figure.expectFirst("> p.chart-summary").text()),
                () -> assertEquals(8, table.select("tbody tr").size(), "every row of the file"),
                () -> assertEquals(List.of("block_size_kib", "jobs", "throughput_mib_s", "p5_mib_s", "p95_mib_s"), table.select("th").eachText()),
                () -> assertEquals("/blog/2026/line/fio-randread.csv", figure.expectFirst("details a").attr("href"),
                        "the raw file, at its site path"));
    }

    @Test
    void percentilesDrawABandOnALineChartAndErrorBarsOnOthers() {
        Document band = chart("band", "chart::fio-randread.csv[x=block_size_kib,y=throughput_mib_s,series=jobs,y-low=p5_mib_s,y-high=p95_mib_s]");
        Document bars = chart("bars", "chart::fio-randread.csv[type=scatter,x=block_size_kib,y=throughput_mib_s,series=jobs,"
                + "y-low=p5_mib_s,y-high=p95_mib_s,x-scale=log2,y-scale=log10]");
        assertAll(
                () -> assertEquals(2, band.select("svg path.c-band").size()),
                () -> assertEquals(2, bars.select("svg path.c-err").size()),
                () -> assertTrue(bars.select("svg path.c-line").isEmpty(), "a scatter plot has no lines"),
                () -> assertEquals(List.of("100", "200", "500", "1,000", "2,000", "5,000", "10,000"),
                        bars.select("g.c-label[text-anchor=end] text").eachText(), "a log10 axis over two decades"));
    }

    @Test
    void aBarChartGroupsBarsByCategoryFromZero() {
        posts.file("blog/2026/bar/engines.csv", "engine,read_mib_s,write_mib_s\nlibaio,2950,1810\nio_uring,3180,1990\nsync,640,420\n");
        Document body = posts.body("bar", ".Engines\nchart::engines.csv[type=bar,x=engine,y=\"read_mib_s,write_mib_s\",y-unit=MiB/s]\n");
        Element svg = body.expectFirst("svg");
        assertAll(
                () -> assertEquals(List.of("libaio", "io_uring", "sync"), svg.select("g.c-label[text-anchor=middle] text").eachText()),
                () -> assertEquals("0", svg.select("g.c-label[text-anchor=end] text").first().text(), "bars start at zero"),
                () -> assertEquals(3, svg.expectFirst("g.c-s1 path.c-bar").attr("d").split("Z").length, "three bars per series"),
                () -> assertEquals(List.of("read_mib_s", "write_mib_s"), svg.select("text.c-text").eachText().subList(0, 2)));
    }

    @Test
    void jsonDataWorksLikeCsv() {
        posts.file("blog/2026/json/runs.json", """
                [
                  {"epoch": 1, "loader_gib_s": 4.2},
                  {"epoch": 2, "loader_gib_s": 6.9},
                  {"epoch": 3, "loader_gib_s": 7.1}
                ]
                """);
        Element svg = posts.body("json", "chart::runs.json[x=epoch,y=loader_gib_s,alt=\"Loader throughput by epoch\"]\n").expectFirst("svg");
        assertAll(
                () -> assertEquals("Loader throughput by epoch", svg.expectFirst("title").text()),
                () -> assertEquals(3, svg.expectFirst("path.c-dot").attr("d").split("Z").length));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing file       | chart::nope.csv[x=a,y=b]                                             | cannot find nope.csv
            unknown column     | chart::fio-randread.csv[x=block_size_kib,y=throughput]             | uses the column 'throughput' for y
            misspelt attribute | chart::fio-randread.csv[x=block_size_kib,y=jobs,x-sacle=log2]      | did you mean 'x-scale'?
            unknown type       | chart::fio-randread.csv[type=pie,x=block_size_kib,y=jobs]          | use line, bar or scatter
            outside content    | chart::../../../../site.yml[x=a,y=b]                               | outside the site's content
            log bars           | chart::fio-randread.csv[type=bar,x=jobs,y=jobs,y-scale=log2]       | use a line or scatter chart
            no alternative     | chart::fio-randread.csv[x=block_size_kib,y=jobs]                   | needs a text alternative
            """)
    void aBadMacroFailsAtItsLine(String what, String macro, String message) {
        posts.file("blog/2026/bad-" + what.replace(' ', '-') + "/fio-randread.csv", FIO);
        String title = what.equals("no alternative") ? "" : ".A chart\n";
        List<Problem> problems = posts.problems("bad-" + what.replace(' ', '-'), "Text.\n\n" + title + macro + "\n");
        assertEquals(1, problems.size(), problems::toString);
        assertAll(
                () -> assertEquals(Posts.HEADER_LINES + (title.isEmpty() ? 3 : 4), problems.get(0).line(), problems::toString),
                () -> assertTrue(problems.get(0).message().startsWith("chart: "), problems::toString),
                () -> assertTrue(problems.get(0).message().contains(message), problems::toString));
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsLineInTheDataFile() {
        posts.file("blog/2026/nan/data.csv", "# a comment\nsize,mib_s\n4,210\n8,n/a\n");
        List<Problem> problems = posts.problems("nan", ".Sizes\nchart::data.csv[x=size,y=mib_s]\n");
        assertAll(
                () -> assertEquals(Posts.HEADER_LINES + 2, problems.get(0).line()),
                () -> assertTrue(problems.get(0).message().contains("data.csv line 4: column 'mib_s' has 'n/a', which is not a number"),
                        problems::toString));
        posts.file("blog/2026/zero/data.csv", "size,mib_s\n0,210\n8,300\n");
        assertTrue(posts.problems("zero", ".Sizes\nchart::data.csv[x=size,y=mib_s,x-scale=log2]\n").get(0).message()
                .contains("data.csv line 2: column 'size' has 0, which a log scale cannot show"));
    }

    @Test
    void csvCellsMayBeQuotedAndRowsMustBeComplete() {
        ChartData data = ChartData.csv("q.csv", "name,value\n\"io_uring, polled\",1\r\n\"say \"\"hi\"\"\",2\n");
        assertAll(
                () -> assertEquals(List.of("io_uring, polled", "1"), data.rows().get(0).cells()),
                () -> assertEquals("say \"hi\"", data.rows().get(1).cells().get(0)),
                () -> assertEquals(3, data.rows().get(1).line()));
        FigureException short1 = org.junit.jupiter.api.Assertions.assertThrows(FigureException.class,
                () -> ChartData.csv("s.csv", "a,b\n1,2\n3\n"));
        assertTrue(short1.getMessage().startsWith("s.csv line 3: has 1 cells"), short1.getMessage());
    }

    @Test
    void aChartAppearsTwiceOnAPageWithoutClashes() {
        posts.file("blog/2026/twice/fio-randread.csv", FIO);
        Document body = posts.body("twice", ".One\nchart::fio-randread.csv[x=block_size_kib,y=throughput_mib_s,series=jobs]\n\n"
                + ".Two\nchart::fio-randread.csv[x=block_size_kib,y=throughput_mib_s,series=jobs]\n");
        assertAll(
                () -> assertEquals(2, body.select("svg.chart-svg").size()),
                () -> assertTrue(body.select("[id]").isEmpty(), "no ids at all"),
                () -> assertFalse(body.select("details").isEmpty()),
                () -> assertNotNull(body.selectFirst(".table-wrap[role=region] > table"), "the theme's table region"));
    }
}
