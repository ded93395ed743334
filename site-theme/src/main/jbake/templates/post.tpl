// A blog post or paper note: header (with the paper a note is about), table of contents, body,
// then how to cite it, its series, related posts, the edit link and the newer and older posts.
// Marked up as an h-entry.
def seriesName = series ? series.tag.replace('-', ' ').capitalize() : null
layout('layouts/default.tpl', true,
        pageTitle: content.title,
        pageDescription: content.description,
        trail: [['Blog', Routes.BLOG], [content.title, content.url]],
        ownerPage: false,
        entry: content,
        mainContent: contents {
            article(class: 'post h-entry') {
                header(class: 'post-header') {
                    if (series) {
                        p(class: 'kicker') {
                            a(href: series.url) { yield seriesName }
                            yield ' · ' + series.position + ' of ' + series.total
                        }
                    }
                    h1(class: 'p-name') { yieldUnescaped content.titleHtml }
                    include(template: 'partials/post-meta.tpl')
                    if (paper) {
                        p(class: 'paper') {
                            span(class: 'paper__label') { yield 'The paper' }
                            yield ' '
                            a(href: paper.url) { cite { yield paper.title } }
                            yield ', ' + paper.published()
                        }
                    }
                }
                include(template: 'partials/toc.tpl')
                div(class: 'prose e-content') { yieldUnescaped content.bodyHtml }
                footer(class: 'post-footer') {
                    include(template: 'partials/cite.tpl')
                    if (series && (series.previous || series.next)) {
                        nav(class: 'series', 'aria-label': seriesName) {
                            span(class: 'series__label') { yield seriesName + ', ' + series.position + ' of ' + series.total }
                            if (series.previous) {
                                a(href: series.previous.url) { yield '← '; yieldUnescaped series.previous.titleHtml }
                            }
                            if (series.next) {
                                a(href: series.next.url) { yieldUnescaped series.next.titleHtml; yield ' →' }
                            }
                        }
                    }
                    if (related) {
                        section(class: 'related', 'aria-labelledby': 'related-posts') {
                            h2(class: 'section-title', id: 'related-posts') { yield 'Related posts' }
                            ul {
                                related.each { post ->
                                    li {
                                        a(href: post.url) { yieldUnescaped post.titleHtml }
                                        yield ' '
                                        time(class: 'meta', datetime: post.date.toString()) { yield fmt.date(post.date) }
                                    }
                                }
                            }
                        }
                    }
                    include(template: 'partials/edit-link.tpl')
                }
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
        })
