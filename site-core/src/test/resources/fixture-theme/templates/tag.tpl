yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield tagPage.name } }
    body { ul(class: 'posts') { tagPage.posts.each { p -> li { a(href: p.url) { yield p.title } } } } }
}
