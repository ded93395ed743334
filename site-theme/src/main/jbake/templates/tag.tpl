// The posts with one tag.
layout('layouts/default.tpl', true,
        pageTitle: 'Posts tagged “' + tagPage.name + '”',
        pageDescription: 'Posts by ' + site.author.name + ' tagged “' + tagPage.name + '”, newest first.',
        trail: [['Blog', '/blog/'], ['Tags', '/tags/'], [tagPage.name, tagPage.url]],
        mainContent: contents {
            h1 { yield 'Posts tagged “' + tagPage.name + '”' }
            p(class: 'lede') {
                yield tagPage.posts.size() == 1 ? 'One post. ' : tagPage.posts.size() + ' posts. '
                a(href: '/tags/') { yield 'All tags' }
            }
            layout('partials/post-list.tpl', true, posts: tagPage.posts, headingLevel: 2)
        })
