// A page, in JBake's own model.
yieldUnescaped '<!DOCTYPE html>'
html(lang: 'en') {
    head { title { yield content.title } }
    body {
        h1 { yieldUnescaped content.title }
        p { yield new java.text.SimpleDateFormat('d MMMM yyyy').format(content.date) }
        ul { (content.tags ?: []).each { t -> li { a(href: '/tags/' + t.trim() + '.html') { yield t } } } }
        div { yieldUnescaped content.body }
        if (content.nextContent) { a(href: '/' + content.nextContent.noExtensionUri) { yield content.nextContent.title } }
        if (content.previousContent) { a(href: '/' + content.previousContent.noExtensionUri) { yield content.previousContent.title } }
    }
}
