// One page of the blog index: `posts` holds this page's posts, newest first.
def first = pagination.current == 1
layout('layouts/default.tpl', true,
        pageTitle: first ? 'Blog' : 'Blog, page ' + pagination.current + ' of ' + pagination.total,
        pageDescription: 'Posts and paper notes by ' + site.author.name + ' on storage for AI/ML, distributed systems and infrastructure, newest first' +
                (first ? '.' : ' (page ' + pagination.current + ' of ' + pagination.total + ').'),
        trail: first ? [['Blog', Routes.BLOG]] : [['Blog', Routes.BLOG], ['Page ' + pagination.current, url]],
        ownerPage: false,
        entry: null,
        mainContent: contents {
            h1 { yield 'Blog' }
            p(class: 'lede') {
                yield 'Posts and paper notes, newest first. Browse by '
                a(href: Routes.TAGS) { yield 'tag' }
                yield ' or by '
                a(href: Routes.ARCHIVE) { yield 'year' }
                yield ', or follow the '
                a(href: Routes.FEED) { yield 'Atom feed' }
                yield '.'
            }
            if (posts) {
                layout('partials/post-list.tpl', true, headingLevel: 2)
            } else {
                p { yield 'No posts yet.' }
            }
            if (pagination.total > 1) {
                nav(class: 'pagination', 'aria-label': 'Pages of posts') {
                    if (pagination.newerUrl) {
                        a(href: pagination.newerUrl, rel: 'prev') { yield '← Newer posts' }
                    }
                    span(class: 'pagination__status') { yield 'Page ' + pagination.current + ' of ' + pagination.total }
                    if (pagination.olderUrl) {
                        a(href: pagination.olderUrl, rel: 'next') { yield 'Older posts →' }
                    }
                }
            }
        })
