yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield 'Tags' } }
    body { ul(class: 'tags') { allTags.each { t -> li { a(href: t.url) { yield t.name } } } } }
}
