# The site's HTML converter: Asciidoctor's own, except that math becomes MathML while the site is
# built. Asciidoctor writes stem:[...], latexmath:[...], asciimath:[...] and [stem] blocks as
# TeX or AsciiMath between delimiters for MathJax to typeset in the browser; this site runs no
# such script. Each formula goes to the Java side (SiteFigures.math, a
# com.sethihemant.site.figures.MathRenderer, set by Figures.register), which converts LaTeX with
# KaTeX and AsciiMath with the asciimath gem (passed in as a block, since the gem is Ruby), and
# caches both. A formula that cannot be converted is logged as an error at its line, which fails
# the bake.
module SiteFigures
  class << self
    # The Java MathRenderer of this Asciidoctor instance's parser.
    attr_accessor :math
  end

  class Html5Converter < (Asciidoctor::Converter.for 'html5')
    include Asciidoctor::Logging
    register_for 'html5'

    LOAD_LOCK = Mutex.new
    DELIMITERS = { 'latexmath' => ['\[', '\]'], 'asciimath' => ['\$', '\$'] }
    # Blank lines separate the equations of an AsciiMath block, as Asciidoctor's converter has it.
    EQUATION_BREAK = /[ \t]*\n(?:[ \t]*\n)+[ \t]*/

    def convert_stem node
      notation = node.style == 'latexmath' ? 'latexmath' : 'asciimath'
      text = unescape(node.content || '')
      open, close = DELIMITERS[notation]
      text = text.slice open.length, text.length - open.length - close.length if (text.start_with? open) && (text.end_with? close)
      location = node.source_location
      # A delimited block's first line is its ++++; its formula starts on the next.
      first = location ? location.lineno + (delimited?(node, location) ? 1 : 0) : 0
      equations = notation == 'asciimath' ? (split_equations text) : [[text, 0]]
      html = equations.map {|(equation, offset)| formula notation, equation, true, location, first + offset }
      id = node.id ? %( id="#{node.id}") : ''
      role = node.role ? %( #{node.role}) : ''
      title = node.title? ? %(<div class="title">#{node.title}</div>\n) : ''
      label = node.title? ? (node.title.gsub %r(<[^>]+>), '') : 'Equation'
      %(<div#{id} class="stemblock#{role}">
#{title}<div class="content math-scroll" tabindex="0" role="region" aria-label="#{label}">
#{html.join "\n"}
</div>
</div>)
    end

    def convert_inline_quoted node
      type = node.type
      return super unless type == :latexmath || type == :asciimath
      text = unescape node.text
      # The nearest block with a place in the file: the paragraph, list item, cell or section.
      block = node.parent
      block = block.parent while block && !((block.respond_to? :source_location) && block.source_location)
      location = block&.source_location
      line = location ? location.lineno : 0
      if location && (block.respond_to? :lines) && (lines = block.lines) && !text.empty?
        probe = text.lines.first.strip
        index = lines.index {|l| l.include? probe }
        line += index if index
      end
      formula type.to_s, text, false, location, line
    end

    private

    def formula notation, text, display, location, line
      result = SiteFigures.math.render(notation, text, display) do |source|
        # Loaded on the first AsciiMath formula, not at boot: most pages have none. Under a lock,
        # as other threads must not use the gem while one of them is still loading it.
        LOAD_LOCK.synchronize { require 'asciimath' }
        ::AsciiMath.parse(source).to_mathml
      end
      return result.mathml if result.mathml
      at = result.line > 0 ? line + result.line - 1 : line
      cursor = location ? (Asciidoctor::Reader::Cursor.new location.file, location.dir, location.path, at) : nil
      logger.error message_with_context result.error, source_location: cursor
      %(<code>#{text.gsub('&', '&amp;').gsub('<', '&lt;').gsub('>', '&gt;')}</code>)
    end

    def delimited? node, location
      lines = node.document.reader.source_lines
      (line = lines[location.lineno - 1]) && (line.strip.match? %r(\A\+{4,}\z))
    rescue StandardError
      false
    end

    def split_equations text
      equations = []
      offset = 0
      rest = text
      while (match = EQUATION_BREAK.match rest)
        equations << [match.pre_match, offset]
        offset += (match.pre_match.count "\n") + (match[0].count "\n")
        rest = match.post_match
      end
      equations << [rest, offset]
    end

    # Asciidoctor escaped the formula's <, > and & for HTML; the converters want them as written.
    def unescape text
      text.gsub('&lt;', '<').gsub('&gt;', '>').gsub('&amp;', '&')
    end
  end
end
