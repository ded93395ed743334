// "Cite this post": the citation of the page (Page.citation) as a line of text and as BibTeX,
// with the same author, title, site, address and dates as the citation_* tags in the head.
if (citation) {
    def noun = paper ? 'note' : 'post'
    section(class: 'cite', 'aria-labelledby': 'cite-this') {
        h2(class: 'section-title', id: 'cite-this') { yield 'Cite this ' + noun }
        p(class: 'cite__text') { yield citation.text() }
        details(class: 'cite__bibtex') {
            summary { yield 'BibTeX' }
            div(class: 'cite__code') {
                pre(tabindex: '0') { code { yield citation.bibtex() } }
            }
        }
    }
}
