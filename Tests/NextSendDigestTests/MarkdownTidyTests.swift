@testable import NextSendDigest
import NextSendSynthetic
import Testing

/// The Markdown digest leaves no run of blank lines where template sections were empty, none at the
/// start or the end, and ends with one line break; every line with text is kept as it was.
@Suite struct MarkdownTidyTests {
    let renderer = DigestRenderer()

    /// The rule as it reads, on `Character`s: the byte-level `tidy` must give the same text.
    static func tidiedByCharacters(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if blank, lines.last?.isEmpty ?? true { continue }
            lines.append(blank ? "" : line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [
        ("", "\n"),
        ("\n\n  \n\t\n", "\n"),
        ("# Week\n\n\n\n## Group\n  \n- item\n\n", "# Week\n\n## Group\n\n- item\n"),
        ("  indented stays\n\t\n\ttabbed stays", "  indented stays\n\n\ttabbed stays\n"),
        ("a\r\n\r\nb", "a\r\n\r\nb\n"),
        ("Zoë — €120k\n \n\n🛡️ SOC 2", "Zoë — €120k\n\n🛡️ SOC 2\n"),
    ])
    func blankRunsCollapse(_ text: String, _ expected: String) {
        #expect(renderer.tidy(text) == expected)
        #expect(Self.tidiedByCharacters(text) == expected)
    }

    /// Random texts over the characters that matter (line breaks, CR, spaces, tabs, text, a combining
    /// accent after a break or a space): the byte-level rule and the character-level one agree.
    @Test func bytesAndCharactersAgreeOnRandomText() {
        let pieces = ["\n", "\r", "\r\n", " ", "\t", "a", "Zoë", "\u{301}", "—", "🛡️", "\n\n", "  "]
        var generator = SeededGenerator(seed: 29)
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 24)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(renderer.tidy(text) == Self.tidiedByCharacters(text), "\(Array(text.unicodeScalars))")
        }
    }
}
