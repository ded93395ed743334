package com.sethihemant.site.links;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The HTTP fixture of the link tests as one JUnit extension: a {@link LoopbackServer} started
 * on 127.0.0.1 before each test and closed after it, and a {@link FakeTime} that starts at
 * {@link LoopbackServer#FAKE_START} and knows which of the server's routes never answer, so a
 * request's deadline passes on the fake clock at once. Register it on an instance field:
 *
 * <pre>
 * &#64;RegisterExtension
 * final Loopback loopback = new Loopback();
 * </pre>
 */
final class Loopback implements BeforeEachCallback, AfterEachCallback {

    private LoopbackServer server;
    private FakeTime time;

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            server = LoopbackServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the loopback server did not start", e);
        }
        time = new FakeTime(LoopbackServer.FAKE_START, server::stalls);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    LoopbackServer server() {
        return server;
    }

    FakeTime time() {
        return time;
    }
}
