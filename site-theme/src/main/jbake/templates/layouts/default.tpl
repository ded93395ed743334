// The one layout. Every page template calls it with all six parameters (null where one does not
// apply; the model has no other names, so a missing one fails the bake):
//   pageTitle       the page's own title (the site name is appended)
//   pageDescription one or two sentences for search engines and link previews
//   mainContent     contents { ... } rendered inside <main>
//   trail           the breadcrumb after Home, a list of [name, url], or null
//   ownerPage       true on the pages about the owner (home, About)
//   entry           the post the page shows, or null
// It also reads what every page's model has (site, url, noindex, notice, image, citation: the
// record Page in site-core's com.sethihemant.site.theme). Text is written with yield (escaped);
// only Asciidoctor's HTML is written with yieldUnescaped.
def fullTitle = pageTitle == site.title ? site.title : pageTitle + ' · ' + site.title
def pageUrl = site.absolute(url)
def twitter = site.profiles.find { it.name == 'Twitter' && it.label.startsWith('@') }?.label
// A post's own social card, or the site's (Page.image).
def card = [url: site.absolute(image.url), alt: image.alt, width: image.width.toString(), height: image.height.toString()]
def searchPage = url == Routes.SEARCH
// Forms may send only to this site (the header's search goes to /search/), and on the search page
// also to the web search engine its form offers visitors without JavaScript.
def formAction = searchPage ? "'self' " + Routes.WEB_SEARCH.replaceFirst('/$', '') : "'self'"

// Structured data (schema.org, JSON-LD): the owner, the page, and where it sits.
def person = ['@type': 'Person', '@id': site.absolute('/#person'), name: site.author.name, url: site.absolute('/'),
              description: site.description, email: 'mailto:' + site.author.email,
              sameAs: site.profiles.findAll { it.url.startsWith('https://') }*.url]
def graph = []
if (ownerPage) {
    graph << ['@type': 'ProfilePage', '@id': pageUrl, url: pageUrl, name: fullTitle, mainEntity: person]
} else {
    graph << person
}
if (entry) {
    graph << ['@type': 'BlogPosting', '@id': pageUrl + '#post', url: pageUrl, mainEntityOfPage: pageUrl,
              headline: entry.title, description: pageDescription, inLanguage: site.language, image: card.url,
              datePublished: entry.date.toString(), dateModified: entry.lastModified().toString(),
              keywords: entry.tags, author: ['@id': site.absolute('/#person')]]
}
if (trail) {
    def crumbs = [[site.title, '/']] + trail
    graph << ['@type': 'BreadcrumbList', itemListElement: crumbs.withIndex().collect { crumb, i ->
        ['@type': 'ListItem', position: i + 1, name: crumb[0], item: site.absolute(crumb[1])] }]
}

yieldUnescaped '<!DOCTYPE html>'
newLine()
html(lang: site.language) {
    head {
        meta(charset: 'utf-8')
        // Before anything that loads: only this site's own files, no inline script or style.
        // connect-src 'self' lets tools fetch /robots.txt in the page's name (Lighthouse does).
        meta('http-equiv': 'Content-Security-Policy', content: "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action " + formAction)
        meta(name: 'referrer', content: 'strict-origin-when-cross-origin')
        meta(name: 'viewport', content: 'width=device-width, initial-scale=1')
        title { yield fullTitle }
        meta(name: 'description', content: pageDescription)
        link(rel: 'canonical', href: pageUrl)
        // The 404 page needs no robots meta: hosts serve it with status 404 for every missing
        // address, which keeps it out of search indexes. Other pages left out of the sitemap say so.
        if (noindex && !url.endsWith('/404.html')) {
            meta(name: 'robots', content: 'noindex')
        }
        // Blocking on purpose: it applies the stored theme before the first paint.
        script(src: '/js/theme.js') {}
        link(rel: 'stylesheet', href: '/css/site.css')
        // Print only: the browser fetches it without holding up the page.
        link(rel: 'stylesheet', href: '/css/print.css', media: 'print')
        script(src: '/js/site.js', defer: 'defer') {}
        if (searchPage) {
            // Elsewhere site.js loads both when the header's search is first opened.
            link(rel: 'stylesheet', href: '/css/search.css')
            script(src: '/js/search.js', defer: 'defer') {}
        }
        meta(name: 'color-scheme', content: 'light dark')
        meta(name: 'theme-color', content: '#fbfaf7', media: '(prefers-color-scheme: light)')
        meta(name: 'theme-color', content: '#121416', media: '(prefers-color-scheme: dark)')
        meta(name: 'author', content: site.author.name)
        link(rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml')
        link(rel: 'icon', href: '/favicon.png', type: 'image/png', sizes: '48x48')
        link(rel: 'apple-touch-icon', href: '/apple-touch-icon.png')
        link(rel: 'alternate', type: 'application/atom+xml', title: site.title + ' (Atom feed)', href: Routes.FEED)
        link(rel: 'alternate', type: 'application/feed+json', title: site.title + ' (JSON Feed)', href: Routes.JSON_FEED)
        link(rel: 'search', href: Routes.SEARCH, title: 'Search ' + site.title)

        meta(property: 'og:type', content: entry ? 'article' : ownerPage ? 'profile' : 'website')
        meta(property: 'og:site_name', content: site.title)
        meta(property: 'og:title', content: pageTitle)
        meta(property: 'og:description', content: pageDescription)
        meta(property: 'og:url', content: pageUrl)
        meta(property: 'og:locale', content: site.language == 'en' ? 'en_US' : site.language)
        meta(property: 'og:image', content: card.url)
        meta(property: 'og:image:type', content: 'image/png')
        meta(property: 'og:image:width', content: card.width)
        meta(property: 'og:image:height', content: card.height)
        meta(property: 'og:image:alt', content: card.alt)
        if (entry) {
            meta(property: 'article:published_time', content: entry.date.toString())
            meta(property: 'article:modified_time', content: entry.lastModified().toString())
            meta(property: 'article:author', content: site.absolute('/about/'))
            entry.tags.each { tag -> meta(property: 'article:tag', content: tag) }
        }
        meta(name: 'twitter:card', content: 'summary_large_image')
        if (twitter) {
            meta(name: 'twitter:site', content: twitter)
            meta(name: 'twitter:creator', content: twitter)
        }
        meta(name: 'twitter:title', content: pageTitle)
        meta(name: 'twitter:description', content: pageDescription)
        meta(name: 'twitter:image', content: card.url)
        meta(name: 'twitter:image:alt', content: card.alt)
        if (citation) {
            // For Google Scholar and reference managers (Zotero reads these): Highwire Press tags.
            meta(name: 'citation_title', content: citation.title)
            meta(name: 'citation_author', content: citation.authorInverted())
            meta(name: 'citation_publication_date', content: citation.scholarDate(citation.published))
            meta(name: 'citation_online_date', content: citation.scholarDate(citation.published))
            meta(name: 'citation_publisher', content: citation.site)
            meta(name: 'citation_language', content: site.language)
            meta(name: 'citation_fulltext_html_url', content: citation.url)
            meta(name: 'citation_abstract_html_url', content: citation.url)
            if (entry?.tags) {
                meta(name: 'citation_keywords', content: entry.tags.join('; '))
            }
        }
        script(type: 'application/ld+json') {
            yieldUnescaped json(['@context': 'https://schema.org', '@graph': graph])
        }
    }
    newLine()
    body {
        a(class: 'skip-link', href: '#main') { yield 'Skip to content' }
        include(template: 'partials/header.tpl')
        main(id: 'main', class: 'wrap', tabindex: '-1') {
            if (notice) {
                // Only in the local preview: a draft or a post dated in the future.
                p(class: 'preview-notice', role: 'status') { yield notice }
            }
            mainContent()
        }
        include(template: 'partials/footer.tpl')
    }
}
newLine()
