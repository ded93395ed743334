package com.sethihemant.site.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticServerTest {

    @TempDir
    Path dir;
    private Path site;
    private StaticServer server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws IOException {
        site = dir.resolve("site");
        Files.createDirectories(site.resolve("about"));
        Files.writeString(site.resolve("index.html"), "<p>home</p>");
        Files.writeString(site.resolve("about/index.html"), "<p>about</p>");
        Files.writeString(site.resolve("404.html"), "<p>not here</p>");
        Files.writeString(site.resolve("site.css"), "body{}");
        Files.createDirectories(site.resolve("empty"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        server = StaticServer.start(site, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request line as written, since HttpClient normalises paths such as "/../x". */
    private String raw(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.uri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }

    @Test
    void bindsToLoopbackOnly() {
        assertEquals("127.0.0.1", server.uri().getHost());
    }

    @Test
    void directoryUrlServesItsIndex() throws Exception {
        HttpResponse<String> response = get("/about/");
        assertEquals(200, response.statusCode());
        assertEquals("<p>about</p>", response.body());
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void directoryWithoutSlashRedirects() throws Exception {
        HttpResponse<String> response = get("/about");
        assertEquals(301, response.statusCode());
        assertEquals("/about/", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void unknownPathAnswers404WithTheSitesPage() throws Exception {
        HttpResponse<String> response = get("/nope/");
        assertEquals(404, response.statusCode());
        assertEquals("<p>not here</p>", response.body());
    }

    @Test
    void directoryWithoutIndexIsNotListed() throws Exception {
        assertEquals(404, get("/empty/").statusCode());
    }

    @Test
    void servesCorrectContentTypes() throws Exception {
        assertEquals("text/css; charset=utf-8", get("/site.css").headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void headAnswersHeadersWithoutBody() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri().resolve("/site.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("6", response.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("", response.body());
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void pathsClimbingOutOfTheSiteAreRejected() throws IOException {
        assertTrue(raw("/../secret.txt").contains(" 400"), "plain ..");
        assertTrue(raw("/%2e%2e/secret.txt").contains(" 400"), "encoded ..");
        assertTrue(raw("/about/%2E%2E/%2e%2e/secret.txt").contains(" 400"), "nested encoded ..");
        assertTrue(raw("/..%2fsecret.txt").contains(" 400"), "encoded slash");
        assertFalse(raw("//etc/passwd").contains(" 200"), "absolute path");
    }

    @Test
    void symbolicLinksLeadingOutsideAnswer404() throws Exception {
        Files.createSymbolicLink(site.resolve("escape.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("escape-dir"), dir);
        assertEquals(404, get("/escape.txt").statusCode());
        assertEquals(404, get("/escape-dir/secret.txt").statusCode());
    }

    @Test
    void uriNamesTheChosenPort() {
        URI uri = server.uri();
        assertTrue(uri.getPort() > 0);
        assertEquals("/", uri.getPath());
    }

    @Test
    void responsesAreNotHeldBackByNaglesAlgorithm() {
        // Set before the JDK reads it (StaticServer's class initialiser); see StaticServer.NO_DELAY.
        assertEquals("true", System.getProperty(StaticServer.NO_DELAY));
    }
}
