@testable import NextSendDigest
import Testing

/// A value put into the Markdown digest (a title, a name, a quote) cannot open a link, a table
/// cell, emphasis or raw HTML, nor break a table row across lines.
@Suite struct MarkdownEscapingTests {
    let markdown = MarkdownContent()

    @Test(arguments: [
        ("Three-year cost model", "Three-year cost model"),
        ("Zoë Ørsted — 🛡️ security", "Zoë Ørsted — 🛡️ security"),
        ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
        ("[click](https://x.example) | cell # head \\", "\\[click\\](https://x.example) \\| cell \\# head \\\\"),
        ("<script>&</script>", "&lt;script&gt;&amp;&lt;/script&gt;"),
        ("one\ntwo\rthree\r\nfour", "one two three four"),
        ("Zoë *says* €120k", "Zoë \\*says\\* €120k"),
        ("", ""),
    ])
    func valuesAreEscapedForMarkdown(_ value: String, _ expected: String) {
        #expect(markdown.escapeText(value) == expected)
    }
}
