// A blog post: header, body, tags and links to the newer and older posts.
layout 'layouts/default.tpl', true,
        pageTitle: content.title,
        pageDescription: content.description,
        mainContent: contents {
            article(class: 'post h-entry') {
                header(class: 'post-header') {
                    h1(class: 'p-name') { yieldUnescaped content.titleHtml }
                    include template: 'partials/post-meta.tpl'
                }
                div(class: 'prose e-content') { yieldUnescaped content.bodyHtml }
            }
            if (newer || older) {
                nav(class: 'post-nav', 'aria-label': 'Newer and older posts') {
                    if (newer) {
                        a(class: 'post-nav__newer', href: newer.url, rel: 'prev') {
                            span(class: 'post-nav__label') { yield 'Newer' }
                            span(class: 'post-nav__title') { yieldUnescaped newer.titleHtml }
                        }
                    }
                    if (older) {
                        a(class: 'post-nav__older', href: older.url, rel: 'next') {
                            span(class: 'post-nav__label') { yield 'Older' }
                            span(class: 'post-nav__title') { yieldUnescaped older.titleHtml }
                        }
                    }
                }
            }
        }
