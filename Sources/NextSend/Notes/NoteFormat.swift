/// How a piece of text is laid out, which says whose words each line is.
public enum NoteFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// A rep's call notes (third person), or a buyer's own notes when the author is given.
    case note
    /// Meeting notes in Markdown: headings, bullets, `Name: …` bullets, a bold name heading a line.
    case markdown
    /// An e-mail with its headers; the sender's first-person words are theirs when it is inbound.
    case email
    /// A WebVTT transcript with `<v Full Name>` voice tags.
    case vtt
    /// An SRT transcript with `Full Name:` at the start of a cue.
    case srt
    /// A plain transcript: `Full Name: text` lines.
    case transcript

    /// The format of a file, from its name and then its first lines.
    public static func detect(fileName: String?, text: String) -> NoteFormat {
        let name = fileName?.lowercased() ?? ""
        let head = text.split(separator: "\n", maxSplits: 12, omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        if name.hasSuffix(".vtt") || head.first?.hasPrefix("WEBVTT") == true { return .vtt }
        if name.hasSuffix(".srt") { return .srt }
        if name.hasSuffix(".eml") || name.hasSuffix(".eml.txt") { return .email }
        if head.first.map(isHeader) == true, head.prefix(6).filter(isHeader).count >= 2 { return .email }
        if head.count >= 2, head[0].allSatisfy(\.isNumber), head[1].contains("-->") { return .srt }
        if name.hasSuffix(".md") || name.hasSuffix(".markdown") { return .markdown }
        if name.contains("transcript") { return .transcript }
        return .note
    }

    /// The day an e-mail was written, from its `Date:` header ("Wed, 4 Nov 2026 16:42:10 -0500").
    /// The day an "On Mon, Jul 9, 2029 at 4:18 PM … wrote:" or "Sent: Monday, July 9, 2029 4:18 PM" line
    /// names: a month's name with a day and a year, in either order.
    static func quotedDay(in line: String) -> Day? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = line.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        func month(_ word: String) -> Int? {
            let lower = word.lowercased()
            guard lower.count >= 3, lower.allSatisfy(\.isLetter), let index = months.firstIndex(of: String(lower.prefix(3))) else { return nil }
            return index + 1
        }
        for index in words.indices.dropLast(2) {
            if let number = month(words[index]), let day = Int(words[index + 1]), let year = Int(words[index + 2]), (1...31).contains(day), year > 1900 {
                return Day(String(format: "%04d-%02d-%02d", year, number, day))
            }
            if let day = Int(words[index]), let number = month(words[index + 1]), let year = Int(words[index + 2]), (1...31).contains(day), year > 1900 {
                return Day(String(format: "%04d-%02d-%02d", year, number, day))
            }
        }
        return nil
    }

    public static func emailDay(in text: String) -> Day? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(40) {
            let trimmed = NoteText.trimmed(line)
            if trimmed.isEmpty { return nil }
            guard trimmed.lowercased().hasPrefix("date:") else { continue }
            return quotedDay(in: String(trimmed.dropFirst(5)))
        }
        return nil
    }

    /// How a claim read from this format is labelled as its `source`: `call`, `meeting`, `email` or `note`.
    public var claimSource: String {
        switch self {
        case .note: return "note"
        case .markdown: return "meeting"
        case .email: return "email"
        case .vtt, .srt, .transcript: return "call"
        }
    }

    private static func isHeader(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["from:", "to:", "cc:", "date:", "subject:", "sent:"].contains { lower.hasPrefix($0) }
    }
}

/// Whose first-person words a line is.
enum NoteVoice: Sendable, Hashable {
    case stakeholder(String)
    /// A speaker whose first name two stakeholders share.
    case ambiguous
    /// The seller's own words: the rep's notes, an outbound e-mail, a vendor speaker.
    case vendor
    /// Someone outside the buying group.
    case outsider

    /// A stakeholder's own words (a buyer writing or speaking).
    var isStakeholder: Bool { if case .stakeholder = self { return true }; return false }
}

/// A line of a document with whose words it is.
struct NoteLine: Sendable, Hashable {
    var text: String
    var voice: NoteVoice
    /// The stakeholder a paragraph is about ("CATHAL HEBDITCH, CFO. Careful, dry… He's run payback
    /// himself…"): who "he" or "she" is where the statement before names no one.
    var about: String?
    /// A line of prose right under another of the same voice, with no blank line, bullet or heading
    /// between: one paragraph wrapped by hand, where "He" goes on meaning the person just written about.
    var continues = false
    /// The day of a message quoted or forwarded below the top one, from its own "On … wrote:" or
    /// "Sent:" line; `nil` for the document's own words.
    var day: Day?
}

/// Turns a document into lines with their voices, by format.
struct NoteLayout {
    var people: NotePeople
    /// The author of a first-person note, or the sender of an e-mail when the caller knows it.
    var from: String?
    /// `true` inbound, `false` outbound, `nil` to decide from the sender.
    var inbound: Bool?

    func lines(of text: String, format: NoteFormat) -> [NoteLine] {
        // "\r\n" is one Character, and a newline like "\n" and "\r".
        let raw = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        switch format {
        case .note, .markdown: return notes(raw, markdown: format == .markdown)
        case .email: return email(raw)
        case .vtt: return vtt(raw)
        case .srt, .transcript: return prefixed(raw, srt: format == .srt)
        }
    }

    private var owner: NoteVoice { from.map { .stakeholder($0) } ?? .vendor }

    private func voice(ofName name: String) -> NoteVoice? {
        switch people.resolve(name) {
        case let .person(id)?: return .stakeholder(id)
        case .ambiguous?: return .ambiguous
        case nil: return nil
        }
    }

    // MARK: Notes and Markdown

    private func notes(_ raw: [String], markdown: Bool) -> [NoteLine] {
        var lines: [NoteLine] = []
        var section: NoteVoice?
        // Bullets headed by a name, by indent: "- Kate: TCO 1.1mm" makes its indented sub-bullets
        // ("  - payback two years, tops") Kate's too, the way a scribe nests what one person said.
        var parents: [(indent: Int, voice: NoteVoice)] = []
        // The raw line number of the last line of prose kept, and its voice.
        var lastProse: (number: Int, voice: NoteVoice)?
        // The last bullet kept: its raw line number, indent, and the stakeholder its name heads it with.
        // The last line headed by a stakeholder's name, or going on one with "+": its raw line number and whose.
        var lastHeaded: (number: Int, id: String, indent: Int)?
        var lastBullet: (number: Int, indent: Int, named: String?, text: String)?
        // In a buyer's own notes, under "What they showed us" or "What the vendor said": the vendor's
        // words, written down, until the next heading.
        var vendorSection = false
        for (number, line) in raw.enumerated() {
            var text = Self.withoutLogStamp(NoteText.trimmed(line))
            if text.isEmpty { continue }
            let afterBlank = number == 0 || NoteText.trimmed(raw[number - 1]).isEmpty
            if case .stakeholder = owner, Self.isPlainHeading(text, markdown: markdown, afterBlank: afterBlank) {
                vendorSection = isVendorHeading(text)
                if vendorSection { continue }
            }
            // (The writer's own words in it, "I still want payback inside 18 months", are theirs; after a
            // blank line they end it.)
            let writersOwn = vendorSection && Self.isWritersOwn(text)
            if writersOwn, afterBlank { vendorSection = false }
            // "Their pitch, for the record: Joss says customers our size go live in 24 weeks": a paragraph
            // that opens by saying it is the vendor's.
            // (A "Their pitch, …" line holds only the vendor's words: not "Their pitch, to be fair, was strong. But we
            // need HITRUST and I want payback inside 18 months.")
            let vendorLine = vendorSection ? !writersOwn
                : owner != .vendor && Self.opensWithTheirPitch(text) && !Self.speaksForWriter(text) && !Self.isWritersOwn(text)
            // "| Lysander Oyelaran | COO | Buy a platform | payback ≤ 18 months |": a table with a row
            // per person; each cell of the row is that person's.
            if text.hasPrefix("|") {
                let cells = text.split(separator: "|").map { Self.strippingEmphasis($0.trimmingCharacters(in: .whitespaces)) }
                if let first = cells.first, let named = voice(ofName: Self.strippingRole(first)) {
                    lines += cells.dropFirst().filter { $0.contains(where: \.isLetter) }.map { NoteLine(text: $0, voice: named) }
                }
                continue
            }
            // "Cost       Wendeline's 3-yr cost is $1.45M   Hollis V. caps the TCO at $1.3M": columns
            // laid out with spaces are statements of their own.
            // (Not a heading, a bullet, or "Kate:      TCO $1.5M", a name aligned with its words.)
            let columns = text.components(separatedBy: "   ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if columns.count > 1, !text.hasPrefix("#"), Self.strippingBullet(text) == text, !columns.contains(where: { $0.hasSuffix(":") }) {
                lines += columns.filter { $0.contains(where: \.isLetter) }.map { column in
                    if let (name, rest) = Self.leadingName(column), let named = voice(ofName: name) { return NoteLine(text: rest, voice: named) }
                    return NoteLine(text: column, voice: section ?? owner)
                }
                continue
            }
            var heading = false
            if markdown, text.hasPrefix("#") {
                text = String(text.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                heading = true
            }
            let unbulleted = Self.strippingBullet(text)
            let isBullet = !heading && unbulleted != text
            let indent = Self.indent(of: line)
            if isBullet {
                while let last = parents.last, last.indent >= indent { parents.removeLast() }
            } else {
                parents.removeAll()
            }
            text = unbulleted
            // "ACTION  C. Ravenhill to confirm 7 East pilot dates", "TODO: …": a task, not a view.
            if Self.isActionItem(text) { continue }
            // A heading or a bold line that is only a name: what follows is that person's.
            if heading || (text.hasPrefix("**") && text.hasSuffix("**")) {
                let plain = Self.strippingEmphasis(text).trimmingCharacters(in: CharacterSet(charactersIn: " :—–-"))
                section = voice(ofName: Self.strippingRole(plain))
                if section != nil { continue }
            }
            // (In the rep's own notes a nested line in the first person, "  - I told her our TCO is
            // $1.2M", is the rep's reply, not the parent's words.)
            var inherited = owner == .vendor && Self.isFirstPerson(text) ? nil : parents.last?.voice
            // "Tomas = on-prem, full stop" then "+ HL7 via Rhapsody fine": a "+" line right under a
            // line headed by a name adds to what that person holds.
            let plus = line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("+ ")
            // (Indented under it: a rep who bullets every line with "+" starts each afresh.)
            if inherited == nil, plus, let above = lastHeaded, above.number == number - 1, indent > above.indent,
               !(owner == .vendor && Self.isFirstPerson(text)) {
                inherited = .stakeholder(above.id)
            }
            lastHeaded = plus && indent > (lastHeaded?.indent ?? Int.max) ? inherited.flatMap { voice in
                if case let .stakeholder(id) = voice, let above = lastHeaded { return (number, id, above.indent) }
                return nil
            } : nil
            var lineVoice = inherited ?? (vendorLine ? .vendor : nil) ?? section ?? owner
            // "**Lee Park** (IT) — …", "Priya: SOC 2 Type II is sufficient".
            if let (name, rest) = Self.leadingName(text), let named = voice(ofName: name) {
                lineVoice = named
                text = rest
                if isBullet { parents.append((indent, named)) }
                if case let .stakeholder(id) = named { lastHeaded = (number, id, indent) }
            } else if let (name, rest) = Self.leadingName(text), name.lowercased() == "me", !rest.isEmpty {
                // "Me: I'll negotiate the 3-year cost to around $1.2M": the writer, by name of none.
                lineVoice = owner
                text = rest
            } else if owner == .vendor, let (name, rest) = Self.dashedName(text), let named = voice(ofName: name) {
                // In the rep's own notes, "Ágota -- no big bang; pilot on 5 West, then in waves" and
                // "Marisol Achterberg  nurses want a separate app": the whole line is that person's.
                lineVoice = named
                text = rest
            } else if let (name, rest) = Self.trailingName(text), let named = voice(ofName: name) {
                // "Fully hosted would be simpler to budget for. -- Hebditch": minutes that credit each
                // point to its person after it.
                lineVoice = named
                text = rest
            }
            if text.isEmpty { continue }
            var about: String?
            if let name = Self.capitalizedNameOpening(text), case let .stakeholder(id)? = voice(ofName: name) { about = id }
            let prose = !isBullet && !heading
            var continues = prose && lastProse.map { $0.number == number - 1 && $0.voice == lineVoice } == true
            // "- Solveig Á.: TCO no higher than $1.3M⏎- She wants payback within 2 years": a bullet that
            // opens with "he" or "she" goes on about the one the bullet right above it was about.
            let opening = text.prefix { !$0.isWhitespace }.lowercased().replacingOccurrences(of: "’", with: "'")
                .trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?"))
            if isBullet, Self.thirdPersonOpenings.contains(opening), lineVoice == (inherited ?? section ?? owner), let above = lastBullet,
               above.number == number - 1, above.indent == indent, !namesOthers(above.text, besides: above.named) {
                if let named = above.named { about = named } else { continues = true }
            }
            lines.append(NoteLine(text: Self.strippingEmphasis(text), voice: lineVoice, about: about, continues: continues))
            lastProse = prose ? (number, lineVoice) : nil
            if isBullet {
                var named: String?
                if case let .stakeholder(id) = lineVoice, lineVoice != (inherited ?? section ?? owner) { named = id }
                lastBullet = (number, indent, named, text)
            } else {
                lastBullet = nil
            }
        }
        return lines
    }

    /// Whether a bullet names someone besides whom it is about ("- Lee Park: on-prem. Dana Reyes owns
    /// the budget." then "- She wants…": Dana or Lee), so a "she" below it could be either. Worked out
    /// only for the bullet above one that opens with "he" or "she".
    private func namesOthers(_ text: String, besides named: String?) -> Bool {
        let lowercase = text.first { $0.isLetter }?.isLowercase ?? false
        let mentioned = Set(people.mentions(in: NoteText.tokens(of: text), lowercaseText: lowercase).map { mention -> String in
            if case let .person(id) = mention.match { return id }
            return ""
        })
        return mentioned.contains { $0 != named } && (named != nil || mentioned.count > 1)
    }

    /// Pronouns that open a line about someone already named.
    static let thirdPersonOpenings: Set<String> = ["he", "she", "he's", "she's", "he'd", "she'd", "he'll", "she'll", "hes", "shes"]

    /// Whether a line has a first-person word ("I", "we", "our", …).
    static func isFirstPerson(_ text: String) -> Bool {
        // ("the US" is a country.)
        NoteText.tokens(of: text).contains { ["i", "i'm", "i've", "i'd", "i'll", "im", "ive", "me", "my", "we", "we're", "we've", "we'd",
                                              "our"].contains($0.folded) || $0.text == "us" }
    }

    /// "10:07 DK: Liz has the three-year budget at $1.6M": a CRM log's time and the writer's
    /// initials, taken off (the line stays the writer's).
    static func withoutLogStamp(_ text: String) -> String {
        var rest = Substring(text)
        // "[2:41 PM] Kwame Dunleavy-Osei: fwiw …": a chat pasted from Teams or Slack, its time in brackets.
        if rest.first == "[", let close = rest.firstIndex(of: "]") {
            let stamp = rest[rest.index(after: rest.startIndex)..<close].split(separator: " ")
            let clock = stamp.first.map { $0.split(separator: ":", omittingEmptySubsequences: false) } ?? []
            if (2...3).contains(clock.count), clock.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isNumber) }),
               stamp.count == 1 || (stamp.count == 2 && ["am", "pm", "a.m.", "p.m."].contains(stamp[1].lowercased())) {
                return rest[rest.index(after: close)...].trimmingCharacters(in: .whitespaces)
            }
        }
        let hours = rest.prefix { $0.isNumber }
        guard (1...2).contains(hours.count), let mark = rest.dropFirst(hours.count).first, mark == ":" || mark == "/" else { return text }
        rest = rest.dropFirst(hours.count + 1)
        let minutes = rest.prefix { $0.isNumber }
        if mark == ":" {
            guard minutes.count == 2 else { return text }
            rest = rest.dropFirst(2)
        } else {
            // "4/10  NS: Tobin to send …": a log's date and the writer's initials, the same way.
            guard (1...2).contains(minutes.count) else { return text }
            rest = rest.dropFirst(minutes.count)
            if rest.first == "/" {
                let year = rest.dropFirst().prefix { $0.isNumber }
                guard [2, 4].contains(year.count) else { return text }
                rest = rest.dropFirst(1 + year.count)
            }
            guard rest.first == " " else { return text }
            rest = rest.drop { $0 == " " }
            // (Only before a heading in capitals, "NS:", which is then read as any heading is:
            // a stakeholder's initials, or a topic, "TCO:".)
            let initials = rest.prefix { $0.isUppercase && $0.isLetter }
            guard (2...3).contains(initials.count), rest.dropFirst(initials.count).first == ":" else { return text }
            return rest.trimmingCharacters(in: .whitespaces)
        }
        rest = rest.drop { $0 == " " }
        let initials = rest.prefix { $0.isUppercase && $0.isLetter }
        if (1...3).contains(initials.count), let after = rest.dropFirst(initials.count).first, after == ":" || after == " " {
            rest = rest.dropFirst(initials.count + 1)
        }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    /// "Ágota -- …", "Ágota — …", "Marisol Achterberg  …": a name of one to four words before a
    /// spaced dash or two spaces.
    static func dashedName(_ text: String) -> (String, String)? {
        for mark in [" -- ", " — ", " – ", "  "] {
            guard let range = text.range(of: mark) else { continue }
            let name = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let words = name.split(separator: " ")
            guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { continue }
            return (name, text[range.upperBound...].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// "Payback of 20 months on my model. -- Hebditch", "… — Pereira-Holt": a name of one to four
    /// capitalized words alone after a spaced dash that ends the line, and the words before it.
    static func trailingName(_ text: String) -> (String, String)? {
        for mark in [" -- ", " — ", " – "] {
            guard let range = text.range(of: mark, options: .backwards) else { continue }
            let name = text[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            let words = name.split(separator: " ")
            guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || "-'’.".contains($0) } })
            else { continue }
            let rest = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            // (A sentence, credited: not an agenda item with its owner, "Pilot scope for 4 East — Lee",
            // nor a log of what the seller did and with whom, "Sent our SOC 2 report. -- Lee Park".)
            guard rest.contains(where: \.isLetter), let end = rest.last, ".!?".contains(end) else { continue }
            let first = rest.split(separator: " ").first.map { $0.lowercased() } ?? ""
            guard !Self.activityVerbs.contains(first) else { continue }
            return (name, rest)
        }
        return nil
    }

    /// What a seller's activity log opens with: "Sent …", "Walked through …".
    static let activityVerbs: Set<String> = ["sent", "walked", "emailed", "e-mailed", "shared", "presented", "demoed", "met", "called",
                                             "reviewed", "discussed", "forwarded", "introduced", "showed", "gave", "left", "spoke"]

    /// "AUGUSTINA PEREIRA-HOLT, COO, economic buyer. …": a paragraph opened by a name of two to four
    /// words in capitals and a comma, the way a who's-who brief heads each person's paragraph.
    /// (Not "DANA REYES, CFO, and LEE PARK, IT director, joined": two people in its first sentence.)
    static func capitalizedNameOpening(_ text: String) -> String? {
        guard let comma = text.firstIndex(of: ",") else { return nil }
        let firstSentence = text[comma...].prefix { $0 != "." }
        let capitalRuns = firstSentence.split(whereSeparator: { !$0.isLetter && !"-'’ ".contains($0) })
            .map { $0.split(separator: " ").filter { $0.count > 1 && $0.contains(where: \.isLetter) && !$0.contains(where: \.isLowercase) } }
        // (Titles in capitals — "CFO", "IT" — are one word; another name in capitals is two or more.)
        guard !capitalRuns.contains(where: { $0.count >= 2 }) else { return nil }
        let words = text[..<comma].split(separator: " ")
        guard (2...4).contains(words.count),
              words.allSatisfy({ $0.contains(where: \.isLetter) && !$0.contains(where: \.isLowercase) && $0.allSatisfy { $0.isLetter || "-'’.".contains($0) } })
        else { return nil }
        return String(text[..<comma])
    }

    /// A line that records a task: "ACTION …", "Action: …", "Action item: …", "TODO …", "AP: …".
    /// A line that heads what follows: a Markdown heading, or a short line after a blank one with no
    /// full stop, question or list mark ("What they showed us", "WHAT I HEARD THIS WEEK", "Vendor side:").
    static func isPlainHeading(_ text: String, markdown: Bool, afterBlank: Bool) -> Bool {
        if markdown, text.hasPrefix("#") { return true }
        guard afterBlank, strippingBullet(text) == text, let last = text.last, !".!?;,".contains(last) else { return false }
        return text.split(separator: " ").count <= 8
    }

    /// A heading over the vendor's words in a buyer's notes: "What they showed us", "WHAT THEY TOLD
    /// US", "What the vendor said", "What Rosterline showed us", "Vendor side", "From the vendor".
    /// (Not "What I heard", "What we agreed", "What Dana said", "What others said".)
    func isVendorHeading(_ text: String) -> Bool {
        let plain = text.drop { $0 == "#" || $0 == " " }
        let words = plain.split { !$0.isLetter && $0 != "'" && $0 != "’" }.map { String($0) }
        let folded = words.map { $0.lowercased() }
        guard let first = folded.first else { return false }
        // ("Vendor side", "Vendor pitch", "Their pitch", "From the vendor"; not "Vendor requirements",
        // "Vendor shortlist": the buyer's own.)
        if ["vendor", "vendor's", "their", "the"].contains(first), folded.count >= 2, folded.count <= 3,
           ["side", "pitch", "said", "showed", "claims", "claimed", "told"].contains(folded[1]),
           first == "vendor" || first == "vendor's" || folded[1] == "pitch" {
            return true
        }
        if folded.starts(with: ["from", "the", "vendor"]) { return true }
        // (The heading ends at its verb, or "us", "today", "at the demo": not "What they quoted us is
        // way over budget", a sentence.)
        guard first == "what", let verb = folded.firstIndex(where: { Self.vendorHeadingVerbs.contains($0) }), verb > 1,
              folded[(verb + 1)...].allSatisfy({ ["us", "me", "today", "yesterday", "at", "on", "in", "the", "demo", "call", "session", "onsite",
                                                 "visit", "this", "week", "for", "record"].contains($0) }) else { return false }
        let subject = Array(folded[1..<verb])
        if subject == ["they"] || subject == ["the", "vendor"] || subject == ["the", "vendors"] || subject == ["their", "team"]
            || subject == ["the", "rep"] || subject == ["their", "rep"] {
            return true
        }
        // "What Rosterline showed us": one name in capitals that is nobody in the group.
        // ("WHAT RATHMORE TOLD US" in capitals too.)
        return subject.count == 1 && words[1].first?.isUppercase == true && people.resolve(words[1]) == nil
            && people.resolve(words[1].capitalized) == nil
            && !["i", "we", "everyone", "others", "people", "nobody", "finance", "legal", "it", "nursing", "ops", "operations", "procurement",
                 "he", "she", "you", "hr", "security", "compliance", "informatics", "pharmacy", "facilities", "payroll", "staffing", "leadership",
                 "management", "the", "our", "my"].contains(folded[1])
    }
    /// A line that opens in the writer's own singular first person ("I still want…", "My view: …"),
    /// never the vendor's even under "What they showed us" ("for hospitals our size" is the buyer's
    /// "our"; "tobias: 28 wks. i dont believe that" opens with the vendor's words).
    static func isWritersOwn(_ text: String) -> Bool {
        guard let first = NoteText.tokens(of: text).first(where: \.isWord) else { return false }
        return NoteText.singularFirstPerson.contains(first.folded)
    }

    /// Whether a line has the writer's own view anywhere: a singular "I" or "my", or "we need", "we want".
    static func speaksForWriter(_ text: String) -> Bool {
        let words = NoteText.tokens(of: text).filter(\.isWord).map(\.folded)
        return words.contains { NoteText.singularFirstPerson.contains($0) }
            || words.indices.dropLast().contains { words[$0] == "we" && ["need", "want", "require", "expect"].contains(words[$0 + 1]) }
    }

    /// "Their pitch, for the record: …", "The vendor's pitch: …": a paragraph that says it is the vendor's.
    static func opensWithTheirPitch(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["their pitch,", "their pitch:", "their pitch -", "the vendor's pitch", "the pitch, for the record", "their pitch, for the record"]
            .contains { lower.hasPrefix($0) }
    }
    private static let vendorHeadingVerbs: Set<String> = ["showed", "shown", "said", "told", "claimed", "claim", "pitched", "presented",
                                                          "demoed", "promised", "quoted", "offered", "proposed", "shared"]

    static func isActionItem(_ text: String) -> Bool {
        let head = text.prefix { $0.isLetter || $0 == " " }.trimmingCharacters(in: .whitespaces)
        let first = head.split(separator: " ").first.map(String.init) ?? ""
        if first == "ACTION" || first == "TODO" || first == "ACTIONS" { return true }
        let lower = text.lowercased()
        return ["action:", "action item", "actions:", "todo:", "to do:", "ap:", "next step:", "next steps:"].contains { lower.hasPrefix($0) }
    }

    /// Columns of white space before a line's first character, a tab counting four.
    static func indent(of line: String) -> Int {
        var columns = 0
        for character in line {
            if character == " " { columns += 1 } else if character == "\t" { columns += 4 } else { break }
        }
        return columns
    }

    /// `- `, `* `, `• `, `1. `, `2) ` at the start of a line.
    static func strippingBullet(_ line: String) -> String {
        var text = Substring(line)
        if let first = text.first, "-*•·+".contains(first), text.dropFirst().first == " " {
            text = text.dropFirst(2)
        } else if let dot = text.firstIndex(where: { $0 == "." || $0 == ")" }), text[..<dot].allSatisfy(\.isNumber), !text[..<dot].isEmpty,
                  text[text.index(after: dot)...].first == " " {
            text = text[text.index(after: dot)...]
        } else if let space = text.firstIndex(of: " "), text[..<space].contains("."), text[..<space].allSatisfy({ $0.isNumber || $0 == "." }),
                  text.first?.isNumber == true, text[space...].first(where: { $0 != " " })?.isUppercase == true {
            // "2.1 Ms Thorsby restated…", "4.2.1 The board…": a numbered minute (not "1.5 years payback").
            text = text[space...]
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func strippingEmphasis(_ text: String) -> String {
        guard text.contains("**") || text.contains("__") else { return text }
        return text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    }

    /// "Lee Park (IT, decision-maker)" → "Lee Park".
    static func strippingRole(_ text: String) -> String {
        guard let open = text.firstIndex(of: "(") else { return text }
        return text[..<open].trimmingCharacters(in: .whitespaces)
    }

    /// A name heading a line: `**Name** …`, `**Name:** …`, `Name: …`, `Name (role): …`, `Name — …`.
    static func leadingName(_ text: String, equals: Bool = true) -> (String, String)? {
        if text.hasPrefix("**"), let close = text.dropFirst(2).range(of: "**") {
            let name = strippingRole(String(text[text.index(text.startIndex, offsetBy: 2)..<close.lowerBound]))
                .trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            var rest = text[close.upperBound...].trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix("(") , let end = rest.firstIndex(of: ")") { rest = rest[rest.index(after: end)...].trimmingCharacters(in: .whitespaces) }
            rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: " :—–-"))
            return (name, rest)
        }
        // "Noemie -> hybrid / DB onsite", "Tomas = on-prem, full stop": a rep's arrow or equals sign
        // from a name to what they hold.
        if let arrow = text.range(of: "->") ?? text.range(of: "→") ?? (equals ? text.range(of: " = ") : nil),
           text.firstIndex(of: ":").map({ $0 > arrow.lowerBound }) ?? true {
            let name = strippingRole(text[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces))
            let words = name.split(separator: " ")
            if (1...4).contains(words.count), words.allSatisfy({ $0.first?.isLetter == true }) {
                return (name, text[arrow.upperBound...].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = strippingRole(String(text[..<colon]))
        let words = name.split(separator: " ")
        guard (1...4).contains(words.count), words.allSatisfy({ $0.first?.isLetter == true }) else { return nil }
        return (name, text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    // MARK: E-mail

    private func email(_ raw: [String]) -> [NoteLine] {
        var lines: [NoteLine] = []
        // A CRM keeps an e-mail's body without its headers: the caller says who sent it.
        let firstLine = raw.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.lowercased() ?? ""
        var inHeaders = ["from:", "to:", "cc:", "date:", "subject:", "sent:"].contains { firstLine.hasPrefix($0) }
        var firstBlock = inHeaders
        var voice: NoteVoice = inbound == true ? from.map { .stakeholder($0) } ?? .outsider : .vendor
        var sender: String?
        var opening = true
        // The message on top: its sender's voice. A quoted message further down whose body is quoted
        // line by line ("> 1. Finance: …") and answered between the lines ("RT: TCO yes, $1.2MM")
        // carries the top sender's answers, not its own sender's words.
        var topVoice: NoteVoice?
        var blockStarted = false
        var quotedBlock = false
        var interleaved = false
        // Who wrote the message quoted at each depth of ">", and when, from its "On …, Name <address> wrote:" line.
        var quotedWriters: [Int: (voice: NoteVoice, day: Day?)] = [:]
        // The day of a forwarded message below the top one, from its "Sent:" or "Date:" header.
        var headerDay: Day?
        var blockDay: Day?
        for line in raw {
            let text = NoteText.trimmed(line)
            let lower = text.lowercased()
            if inHeaders {
                if lower.hasPrefix("from:") { sender = stakeholder(inFrom: String(text.dropFirst(5))) }
                if lower.hasPrefix("sent:") || lower.hasPrefix("date:") { headerDay = NoteFormat.quotedDay(in: text) }
                guard text.isEmpty else { continue }
                inHeaders = false
                opening = true
                blockDay = firstBlock ? nil : headerDay
                headerDay = nil
                if firstBlock {
                    let isInbound = inbound ?? (sender != nil)
                    voice = isInbound ? (from ?? sender).map { .stakeholder($0) } ?? .outsider : .vendor
                    topVoice = voice
                    firstBlock = false
                } else {
                    // A forwarded message is its own sender's words.
                    voice = sender.map { .stakeholder($0) } ?? .outsider
                }
                continue
            }
            if topVoice == nil, !text.isEmpty { topVoice = voice }
            if !blockStarted, !text.isEmpty {
                blockStarted = true
                quotedBlock = text.hasPrefix(">") && voice != topVoice && !voice.isStakeholder
                interleaved = false
            }
            // Answers are the top sender's from the first one signed with their initials ("RT: …"):
            // a rep's own answers between a buyer's quoted lines carry none.
            if quotedBlock, !interleaved, let topVoice, !text.hasPrefix(">"), initials(of: topVoice).map({ text.hasPrefix($0 + ":") || text.hasPrefix($0 + " ") }) == true {
                interleaved = true
            }
            // A quoted reply is someone else's words, usually the seller's own. One written by another
            // stakeholder ("On Mon, Jul 9, … Kwame <kdo@…> wrote:", then "> [KDO] HL7 through Mirth.") is
            // theirs, at its own depth of quoting; what it quotes in turn (">>") is whoever wrote that.
            // (The top sender's own older words quoted below are left: they said them again above, or
            // moved on since.)
            if text.hasPrefix(">") {
                let depth = text.prefix { $0 == ">" || $0 == " " }.filter { $0 == ">" }.count
                let inner = NoteText.trimmed(String(text.drop { $0 == ">" || $0 == " " }))
                if inner.hasPrefix("On "), inner.hasSuffix("wrote:") {
                    quotedWriters = quotedWriters.filter { $0.key <= depth }
                    quotedWriters[depth + 1] = (quotedWriter(inner), NoteFormat.quotedDay(in: inner))
                    continue
                }
                // (Only below a buyer's own message: a seller's reply carries no one's views but its own.)
                guard let writer = quotedWriters[depth], case .stakeholder = writer.voice, writer.voice != topVoice,
                      topVoice?.isStakeholder == true, !inner.isEmpty else { continue }
                lines.append(NoteLine(text: Self.withoutBracketedInitials(Self.strippingBullet(inner)), voice: writer.voice, day: writer.day))
                continue
            }
            if text.hasPrefix("On "), text.hasSuffix("wrote:") {
                quotedWriters = [1: (quotedWriter(text), NoteFormat.quotedDay(in: text))]
                continue
            }
            if text == "--" { voice = .vendor; continue }
            if lower.contains("forwarded message") || lower.contains("original message") || lower.hasPrefix("begin forwarded") {
                inHeaders = true
                sender = nil
                blockStarted = false
                continue
            }
            if lower.hasPrefix("from:"), text.contains("@") || text.contains("<") {
                inHeaders = true
                sender = stakeholder(inFrom: String(text.dropFirst(5)))
                blockStarted = false
                continue
            }
            if text.isEmpty { continue }
            // "| Ilse Brennerman (CFO) | Three-year cost no higher than $1.2M. |": a table with a row per
            // person, as in notes. (A row headed by no one is read as it stands.)
            if text.hasPrefix("|"), let first = text.split(separator: "|").first,
               let named = self.voice(ofName: Self.strippingRole(Self.strippingEmphasis(first.trimmingCharacters(in: .whitespaces)))) {
                let cells = text.split(separator: "|").map { Self.strippingEmphasis($0.trimmingCharacters(in: .whitespaces)) }
                // ("Payback within two years is fine for you", "Our recommendation: hybrid", "Next step: we
                // send our SOC 2 report": in the seller's e-mail, the seller's own words to its reader.)
                lines += cells.dropFirst().filter { $0.contains(where: \.isLetter) && !Self.isActionItem($0) }.map { cell in
                    // ("US data centers" is the country.)
                    let sellers = voice == .vendor && (Self.isFirstPerson(cell) || NoteText.tokens(of: cell).contains {
                        ["you", "you'd", "you're", "your", "you've", "you'll"].contains($0.folded)
                    })
                    return NoteLine(text: cell, voice: sellers ? .vendor : named, day: blockDay)
                }
                continue
            }
            var body = Self.strippingBullet(text)
            if interleaved, let topVoice {
                lines.append(NoteLine(text: withoutInitials(body, of: topVoice), voice: topVoice))
                continue
            }
            // "Fred, Ulrike -- proposal attached: …": the names a message opens with are whom it is
            // written to, not who holds what follows.
            if opening {
                body = withoutSalutation(body)
                opening = false
            }
            lines.append(NoteLine(text: body, voice: voice, day: blockDay))
        }
        return lines
    }

    /// The writer an "On Mon, Jul 9, 2029 at 4:18 PM Kwame Dunleavy-Osei <kdo@example.org> wrote:" line
    /// names, by address: a stakeholder, or the seller's side when the address is no one's in the group.
    private func quotedWriter(_ line: String) -> NoteVoice {
        guard let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close,
              let id = people.person(withEmail: String(line[line.index(after: open)..<close])) else { return .vendor }
        return .stakeholder(id)
    }

    /// "[KDO] Fully hosted." → "Fully hosted.": the initials someone marks inline answers with.
    static func withoutBracketedInitials(_ line: String) -> String {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return line }
        let tag = line[line.index(after: line.startIndex)..<close]
        guard (1...4).contains(tag.count), tag.allSatisfy({ $0.isUppercase && $0.isLetter }) else { return line }
        return NoteText.trimmed(String(line[line.index(after: close)...]))
    }

    private func initials(of voice: NoteVoice) -> String? {
        guard case let .stakeholder(id) = voice else { return nil }
        return people.initials(of: id)
    }

    /// "RT: TCO yes, $1.2MM": an answer between quoted lines without the initials its writer signs it with.
    private func withoutInitials(_ line: String, of voice: NoteVoice) -> String {
        guard let initials = initials(of: voice), line.hasPrefix(initials + ":") else { return line }
        return NoteText.trimmed(line.dropFirst(initials.count + 1))
    }

    /// The line with its opening names ("Fred, Ulrike --", "Dear Fred and Ulrike:") taken off, when
    /// every one of them is someone in the group.
    private func withoutSalutation(_ line: String) -> String {
        guard let mark = ["--", "—", ":"].compactMap({ line.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { return line }
        var names = String(line[..<mark.lowerBound])
        for greeting in ["Hi ", "Hello ", "Dear ", "Hey "] where names.hasPrefix(greeting) { names.removeFirst(greeting.count) }
        let parts = names.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: "&", with: ",").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty, parts.count <= 6, parts.allSatisfy({ !$0.isEmpty && voice(ofName: $0) != nil }) else { return line }
        return line[mark.upperBound...].trimmingCharacters(in: .whitespaces)
    }

    /// The stakeholder a `From:` header names: by address first, else by display name.
    private func stakeholder(inFrom header: String) -> String? {
        if let address = EmailAddress.parse(header), let id = people.person(withEmail: address) { return id }
        if case let .stakeholder(id)? = voice(ofName: Self.displayName(in: header)) { return id }
        return nil
    }

    static func displayName(in header: String) -> String {
        let name = header.firstIndex(of: "<").map { String(header[..<$0]) } ?? header
        return name.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
    }

    // MARK: Transcripts

    private func vtt(_ raw: [String]) -> [NoteLine] {
        var lines: [NoteLine] = []
        var speaker: NoteVoice = .vendor
        var skipping = false
        for (index, line) in raw.enumerated() {
            let text = NoteText.trimmed(line)
            if text.isEmpty { skipping = false; continue }
            if skipping { continue }
            if text.hasPrefix("WEBVTT") || text.hasPrefix("NOTE") || text.hasPrefix("STYLE") || text.hasPrefix("REGION") { skipping = true; continue }
            if text.contains("-->") { continue }
            if index + 1 < raw.count, raw[index + 1].contains("-->") { continue }  // a cue identifier
            var body = Substring(text)
            if body.hasPrefix("<v"), let close = body.firstIndex(of: ">") {
                var tag = body[body.index(body.startIndex, offsetBy: 2)..<close]
                if tag.hasPrefix(".") { tag = tag.drop { $0 != " " } }  // <v.loud Name>
                let written = tag.trimmingCharacters(in: .whitespaces)
                speaker = voice(ofName: Self.deviceOwner(written) ?? written) ?? .vendor
                body = body[body.index(after: close)...]
            }
            let plain = Self.strippingTags(String(body)).trimmingCharacters(in: .whitespaces)
            if !plain.isEmpty { lines.append(NoteLine(text: plain, voice: speaker)) }
        }
        return lines
    }

    /// "Cosima's iPhone": a call joined from a device shows its owner's name with the device's.
    static func deviceOwner(_ name: String) -> String? {
        let devices: Set<String> = ["iphone", "ipad", "phone", "android", "galaxy", "pixel", "laptop", "macbook", "mac", "pc", "device", "surface"]
        for apostrophe in ["'s ", "’s "] {
            guard let mark = name.range(of: apostrophe) else { continue }
            let device = name[mark.upperBound...].lowercased().split(separator: " ")
            guard let kind = device.first, devices.contains(String(kind)), device.count <= 2 else { continue }
            return String(name[..<mark.lowerBound])
        }
        return nil
    }

    /// The name of a line that is only a speaker's name and a time ("Reza Tavakoli  00:01:52",
    /// "Aurélien Sauvé [03:31]"): capitalized words, one to four, then the time.
    static func speakerAboveParagraph(_ line: String) -> String? {
        var words = line.split(separator: " ")
        guard words.count >= 2, words.count <= 7, let last = words.popLast() else { return nil }
        let time = last.trimmingCharacters(in: CharacterSet(charactersIn: "[]()"))
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        // "Dana Reyes (Mercy) 00:01:52": the organization in brackets is not the name.
        if let open = words.firstIndex(where: { $0.hasPrefix("(") }), words.last?.hasSuffix(")") == true { words.removeSubrange(open...) }
        // Capitalized words, and the particles of names ("Jean de Villiers"), "Speaker 2", "O’Neal".
        let particles: Set<String> = ["de", "van", "von", "da", "di", "du", "del", "der", "la", "le", "ten", "ter", "bin", "al"]
        guard let first = words.first, first.first?.isUppercase == true,
              words.allSatisfy({ word in
                  word.allSatisfy { $0.isLetter || $0.isNumber || "-'’.".contains($0) }
                      && (word.first?.isUppercase == true || particles.contains(String(word)) || word.allSatisfy(\.isNumber))
              }) else { return nil }
        return words.joined(separator: " ")
    }

    /// Whether a caption's text goes on the sentence of the one before: it ends on a dash or a linking
    /// word ("…would do, and"), or the next opens with one ("but only if …", "as long as …", "sorry, ten").
    static func continuesSentence(_ before: String, with next: String) -> Bool {
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("--") || trimmed.hasSuffix("—") || trimmed.hasSuffix("–") { return true }
        let links: Set<String> = ["and", "but", "or", "so", "as", "if", "unless", "provided", "though", "although", "because", "until",
                                  "once", "then", "sorry", "while", "whereas", "nor"]
        let last = trimmed.split(separator: " ").last.map { $0.lowercased() } ?? ""
        if ["and", "but", "or", "so", "because", "if", "unless", "until", "than", "with", "without", "the", "a", "of", "to"].contains(last) { return true }
        let first = next.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?")) } ?? ""
        guard next.first?.isLowercase == true else { return false }
        // ("What I've told" then "the finance committee is payback inside eighteen months": a break
        // with no mark at all, mid-clause; not "…for me," then "our last vendor took 30 months".)
        return links.contains(first) || trimmed.last.map { $0.isLetter || $0.isNumber } == true
    }

    /// "Caller 2", "Speaker 3 (00:05)", "Unknown Speaker", "Participant": a label for someone a bridge
    /// or a captioning service could not name, folded to a key; numbered labels are one person each.
    static func unnamedSpeaker(_ label: String) -> String? {
        let words = strippingRole(label).lowercased().split(separator: " ").map(String.init)
        guard (1...2).contains(words.count) else { return nil }
        let kinds: Set<String> = ["caller", "speaker", "participant", "guest", "attendee", "unknown", "unidentified"]
        if words.count == 1 { return kinds.contains(words[0]) ? words[0] : nil }
        if kinds.contains(words[0]), words[1].allSatisfy({ $0.isNumber }) || (words[1].count == 1 && words[1].allSatisfy(\.isLetter)) || words[1] == "speaker" {
            return words.joined(separator: " ")
        }
        return nil
    }

    /// Whether a label is numbered ("Caller 2"), so it stands for one person throughout.
    static func isNumbered(_ label: String) -> Bool { label.split(separator: " ").count == 2 && !label.hasSuffix("speaker") }

    /// The name a caller gives for themselves at the start of their words: "It's Anouk Béranger",
    /// "Sorry, it's Anouk Béranger, I'm on the ward phone", "This is Lee Park" (not "Honestly it's
    /// Lee who signs off", nor "the pilot unit is Ward 7").
    static func selfIntroduction(_ text: String) -> String? {
        var words = text.split(separator: " ").map { String($0) }
        if let first = words.first, first.hasSuffix(","),
           ["sorry", "hi", "hello", "hey", "yes", "yeah", "morning", "afternoon", "apologies", "ok", "okay"]
            .contains(first.dropLast().lowercased()) {
            words.removeFirst()
        }
        let lower = words.map { $0.lowercased() }
        let skip: Int
        if lower.first == "it's" || lower.first == "it’s" { skip = 1 }
        else if lower.count > 1, lower[0] == "it" || lower[0] == "this", lower[1] == "is" { skip = 2 }
        else if lower.count > 2, lower[0] == "my", lower[1] == "name", lower[2] == "is" { skip = 3 }
        else { return nil }
        let name = words.dropFirst(skip).prefix(3).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?")) }
            .prefix { $0.first?.isUppercase == true }
        return name.isEmpty ? nil : name.joined(separator: " ")
    }

    static func strippingTags(_ text: String) -> String {
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">", inTag { inTag = false } else if !inTag { out.append(character) }
        }
        return out
    }

    private func prefixed(_ raw: [String], srt: Bool) -> [NoteLine] {
        var lines: [NoteLine] = []
        var speaker: NoteVoice = .vendor
        // Whom a bridge's "Caller 2" turned out to be, once they said so.
        var callers: [String: NoteVoice] = [:]
        // (In a plain transcript a blank line ends a turn; captions are always parted by one.)
        var afterBlank = false
        var joinedLast = false
        for line in raw {
            let text = NoteText.trimmed(line)
            if text.isEmpty { afterBlank = true; continue }
            defer { afterBlank = false }
            if text.contains("-->") { continue }
            if srt, text.allSatisfy(\.isNumber) { continue }
            // "Caller 2: Sorry, it's Anouk Béranger, I'm on the ward phone.": a line the bridge could not
            // name is no one we know, and not the speaker before, until the caller says who they are.
            if let colon = text.firstIndex(of: ":"), let label = Self.unnamedSpeaker(String(text[..<colon])) {
                let rest = NoteText.trimmed(String(text[text.index(after: colon)...]))
                if callers[label] == nil, Self.isNumbered(label), let name = Self.selfIntroduction(rest), case .stakeholder? = voice(ofName: name) {
                    callers[label] = voice(ofName: name)
                }
                speaker = callers[label] ?? .outsider
                lines.append(NoteLine(text: Self.strippingTags(rest), voice: speaker))
                continue
            }
            // "Reza Tavakoli  00:01:52" on a line of its own (Gong, Chorus, Otter): who speaks the
            // paragraphs below it.
            if !srt, let name = Self.speakerAboveParagraph(text) {
                speaker = voice(ofName: name) ?? .vendor
                continue
            }
            var body = text
            var prefixed = false
            // (A speaker's prefix is never "So TCO = about 1.2".)
            if let (written, rest) = Self.leadingName(text, equals: false) {
                let name = Self.deviceOwner(written) ?? written
                if name.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }) {
                    speaker = voice(ofName: name) ?? .vendor
                    body = rest
                    prefixed = true
                }
            }
            // "Hosting -- hybrid works for me, with the database at Fennick Valley," then "but only if
            // …": a caption that breaks off mid-sentence goes on in the next one of the same speaker,
            // where the break is plainly inside one sentence: the first ends on a dash or a linking
            // word, or the second opens with one. Once per caption: a turn is not read as one
            // statement. (Not after "Read back and agreed:", a heading for what follows; not
            // "…32 weeks," then "I'm planning on forty.", two sentences.)
            if !prefixed, !joinedLast, srt || !afterBlank, let last = lines.last, last.voice == speaker,
               let end = last.text.last(where: { !$0.isWhitespace }), !".?!:;".contains(end),
               Self.continuesSentence(last.text, with: body) {
                lines[lines.count - 1].text += " " + Self.strippingTags(body)
                joinedLast = true
                continue
            }
            joinedLast = false
            lines.append(NoteLine(text: Self.strippingTags(body), voice: speaker))
        }
        return lines
    }
}

import Foundation
