// Every tag, with how many posts carry it.
layout('layouts/default.tpl', true,
        pageTitle: 'Tags',
        pageDescription: 'The topics ' + site.author.name + ' writes about, with the posts on each.',
        trail: [['Blog', Routes.BLOG], ['Tags', Routes.TAGS]],
        ownerPage: false,
        entry: null,
        mainContent: contents {
            h1 { yield 'Tags' }
            if (allTags) {
                ul(class: 'tag-index tag-list') {
                    allTags.each { tag ->
                        li {
                            a(href: tag.url, rel: 'tag') {
                                yield tag.name
                                span(class: 'count') { yield ' (' + tag.posts.size() + ')' }
                            }
                        }
                    }
                }
            } else {
                p { yield 'No tags yet.' }
            }
        })
