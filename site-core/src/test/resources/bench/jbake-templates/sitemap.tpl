// The sitemap, in JBake's own model.
xmlDeclaration()
urlset(xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9') {
    published_content.each { p -> url { loc('https://bench.example/' + p.noExtensionUri) } }
}
