// The archive, in JBake's own model.
yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield 'Archive' } }
    body { ul { published_posts.each { p -> li { a(href: '/' + p.noExtensionUri) { yield p.title } } } } }
}
