package com.sethihemant.site.bench;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HugoSiteTest {

    @Test
    void keepsTheBodyAndMovesTheJBakeHeaderToFrontMatter(@TempDir Path dir) throws IOException {
        SyntheticSite.write(dir.resolve("jbake"), 3);
        HugoSite site = HugoSite.write(dir.resolve("jbake"), dir.resolve("hugo"));

        String source = Files.readString(SyntheticSite.post(dir.resolve("jbake"), 1));
        String written = Files.readString(dir.resolve("hugo/content/blog/post-00001.adoc"));
        String body = source.substring(source.indexOf("\n\n") + 2);
        String frontMatter = written.substring(0, written.length() - body.length());
        assertTrue(written.endsWith(body), "the body after the header is kept byte for byte");
        String title = source.lines().findFirst().orElseThrow().substring(2);
        String tags = source.lines().filter(l -> l.startsWith(":jbake-tags: ")).findFirst().orElseThrow()
                .substring(13).replace(", ", "\", \"");
        assertEquals("---\ntitle: \"" + title + "\"\ndate: \"2010-01-04\"\ntags: [\"" + tags + "\"]\n---\n", frontMatter);

        assertEquals(List.of("post-00000", "post-00001", "post-00002"),
                site.posts().stream().map(HugoSite.Post::slug).toList());
        assertEquals(body.lines().filter(l -> l.startsWith("== ")).map(l -> l.substring(3)).toList(),
                site.posts().get(1).headings());
        assertTrue(Files.isRegularFile(dir.resolve("hugo/content/_index.adoc")), "the home page is the site's _index");
    }

    @Test
    void keepsOtherHeaderAttributesAndMapsTheDescription() {
        HugoSite.Source source = HugoSite.Source.parse(Path.of("a.adoc"), """
                = A "quoted" title
                :jbake-type: post
                :jbake-status: draft
                :description: What it is about.
                :toc:

                Body.
                """);

        assertEquals("""
                ---
                title: "A \\"quoted\\" title"
                description: "What it is about."
                draft: true
                ---
                """, source.frontMatter());
        assertEquals(":description: What it is about.\n:toc:\n\nBody.\n", source.body());
    }

    @Test
    void rejectsAHeaderLineThatIsNoAttributeEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HugoSite.Source.parse(Path.of("content/a.adoc"), "= Title\n:jbake-type: post\nBody at once.\n"));
        assertEquals("content/a.adoc:3: expected an attribute entry (:name: value) or a blank line in the header,"
                + " found 'Body at once.'", e.getMessage());
    }

    /** Needs hugo and asciidoctor, as the benchmark does; skipped without them. */
    @Test
    void hugoConvertsEveryPostAndTheCheckCatchesAPageThatWasNot(@TempDir Path dir) throws Exception {
        Optional<Hugo> hugo = Hugo.find(System.getenv("PATH"));
        assumeTrue(hugo.isPresent(), "hugo and asciidoctor are not installed");
        SyntheticSite.write(dir.resolve("jbake"), 4);
        HugoSite site = HugoSite.write(dir.resolve("jbake"), dir.resolve("hugo"));
        Path out = dir.resolve("out");

        double[] figures = hugo.get().run(site, out);

        assertTrue(figures[0] > 0 && figures[1] > 0, "wall and CPU time measured");
        Document page = Jsoup.parse(out.resolve("blog/post-00002/index.html").toFile(), "UTF-8");
        assertEquals(site.posts().get(2).headings(), page.select("article .body h2").eachText());
        assertEquals(2, page.select("article .body .listingblock pre code.language-java").size(),
                "the two source blocks are Asciidoctor's listing blocks");

        // Without GNU time: CPU from this JVM's child times, which include Hugo's asciidoctors; no peak.
        double[] untimed = new Hugo(hugo.get().hugo(), null).run(site, out);
        assertTrue(untimed[1] > 0 && Double.isNaN(untimed[2]), "CPU " + untimed[1] + " s, peak " + untimed[2]);

        // The same page with its AsciiDoc left unconverted, as a Hugo that never ran asciidoctor writes it.
        Path broken = out.resolve("blog/post-00002/index.html");
        Files.writeString(broken, "<article><h1>" + site.posts().get(2).title() + "</h1><div class=\"body\">== "
                + site.posts().get(2).headings().get(0) + "</div></article>");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> site.check(out));
        assertTrue(e.getMessage().startsWith("Hugo's page blog/post-00002 in " + out + ": section titles []"),
                e.getMessage());
    }
}
