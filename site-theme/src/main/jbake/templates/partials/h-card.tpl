// The owner as an h-card: name, role, and profiles (rel="me"). On home, where the name is the
// page's heading (nameIsHeading), and on About.
div(class: 'intro h-card') {
    if (nameIsHeading) {
        h1(class: 'p-name') { yield site.author.name }
    } else {
        p(class: 'intro__name p-name') { yield site.author.name }
    }
    data(class: 'u-url u-uid', value: site.absolute('/')) {}
    p(class: 'intro__role p-note') { yield site.tagline }
    ul(class: 'pills', 'aria-label': 'Profiles') {
        site.profiles.each { profile ->
            li {
                a(class: profile.url.startsWith('mailto:') ? 'u-email' : 'u-url', href: profile.url, rel: 'me') {
                    yield profile.name
                }
            }
        }
    }
}
