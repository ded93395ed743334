// The site header: name, tagline and the main navigation. The link to the current section is
// marked with aria-current, "page" when it is the very page.
header(class: 'site-header') {
    div(class: 'wrap site-header__inner') {
        a(class: 'site-name', href: '/', rel: 'home') {
            yield site.title
        }
        nav(class: 'site-nav', 'aria-label': 'Main') {
            ul {
                site.nav.each { item ->
                    Map attributes = [href: item.url]
                    if (url == item.url) {
                        attributes['aria-current'] = 'page'
                    } else if (url.startsWith(item.url) || (item.url == '/blog/' && (url.startsWith('/tags/') || url == '/archive/'))) {
                        attributes['aria-current'] = 'true'
                    }
                    li {
                        a(attributes) { yield item.title }
                    }
                }
            }
        }
    }
}
