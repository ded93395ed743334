// A list of posts: title, date, reading time and description. Expects `posts` and `fmt`.
ul(class: 'post-list') {
    posts.each { post ->
        li(class: 'post-list__item') {
            h3(class: 'post-list__title') {
                a(href: post.url) { yieldUnescaped post.titleHtml }
            }
            p(class: 'post-list__meta') {
                time(datetime: post.date.toString()) { yield fmt.date(post.date) }
                yield ' · ' + post.readingMinutes + ' min read'
            }
            p(class: 'post-list__description') { yield post.description }
        }
    }
}
