import Foundation

/// A word, number or mark of a statement, with its place in the statement's text.
///
/// Statements are matched on tokens rather than on raw text so that "go-live" and "go live",
/// "Zoë" and "Zoe", "SOC2" and "SOC 2" read alike, and "OT" never matches inside "hot".
struct NoteToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, mark }

    var kind: Kind
    /// As written.
    var text: String
    /// Lower case, accents and curly quotes folded: what phrases and names are compared on.
    var folded: String
    /// Character offsets of the token in its statement (for quotes).
    var start: Int
    var end: Int
    /// No white space between this token and the one before ("310k": `k` is attached).
    var attached: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    func isMark(_ mark: String) -> Bool { kind == .mark && text == mark }
    var startsUppercase: Bool { text.first?.isUppercase ?? false }
    var isAllCaps: Bool { text.count > 1 && text.allSatisfy { !$0.isLetter || $0.isUppercase } && text.contains { $0.isLetter } }
}

/// Tokenizing and folding, shared by the reader and by the taxonomy's `says:` validation.
public enum NoteText {
    /// Letters a diacritic fold leaves alone (they are letters of their own in Unicode).
    private static let extraFolds: [Character: String] = ["ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "đ": "d", "Đ": "d",
                                                         "ł": "l", "Ł": "l", "œ": "oe", "Œ": "oe", "ı": "i"]

    /// Lower case, without accents: "Zoë Álvarez-Nakamura" → "zoe alvarez-nakamura".
    public static func fold(_ text: String) -> String {
        // Most words are plain ASCII: lower-casing is all they need (Foundation's folding is the
        // reader's most expensive call otherwise).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        for character in folded {
            if character == "’" || character == "‘" {
                out.append("'")
            } else if let replacement = extraFolds[character] {
                out += replacement
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// `text` without white space at either end, cheaper than Foundation's trimming for the many
    /// short lines and statements the reader handles.
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        return String(text[first...last])
    }

    /// The words a phrase is matched on, hyphens and spaces alike: "3-year cost" → "3 year cost".
    /// Empty when the phrase has no word or number in it.
    public static func phraseKey(_ phrase: String) -> String {
        tokens(of: phrase).filter { $0.kind != .mark }.map(\.folded).joined(separator: " ")
    }

    /// The words a speaker uses for themselves alone ("we" and "our" may be a team's): "I still want…",
    /// "my view", "id rather" typed without its apostrophe.
    static let singularFirstPerson: Set<String> = ["i", "i'm", "i've", "i'd", "i'll", "im", "ive", "id", "me", "my"]
    /// The days of the week and the months, folded: calendar words, never names or topics.
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                      "october", "november", "december"]

    /// Splits a statement into tokens. A possessive `'s` is a token of its own ("Rosa" "'s");
    /// other apostrophes stay inside their word ("doesn't", "O'Neal"); letters right after digits
    /// are a word of their own, marked attached ("310" "k").
    static func tokens(of text: String) -> [NoteToken] {
        let characters = Array(text)
        var tokens: [NoteToken] = []
        var index = 0
        var sawSpace = true
        func isApostrophe(_ c: Character) -> Bool { c == "'" || c == "’" }
        // ASCII answered from the byte: Unicode's property lookup behind `isLetter` was the
        // reader's largest cost (a statement is tokenized by several of its rules).
        func isLetter(_ c: Character) -> Bool {
            if let byte = c.asciiValue { return (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) }
            return c.isLetter
        }
        func isWhitespace(_ c: Character) -> Bool {
            if let byte = c.asciiValue { return byte == 32 || (byte >= 9 && byte <= 13) }
            return c.isWhitespace
        }
        while index < characters.count {
            let character = characters[index]
            if isWhitespace(character) {
                sawSpace = true
                index += 1
                continue
            }
            let start = index
            let kind: NoteToken.Kind
            if isLetter(character) {
                kind = .word
                index += 1
                while index < characters.count {
                    let next = characters[index]
                    if isLetter(next) || next.isNumber && !next.isASCII {
                        index += 1
                    } else if isApostrophe(next), index + 1 < characters.count, isLetter(characters[index + 1]) {
                        // "Rosa's" splits into "Rosa" and "'s"; "doesn't" and "O'Neal" stay whole.
                        let rest = index + 2 < characters.count ? characters[index + 2] : " "
                        if (characters[index + 1] == "s" || characters[index + 1] == "S"), !isLetter(rest) { break }
                        index += 1
                    } else {
                        break
                    }
                }
            } else if character.isASCII, character.isNumber {
                kind = .number
                index += 1
                while index < characters.count {
                    let next = characters[index]
                    if next.isASCII, next.isNumber {
                        index += 1
                    } else if next == "." || next == ",", index + 1 < characters.count, characters[index + 1].isASCII, characters[index + 1].isNumber {
                        index += 1
                    } else {
                        break
                    }
                }
            } else if isApostrophe(character), index + 1 < characters.count, characters[index + 1] == "s" || characters[index + 1] == "S",
                      index + 2 >= characters.count || !isLetter(characters[index + 2]), !sawSpace {
                kind = .word
                index += 2
            } else {
                kind = .mark
                index += 1
            }
            let raw = String(characters[start..<index])
            tokens.append(NoteToken(kind: kind, text: raw, folded: fold(raw), start: start, end: index, attached: !sawSpace))
            sawSpace = false
        }
        return tokens
    }
}

/// The words of a statement with hyphens dropped, so a phrase is matched across "go-live" and
/// "go live", while any other mark (a comma, a colon) still stops a phrase.
struct WordRun {
    /// Indices into the statement's tokens: words and numbers, and marks other than hyphens.
    var positions: [Int]

    init(_ tokens: [NoteToken]) {
        positions = tokens.indices.filter { index in
            let token = tokens[index]
            return !(token.kind == .mark && (token.text == "-" || token.text == "‐"))
        }
    }
}
