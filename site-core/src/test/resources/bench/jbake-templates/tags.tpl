// One tag's posts, in JBake's own model.
yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield tag } }
    body { ul { tag_posts.each { p -> li { a(href: '/' + p.noExtensionUri) { yield p.title } } } } }
}
