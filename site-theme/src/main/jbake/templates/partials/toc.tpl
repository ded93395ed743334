// The table of contents of `content`, for documents with at least three section headings.
// Level-3 headings nest under the level-2 heading before them.
if (content.headings.size() >= 3) {
    nav(class: 'toc', 'aria-labelledby': 'toc-title') {
        div(class: 'toc__inner') {
            p(class: 'toc__title', id: 'toc-title') { yield 'Contents' }
            ol {
                def sections = []
                content.headings.each { heading ->
                    if (heading.level == 2 || !sections) {
                        sections << [heading: heading, children: []]
                    } else {
                        sections.last().children << heading
                    }
                }
                sections.each { section ->
                    li {
                        a(href: '#' + section.heading.id) { yieldUnescaped section.heading.textHtml }
                        if (section.children) {
                            ol {
                                section.children.each { child ->
                                    li { a(href: '#' + child.id) { yieldUnescaped child.textHtml } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
