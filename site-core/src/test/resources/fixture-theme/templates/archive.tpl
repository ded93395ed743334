yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield 'Archive' } }
    body {
        years.each { y -> h2 { yield y.year.toString() }; ul(class: 'posts') { y.posts.each { p -> li { a(href: p.url) { yield p.title } } } } }
    }
}
