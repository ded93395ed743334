// One post in the archive: its date within the year and its title. Expects `post` and `fmt`;
// called with partial(), so each post's entry is rendered once.
li {
    time(datetime: post.date.toString()) { yield fmt.shortDate(post.date) }
    yield ' '
    a(href: post.url) { yieldUnescaped post.titleHtml }
}
