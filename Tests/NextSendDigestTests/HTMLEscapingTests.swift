import Mustache
@testable import NextSendDigest
import NextSendSynthetic
import Testing

/// A value put into an HTML digest cannot open a tag, an entity or an attribute, and is escaped
/// exactly as swift-mustache's own HTML content type escapes it, so the e-mails read as before.
@Suite struct HTMLEscapingTests {
    let html = HTMLContent()

    @Test(arguments: [
        ("Three-year cost model", "Three-year cost model"),
        ("Zoë Ørsted — 🛡️ security", "Zoë Ørsted — 🛡️ security"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("a \"quoted\" & 'single' <b>", "a &quot;quoted&quot; &amp; &#39;single&#39; &lt;b&gt;"),
        ("&amp; stays text", "&amp;amp; stays text"),
        ("", ""),
    ])
    func valuesAreEscapedForHTML(_ value: String, _ expected: String) {
        #expect(html.escapeText(value) == expected)
    }

    /// Random values over plain text, accents, emoji and the five special characters render the
    /// same bytes through the library's default HTML escaping and through this one.
    @Test func escapingMatchesTheLibrarysDefault() throws {
        _ = DigestRenderer()
        let byDefault = try MustacheTemplate(string: "<p>{{value}}</p>")
        let byBytes = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML_BYTES}}<p>{{value}}</p>")
        let pieces = ["<", ">", "&", "\"", "'", "a", " ", "Zoë", "—", "🛡️", "€120k", "\n", "amp;"]
        var generator = SeededGenerator(seed: 41)
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 16)
            let value = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(byBytes.render(["value": value]) == byDefault.render(["value": value]), "\(value)")
        }
    }
}
