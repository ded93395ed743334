# frozen_string_literal: true
#
# For RougeLoadingTest: highlights the demo Rouge ships for every lexer, on several threads in a
# shuffled order, and describes the result and the lexers Rouge knows, in text that one runtime
# loading Rouge eagerly and one loading it lazily must agree on.
module RougeDemos
  def self.run(threads, seed)
    demos = File.join(Rouge::LIB_DIR, 'rouge/demos')
    tags = Dir.children(demos).sort
    queue = Queue.new
    tags.shuffle(random: Random.new(seed)).each { |tag| queue << tag }
    threads.times { queue << nil }
    highlighted = {}
    lock = Mutex.new
    Array.new(threads) do
      Thread.new do
        while (tag = queue.pop)
          lexer = Rouge::Lexer.find(tag)
          html = lexer ? Rouge::Formatters::HTML.new.format(lexer.new.lex(File.read(File.join(demos, tag)))) : 'no lexer'
          lock.synchronize { highlighted[tag] = html }
        end
      end
    end.each(&:join)
    text = +''
    tags.each { |tag| text << "== #{tag}\n#{highlighted.fetch(tag)}\n" }
    text << "== Lexer.all\n" << Rouge::Lexer.all.map(&:name).join("\n") << "\n"
    text << "== Lexer.find\n"
    Rouge::Lexer.all.flat_map { |lexer| [lexer.tag, *lexer.aliases] }.sort.each do |name|
      text << name << ' ' << Rouge::Lexer.find(name).name << "\n"
    end
    # Guessing reads Lexer.all and its order.
    text << "== guess\n"
    tags.each do |tag|
      source = File.read(File.join(demos, tag))
      text << tag << ' ' << Rouge::Lexer.guesses(source: source, filename: "demo.#{tag}").map(&:tag).join(' ') << "\n"
    end
    text
  end
end
