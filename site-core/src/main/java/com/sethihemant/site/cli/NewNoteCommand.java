package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.Routes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code site new-note "Paper title" --venue V --year Y --link URL}: notes on a paper. */
@Command(name = "new-note",
        mixinStandardHelpOptions = true,
        description = {"Creates notes on a paper: a post tagged with notesTag of site.yml (paper-notes), with",
                "the paper's title, venue, year and link in its header, listed with the other notes on",
                "Writing & Speaking."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SITE_PROBLEM_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP,
                ExitCodes.INTERNAL_HELP})
final class NewNoteCommand implements Callable<Integer> {

    private final Clock clock;

    @Parameters(index = "0", paramLabel = "PAPER", description = "The paper's title.")
    String paper;

    @Option(names = "--venue", required = true, description = "Where it was published, such as SOSP or USENIX ATC.")
    String venue;

    @Option(names = "--year", description = "The year it was published.")
    Integer year;

    @Option(names = "--link", required = true, paramLabel = "URL", description = "Where to read the paper (https://...).")
    String link;

    @Mixin
    PostOptions options;

    @Spec
    CommandSpec spec;

    NewNoteCommand(Clock clock) {
        this.clock = clock;
    }

    /** The tag that makes a post a paper note, as the site's own configuration declares it. */
    private String notesTag() {
        Path config = SiteSources.ofProject(options.root.toAbsolutePath().normalize()).config();
        String tag = SiteConfig.load(config).notesTag();
        if (tag.isEmpty()) {
            throw SiteException.usage(config, "has no notesTag, the tag of paper notes; add one, such as"
                    + " 'notesTag: paper-notes'");
        }
        return tag;
    }

    @Override
    public Integer call() {
        URI uri;
        try {
            uri = URI.create(link.strip());
        } catch (IllegalArgumentException e) {
            throw SiteException.usage(null, "--link '" + link + "' is not a web address");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw SiteException.usage(null, "--link must be a web address starting with https://");
        }
        if (year != null && (year < 1900 || year > 2100)) {
            throw SiteException.usage(null, "--year " + year + " is not a plausible publication year");
        }
        LocalDate day = options.day(clock);
        String name = options.slug != null ? options.slug : Routes.slugify(paper) + "-notes";
        List<String> allTags = new ArrayList<>(List.of(notesTag()));
        allTags.addAll(options.tags);
        String header = options.header(day, allTags)
                + ":paper-title: " + paper.strip() + "\n"
                + ":paper-venue: " + venue.strip() + "\n"
                + (year == null ? "" : ":paper-year: " + year + "\n")
                + ":paper-url: " + uri + "\n"
                + PostOptions.descriptionHint();
        String body = "These are my notes on " + uri + "[_{paper-title}_]"
                + " ({paper-venue}" + (year == null ? "" : " {paper-year}") + ").\n\n"
                + "// Write the notes here; `./site serve` shows them as you save.\n";
        Path file = Scaffold.create(options.root, day, name, "Notes on " + paper.strip(), header, body);
        NewPostCommand.report(spec, file, Routes.urlFor(Routes.POST, name + ".adoc", day));
        return ExitCodes.OK;
    }
}
