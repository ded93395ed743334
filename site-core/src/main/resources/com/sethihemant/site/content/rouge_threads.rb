# frozen_string_literal: true
#
# Lets several threads of one JRuby runtime highlight code with Rouge at once.
#
# Rouge builds each lexer state on first use, and StateDSL#load! marks a state loaded before it
# has read the state's rules: a second thread entering the same state meanwhile lexes with no
# rules and emits error tokens (seen as <span class="err"> in baked pages). A few lexers also
# fill class-level keyword tables on first use. So, once, at boot:
#
# 1. every state of every lexer is built now, on one thread, after which Rouge only reads them;
# 2. the first highlight in each language runs alone, which fills whatever else that language
#    loads lazily, such as keyword tables; later ones run in parallel.
#
# ContentParserThreadsTest and the bake benchmark compare parallel output with serial output.

# Rouge's apache lexer loads YAML, whose JRuby extension finds its jar with jar-dependencies. That
# asks RubyGems where the local Maven repository is, unless JARS_HOME names a folder of jars. The
# launchers run JRuby without RubyGems, so name the one that has it: JRuby's standard library.
ENV['JARS_HOME'] ||= 'uri:classloader:/META-INF/jruby.home/lib/ruby/stdlib' unless defined? ::Gem
require 'rouge'

Rouge::Lexer.all.each do |lexer|
  next unless lexer < Rouge::RegexLexer

  lexer.state_definitions.keys.each do |state|
    lexer.get_state state
  rescue StandardError
    # A base lexer can mix in states that only its subclasses define; those are built with the
    # subclass, which is in the list too.
    nil
  end
end

module SiteRougeFirstUse
  LOCK = ::Mutex.new
  # Replaced, never changed, so that reading it needs no lock.
  @highlighted = {}.freeze

  class << self
    attr_accessor :highlighted
  end

  def highlight node, source, lang, opts
    return super if SiteRougeFirstUse.highlighted.key? lang

    LOCK.synchronize do
      highlighted = super
      SiteRougeFirstUse.highlighted = SiteRougeFirstUse.highlighted.merge(lang => true).freeze
      highlighted
    end
  end
end

# Loaded the way Asciidoctor loads it, so that it is not loaded a second time later.
Asciidoctor::SyntaxHighlighter.for('rouge').prepend SiteRougeFirstUse
