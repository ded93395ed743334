// The site footer: the owner's profiles (rel="me" links them to this site) and the feed.
footer(class: 'site-footer') {
    div(class: 'wrap') {
        h2(class: 'site-footer__title') { yield 'Connect' }
        ul(class: 'profiles') {
            site.profiles.each { profile ->
                li {
                    span(class: 'profiles__name') { yield profile.name + ': ' }
                    a(href: profile.url, rel: 'me') { yield profile.label }
                }
            }
            li {
                span(class: 'profiles__name') { yield 'Feed: ' }
                a(href: '/feed.xml') { yield 'Atom' }
            }
        }
        p(class: 'site-footer__note') {
            yield '© ' + site.author.name + '. Built with AsciiDoc and Groovy templates; '
            a(href: '/open-to/') { yield 'open to speaking, reviewing and collaboration' }
            yield '.'
        }
    }
}
