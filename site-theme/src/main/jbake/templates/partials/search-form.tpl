// The search: a labelled field, a live region that says how many results there are, and the
// results, a list of links. js/search.js answers as the visitor types; without it the form is
// sent to /search/ (whose page explains what to do without JavaScript). fieldId tells the
// header's dialog and the search page apart.
form(class: 'search', role: 'search', action: Routes.SEARCH, method: 'get') {
    label(class: 'search__label', for: fieldId) { yield 'Search posts, paper notes and pages' }
    div(class: 'search__row') {
        input(class: 'search__field', id: fieldId, type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false',
                enterkeyhint: 'search', 'aria-describedby': fieldId + '-status')
        button(class: 'button', type: 'submit') { yield 'Search' }
    }
}
p(class: 'search__status meta', id: fieldId + '-status', role: 'status', 'aria-live': 'polite') {}
ol(class: 'search__results') {}
