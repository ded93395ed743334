package com.sethihemant.site.bake;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.Routes;
import com.sethihemant.site.theme.Formats;
import com.sethihemant.site.theme.Listing;
import com.sethihemant.site.theme.Page;
import com.sethihemant.site.theme.PageModel;
import com.sethihemant.site.theme.TagPage;
import com.sethihemant.site.theme.TagsPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme's contract: templates read the names their page's record declares, and no others. */
class TemplateModelTest {

    private static final SiteConfig SITE = new SiteConfig("Site", "", "A site.", URI.create("https://example.org"),
            "en", ZoneOffset.UTC, new SiteConfig.Author("Author", "a@example.org"), 10, 20, 5, List.of(), List.of(),
            List.of(), "", Map.of(), "");

    @TempDir
    Path dir;

    private static TagsPage tagsPage() {
        return new TagsPage(new Page(SITE, Map.of(), Routes.TAGS, false, new Formats(), null, false,
                Pages.siteImage(SITE), null),
                List.of(new Listing.Tag("storage", Routes.tag("storage"), List.of())));
    }

    private String render(String template, PageModel page) throws IOException {
        Files.writeString(dir.resolve("t.tpl"), template);
        TemplateModel model = TemplateModel.of(page);
        return new Templates(dir).render("t", model, "the test page");
    }

    @Test
    void aTemplateReadsItsRecordsComponentsAndThoseOfPageByName() throws IOException {
        assertEquals("<p>Site /tags/ storage</p>",
                render("p { yield site.title + ' ' + url + ' ' + allTags[0].name }", tagsPage()));
    }

    @Test
    void readingANameThePageDoesNotHaveFailsWithTheTemplatesLine() throws IOException {
        SiteException e = assertThrows(SiteException.class,
                () -> render("p { yield url }\np { yield tagPage.name }\n", tagsPage()));
        Problem problem = e.problems().get(0);
        assertAll(
                () -> assertEquals(dir.resolve("t.tpl"), problem.file()),
                () -> assertEquals(2, problem.line()),
                () -> assertTrue(problem.message().contains("'tagPage'") && problem.message().contains("TagsPage")
                        && problem.message().contains("allTags"), problem.message()));
    }

    @Test
    void aLayoutReadsThePageAndTheParametersPassedToItButNothingElse() throws IOException {
        Files.createDirectories(dir.resolve("layouts"));
        Files.writeString(dir.resolve("layouts/l.tpl"), "h1 { yield heading + ' ' + url }\n");
        assertEquals("<h1>Tags /tags/</h1>",
                render("layout('layouts/l.tpl', true, heading: 'Tags')", tagsPage()));

        Files.writeString(dir.resolve("layouts/l.tpl"), "h1 { yield heading }\np { yield trail }\n");
        SiteException e = assertThrows(SiteException.class,
                () -> render("layout('layouts/l.tpl', true, heading: 'Tags')", tagsPage()));
        assertEquals(dir.resolve("layouts/l.tpl"), e.problems().get(0).file());
        assertTrue(e.getMessage().contains("'trail'") && e.getMessage().contains("as passed to layouts/l.tpl"),
                e.getMessage());
    }

    @Test
    void aTemplateCannotChangeTheModel() throws IOException {
        SiteException e = assertThrows(SiteException.class, () -> render("url = '/elsewhere/'\n", tagsPage()));
        assertTrue(e.getMessage().contains("cannot change the model"), e.getMessage());
    }

    @Test
    void theModelHoldsEachComponentOnceWithPagesFlattened() {
        TemplateModel model = TemplateModel.of(new TagPage(tagsPage().page(), tagsPage().allTags().get(0)));
        assertEquals(List.of("site", "data", "url", "preview", "fmt", "notice", "noindex", "image", "citation", "tagPage"),
                List.copyOf(model.keySet()));
    }
}
