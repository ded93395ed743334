// Minimal test theme: just enough markup for assertions on links and lists.
yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield content.title } }
    body {
        h1 { yieldUnescaped content.titleHtml }
        div(class: 'body') { yieldUnescaped content.bodyHtml }
        ul(class: 'tags') { content.tags.each { t -> li { a(href: '/tags/' + t + '/') { yield t } } } }
        if (newer) { a(class: 'newer', href: newer.url) { yield newer.title } }
        if (older) { a(class: 'older', href: older.url) { yield older.title } }
    }
}
