package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.content.Routes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code site new-post "Title"}: a new post with a complete header, dated today. */
@Command(name = "new-post",
        mixinStandardHelpOptions = true,
        description = {"Creates a post in blog/src/main/jbake/content/blog/YEAR/ with a complete header,",
                "and prints its path and its address in the preview. Never overwrites a file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the post was created", "1:a file with that name exists", "2:wrong usage"})
final class NewPostCommand implements Callable<Integer> {

    private final Clock clock;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The post's title.")
    String title;

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Tags, comma-separated: --tags storage,gpu")
    List<String> tags = new ArrayList<>();

    @Option(names = "--draft", description = "Create it as a draft (visible only with serve --drafts).")
    boolean draft;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Publication date (default: today, UTC).")
    LocalDate date;

    @Option(names = "--slug", description = "The URL name (default: made from the title).")
    String slug;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".", description = "The project's root folder (default: ${DEFAULT-VALUE}).")
    Path root;

    @Spec
    CommandSpec spec;

    NewPostCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        LocalDate day = date != null ? date : LocalDate.now(clock);
        String name = slug != null ? slug : Routes.slugify(title);
        String header = ":jbake-type: post\n"
                + ":jbake-status: " + (draft ? "draft" : "published") + "\n"
                + ":jbake-date: " + day + "\n"
                + (tags.isEmpty() ? "" : ":jbake-tags: " + Scaffold.tags(tags) + "\n")
                + "// One or two sentences for the post list, the feed and search engines:\n"
                + "// :description: \n";
        Path file = Scaffold.create(root, day, name, title, header,
                "// Write the post here; `./site serve --drafts` shows it as you save.\n");
        report(spec, file, Routes.urlFor(Routes.POST, name + ".adoc", day), draft);
        return ExitCodes.OK;
    }

    static void report(CommandSpec spec, Path file, String url, boolean draft) {
        var out = spec.commandLine().getOut();
        out.println("Created " + file.toAbsolutePath().normalize());
        out.println("Preview: http://localhost:8080" + url + (draft ? "  (run ./site serve --drafts)" : "  (run ./site serve)"));
        out.flush();
    }
}
