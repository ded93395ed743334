yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield 'Blog ' + pagination.current } }
    body {
        ul(class: 'posts') { posts.each { p -> li { a(href: p.url) { yield p.title } } } }
        if (pagination.newerUrl) { a(class: 'newer', href: pagination.newerUrl) { yield 'newer' } }
        if (pagination.olderUrl) { a(class: 'older', href: pagination.olderUrl) { yield 'older' } }
    }
}
