// Every post, grouped by year.
layout('layouts/default.tpl', true,
        pageTitle: 'Archive',
        pageDescription: 'Every post by ' + site.author.name + ', by year.',
        trail: [['Blog', Routes.BLOG], ['Archive', Routes.ARCHIVE]],
        ownerPage: false,
        entry: null,
        mainContent: contents {
            h1 { yield 'Archive' }
            if (!years) {
                p { yield 'No posts yet.' }
            }
            years.each { group ->
                section(class: 'archive-year', 'aria-labelledby': 'year-' + group.year) {
                    h2(id: 'year-' + group.year) { yield group.year.toString() }
                    ul(class: 'archive-list') {
                        group.posts.each { post -> partial('partials/archive-entry.tpl', post: post, fmt: fmt) }
                    }
                }
            }
        })
