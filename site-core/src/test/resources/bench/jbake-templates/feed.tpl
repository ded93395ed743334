// The feed, in JBake's own model.
xmlDeclaration()
feed(xmlns: 'http://www.w3.org/2005/Atom') {
    title('Benchmark')
    published_posts.take(20).each { p -> entry { title(p.title); content(type: 'html') { yield p.body } } }
}
