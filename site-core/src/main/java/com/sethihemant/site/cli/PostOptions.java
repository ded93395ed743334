package com.sethihemant.site.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The options {@code new-post} and {@code new-note} share. */
final class PostOptions {

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Tags, comma-separated: --tags storage,gpu")
    List<String> tags = new ArrayList<>();

    @Option(names = "--draft", description = "Create it as a draft (visible only in the preview).")
    boolean draft;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Publication date (default: today, UTC).")
    LocalDate date;

    @Option(names = "--slug", description = "The URL name (default: made from the title).")
    String slug;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".", description = "The project's root folder (default: ${DEFAULT-VALUE}).")
    Path root;

    LocalDate day(Clock clock) {
        return date != null ? date : LocalDate.now(clock);
    }

    /** The header lines every new post starts with, after the title. */
    String header(LocalDate day, List<String> allTags) {
        return ":jbake-type: post\n"
                + ":jbake-status: " + (draft ? "draft" : "published") + "\n"
                + ":jbake-date: " + day + "\n"
                + (allTags.isEmpty() ? "" : ":jbake-tags: " + Scaffold.tags(allTags) + "\n");
    }

    /** The closing lines of a new header: where the description goes. */
    static String descriptionHint() {
        return "// One or two sentences for the post list, the feed and search engines:\n"
                + "// :description: \n";
    }
}
