import Foundation
import NextSend
import NextSendTestSupport
import Testing
import NextSendSynthetic

/// Whatever text a rep pastes or a CRM holds, the reader answers: no crash, no figure it could not
/// store, every quote taken from the text, and the same answer every time.
@Suite struct NoteReaderFuzzTests {
    static let taxonomy = NoteReaderTests.taxonomy
    static let people = NoteReaderTests.people
    /// Pieces of the kinds of text the reader meets, including the awkward ones.
    static let pieces = [
        "Dana", "Lee Park", "Zoë", "Álvarez-Nakamura", "O'Neal", "Chris", "'s", "’s", " thinks ", " says ", " wants ", "TCO", "three-year cost",
        "payback", "go-live", "overtime", "OT", "SaaS", "on-prem", "hybrid", "pilot", "HITRUST", "SOC 2", "US", "us", "$", "€", "£", "120", "1.2",
        "1,200", "k", "K", "M", "m", "bn", "thousand", "%", "percent", " per cent", "weeks", "months", "yrs", "a year and a half", "–", "-", "—",
        " to ", " between ", " and ", "not ", "no longer ", "if ", "?", ".", ";", ":", ",", "\n", "\r\n", "\t", "> ", "<v Lee Park>", "</v>",
        "WEBVTT\n", "00:00:01.000 --> 00:00:02.000\n", "1\n", "From: Lee Park <lee.park@mercy.example>\n", "Date: Wed, 4 Nov 2026\n", "\n\n",
        "**", "# ", "- ", "1. ", "2026-11-02", "11/2", "9:15", "555-201-4410", "Q1", "4 West", "3-year", "😀", "\u{0}", "\u{200B}", "ﬁ", "İ",
        String(repeating: "9", count: 40), "1e308", "NaN", "-", "(", ")", "\"", "'", "’", "…",
    ]

    @Test(arguments: 0..<8)
    func anyTextIsReadWithoutCrashingAndEveryClaimCanBeStored(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(1000 + seed))
        let reader = NoteReader(taxonomy: Self.taxonomy, stakeholders: Self.people)
        for _ in 0..<150 {
            let text = (0..<Int.random(in: 1...60, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            for format in NoteFormat.allCases {
                let document = NoteDocument(text: text, format: format, from: Bool.random(using: &generator) ? "dana" : nil,
                                            inbound: [true, false, nil].randomElement(using: &generator)!)
                let reading = reader.read(document)
                #expect(reading == reader.read(document), "the same text reads the same")
                for claim in reading.claims {
                    #expect(Self.people.contains { $0.id == claim.stakeholder })
                    #expect(claim.quote.count <= NoteReader.quoteLimit)
                    if case let .number(value) = claim.value {
                        let unit: String? = if case let .number(unit, _)? = Self.taxonomy.topic(claim.topic)?.kind { unit } else { nil }
                        #expect(value.isFinite && NumberText.isAcceptable(value) && FigureUnit.problem(value, unit: unit) == nil,
                                "\(claim) from \(text.debugDescription)")
                    } else if case let .position(position) = claim.value {
                        #expect(Self.taxonomy.topic(claim.topic)?.positions.contains(position) == true)
                    }
                }
            }
        }
    }

    /// Every document of the corpus cut at random places and spliced: still read, never crashing.
    @Test func corpusDocumentsCutAndSplicedAreRead() throws {
        let folder = NoteCorpusTests.corpus.appendingPathComponent("dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".json") }.sorted()
        let texts = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        var generator = SeededGenerator(seed: 27)
        let reader = NoteReader(taxonomy: Self.taxonomy, stakeholders: Self.people)
        for _ in 0..<200 {
            let a = Array(texts.randomElement(using: &generator)!), b = Array(texts.randomElement(using: &generator)!)
            let cutA = Int.random(in: 0...a.count, using: &generator), cutB = Int.random(in: 0...b.count, using: &generator)
            let text = String(a[..<cutA]) + String(b[cutB...])
            _ = reader.read(NoteDocument(text: text, format: NoteFormat.detect(fileName: nil, text: text)))
        }
    }
}
