// The posts with one tag.
layout('layouts/default.tpl', true,
        pageTitle: 'Posts tagged “' + tagPage.name + '”',
        pageDescription: 'Posts by ' + site.author.name + ' tagged “' + tagPage.name + '”, newest first.',
        trail: [['Blog', Routes.BLOG], ['Tags', Routes.TAGS], [tagPage.name, tagPage.url]],
        ownerPage: false,
        entry: null,
        mainContent: contents {
            h1 { yield 'Posts tagged “' + tagPage.name + '”' }
            p(class: 'lede') {
                yield tagPage.posts.size() == 1 ? 'One post. ' : tagPage.posts.size() + ' posts. '
                a(href: Routes.TAGS) { yield 'All tags' }
            }
            layout('partials/post-list.tpl', true, posts: tagPage.posts, headingLevel: 2)
        })
