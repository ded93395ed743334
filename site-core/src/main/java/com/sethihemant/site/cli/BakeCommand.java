package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.BakeResult;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.content.ContentParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code site bake}: sources in, a complete static site out. */
@Command(name = "bake",
        mixinStandardHelpOptions = true,
        description = {
                "Bakes the site's sources into a folder of static files.",
                "The folder is replaced only when the whole bake succeeds."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SITE_PROBLEM_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP,
                ExitCodes.INTERNAL_HELP})
final class BakeCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Option(names = "--drafts",
            description = "Include drafts and posts dated in the future, marked as such (to look at them; never for publishing).")
    boolean drafts;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where to write the site (default: blog/target/site under the root).")
    Path output;

    @Option(names = "--edit-url", paramLabel = "URL",
            description = "Start of \"edit this page\" links, such as https://github.com/OWNER/REPO/edit/main/"
                    + " (default, or when empty: editUrl in site.yml).")
    String editUrl;

    @Spec
    CommandSpec spec;

    private BakeOptions options() {
        return drafts ? BakeOptions.PREVIEW : BakeOptions.PUBLISH;
    }

    @Override
    public Integer call() {
        Path target = output != null ? output : source.defaultOutput("site");
        try (ContentParser parser = new ContentParser(source.figureCache());
             Baker baker = new Baker(parser, Clock.systemUTC(), Runtime.getRuntime().availableProcessors(),
                     new Baker.Caches(source.templateCache(), source.documentCache(), source.cardCache()))) {
            BakeResult result = baker.bake(source.sources(), target,
                    editUrl == null || editUrl.isEmpty() ? options() : options().withEditUrl(editUrl));
            spec.commandLine().getOut().println(result);
        }
        return ExitCodes.OK;
    }
}
