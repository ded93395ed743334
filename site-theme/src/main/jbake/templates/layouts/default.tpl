// The one layout. Page templates call it with:
//   pageTitle       the page's own title (the site name is appended)
//   pageDescription one or two sentences for search engines and link previews
//   mainContent     contents { ... } rendered inside <main>
// and inherit the model (site, url, noindex, ...). Text is written with yield (escaped);
// only Asciidoctor's HTML is written with yieldUnescaped.
yieldUnescaped '<!DOCTYPE html>'
newLine()
html(lang: site.language) {
    head {
        meta(charset: 'utf-8')
        meta(name: 'viewport', content: 'width=device-width, initial-scale=1')
        title { yield(pageTitle == site.title ? site.title : pageTitle + ' · ' + site.title) }
        meta(name: 'description', content: pageDescription)
        link(rel: 'canonical', href: site.absolute(url))
        if (noindex) {
            meta(name: 'robots', content: 'noindex')
        }
        meta(name: 'author', content: site.author.name)
        link(rel: 'alternate', type: 'application/atom+xml', title: site.title + ' (Atom feed)', href: '/feed.xml')
        link(rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml')
        link(rel: 'stylesheet', href: '/css/site.css')
    }
    newLine()
    body {
        a(class: 'skip-link', href: '#main') { yield 'Skip to content' }
        include template: 'partials/header.tpl'
        main(id: 'main', class: 'wrap') {
            mainContent()
        }
        include template: 'partials/footer.tpl'
    }
}
newLine()
