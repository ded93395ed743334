# frozen_string_literal: true
#
# Loads Rouge's lexers on first use, and lets several threads of one JRuby runtime highlight code
# with Rouge at once.
#
# On first use: `require 'rouge'` loads all of its 200-odd lexers, about a second of every bake's
# start, while a site uses a handful. site-core's build writes an index of Rouge, loaded in full
# (rouge_index.rb, by src/build/rouge-index.rb): which lexer each name finds, which file defines
# each lexer, and which lexers each file's code names. With it, a lexer is loaded when it is first
# found or named, together with the lexers it names, so that Ruby resolves every name in it as it
# would with all lexers loaded. Lexer.all loads them all, in the order eager loading gives. Without
# the index, or with one written for another version of Rouge, Rouge loads everything as usual.
#
# Threads: Rouge builds each lexer state on first use, and StateDSL#load! marks a state loaded
# before it has read the state's rules: a second thread entering the same state meanwhile lexes
# with no rules and emits error tokens (seen as <span class="err"> in baked pages). A few lexers
# also fill class-level keyword tables on first use. So:
#
# 1. lexers are loaded under one lock, and every state of a lexer is built before any other thread
#    can find it, after which Rouge only reads them;
# 2. the first highlight in each language runs alone, which fills whatever else that language
#    loads lazily, such as keyword tables; later ones run in parallel.
#
# ContentParserThreadsTest, RougeLoadingTest and the bake benchmark compare parallel and lazy
# output with serial and eager output.
require 'monitor'

# Rouge's apache lexer loads YAML, whose JRuby extension finds its jar with jar-dependencies. That
# asks RubyGems where the local Maven repository is, unless JARS_HOME names a folder of jars. The
# launchers run JRuby without RubyGems, so name the one that has it: JRuby's standard library.
ENV['JARS_HOME'] ||= 'uri:classloader:/META-INF/jruby.home/lib/ruby/stdlib' unless defined? ::Gem

begin
  require 'uri:classloader:/com/sethihemant/site/content/rouge_index.rb'
rescue LoadError
  # A build that did not write the index: Rouge loads every lexer.
  nil
end

module SiteRouge
  LOCK = ::Monitor.new
  # Replaced, never changed, so that reading them needs no lock.
  @ready = {}.freeze
  @highlighted = {}.freeze

  class << self
    attr_accessor :highlighted

    def lazy?
      defined?(::SiteRougeIndex) && ::SiteRougeIndex::VERSION == ::Rouge.version
    end

    # The lexer (or other constant of Rouge::Lexers) of that name, loaded and ready, or nil.
    def lexer(constant)
      file = ::SiteRougeIndex::FILES[constant] or return nil
      load_files([file]) unless @ready.key?(file)
      ::Rouge::Lexers.const_get(constant, false)
    end

    def load_all
      load_files(::SiteRougeIndex::FILES.values) unless @ready.size == ::SiteRougeIndex::FILES.values.uniq.size
    end

    def load_files(files)
      LOCK.synchronize do
        loading = {}
        files.each { |file| load_with_uses(file, loading) }
        constants = ::SiteRougeIndex::FILES.select { |_, file| loading.key?(file) }.keys
        build_states(constants.map { |constant| ::Rouge::Lexers.const_get(constant, false) })
        @ready = @ready.merge(loading).freeze
      end
    end

    # Every state of every lexer given, so that no thread ever builds one.
    def build_states(lexers)
      lexers.each do |lexer|
        next unless lexer.is_a?(::Class) && lexer < ::Rouge::RegexLexer

        lexer.state_definitions.keys.each do |state|
          lexer.get_state state
        rescue StandardError
          # A base lexer can mix in states that only its subclasses define; those are built with
          # the subclass.
          nil
        end
      end
    end

    private

    def load_with_uses(file, loading)
      return if @ready.key?(file) || loading.key?(file)

      loading[file] = true
      ::SiteRougeIndex::USES.fetch(file, []).each { |use| load_with_uses(use, loading) }
      ::Rouge::Lexers.load_lexer(file)
    end
  end

  # Rouge's own module: `require 'rouge'` calls load_lexers once, between loading the base lexers
  # and the guessers.
  module Loading
    def load_lexers
      return super unless SiteRouge.lazy?

      ::Rouge::Lexer.singleton_class.prepend Finding
      ::Rouge::Lexers.singleton_class.prepend Naming
    end
  end

  # Rouge::Lexer's class methods, which its subclasses inherit.
  module Finding
    def find(name)
      return super unless equal?(::Rouge::Lexer)

      constant = ::SiteRougeIndex::NAMES[name.to_s]
      constant && SiteRouge.lexer(constant)
    end

    def all
      return super unless equal?(::Rouge::Lexer)

      SiteRouge.load_all
      @site_all ||= ::SiteRougeIndex::ALL.map { |constant| ::Rouge::Lexers.const_get(constant, false) }.freeze
    end

    # A lexer named inside another lexer's class, such as Javascript in HTML's.
    def const_missing(name)
      SiteRouge.lexer(name.to_s) || super
    end
  end

  # Rouge::Lexers, for names such as Rouge::Lexers::PlainText.
  module Naming
    def const_missing(name)
      SiteRouge.lexer(name.to_s) || super
    end
  end

  module FirstUse
    def highlight node, source, lang, opts
      return super if SiteRouge.highlighted.key? lang

      LOCK.synchronize do
        highlighted = super
        SiteRouge.highlighted = SiteRouge.highlighted.merge(lang => true).freeze
        highlighted
      end
    end
  end
end

module Rouge
  singleton_class.prepend SiteRouge::Loading
end
require 'rouge'

if SiteRouge.lazy?
  SiteRouge.load_files(SiteRougeIndex::BOOT)
else
  SiteRouge.build_states(Rouge::Lexer.all)
end

# Loaded the way Asciidoctor loads it, so that it is not loaded a second time later.
Asciidoctor::SyntaxHighlighter.for('rouge').prepend SiteRouge::FirstUse
