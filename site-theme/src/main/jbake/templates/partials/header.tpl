// The site header: name, the main navigation, the search and the theme toggle. The link to the
// current section is marked with aria-current, "page" when it is the very page. The toggle is
// shown only when JavaScript runs (theme.js marks <html class="js">); without it the system
// decides. The search is a link to /search/; with JavaScript it (or the key /) opens the same
// search in a dialog, written here and shown only then, and site.js loads its script on first use.
header(class: 'site-header') {
    div(class: 'wrap') {
        a(class: 'site-name', href: '/', rel: 'home') {
            yield site.title
        }
        nav(class: 'site-nav', 'aria-label': 'Main') {
            ul {
                site.nav.each { item ->
                    Map attributes = [href: item.url]
                    if (url == item.url) {
                        attributes['aria-current'] = 'page'
                    } else if (url.startsWith(item.url) || (item.url == Routes.BLOG && (url.startsWith(Routes.TAGS) || url == Routes.ARCHIVE))) {
                        attributes['aria-current'] = 'true'
                    }
                    li {
                        a(attributes) { yield item.title }
                    }
                }
            }
        }
        a(class: 'search-open', href: Routes.SEARCH, 'aria-keyshortcuts': '/', title: 'Search (press /)',
                'aria-current': url == Routes.SEARCH ? 'page' : null) {
            yieldUnescaped '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z"/></svg>'
            span(class: 'visually-hidden') { yield 'Search' }
        }
        button(class: 'theme-toggle', type: 'button', 'aria-pressed': 'false', 'aria-label': 'Dark theme', title: 'Dark theme') {
            yieldUnescaped '<svg class="moon" viewBox="0 0 24 24" aria-hidden="true"><path d="M21 14.5A9 9 0 0 1 9.5 3a9 9 0 1 0 11.5 11.5z"/></svg>'
            yieldUnescaped '<svg class="sun" viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="4.5"/><path d="M11 1h2v4h-2zM11 19h2v4h-2zM1 11h4v2H1zM19 11h4v2h-4zM4.2 5.6l1.4-1.4 2.8 2.8-1.4 1.4zM15.6 17l1.4-1.4 2.8 2.8-1.4 1.4zM4.2 18.4l2.8-2.8 1.4 1.4-2.8 2.8zM15.6 7l2.8-2.8 1.4 1.4L17 8.4z"/></svg>'
        }
    }
}
if (url != Routes.SEARCH) {
    dialog(class: 'search-dialog', 'aria-label': 'Search') {
        // Padding inside, so that a click on the dialog itself is a click on the backdrop.
        div(class: 'search-dialog__inner') {
            layout('partials/search-form.tpl', true, fieldId: 'search-dialog-q')
            button(class: 'search-close', type: 'button') { yield 'Close' }
        }
    }
}
