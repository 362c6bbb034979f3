import Foundation
import NextSend

/// One e-mail as it goes on the wire: headers and a `multipart/alternative` body with a plain-text
/// and an HTML part, both UTF-8 and quoted-printable, every line within RFC 5322's 998 characters
/// (in practice 76: what quoted-printable allows).
///
/// ```swift
/// let message = MailMessage(from: MailAddress("digest@rosterline.example", name: "NextSend"),
///                           to: MailAddress("alice@rosterline.example"), subject: "W48: 1 deal stalled — NextSend",
///                           text: markdown, html: html, messageID: "<w48.alice@rosterline.example>", date: Date())
/// let wire = message.rendered()   // CRLF line ends, ready for DATA
/// ```
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var text: String
    public var html: String
    /// `<…@…>`, the same for the same (week, recipient), so a duplicate folds in a mail client.
    public var messageID: String
    public var date: Date
    /// Extra headers in order: `Auto-Submitted`, `List-Unsubscribe`, …
    public var headers: [(name: String, value: String)]

    public init(from: MailAddress, to: MailAddress, subject: String, text: String, html: String, messageID: String, date: Date,
                headers: [(name: String, value: String)] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.date = date
        self.headers = headers
    }

    /// The boundary between the parts: derived from the Message-ID, so the same message renders to
    /// the same bytes, and never a string that quoted-printable output can contain (it has `=_`
    /// followed by letters, which an encoder never writes: `=` is always followed by two hex digits).
    var boundary: String { "=_NextSend_" + String(StableHash.hex(messageID)) }

    /// The message with CRLF line ends, as the DATA command sends it (before dot-stuffing).
    public func rendered() -> String {
        var lines: [String] = []
        func header(_ name: String, _ value: String) { lines.append(HeaderFolding.fold("\(name): \(value)")) }
        header("From", from.encoded)
        header("To", to.encoded)
        header("Subject", EncodedWord.encode(subject, prefixLength: "Subject: ".count))
        header("Date", MailDate.format(date))
        header("Message-ID", messageID)
        header("MIME-Version", "1.0")
        for (name, value) in headers { header(name, value) }
        header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(QuotedPrintable.encode(body))
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// An address with an optional display name; the name is RFC 2047 encoded when it is not plain ASCII.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public var address: String
    public var name: String?

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// `"Renée Ortiz" <renee@x.example>` as a header holds it.
    public var encoded: String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address)>"
        }
        return "\(EncodedWord.encode(name, prefixLength: 6)) <\(address)>"
    }

    public var description: String { address }
}
