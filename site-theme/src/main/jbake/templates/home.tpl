// The home page: the owner's h-card, the introduction written in index.adoc, then the latest
// posts and the ways to get in touch.
layout('layouts/default.tpl', true,
        pageTitle: site.title,
        pageDescription: content.description,
        ownerPage: true,
        trail: null,
        entry: null,
        mainContent: contents {
            layout('partials/h-card.tpl', true, nameIsHeading: true)
            div(class: 'prose') { yieldUnescaped content.bodyHtml }
            section(class: 'latest', 'aria-labelledby': 'latest-posts') {
                h2(class: 'section-title', id: 'latest-posts') { yield 'Latest posts' }
                if (posts) {
                    layout('partials/post-list.tpl', true, posts: posts.take(site.latestPosts), headingLevel: 3)
                    p { a(href: Routes.BLOG) { yield 'All posts' }; yield ', also by '; a(href: Routes.TAGS) { yield 'tag' }; yield ' and by '; a(href: Routes.ARCHIVE) { yield 'year' }; yield '.' }
                } else {
                    p { yield 'No posts yet.' }
                }
            }
            section(class: 'card', 'aria-labelledby': 'get-in-touch') {
                h2(id: 'get-in-touch') { yield 'Get in touch' }
                p {
                    yield 'I am open to conference speaking, peer review and artifact evaluation committees, and collaboration on open-source benchmarking tools and storage research.'
                }
                p(class: 'actions') {
                    a(class: 'button', href: '/open-to/') { yield 'See what I am open to' }
                    yield ' '
                    a(class: 'button button--quiet', href: 'mailto:' + site.author.email) { yield 'Email ' + site.author.email }
                }
            }
            include(template: 'partials/edit-link.tpl')
        })
