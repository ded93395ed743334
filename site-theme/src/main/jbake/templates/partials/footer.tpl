// The site footer: the owner's profiles (rel="me" links them to this site) and the feed.
footer(class: 'site-footer') {
    div(class: 'wrap') {
        h2(class: 'label') { yield 'Connect' }
        ul(class: 'profiles') {
            site.profiles.each { profile ->
                li {
                    span(class: 'profiles__name') { yield profile.name }
                    a(href: profile.url, rel: 'me') { yield profile.label }
                }
            }
            li {
                span(class: 'profiles__name') { yield 'Feed' }
                a(href: Routes.FEED) { yield 'Atom feed' }
            }
        }
        p {
            yield '© ' + site.author.name + '. Open to '
            a(href: '/open-to/') { yield 'speaking, reviewing and collaboration' }
            yield '. Written in AsciiDoc, built with Java.'
        }
    }
}
