package com.sethihemant.site.bake;

import com.sethihemant.site.Digest;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Routes;
import com.sethihemant.site.figures.Figures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The site's sources, parsed by Asciidoctor on the baker's workers and kept from one build to the
 * next: a source whose size and modification time, or else whose bytes, are the last build's is
 * not parsed again, and one found in the {@link DocumentCache} is loaded instead of parsed. One
 * thread builds at a time ({@link #start}, {@link #collect}); {@link #warmUp} may run on another.
 */
final class ParsedSources {

    /** Markup files this site does not render; in a content folder they are a mistake. */
    private static final List<String> OTHER_MARKUP = List.of(".md", ".markdown", ".asciidoc", ".asc", ".ad");

    private final ContentParser parser;
    private final DocumentCache documentCache;
    private final Map<Path, Parsed> parsed = new HashMap<>();
    private Set<String> parsedTypes = Set.of();
    /** The last build's sources and types, for {@link #warmUp}, which another thread may call. */
    private volatile WarmUp warmUp;

    ParsedSources(ContentParser parser, DocumentCache documentCache) {
        this.parser = parser;
        this.documentCache = documentCache;
    }

    /**
     * Submits the sources of each content folder's listing that changed since the last build to
     * {@code workers}, and notes the other files that are markup this site does not render.
     * Sources parsed for other document types are all parsed again.
     */
    Parsing start(Map<Path, List<Path>> content, Set<String> types, Supplier<ExecutorService> workers) {
        if (!types.equals(parsedTypes)) {
            parsed.clear();
            parsedTypes = types;
        }
        List<Problem> problems = new ArrayList<>();
        Map<Path, Path> rootOf = new LinkedHashMap<>();
        Map<Path, Future<Parsed>> futures = new HashMap<>();
        List<Path> toParse = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> listed : content.entrySet()) {
            Path root = listed.getKey();
            for (Path file : listed.getValue()) {
                if (SourceFiles.isAsciiDoc(file)) {
                    rootOf.put(file, root);
                    Parsed reused = reusable(file);
                    if (reused == null) {
                        toParse.add(file);
                    } else {
                        futures.put(file, CompletableFuture.completedFuture(reused));
                    }
                } else if (OTHER_MARKUP.stream().anyMatch(file.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith)) {
                    // Would otherwise be published as a raw file; stock JBake renders Markdown.
                    problems.add(Problem.at(file, "is not AsciiDoc; this site renders only .adoc files,"
                            + " so rename it to .adoc (and convert its markup) or move it out of the content folder"));
                }
            }
        }
        if (!toParse.isEmpty() && !documentCache.isEnabled()) {
            // Every one will be parsed: JRuby boots now, beside the template compiler. (With a
            // cache, the first source not in it starts it, and a bake that finds all never does.)
            parser.start();
        }
        for (Path file : toParse) {
            Path root = rootOf.get(file);
            // The last build's entry is looked up here: this thread updates it while the workers
            // are still parsing, so they must not read it.
            Parsed previous = parsed.get(file);
            futures.put(file, workers.get().submit(() -> parse(root, file, previous, types)));
        }
        return new Parsing(rootOf, futures, problems, types);
    }

    /**
     * Waits for the parsing workers and checks the result: no two sources at one URL, none at a
     * URL the site generates.
     *
     * @throws SiteException listing every problem found, those of {@link #start} included
     */
    Collected collect(Parsing parsing) {
        List<Problem> problems = new ArrayList<>(parsing.problems());
        List<Document> documents = new ArrayList<>();
        Map<String, Path> urls = new HashMap<>();
        Map<Path, Parsed> seen = new HashMap<>();
        int changed = 0;
        for (Path file : parsing.rootOf().keySet()) {
            Parsed entry;
            try {
                entry = parsing.futures().get(file).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing " + file, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SiteException site) {
                    problems.addAll(site.problems());
                    continue;
                }
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
            if (parsed.get(file) != entry) {
                changed += entry.fresh() ? 1 : 0;
                parsed.put(file, entry);
            }
            seen.put(file, entry);
            Document document = entry.document();
            Path clash = urls.putIfAbsent(document.url(), file);
            if (clash != null) {
                problems.add(Problem.at(file, "is published at " + document.url() + ", like " + clash
                        + "; rename one of them or change its date"));
            } else {
                documents.add(document);
            }
        }
        // Forget deleted and renamed sources.
        parsed.keySet().retainAll(seen.keySet());
        for (Document document : documents) {
            if (Routes.isGenerated(document.url())) {
                problems.add(Problem.at(document.source(), "is published at " + document.url()
                        + ", which the site generates itself; rename it"));
            }
        }
        if (!problems.isEmpty()) {
            throw SiteException.content(problems);
        }
        warmUp = new WarmUp(parsing.rootOf().entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
                Set.copyOf(parsing.types()));
        return new Collected(documents, changed);
    }

    /** Lets the document cache delete what the last build did not use: sources that changed or went away. */
    void retainCache() {
        documentCache.retain(parsed.values().stream().map(Parsed::key).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    }

    /**
     * Parses up to {@code count} of the last build's sources again and forgets the results, so
     * that Asciidoctor (booted if it was not) is past the slow first conversions when the author
     * edits one. Safe to call from any thread.
     */
    void warmUp(int count) {
        WarmUp last = warmUp;
        if (last == null) {
            return;
        }
        for (Map.Entry<Path, Path> source : last.sources().subList(0, Math.min(count, last.sources().size()))) {
            try {
                parser.parse(source.getValue(), source.getKey(), last.types());
            } catch (RuntimeException e) {
                // A source that fails is reported by the builds; here it only warmed less.
            }
        }
    }

    /**
     * The last build's result for a source whose size and modification time are unchanged, or
     * {@code null}. Sources with an {@code include::} are never reused: the included file may
     * have changed. Nor are sources with a chart by their stamp alone: {@link #parse} digests
     * their data files too.
     */
    private Parsed reusable(Path file) {
        Parsed previous = parsed.get(file);
        return previous != null && !previous.includes() && !previous.readsData()
                && previous.stamp().equals(SourceFiles.Stamp.of(file)) ? previous : null;
    }

    /**
     * Parses a source, unless its bytes are those {@code previous} (the last build's entry, or
     * {@code null}) was parsed from. Runs on a worker thread and touches no shared state.
     */
    private Parsed parse(Path root, Path file, Parsed previous, Set<String> types) {
        SourceFiles.Stamp stamp = SourceFiles.Stamp.of(file);
        byte[] bytes = SourceFiles.read(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        // A chart's data file is part of what the source is made of: its bytes join the digest.
        String data = Figures.dataDigest(file, text);
        // A source that includes other files is parsed again every build, and so is one whose
        // charts name their data through an attribute, which only Asciidoctor resolves.
        boolean includes = text.contains("include::") || data == null;
        boolean readsData = data != null && !data.isEmpty();
        String digest = Digest.hex((file.toString() + "\n").getBytes(StandardCharsets.UTF_8))
                + Digest.hex(bytes) + (readsData ? data : "");
        if (previous != null && previous.digest().equals(digest) && !previous.includes()) {
            return new Parsed(stamp, digest, previous.document(), false, readsData, false, previous.key());
        }
        // The key of the document cache: the digest of what a parse reads besides the source.
        String key = includes || !documentCache.isEnabled() ? null : DocumentCache.key(parser.fingerprint(),
                String.join(",", types), root.toAbsolutePath().normalize().toString(), digest);
        Document cached = key == null ? null : documentCache.get(key, file);
        if (cached != null) {
            return new Parsed(stamp, digest, cached, false, readsData, false, key);
        }
        Document document = parser.parse(root, file, types);
        if (key != null) {
            documentCache.put(key, document);
        }
        return new Parsed(stamp, digest, document, includes, readsData, true, key);
    }

    /**
     * Parsing under way: each source (by file, in listing order) with its content folder and its
     * parse, the problems found while listing, and the document types parsed for.
     */
    record Parsing(Map<Path, Path> rootOf, Map<Path, Future<Parsed>> futures, List<Problem> problems,
                   Set<String> types) {

        /** Stops the parses not yet begun, when the build fails before {@link #collect}. */
        void cancel() {
            futures.values().forEach(f -> f.cancel(false));
        }
    }

    /**
     * The documents of the sources, in listing order, and how many of them Asciidoctor parsed
     * this build (the others were reused or loaded from the cache).
     */
    record Collected(List<Document> documents, int fresh) {
    }

    /**
     * A parsed source and what it was parsed from; {@code readsData} if its digest covers a
     * chart's data file; {@code fresh} if Asciidoctor ran this build; {@code key} its entry in the
     * document cache, or {@code null} for none.
     */
    record Parsed(SourceFiles.Stamp stamp, String digest, Document document, boolean includes, boolean readsData,
                  boolean fresh, String key) {
    }

    /** Sources (file to content folder) and the theme's document types, as the last build saw them. */
    private record WarmUp(List<Map.Entry<Path, Path>> sources, Set<String> types) {
    }
}
