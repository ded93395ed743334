# frozen_string_literal: true
#
# Writes the index that lets the site load Rouge's lexers on first use (see rouge_threads.rb),
# from Rouge itself, loaded in full as `require 'rouge'` does. site-core's build runs it:
#
#   jruby rouge-index.rb OUTPUT
#
# The index records what eager loading gives:
# - NAMES: every name Rouge::Lexer.find knows (tags and aliases) and the lexer it finds;
# - FILES: the file under rouge/lexers/ that defines each constant of Rouge::Lexers;
# - USES: for each lexer file, the lexer files whose constants its code names, read with Ripper,
#   so that they are loaded before it and Ruby resolves each name as it would with every lexer
#   loaded;
# - BOOT: the lexer files that Rouge::Lexer's own code names (PlainText);
# - ALL: Rouge::Lexer.all in eager order, which guessing depends on.
# It fails, and so does the build, if Rouge is not laid out as this expects.
require 'rouge'
require 'ripper'

output = ARGV.fetch(0) { abort 'usage: rouge-index.rb OUTPUT' }
lexers_dir = File.join(Rouge::LIB_DIR, 'rouge/lexers/')

files = {}
Rouge::Lexers.constants.sort.each do |constant|
  path, = Rouge::Lexers.const_source_location(constant)
  files[constant.to_s] = path.delete_prefix(lexers_dir) if path&.start_with?(lexers_dir)
end

names = {}
Rouge::Lexer.send(:registry).each do |name, lexer|
  constant = lexer.name.delete_prefix('Rouge::Lexers::')
  abort "rouge-index.rb: lexer #{lexer.name} (#{name}) is not a constant of a file in #{lexers_dir}" unless files.key?(constant)
  names[name] = constant
end
all = Rouge::Lexer.all.map { |lexer| lexer.name.delete_prefix('Rouge::Lexers::') }

# Lexer files named by the constants in a file's code. A name after `::` counts only when it is
# scoped to Lexers: Str::Escape is a token, not the Escape lexer.
named_files = lambda do |source|
  tokens = Ripper.lex(source).reject { |(_, type, _)| %i[on_sp on_nl on_ignored_nl on_comment].include?(type) }
  tokens.each_with_index.filter_map do |(_, type, text), i|
    next unless type == :on_const && files.key?(text)

    scoped = i >= 2 && tokens[i - 1][1] == :on_op && tokens[i - 1][2] == '::'
    files[text] if !scoped || tokens[i - 2][2] == 'Lexers'
  end.uniq
end
read = ->(path) { File.read(path, encoding: 'UTF-8') }

# Rouge's base classes name lexers too: TemplateLexer makes an HTML lexer, Lexer.guess returns
# PlainText. Those go with each lexer of that kind, and Lexer's with Rouge itself (BOOT).
bases = { Rouge::Lexer => 'lexer', Rouge::RegexLexer => 'regex_lexer', Rouge::TemplateLexer => 'template_lexer' }
base_uses = bases.to_h do |base, file|
  [base, named_files.call(read.call(File.join(Rouge::LIB_DIR, "rouge/#{file}.rb")))]
end
uses = {}
files.each do |constant, file|
  lexer = Rouge::Lexers.const_get(constant, false)
  named = named_files.call(read.call(File.join(lexers_dir, file)))
  bases.each_key { |base| named |= base_uses[base] if lexer.is_a?(Class) && lexer < base }
  named -= [file]
  uses[file] = (uses.fetch(file, []) | named).sort unless named.empty?
end
boot = base_uses[Rouge::Lexer]
abort 'rouge-index.rb: found no lexers; is this Rouge?' if names.empty? || boot.empty?

text = +<<~RUBY
  # frozen_string_literal: true
  # Written by site-core's build (src/build/rouge-index.rb) from Rouge #{Rouge.version}; do not edit.
  module SiteRougeIndex
    VERSION = #{Rouge.version.inspect}
    NAMES = #{names.inspect}.freeze
    FILES = #{files.inspect}.freeze
    USES = #{uses.inspect}.freeze
    BOOT = #{boot.inspect}.freeze
    ALL = #{all.inspect}.freeze
  end
RUBY
# Written whole, then moved into place, so that no run ever reads half an index.
File.write("#{output}.tmp", text)
File.rename("#{output}.tmp", output)
