// The search page. With JavaScript, search.js answers as the visitor types, from the index the
// bake writes (/search/index.json), and keeps the words in the address (?q=...) so that a search
// can be shared. Without it, the page says so and offers a web search engine restricted to this
// site (the one form that leaves the site; the layout's Content-Security-Policy allows it here).
layout('layouts/default.tpl', true,
        pageTitle: 'Search',
        pageDescription: 'Search the posts, paper notes and pages of ' + site.title + ' by title, tag, heading or any word.',
        trail: [['Search', Routes.SEARCH]],
        ownerPage: false,
        entry: null,
        mainContent: contents {
            h1 { yield 'Search' }
            div(class: 'search-live') {
                layout('partials/search-form.tpl', true, fieldId: 'search-q')
            }
            div(class: 'search-fallback') {
                p {
                    yield 'This search runs in your browser, with JavaScript, which is off. You can search the site with '
                    yield engine.name + ' instead (it opens ' + engine.name + '’s results, for this site only), or browse by '
                    a(href: Routes.TAGS) { yield 'tag' }
                    yield ' or by '
                    a(href: Routes.ARCHIVE) { yield 'year' }
                    yield '.'
                }
                form(class: 'search', role: 'search', action: engine.action, method: 'get') {
                    label(class: 'search__label', for: 'web-search-q') { yield 'Search this site with ' + engine.name }
                    div(class: 'search__row') {
                        input(class: 'search__field', id: 'web-search-q', type: 'search', name: engine.query)
                        input(type: 'hidden', name: engine.siteField, value: engine.site)
                        button(class: 'button', type: 'submit') { yield 'Search with ' + engine.name }
                    }
                }
            }
        })
