/// The group's people as they are written in text: full name, last name, a first name no one else
/// in the group has, a first name with a last initial ("Pat K."), with or without accents.
struct NotePeople: Sendable {
    /// Who a name in text is.
    enum Match: Sendable, Hashable {
        case person(String)
        /// A name two or more stakeholders share ("Chris" with Chris Doyle and Chris Ng).
        case ambiguous
    }

    /// A name found in a statement.
    struct Mention: Sendable, Hashable {
        var match: Match
        var first: Int
        var last: Int
        /// "Rosa's go-live target".
        var possessive: Bool
        /// Matched on a single name (first or last), not a full name.
        var single: Bool
    }

    private var keys: [String: Set<String>] = [:]
    /// Keys that are a single name (first or last), matched only when capitalized in mixed-case text.
    private var singles: Set<String> = []
    private var emails: [String: String] = [:]
    private var longest = 1

    init(_ stakeholders: [Stakeholder]) {
        for person in stakeholders {
            let parts = person.name.split(whereSeparator: { $0 == " " }).map { NoteText.phraseKey(String($0)) }.filter { !$0.isEmpty }
            guard let first = parts.first else { continue }
            add(parts.joined(separator: " "), person.id, single: parts.count == 1)
            if parts.count > 1, let last = parts.last {
                add(first, person.id, single: true)
                add(last, person.id, single: true)
                if let initial = last.first { add("\(first) \(initial)", person.id, single: false) }
                // "Zoë Álvarez-Nakamura" is also written "Zoë Álvarez".
                if last.contains(" "), let lastFirst = last.split(separator: " ").first {
                    add("\(first) \(lastFirst)", person.id, single: false)
                }
            }
            if let email = person.email?.lowercased(), !email.isEmpty { emails[email] = person.id }
        }
    }

    private mutating func add(_ key: String, _ id: String, single: Bool) {
        keys[key, default: []].insert(id)
        if single, !key.contains(" ") { singles.insert(key) }
        longest = max(longest, key.split(separator: " ").count)
    }

    /// The person a whole name stands for ("Lee Park", "Zoe Alvarez-Nakamura"), else `nil`.
    func resolve(_ name: String) -> Match? {
        let key = NoteText.phraseKey(name)
        guard let ids = keys[key] else { return nil }
        return ids.count == 1 ? .person(ids.first!) : .ambiguous
    }

    /// The person with this e-mail address.
    func person(withEmail address: String) -> String? { emails[address.lowercased()] }

    /// Every name in a statement, longest first at each place, left to right.
    /// In mixed-case text a single name must be capitalized ("Grace", not "grace" the word).
    func mentions(in tokens: [NoteToken], lowercaseText: Bool) -> [Mention] {
        let run = WordRun(tokens).positions
        var found: [Mention] = []
        var at = 0
        while at < run.count {
            var matched = false
            for length in stride(from: min(longest, run.count - at), through: 1, by: -1) {
                let slice = run[at..<(at + length)]
                guard slice.allSatisfy({ tokens[$0].kind != .mark }) else { continue }
                let words = Array(slice)
                let key = words.map { tokens[$0].folded }.joined(separator: " ")
                guard let ids = keys[key] else { continue }
                let single = words.count == 1
                if single, singles.contains(key), !lowercaseText, !tokens[words[0]].startsUppercase { continue }
                let last = slice.last!
                let possessive = last + 1 < tokens.count && tokens[last + 1].folded == "'s"
                found.append(Mention(match: ids.count == 1 ? .person(ids.first!) : .ambiguous, first: slice.first!, last: last,
                                     possessive: possessive, single: single))
                at += length
                matched = true
                break
            }
            if !matched { at += 1 }
        }
        return found
    }
}
