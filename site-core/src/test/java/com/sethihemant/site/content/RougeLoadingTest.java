package com.sethihemant.site.content;

import org.jruby.Ruby;
import org.jruby.RubyInstanceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rouge's lexers loaded on first use, from the index the build writes (see rouge_threads.rb),
 * highlight exactly as Rouge loaded in full: every demo Rouge ships, on several threads at once,
 * and Rouge knows the same names and guesses the same lexers, in the same order. Each side runs in
 * a JRuby runtime of its own.
 */
class RougeLoadingTest {

    private static final String ROUGE_THREADS = "uri:classloader:/com/sethihemant/site/content/rouge_threads.rb";
    private static final String DEMOS = "uri:classloader:/com/sethihemant/site/content/rouge_demos.rb";

    private static Ruby eager;
    private static Ruby lazy;

    @BeforeAll
    static void startRuntimes() {
        eager = runtime();
        lazy = runtime();
        // As without the site's file: Rouge loads every lexer. (JARS_HOME as rouge_threads.rb sets it.)
        eager.evalScriptlet("ENV['JARS_HOME'] ||= 'uri:classloader:/META-INF/jruby.home/lib/ruby/stdlib' unless defined? ::Gem\n"
                + "require 'rouge'\nrequire '" + DEMOS + "'");
        lazy.evalScriptlet("require 'asciidoctor'\nrequire '" + ROUGE_THREADS + "'\nrequire '" + DEMOS + "'");
    }

    @AfterAll
    static void stopRuntimes() {
        eager.tearDown();
        lazy.tearDown();
    }

    @Test
    void startsWithOnlyTheLexersRougeItselfNamesAndLoadsALexerWithWhatItNames() {
        assertTrue(lazy.evalScriptlet("SiteRouge.lazy?").isTrue(),
                "no index of Rouge for its version on the class path; site-core's build writes it (process-classes)");
        assertEquals(lazy.evalScriptlet("SiteRougeIndex::BOOT.sort.inspect").asJavaString(), loadedLexerFiles());
        assertEquals("[\"plain_text.rb\"]", lazy.evalScriptlet("SiteRougeIndex::BOOT.inspect").asJavaString());

        lazy.evalScriptlet("Rouge::Lexer.find('erb')");
        // ERB templates Ruby within HTML, and HTML highlights the CSS and JavaScript inside it.
        assertEquals("[\"css.rb\", \"erb.rb\", \"html.rb\", \"javascript.rb\", \"plain_text.rb\", \"ruby.rb\"]",
                loadedLexerFiles());
    }

    /**
     * Rouge builds a state on first entry without a lock (StateDSL#load! marks it loaded before
     * reading its rules), so a lexer that one thread finds must already have every state loaded:
     * a second thread entering a state mid-load would lex with half its rules. Timing-dependent
     * races seldom show in a test, so this checks the condition that rules them out.
     */
    @Test
    void everyLexerThatCanBeFoundHasEveryStateLoaded() {
        String unbuilt = lazy.evalScriptlet("""
                SiteRougeIndex::NAMES.keys.flat_map do |name|
                  lexer = Rouge::Lexer.find(name)
                  next [] unless lexer < Rouge::RegexLexer
                  # Loaded means read once, as Rouge does it; a few of Rouge's states fail then, and
                  # always have, so this does not ask for a built State.
                  lexer.state_definitions.keys.filter_map do |state|
                    "#{lexer.name}:#{state}" unless lexer.state_definitions[state].instance_variable_get(:@loaded)
                  end
                end.uniq.inspect
                """).asJavaString();
        assertEquals("[]", unbuilt);
    }

    @Test
    void highlightsEveryDemoOnFourThreadsAsRougeLoadedInFullDoesOnOne() {
        List<String> expected = eager.evalScriptlet("RougeDemos.run(1, 0)").asJavaString().lines().toList();
        List<String> actual = lazy.evalScriptlet("RougeDemos.run(4, 42)").asJavaString().lines().toList();

        assertTrue(expected.stream().filter(line -> line.startsWith("== ")).count() > 200,
                "expected a demo for each of Rouge's 200-odd lexers");
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                assertEquals(expected.get(i), actual.get(i), "line " + (i + 1) + " differs, under "
                        + expected.subList(0, i).stream().filter(line -> line.startsWith("== ")).reduce((a, b) -> b).orElse("?"));
            }
        }
        assertEquals(expected.size(), actual.size(), "lines of output");
    }

    private static String loadedLexerFiles() {
        return lazy.evalScriptlet("Rouge::Lexers.instance_variable_get(:@_loaded_lexers).keys.sort.inspect").asJavaString();
    }

    private static Ruby runtime() {
        RubyInstanceConfig config = new RubyInstanceConfig();
        config.setLoadPaths(ContentParser.bundledGems());
        return Ruby.newInstance(config);
    }
}
