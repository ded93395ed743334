import com.sethihemant.site.serve.StaticServer;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a baked folder on 127.0.0.1 with the project's StaticServer until stopped, exactly as it
 * is published: no preview script, no drafts, unknown paths answered by 404.html with status 404.
 * Run through scripts/serve-site.sh, which supplies the class path.
 */
public final class ServeSite {
    public static void main(String[] args) throws InterruptedException {
        Path folder = Path.of(args[0]);
        try (StaticServer server = StaticServer.start(folder, new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])))) {
            System.out.println("Serving " + folder + " at " + server.uri());
            new CountDownLatch(1).await();
        }
    }
}
