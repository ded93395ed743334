// One post of a post list: title, date, reading time and description. Expects `post`, `fmt` and
// `headingLevel`; called with partial(), so each post's item is rendered once per level.
li(class: 'post-list__item') {
    def title = { a(href: post.url) { yieldUnescaped post.titleHtml } }
    if (headingLevel == 2) {
        h2(class: 'post-list__title', title)
    } else {
        h3(class: 'post-list__title', title)
    }
    p(class: 'post-list__meta meta') {
        time(datetime: post.date.toString()) { yield fmt.date(post.date) }
        yield ' · ' + post.readingMinutes + ' min read'
    }
    p(class: 'post-list__description') { yield post.description }
}
