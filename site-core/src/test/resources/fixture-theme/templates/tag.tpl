yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield tagPage.name } }
    body { ul(class: 'posts') { tagPage.posts.each { post -> li { a(href: post.url) { yield post.title }; if (post.description) { p(post.description) } } } } }
}
