// "Edit this page": a link to the source of `content`, when the site has an edit URL.
if (editUrl) {
    p(class: 'edit-link') {
        a(href: editUrl) { yield editUrl.startsWith('https://github.com/') ? 'Edit this page on GitHub' : 'Edit this page' }
    }
}
