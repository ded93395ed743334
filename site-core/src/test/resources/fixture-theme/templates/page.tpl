yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield content.title } }
    body {
        h1 { yieldUnescaped content.titleHtml }
        div(class: 'body') { yieldUnescaped content.bodyHtml }
        ul(class: 'posts') { posts.each { p -> li { a(href: p.url) { yield p.title } } } }
    }
}
