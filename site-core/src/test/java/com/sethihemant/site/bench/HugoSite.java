package com.sethihemant.site.bench;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Hugo side of {@link BakeBenchmark}: the AsciiDoc sources of a JBake-style site (as
 * {@link SyntheticSite} writes them) turned into a Hugo site with a minimal layout made here, and
 * a check that Hugo's output has every post, converted.
 *
 * <p>Each source keeps its body byte for byte; only its JBake header ({@code = Title},
 * {@code :jbake-date:}, {@code :jbake-tags:} and so on) becomes YAML front matter, which is how a
 * Hugo user writes AsciiDoc. Header attributes that are not JBake's stay at the top of the body.
 * The layout renders about the pages the other two pipelines do: each post with its title, date,
 * tags, body and neighbours, a home page and a blog index listing the posts, and a page per tag
 * and one of all tags (Hugo adds its RSS feeds and a sitemap by default).
 *
 * @param root  the Hugo site's folder
 * @param posts the posts written, in source order, for {@link #check}
 */
record HugoSite(Path root, List<Post> posts) {

    /**
     * A post as Hugo should publish it.
     *
     * @param slug     its file name without {@code .adoc}, which Hugo makes its URL
     * @param title    the header's title
     * @param tags     the header's tags
     * @param headings the text of its level-1 section titles ({@code == }), in order
     */
    record Post(String slug, String title, List<String> tags, List<String> headings) {
    }

    /**
     * The site configuration. Hugo runs {@code asciidoctor} once per page, only when the security
     * policy allows it; its attributes are the ones the other two pipelines set, except
     * {@code source-highlighter=rouge}, as Debian's asciidoctor comes without the rouge gem (so
     * Hugo's pages are not highlighted, which only makes Hugo's side lighter).
     */
    private static final String CONFIG = """
            baseURL = "https://bench.example/"
            title = "Benchmark"
            languageCode = "en"

            [taxonomies]
              tag = "tags"

            [markup.asciidocExt]
              noHeaderOrFooter = true
              safeMode = "unsafe"
              [markup.asciidocExt.attributes]
                idprefix = ""
                idseparator = "-"

            [security.exec]
              allow = ['^asciidoctor$']
            """;

    private static final Map<String, String> LAYOUTS = Map.of(
            "_default/baseof.html", """
                    <!DOCTYPE html>
                    <html lang="en">
                    <head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
                    <body>
                    <nav><a href="{{ "/" | relURL }}">Home</a> <a href="{{ "/blog/" | relURL }}">Blog</a> <a href="{{ "/tags/" | relURL }}">Tags</a></nav>
                    <main>{{ block "main" . }}{{ end }}</main>
                    </body>
                    </html>
                    """,
            "_default/single.html", """
                    {{ define "main" }}
                    <article>
                    <h1>{{ .Title }}</h1>
                    {{ if not .Date.IsZero }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
                    {{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ "/tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
                    <div class="body">{{ .Content }}</div>
                    {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
                    {{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
                    </article>
                    {{ end }}
                    """,
            "_default/list.html", """
                    {{ define "main" }}
                    <h1>{{ .Title }}</h1>
                    {{ .Content }}
                    <ul class="posts">{{ range .Pages }}
                    <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Summary }}</p></li>{{ end }}
                    </ul>
                    {{ end }}
                    """,
            "_default/terms.html", """
                    {{ define "main" }}
                    <h1>{{ .Title }}</h1>
                    <ul class="terms">{{ range .Data.Terms.Alphabetical }}
                    <li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
                    </ul>
                    {{ end }}
                    """,
            "index.html", """
                    {{ define "main" }}
                    <div class="body">{{ .Content }}</div>
                    <ul class="posts">{{ range where .Site.RegularPages "Section" "blog" }}
                    <li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Summary }}</p></li>{{ end }}
                    </ul>
                    {{ end }}
                    """);

    /**
     * Writes a Hugo site in {@code root} from the {@code content} folder of {@code site}: each
     * {@code .adoc} with its JBake header turned into front matter (the home page becomes
     * {@code _index.adoc}), any other file copied to {@code static}.
     */
    static HugoSite write(Path site, Path root) throws IOException {
        Path content = site.resolve("content");
        Files.createDirectories(root.resolve("content"));
        Files.writeString(root.resolve("hugo.toml"), CONFIG);
        for (Map.Entry<String, String> layout : LAYOUTS.entrySet()) {
            Path file = root.resolve("layouts").resolve(layout.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, layout.getValue());
        }
        List<Post> posts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = content.relativize(file).toString();
            if (!relative.endsWith(".adoc")) {
                Path target = root.resolve("static").resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
                continue;
            }
            Source source = Source.parse(file, Files.readString(file));
            String type = source.attributes().getOrDefault("jbake-type", "page");
            Path target = root.resolve("content").resolve(type.equals("home")
                    ? relative.replaceFirst("[^/]*\\.adoc$", "_index.adoc") : relative);
            Files.createDirectories(target.getParent());
            Files.writeString(target, source.frontMatter() + source.body());
            if (type.equals("post")) {
                String slug = target.getFileName().toString().replaceFirst("\\.adoc$", "");
                posts.add(new Post(slug, source.title(), source.tags(), source.body().lines()
                        .filter(l -> l.startsWith("== ")).map(l -> l.substring(3).strip()).toList()));
            }
        }
        return new HugoSite(root, List.copyOf(posts));
    }

    /**
     * Checks Hugo's output in {@code out}: every post's page with its title and each of its
     * section titles as an {@code h2} (so its body went through asciidoctor), every tag's page
     * linking to as many posts as carry it, and the home page listing them all. A run that
     * rendered nothing, or rendered the AsciiDoc as plain text, fails here.
     *
     * @throws IllegalStateException naming the first page that is missing or wrong
     */
    void check(Path out) throws IOException {
        Map<String, Integer> tagged = new TreeMap<>();
        for (Post post : posts) {
            Document page = parse(out, "blog/" + post.slug() + "/index.html");
            Element title = page.selectFirst("article > h1");
            if (title == null || !title.text().equals(post.title())) {
                throw wrong(out, "blog/" + post.slug(), "title " + (title == null ? "missing" : "'" + title.text() + "'")
                        + ", expected '" + post.title() + "'");
            }
            List<String> headings = page.select("article .body h2").eachText();
            if (!headings.equals(post.headings())) {
                throw wrong(out, "blog/" + post.slug(), "section titles " + headings + ", expected " + post.headings()
                        + " (was the AsciiDoc converted?)");
            }
            post.tags().forEach(tag -> tagged.merge(tag, 1, Integer::sum));
        }
        for (Map.Entry<String, Integer> tag : tagged.entrySet()) {
            int listed = parse(out, "tags/" + tag.getKey() + "/index.html").select("ul.posts > li").size();
            if (listed != tag.getValue()) {
                throw wrong(out, "tags/" + tag.getKey(), listed + " posts listed, expected " + tag.getValue());
            }
        }
        int listed = parse(out, "index.html").select("ul.posts > li").size();
        if (listed != posts.size()) {
            throw wrong(out, "/", listed + " posts listed, expected " + posts.size());
        }
    }

    private static Document parse(Path out, String page) throws IOException {
        Path file = out.resolve(page);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Hugo did not write " + file);
        }
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    private static IllegalStateException wrong(Path out, String page, String what) {
        return new IllegalStateException("Hugo's page " + page + " in " + out + ": " + what);
    }

    /**
     * One AsciiDoc source split at the end of its header.
     *
     * @param title      the document title, or empty
     * @param attributes the header's attribute entries, by name ({@code jbake-date}, {@code description}, ...)
     * @param body       the header's attribute entries other than JBake's, then everything after the header
     */
    record Source(String title, Map<String, String> attributes, String body) {

        /** Splits {@code text}: a {@code = Title} line, then attribute entries up to the first blank line. */
        static Source parse(Path file, String text) {
            String title = "";
            Map<String, String> attributes = new LinkedHashMap<>();
            StringBuilder kept = new StringBuilder();
            int at = 0;
            for (int number = 1; at < text.length(); number++) {
                int end = text.indexOf('\n', at);
                end = end < 0 ? text.length() : end + 1;
                String line = text.substring(at, end).strip();
                at = end;
                if (line.isEmpty()) {
                    break;
                }
                if (number == 1 && line.startsWith("= ")) {
                    title = line.substring(2).strip();
                    continue;
                }
                int colon = line.indexOf(':', 1);
                if (!line.startsWith(":") || colon < 0) {
                    throw new IllegalArgumentException(file + ":" + number + ": expected an attribute entry"
                            + " (:name: value) or a blank line in the header, found '" + line + "'");
                }
                String name = line.substring(1, colon);
                attributes.put(name, line.substring(colon + 1).strip());
                if (!name.startsWith("jbake-")) {
                    kept.append(line).append('\n');
                }
            }
            // The rest, after the header's blank line, byte for byte.
            String rest = text.substring(at);
            return new Source(title, Map.copyOf(attributes), kept.isEmpty() ? rest : kept + "\n" + rest);
        }

        List<String> tags() {
            String tags = attributes.getOrDefault("jbake-tags", "");
            return tags.isBlank() ? List.of() : Stream.of(tags.split(",")).map(String::strip).toList();
        }

        /** YAML front matter: title, date, tags, description (where the header has one), draft. */
        String frontMatter() {
            StringBuilder yaml = new StringBuilder("---\n");
            yaml.append("title: ").append(quoted(title)).append('\n');
            if (attributes.containsKey("jbake-date")) {
                yaml.append("date: ").append(quoted(attributes.get("jbake-date"))).append('\n');
            }
            if (!tags().isEmpty()) {
                yaml.append("tags: [").append(String.join(", ", tags().stream().map(Source::quoted).toList()))
                        .append("]\n");
            }
            String description = attributes.getOrDefault("description", attributes.getOrDefault("jbake-description", ""));
            if (!description.isEmpty()) {
                yaml.append("description: ").append(quoted(description)).append('\n');
            }
            if (!attributes.getOrDefault("jbake-status", "published").equals("published")) {
                yaml.append("draft: true\n");
            }
            return yaml.append("---\n").toString();
        }

        private static String quoted(String value) {
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }
}
