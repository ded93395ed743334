// A page written in AsciiDoc (About, Open To, 404, ...). About also carries the owner's h-card.
def about = url == '/about/'
def notFound = url.endsWith('/404.html')
layout('layouts/default.tpl', true,
        pageTitle: content.title,
        pageDescription: content.description,
        ownerPage: about,
        trail: notFound ? null : [[content.title, url]],
        entry: null,
        mainContent: contents {
            article(class: 'page') {
                h1 { yieldUnescaped content.titleHtml }
                if (about) {
                    layout('partials/h-card.tpl', true, nameIsHeading: false)
                }
                div(class: 'prose') { yieldUnescaped content.bodyHtml }
                include(template: 'partials/edit-link.tpl')
            }
        })
