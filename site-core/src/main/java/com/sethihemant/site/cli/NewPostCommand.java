package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.content.Routes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code site new-post "Title"}: a new post with a complete header, dated today. */
@Command(name = "new-post",
        mixinStandardHelpOptions = true,
        description = {"Creates a post in blog/src/main/jbake/content/blog/YEAR/ with a complete header,",
                "and prints its path and its address in the preview. Never overwrites a file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SITE_PROBLEM_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP,
                ExitCodes.INTERNAL_HELP})
final class NewPostCommand implements Callable<Integer> {

    private final Clock clock;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The post's title.")
    String title;

    @Mixin
    PostOptions options;

    @Spec
    CommandSpec spec;

    NewPostCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        LocalDate day = options.day(clock);
        String name = options.slug != null ? options.slug : Routes.slugify(title);
        String header = options.header(day, options.tags) + PostOptions.descriptionHint();
        Path file = Scaffold.create(options.root, day, name, title, header,
                "// Write the post here; `./site serve` shows it as you save.\n");
        report(spec, file, Routes.urlFor(Routes.POST, name + ".adoc", day));
        return ExitCodes.OK;
    }

    static void report(CommandSpec spec, Path file, String url) {
        var out = spec.commandLine().getOut();
        out.println("Created " + file.toAbsolutePath().normalize());
        out.println("Preview: http://localhost:8080" + url + "  (run ./site serve)");
        out.flush();
    }
}
