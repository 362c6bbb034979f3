import Foundation
import NextSend
import NextSendMail
import NextSendSynthetic
import Testing

/// The message on the wire (issue #30): lines a mail system keeps intact, text that comes back
/// byte for byte, names any mail client shows right.
@Suite struct MailMessageTests {
    func message(text: String = "# Hello\n\nBody.", html: String = "<p>Body</p>", subject: String = "W48: 2 deals stalled — NextSend",
                 to: MailAddress = MailAddress("alice@x.example", name: "Renée Ortiz")) -> MailMessage {
        MailMessage(from: MailAddress("digest@x.example", name: "NextSend"), to: to, subject: subject, text: text, html: html,
                    messageID: "<nextsend.2026-W48.abc@x.example>", date: Date(timeIntervalSince1970: 1_796_400_000),
                    headers: [("Auto-Submitted", "auto-generated")])
    }

    /// Property: any text — long lines, trailing spaces, leading dots, '=', accents, emoji — comes
    /// back as written, in lines of at most 76 printable ASCII characters, none a lone ".".
    @Test func quotedPrintableKeepsAnyTextAndShortLines() {
        var random = SeededGenerator(seed: 30)
        let pieces = ["a", " ", "=", ".", "é", "—", "😀", "\t", "x", "\n", "Dana Reyes", "$120,000", "…", "\r\n"]
        for round in 0..<400 {
            var text = ""
            for _ in 0..<Int(random.next() % 300) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let encoded = QuotedPrintable.encode(text)
            for line in encoded.components(separatedBy: "\r\n") {
                #expect(line.utf8.count <= 76, "round \(round): \(line.utf8.count)")
                #expect(line.utf8.allSatisfy { $0 >= 32 && $0 < 127 || $0 == 9 }, "round \(round)")
                #expect(!line.hasPrefix("."), "round \(round): a line SMTP would change")
                #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "round \(round): trailing white space is lost in transit")
            }
            let expected = text.replacingOccurrences(of: "\r\n", with: "\n")
            #expect(QuotedPrintable.decode(encoded) == expected, "round \(round)")
        }
    }

    @Test func theMessageHasBothPartsAndTheHeadersAClientNeeds() {
        let wire = message().rendered()
        #expect(wire.hasSuffix("\r\n"))
        #expect(!wire.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        let lines = wire.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines.map(\.utf8.count).max() ?? 0)")
        #expect(lines.contains("From: \"NextSend\" <digest@x.example>"))
        #expect(lines.contains("To: =?utf-8?B?UmVuw6llIE9ydGl6?= <alice@x.example>"), "a non-ASCII name is RFC 2047 encoded")
        #expect(lines.contains("Subject: =?utf-8?B?VzQ4OiAyIGRlYWxzIHN0YWxsZWQg4oCUIE5leHRTZW5k?="))
        #expect(lines.contains("Date: Fri, 4 Dec 2026 16:00:00 +0000"))
        #expect(lines.contains("Message-ID: <nextsend.2026-W48.abc@x.example>"))
        #expect(lines.contains("Auto-Submitted: auto-generated"))
        #expect(lines.filter { $0.hasPrefix("Content-Type: text/") } == ["Content-Type: text/plain; charset=utf-8", "Content-Type: text/html; charset=utf-8"])
        #expect(wire == message().rendered(), "the same message renders to the same bytes")
    }

    @Test func aLongSubjectIsSplitIntoShortWordsWithoutCuttingACharacter() {
        let subject = String(repeating: "Réunion à Montréal — ", count: 6)
        let wire = message(subject: subject).rendered()
        let header = wire.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        let line = header.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: ") }!
        let words = line.dropFirst("Subject: ".count).split(separator: " ")
        #expect(words.count > 1)
        var bytes: [UInt8] = []
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            let base64 = word.dropFirst(10).dropLast(2)
            let data = Data(base64Encoded: String(base64))!
            #expect(String(data: data, encoding: .utf8) != nil, "each word is whole UTF-8")
            bytes += data
        }
        #expect(String(decoding: bytes, as: UTF8.self) == subject)
    }

    @Test func smtpSettingsAreReadWithoutEverShowingAPassword() throws {
        let plain = try SMTPSettings.parse("smtp://digest@mail.x.example")
        #expect(plain.port == 587 && plain.security == .requireStartTLS && plain.user == "digest")
        let implicit = try SMTPSettings.parse("smtps://mail.x.example")
        #expect(implicit.port == 465 && implicit.security == .implicitTLS && implicit.user == nil)
        #expect(try SMTPSettings.parse("smtp://relay:25?starttls=none").security == .none)
        #expect(try SMTPSettings.parse("smtp://relay:25?starttls=opportunistic").security == .opportunistic)
        let inURL = #expect(throws: MailError.self) { try SMTPSettings.parse("smtp://digest:hunter2@mail.x.example") }
        #expect(inURL?.description.contains("hunter2") == false)
        #expect(inURL?.description.contains("NEXTSEND_SMTP_PASSWORD_FILE") == true)
        let scheme = #expect(throws: MailError.self) { try SMTPSettings.parse("http://mail.x.example") }
        #expect(scheme?.kind == .configuration)
        let setting = #expect(throws: MailError.self) { try SMTPSettings.parse("smtp://mail.x.example?starttls=maybe") }
        #expect(setting?.description.contains("require, opportunistic or none") == true)
        let missing = #expect(throws: MailError.self) { try SMTPSettings.from(environment: [:]) }
        #expect(missing?.description.contains("--dry-run") == true)
        let noFile = #expect(throws: MailError.self) { try SMTPSettings.from(environment: ["NEXTSEND_SMTP": "smtp://digest@mail.x.example"]) }
        #expect(noFile?.description.contains("NEXTSEND_SMTP_PASSWORD_FILE") == true)
        #expect(!plain.description.contains(":***") && plain.description == "smtp://digest@mail.x.example:587")
    }
}
