// Author, date, reading time and tags of the post in `content`, marked up for h-entry.
p(class: 'post-meta meta') {
    a(class: 'p-author h-card', href: '/about/') { yield site.author.name }
    yield ' · '
    a(class: 'u-url', href: content.url) {
        time(class: 'dt-published', datetime: content.date.toString()) { yield fmt.date(content.date) }
    }
    if (content.updated) {
        yield ' · updated '
        time(class: 'dt-updated', datetime: content.updated.toString()) { yield fmt.date(content.updated) }
    }
    yield ' · ' + content.readingMinutes + ' min read'
}
if (content.tags) {
    ul(class: 'tag-list', 'aria-label': 'Tags') {
        content.tags.each { tag ->
            li { a(class: 'p-category', href: Routes.tag(tag), rel: 'tag') { yield tag } }
        }
    }
}
