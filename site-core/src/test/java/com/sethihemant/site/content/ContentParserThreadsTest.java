package com.sethihemant.site.content;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * One parser, shared by several threads, gives each source the same HTML as parsing it alone.
 * Rouge builds its lexers' states on first use and was seen to emit error tokens when two threads
 * highlighted one language for the first time at once; this test does exactly that, in a
 * parser of its own so that no earlier test has warmed any language.
 */
class ContentParserThreadsTest {

    private static final int THREADS = 8;
    private static final Set<String> TYPES = Set.of("post", "page");

    /** Code that each lexer highlights without error tokens, several states deep. */
    private static final List<String[]> SAMPLES = List.of(
            new String[] {"java", "@Override\npublic <T> List<T> read(Path p) throws IOException {\n"
                    + "    return Files.lines(p).map(s -> (T) s.strip()).toList(); // done\n}"},
            new String[] {"python", "@dataclass\nclass Replica:\n    \"\"\"A copy.\"\"\"\n    lag: float = 0.5\n"
                    + "    def ok(self) -> bool:\n        return f\"{self.lag:.2f}\" != '0'\n"},
            new String[] {"ruby", "module Store\n  def self.get(key, &blk)\n    @cache ||= {}\n"
                    + "    @cache.fetch(key) { |k| blk.call(\"#{k}!\") }\n  end\nend\n"},
            new String[] {"go", "func (s *Store) Get(ctx context.Context, k string) ([]byte, error) {\n"
                    + "\tselect {\n\tcase <-ctx.Done():\n\t\treturn nil, ctx.Err()\n\tdefault:\n\t}\n\treturn s.m[k], nil\n}"},
            new String[] {"rust", "impl<'a> Reader<'a> {\n    pub fn next(&mut self) -> Option<&'a [u8]> {\n"
                    + "        let n = u32::from_le_bytes(self.buf[..4].try_into().ok()?);\n        None\n    }\n}"},
            new String[] {"yaml", "replicas: 3\nquorum:\n  read: 2 # R\n  write: &w 2\nother: *w\nlist: [a, 'b', \"c\"]\n"},
            new String[] {"json", "{\"nodes\": [1, 2.5, -3e2], \"ok\": true, \"name\": \"a\\\"b\", \"none\": null}"},
            new String[] {"shell", "#!/bin/sh\nfor f in \"$@\"; do\n  if [ -f \"$f\" ]; then echo \"${f%.adoc}\" | wc -c; fi\ndone\n"},
            new String[] {"sql", "SELECT k, COUNT(*) AS n FROM writes w\nWHERE w.ts > NOW() - INTERVAL '1 day'\n"
                    + "GROUP BY k HAVING COUNT(*) > 2 ORDER BY n DESC;"},
            new String[] {"c", "#include <stdint.h>\nstatic inline uint32_t rotl(uint32_t x, int r) {\n"
                    + "  return (x << r) | (x >> (32 - r)); /* hash */\n}\n"},
            new String[] {"javascript", "const get = async (k) => {\n  const r = await fetch(`/kv/${k}`);\n"
                    + "  return r.ok ? r.json() : null; // maybe\n};\n"},
            new String[] {"toml", "[server]\nport = 8080\nhosts = [\"a\", \"b\"]\n[server.tls]\nenabled = true\n"});

    private static ContentParser parser;

    @BeforeAll
    static void startParser() {
        parser = new ContentParser();
    }

    @AfterAll
    static void stopParser() {
        parser.close();
    }

    @Test
    void threadsHighlightingLanguagesForTheFirstTimeAtOnceGetTheSerialResult(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < THREADS * 3; i++) {
            files.add(post(dir, i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Document>> concurrent = new ArrayList<>();
        try {
            for (Path file : files) {
                concurrent.add(pool.submit(() -> {
                    start.await();
                    return parser.parse(dir, file, TYPES);
                }));
            }
            start.countDown();
            for (int i = 0; i < files.size(); i++) {
                String html = concurrent.get(i).get().bodyHtml();
                String alone = parser.parse(dir, files.get(i), TYPES).bodyHtml();
                assertEquals(alone, html, files.get(i) + " differs when parsed alongside others");
                assertFalse(html.contains("class=\"err\""), files.get(i) + " has Rouge error tokens:\n" + html);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A post with every sample, in the same order in every post, so that threads meet on each language. */
    private static Path post(Path dir, int n) throws IOException {
        StringBuilder text = new StringBuilder("= Post " + n + "\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-01-01\n\nCode in many languages.\n");
        for (int i = 0; i < SAMPLES.size(); i++) {
            String[] sample = SAMPLES.get(i);
            text.append("\n[source,").append(sample[0]).append("]\n----\n").append(sample[1]).append("\n----\n");
        }
        Path file = dir.resolve("post-" + n + ".adoc");
        Files.writeString(file, text);
        return file;
    }
}
