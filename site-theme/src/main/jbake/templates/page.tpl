// A page written in AsciiDoc (About, Open To, 404, ...).
layout 'layouts/default.tpl', true,
        pageTitle: content.title,
        pageDescription: content.description,
        mainContent: contents {
            article(class: 'page') {
                h1 { yieldUnescaped content.titleHtml }
                div(class: 'prose') { yieldUnescaped content.bodyHtml }
            }
        }
