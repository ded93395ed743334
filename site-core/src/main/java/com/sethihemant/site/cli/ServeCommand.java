package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.bake.BakeResult;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.serve.StaticServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code site serve}: bake, then serve the result on this machine until interrupted. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Bakes the site, then serves it at http://127.0.0.1:PORT/ until you press Ctrl+C.",
                "Only this machine can connect unless --bind says otherwise."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:stopped normally",
                "1:a source or template has a problem",
                "2:wrong usage or invalid configuration",
                "3:the port is taken or a file could not be written"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path output = source.defaultOutput(source.drafts ? "preview" : "site");
        try (ContentParser parser = new ContentParser()) {
            BakeResult result = new Baker(parser, Clock.systemUTC()).bake(source.sources(), output, source.options());
            out.println(result);
        }
        try (StaticServer server = StaticServer.start(output, new InetSocketAddress(bind, port))) {
            out.println("Serving " + output + " at " + server.uri() + " (Ctrl+C to stop)");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ExitCodes.OK;
    }
}
