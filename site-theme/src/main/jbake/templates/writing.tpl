// Writing & Speaking: the statement written in writing.adoc, then posts by year, paper notes,
// talks and the reading list, the last two from data/talks.yml and data/reading-list.yml.
def notes = site.notesTag ? posts.findAll { it.tags.contains(site.notesTag) } : []
def talks = data['talks'] ?: []
def papers = data['reading-list'] ?: []
layout('layouts/default.tpl', true,
        pageTitle: content.title,
        pageDescription: content.description,
        trail: [[content.title, url]],
        ownerPage: false,
        entry: null,
        mainContent: contents {
            article(class: 'page') {
                h1 { yieldUnescaped content.titleHtml }
                div(class: 'prose') { yieldUnescaped content.bodyHtml }
                nav('aria-label': 'On this page') {
                    ul(class: 'pills') {
                        [posts: 'Posts', 'paper-notes': 'Paper notes', talks: 'Talks', 'reading-list': 'Reading list'].each { id, label ->
                            li { a(href: '#' + id) { yield label } }
                        }
                    }
                }

                section('aria-labelledby': 'posts') {
                    h2(id: 'posts') { yield 'Posts' }
                    if (!years) {
                        p { yield 'No posts yet.' }
                    }
                    years.each { group ->
                        h3 { yield group.year.toString() }
                        ul(class: 'archive-list') {
                            group.posts.each { post -> partial('partials/archive-entry.tpl', post: post, fmt: fmt) }
                        }
                    }
                }

                section('aria-labelledby': 'paper-notes') {
                    h2(id: 'paper-notes') { yield 'Paper notes' }
                    if (notes) {
                        p(class: 'lede') { yield 'Notes on papers from the reading list below, newest first.' }
                        layout('partials/post-list.tpl', true, posts: notes, headingLevel: 3)
                    } else {
                        p { yield 'The first notes are being written.' }
                    }
                }

                section('aria-labelledby': 'talks') {
                    h2(id: 'talks') { yield 'Talks' }
                    if (talks) {
                        ul(class: 'talk-list') {
                            talks.each { talk ->
                                li {
                                    strong { yield talk.title }
                                    yield ', ' + talk.event + ', '
                                    time(datetime: talk.date.toString()) { yield fmt.date(talk.date) }
                                    ['url': 'Event', 'slides': 'Slides', 'video': 'Video'].each { key, label ->
                                        if (talk[key]) {
                                            yield ' · '
                                            a(href: talk[key]) { yield label }
                                        }
                                    }
                                }
                            }
                        }
                    } else {
                        div(class: 'card') {
                            p {
                                yield 'No public talks are listed yet. If you are organising a conference or a meetup on storage or systems for AI, I would be glad to speak.'
                            }
                            p { a(class: 'button', href: '/open-to/') { yield 'Invite me to speak' } }
                        }
                    }
                }

                section('aria-labelledby': 'reading-list') {
                    h2(id: 'reading-list') { yield 'Reading list' }
                    p { yield 'Foundational systems papers I am reading, with notes where I have written them.' }
                    ul(class: 'reading-list') {
                        papers.each { paper ->
                            li {
                                a(href: paper.url) { yield paper.title }
                                yield ' '
                                span(class: 'meta') {
                                    yield '(' + paper.venue + (paper.year ? ' ' + paper.year : '') + ')'
                                    if (paper.note) {
                                        yield ' · '
                                        a(href: paper.note) { yield 'my notes' }
                                    }
                                }
                            }
                        }
                    }
                }
                include(template: 'partials/edit-link.tpl')
            }
        })
