// The home page: the introduction written in index.adoc, then the latest posts and the ways to
// get in touch.
layout 'layouts/default.tpl', true,
        pageTitle: site.title,
        pageDescription: content.description,
        mainContent: contents {
            section(class: 'intro') {
                h1(class: 'intro__name') { yield site.title }
                p(class: 'intro__role') { yield site.tagline }
                div(class: 'prose') { yieldUnescaped content.bodyHtml }
            }
            section(class: 'latest', 'aria-labelledby': 'latest-posts') {
                h2(id: 'latest-posts') { yield 'Latest posts' }
                if (posts) {
                    layout 'partials/post-list.tpl', true, posts: posts.take(site.latestPosts), headingLevel: 3
                    p { a(href: '/blog/') { yield 'All posts' } }
                } else {
                    p { yield 'No posts yet.' }
                }
            }
            section(class: 'cta', 'aria-labelledby': 'get-in-touch') {
                h2(id: 'get-in-touch') { yield 'Get in touch' }
                p {
                    yield 'I am open to conference speaking, peer review and artifact evaluation committees, and collaboration on open-source benchmarking tools and storage research. '
                    a(href: '/open-to/') { yield 'See what I am open to' }
                    yield ', or write to '
                    a(href: 'mailto:' + site.author.email) { yield site.author.email }
                    yield '.'
                }
            }
        }
