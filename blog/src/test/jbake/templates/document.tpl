// Stock JBake's view of one source, for JBakeCompatibilityIT: JBake's own template model
// (content.title, content.date, ...), written out so the test can compare it with ours.
html {
    body {
        div(id: 'doc',
                'data-source': content.file,
                'data-type': content.type,
                'data-status': content.status,
                'data-date': content.date ? new java.text.SimpleDateFormat('yyyy-MM-dd').format(content.date) : '',
                'data-tags': (content.tags ?: []).collect { it.trim() }.join(',')) {
            yieldUnescaped content.title
        }
    }
}
