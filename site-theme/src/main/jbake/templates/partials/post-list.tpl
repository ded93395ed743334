// A list of posts: title, date, reading time and description. Expects `posts`, `fmt` and
// `headingLevel`, the level of the titles (one below the heading above the list).
ul(class: 'post-list') {
    posts.each { post -> partial('partials/post-list-item.tpl', post: post, fmt: fmt, headingLevel: headingLevel) }
}
