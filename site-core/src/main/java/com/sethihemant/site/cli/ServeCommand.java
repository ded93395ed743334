package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.serve.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code site serve}: the live preview, until interrupted. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Builds the site and serves it at http://127.0.0.1:PORT/, with drafts and scheduled posts",
                "shown (and marked). Watches the content, theme, data and configuration, rebuilds what a",
                "change affects and reloads the open browser tabs. A broken edit is shown in the terminal",
                "and the browser while the last good site stays served. Stop it with Ctrl+C.",
                "Only this machine can connect unless --bind says otherwise."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP, ExitCodes.INTERNAL_HELP})
final class ServeCommand implements Callable<Integer> {

    /** How many sources the preview parses in the background to warm Asciidoctor up. */
    private static final int WARM_UP_SOURCES = 50;

    @Mixin
    SourceOptions source;

    @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--published",
            description = "Show only what would be published: no drafts, no scheduled posts.")
    boolean published;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (ContentParser parser = new ContentParser(source.figureCache());
             Baker baker = new Baker(parser, Clock.systemUTC(), Runtime.getRuntime().availableProcessors(),
                     new Baker.Caches(source.templateCache(), source.documentCache(), source.cardCache()));
             PreviewServer server = PreviewServer.start(baker, source.sources(),
                     published ? BakeOptions.PUBLISH : BakeOptions.PREVIEW, new InetSocketAddress(bind, port), out)) {
            out.println("Serving " + (published ? "the published site" : "a preview with drafts") + " at "
                    + server.uri() + " (Ctrl+C to stop); watching for changes.");
            out.flush();
            // PlantUML and KaTeX take a second or two to start, and Asciidoctor converts its first
            // documents slowly (the first build may have taken every one from the document cache):
            // warm them now, in the background, so that the author's first edit shows at once.
            Thread warmUp = new Thread(() -> {
                parser.warmUpFigures();
                baker.warmUpParser(WARM_UP_SOURCES);
            }, "parser-warm-up");
            warmUp.setDaemon(true);
            warmUp.setPriority(Thread.MIN_PRIORITY);
            warmUp.start();
            new CountDownLatch(1).await();
        }
        return ExitCodes.OK;
    }
}
