/// The group's people as they are written in text: full name, last name, a first name no one else
/// in the group has, a first name with a last initial ("Pat K."), a common short form of a first
/// name ("Monty"), with or without accents.
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
    /// Keys that are only a short form ("monty"): matched only capitalized, never in all capitals
    /// ("ED", "SAM": an acronym) nor in lower case ("the bill for…"), even in a lower-case note.
    private var nicknameOnly: Set<String> = []
    /// Keys that are a single name (first or last), matched only when capitalized in mixed-case text.
    private var singles: Set<String> = []
    /// Initials that stand for a person ("RA" for Rainer Albrecht), matched only in capitals.
    private var initialKeys: Set<String> = []
    private var emails: [String: String] = [:]
    /// Each person's initials as they sign a reply inline ("RT" for Reza Tavakoli).
    private var initials: [String: String] = [:]
    private var longest = 1

    init(_ stakeholders: [Stakeholder]) {
        var named: [(id: String, parts: [String])] = []
        for person in stakeholders {
            // "Ljubica Đorđević" is also typed "Djordjevic", "Søren" "Soeren".
            let written = Self.transliterated(person.name)
            for (variant, name) in [person.name, written].enumerated() where variant == 0 || name != person.name {
                let parts = name.split(whereSeparator: { $0 == " " }).map { NoteText.phraseKey(String($0)) }.filter { !$0.isEmpty }
                guard let first = parts.first else { continue }
                if variant == 0 {
                    named.append((person.id, parts))
                    if parts.count > 1 { initials[person.id] = String([first, parts[parts.count - 1]].compactMap(\.first)).uppercased() }
                }
                add(parts.joined(separator: " "), person.id, single: parts.count == 1)
                if parts.count > 1, let last = parts.last {
                    add(first, person.id, single: true)
                    add(last, person.id, single: true)
                    if let initial = last.first { add("\(first) \(initial)", person.id, single: false) }
                    // "Marek L-O" for Marek Lindqvist-Oyelaran: the initials of a hyphenated surname.
                    // (A hyphen parts a name's key into words: "lindqvist oyelaran", so "marek l o".)
                    let halves = last.split(separator: " ")
                    if halves.count > 1 {
                        add(([first] + halves.compactMap { $0.first.map(String.init) }).joined(separator: " "), person.id, single: false)
                    }
                    // "Cathal Ó Ceallaigh" is also "Ó Ceallaigh", "Ana de la Cruz" "de la Cruz": a surname
                    // with its particle.
                    if parts.count > 2, let start = parts.indices.dropFirst().first(where: { Self.surnameParticles.contains(parts[$0]) }) {
                        add(parts[start...].joined(separator: " "), person.id, single: false)
                    }
                    // "Zoë Álvarez-Nakamura" is also written "Zoë Álvarez".
                    if last.contains(" "), let lastFirst = last.split(separator: " ").first {
                        add("\(first) \(lastFirst)", person.id, single: false)
                    }
                }
            }
            if let email = person.email?.lowercased(), !email.isEmpty { emails[email] = person.id }
        }
        // "Monty" for Montgomery, "Gwen O." for Gwendolyn Okafor: the short forms people go by,
        // after every name as written, so a real "Dan" is never made ambiguous by a Daniel.
        for (id, parts) in named where parts.count > 1 {
            let first = parts[0], last = parts[parts.count - 1]
            for nickname in Self.nicknames[first] ?? [] where keys[nickname] == nil || nicknameOnly.contains(nickname) {
                nicknameOnly.insert(nickname)
                add(nickname, id, single: true)
                add("\(nickname) \(last)", id, single: false)
                if let initial = last.first { add("\(nickname) \(initial)", id, single: false) }
            }
        }
        // "RA: three-year cost under $1.4M", "RH wants hybrid": minutes that name people by their
        // initials, in capitals, after every name and short form (never one that is a name, a short
        // form, a word or an abbreviation minutes use: "IT", "OR", "DB", "GO", "ME").
        for (id, code) in initials where code.count >= 2 {
            let key = code.lowercased()
            guard keys[key] == nil || initialKeys.contains(key), !Self.commonAbbreviations.contains(key) else { continue }
            initialKeys.insert(key)
            add(key, id, single: true)
        }
    }

    /// Words that open a surname of more than one word ("Ó Ceallaigh", "Ní Bhriain", "van der Berg").
    static let surnameParticles: Set<String> = ["o", "ni", "nic", "mac", "mc", "de", "di", "da", "du", "del", "della", "van", "von", "le",
                                                "la", "al", "el", "bin", "ap", "dos", "das"]

    /// Common short forms of given names. Short forms that are also common English words ("Will",
    /// "Rich", "Sandy", "Drew") are left out: a capitalized word at the start of a
    /// sentence would read as a person.
    static let nicknames: [String: [String]] = [
        "abigail": ["abby"], "alexander": ["alex", "xander"], "alexandra": ["alex", "lexi", "sasha"], "alfred": ["alfie"],
        "andrew": ["andy"], "anthony": ["tony"], "augustin": ["gus"], "augustine": ["gus"], "augustus": ["gus"],
        "barbara": ["barb"], "bartholomew": ["bart"], "bernadette": ["bernie"], "bernard": ["bernie"], "benedict": ["ben"], "benjamin": ["ben", "benji"], "catherine": ["cathy", "kate", "katie"],
        "charles": ["charlie"], "christina": ["chris", "tina"], "christine": ["chris"], "christopher": ["chris", "topher", "kit"],
        "cordelia": ["delia"], "cornelius": ["neil"], "daniel": ["dan", "danny"], "david": ["dave"], "deborah": ["deb", "debbie"],
        "dominic": ["dom"], "edward": ["ed", "eddie", "ted"], "eleanor": ["ellie", "nell"], "elizabeth": ["liz", "beth", "lizzie", "eliza"],
        "evangeline": ["evie"], "ezekiel": ["zeke"], "frederick": ["fred", "freddie"], "frederica": ["freddie"],
        "francesca": ["fran"], "frances": ["fran"], "geoffrey": ["geoff"], "harriet": ["hattie"], "jessica": ["jess"], "jessamy": ["jess"], "matilda": ["tilly", "mattie"], "vincent": ["vince"], "gabriel": ["gabe"], "gerald": ["gerry"],
        "gregory": ["greg"], "gwendolyn": ["gwen"], "gwendoline": ["gwen"], "henrietta": ["hetty", "hettie"], "ignatius": ["iggy"], "isabel": ["izzy"], "isabella": ["izzy", "bella"],
        "jacqueline": ["jackie"], "james": ["jim", "jimmy", "jamie"], "jeffrey": ["jeff"], "jennifer": ["jen", "jenny"], "jonathan": ["jon"],
        "joseph": ["joe", "joey"], "josephine": ["jo", "josie"], "marjorie": ["marj", "margie"], "joshua": ["josh"], "katherine": ["kate", "katie", "kathy"], "kathleen": ["kathy"], "kenneth": ["ken", "kenny"],
        "lawrence": ["larry"], "leonard": ["len", "lenny"], "margaret": ["maggie", "meg", "peggy", "mags"], "magdalena": ["mags", "magda"], "matthew": ["matt"], "michael": ["mike"],
        "montgomery": ["monty"], "nathaniel": ["nate"], "nathan": ["nate"], "nicholas": ["nick", "nicky"], "nicola": ["nicky"],
        "patricia": ["patty", "trish"], "patrick": ["paddy"], "peter": ["pete"], "philip": ["phil"], "phillip": ["phil"], "philippa": ["pippa"],
        "rebecca": ["becky", "becca"], "reginald": ["reggie"], "richard": ["rick", "ricky"], "robert": ["bob", "bobby", "robbie"],
        "ronald": ["ron", "ronnie"], "rosalind": ["ros", "roz"], "rosalie": ["rosie"], "samantha": ["sam"], "samuel": ["sam", "sammy"],
        "stephen": ["steve"], "steven": ["steve"], "susan": ["susie"], "thaddeus": ["thad"], "theodore": ["theo", "teddy", "ted"], "theodora": ["teddy", "thea"],
        "theresa": ["tess", "tessa", "terri"], "teresa": ["tess", "tessa", "terri"], "thomas": ["tom", "tommy"], "timothy": ["tim"], "victoria": ["vicky", "tori"], "vivienne": ["viv"], "wilhelmina": ["mina", "willa"],
        // "Bill", "Ray" and "Kit" are English words too; in a group with a William, a Raymond or a
        // Christopher, a capitalized "Bill", "Ray" or "Kit" is nearly always him (all capitals and lower-case notes are never matched on a
        // short form).
        // (Short forms that are first names in their own right — Frank, Harry, Archie, Millie — are
        // left out: "Frank from Chartis" is not Francis.)
        "william": ["bill", "billy", "liam"], "raymond": ["ray"], "wilfred": ["wilf"], "wilfrid": ["wilf"], "archibald": ["archie"], "malgorzata": ["gosia"], "winifred": ["winnie"], "zachary": ["zach", "zack"],
    ]

    /// Abbreviations in capitals that minutes use for other things than people.
    static let commonAbbreviations = Set<String>([
        // Hospital, IT and office abbreviations.
        "it", "hr", "or", "ed", "er", "pm", "am", "rn", "cn", "md", "dr", "qa", "ai", "ot", "pt", "iv", "ms", "mr", "vp", "ce", "cc", "bc",
        "ad", "id", "ok", "re", "tc", "sc", "hl", "ap", "po", "dc", "nb", "ps", "fy", "db", "ha", "ga", "si", "pi", "ip", "op", "ui", "ux",
        "bi", "ar", "hq", "pr", "cx", "ic", "np", "pa", "rt", "em", "ob", "gi", "ct", "mri", "ew", "ns",
        // Places.
        "us", "eu", "uk", "ny", "la", "sf", "ca", "tx", "nc", "ma", "va", "wa", "co", "il", "mn", "nj", "oh", "fl", "az", "mi", "wi", "ia",
        "md", "de", "ri", "ct", "nh", "me", "vt", "ky", "tn", "al", "ms", "la", "ar", "ok", "ks", "ne", "sd", "nd", "mt", "wy", "id", "ut",
        "nv", "or", "hi", "ak", "wv", "sc", "ga", "in", "mo",
        // Words written in capitals.
        "no", "go", "to", "on", "is", "if", "of", "up", "as", "at", "by", "be", "he", "we", "so", "do", "an", "my", "hi", "ok", "us"])

    /// Short forms that are English words too, never read as a name in lower-case notes.
    static let wordNicknames: Set<String> = ["bill", "billy", "ray", "nick", "bob", "ed", "jo", "ted", "dom", "deb", "pete", "barb", "bart",
                                             "josh", "meg", "viv", "nell", "mina", "tess", "gabe", "jon", "ron", "rick", "tina", "sam",
                                             "liz", "gwen", "delia", "neil", "phil", "tim", "tom", "dan", "jim", "joe", "ken", "len",
                                             "kit"]

    /// Letters typed as two where a keyboard lacks them: Serbo-Croatian "đ" as "dj", German and
    /// Scandinavian vowels with "e". The fold that compares names drops accents and makes "đ" a
    /// "d", so "Djordjevic" would not meet "Đorđević" without this second spelling.
    private static let twoLetterSpellings: [Character: String] = ["đ": "dj", "Đ": "Dj", "ø": "oe", "Ø": "Oe", "ö": "oe", "Ö": "Oe",
                                                                  "ü": "ue", "Ü": "Ue", "ä": "ae", "Ä": "Ae"]

    static func transliterated(_ name: String) -> String {
        guard name.contains(where: { twoLetterSpellings[$0] != nil }) else { return name }
        return name.reduce(into: "") { out, character in
            if let spelled = twoLetterSpellings[character] { out += spelled } else { out.append(character) }
        }
    }

    /// The same people with the short forms a document declares for them: `"Sandy" is Alexandrina
    /// Morrow`, `Theodora Quarrie (CFO, goes by Teddy)`, `Ottoline Vance, known as Otty`; `nil` when it
    /// declares none. Only a stakeholder's whole name takes one, and never a name someone else has.
    func declaringAliases(in text: String) -> NotePeople? {
        guard text.contains("goes by") || text.contains("known as") || text.contains("\" is ") || text.contains("” is ") else { return nil }
        var declared: [(alias: String, id: String)] = []
        func person(named name: String) -> String? {
            let key = NoteText.phraseKey(name)
            guard key.contains(" "), let ids = keys[key], ids.count == 1, !initialKeys.contains(key) else { return nil }
            return ids.first
        }
        for match in text.matches(of: Self.quotedAlias) {
            if let id = person(named: String(match.output.2)) { declared.append((String(match.output.1), id)) }
        }
        for match in text.matches(of: Self.goesBy) {
            if let id = person(named: String(match.output.1)) { declared.append((String(match.output.2), id)) }
        }
        var people = self
        for (alias, id) in declared {
            let key = NoteText.phraseKey(alias)
            guard !key.isEmpty, keys[key] == nil || (nicknameOnly.contains(key) && keys[key] != [id]) else { continue }
            people.keys[key] = [id]
            if !key.contains(" ") {
                people.nicknameOnly.insert(key)
                people.singles.insert(key)
            }
            people.longest = max(people.longest, key.split(separator: " ").count)
        }
        return people.keys == keys ? nil : people
    }
    /// `"Sandy" is Alexandrina Morrow`: a short form in quotes, then the whole name.
    nonisolated(unsafe) private static let quotedAlias = try! Regex(#"["“](\p{Lu}\p{Ll}[\p{L}'’]*)["”] is ((?:\p{Lu}[\p{L}'’-]+ ){1,3}\p{Lu}[\p{L}'’-]+)"#,
                                                                       as: (Substring, Substring, Substring).self)
    /// `Theodora Quarrie (CFO, goes by Teddy)`, `Ottoline Vance, known as Otty`.
    nonisolated(unsafe) private static let goesBy = try! Regex(
        #"((?:\p{Lu}[\p{L}'’-]+ ){1,3}\p{Lu}[\p{L}'’-]+) ?[(,][^()\n.;]{0,60}?\b(?:goes by|known as) ["“]?(\p{Lu}\p{Ll}[\p{L}'’]*)["”]?(?=[),.;:]|\s|$)"#,
        as: (Substring, Substring, Substring).self)

    private mutating func add(_ key: String, _ id: String, single: Bool) {
        keys[key, default: []].insert(id)
        if single, !key.contains(" ") { singles.insert(key) }
        longest = max(longest, key.split(separator: " ").count)
    }

    /// The person a whole name stands for ("Lee Park", "Zoe Alvarez-Nakamura"), else `nil`.
    func resolve(_ name: String) -> Match? {
        let key = NoteText.phraseKey(name)
        guard let ids = keys[key] else { return nil }
        // (Initials name someone only in capitals: "RA:", not "Me:" for a Maria Evans.)
        if initialKeys.contains(key), !name.trimmingCharacters(in: .whitespaces).allSatisfy({ !$0.isLowercase }) { return nil }
        return ids.count == 1 ? .person(ids.first!) : .ambiguous
    }

    /// The person with this e-mail address.
    func person(withEmail address: String) -> String? { emails[address.lowercased()] }

    /// The initials of a person with a first and a last name ("RT"), folded to plain letters.
    func initials(of id: String) -> String? { initials[id] }

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
                // (In notes typed all in lower case, "gus" is still Gus; a short form that is also an
                // English word, "bill" or "ray", is not.)
                // (Nor part of a hyphenated word: "X-Ray".)
                if single, nicknameOnly.contains(key), words[0] > 0 && tokens[words[0]].attached && tokens[words[0] - 1].isMark("-") { continue }
                // (Initials in capitals, and used as a name: before a colon or a word in lower case — "RA:",
                // "RH wants" — not inside "GO-LIVE" or a line typed in capitals.)
                if single, initialKeys.contains(key) {
                    let next = words[0] + 1 < tokens.count ? tokens[words[0] + 1] : nil
                    guard tokens[words[0]].isAllCaps, let next, next.isMark(":") || (next.isWord && next.text.first?.isLowercase == true) else { continue }
                }
                if single, nicknameOnly.contains(key), tokens[words[0]].text.allSatisfy({ !$0.isLowercase })
                    || !tokens[words[0]].startsUppercase && (!lowercaseText || Self.wordNicknames.contains(key)) { continue }
                let last = slice.last!
                let possessive = last + 1 < tokens.count && tokens[last + 1].folded == "'s"
                found.append(Mention(match: ids.count == 1 ? .person(ids.first!) : .ambiguous, first: slice.first!, last: last,
                                     possessive: possessive, single: single))
                at += length
                matched = true
                break
            }
            if !matched, !lowercaseText, let mention = misspelled(at: at, run: run, tokens: tokens) {
                found.append(mention)
                at += mention.last - mention.first + 1
                matched = true
            }
            if !matched { at += 1 }
        }
        return found
    }

    /// A name typed one letter off ("Kenric", "Dorain", "Ljubicia", "Cosmia B"), as notes typed on a
    /// phone have them: a capitalized word of six letters or more that is no one's name, one edit
    /// (a letter added or dropped, or two swapped) from exactly one first or last name of six
    /// letters or more; a last initial after it is read as with the name spelled right. A letter
    /// changed is not enough (Gartner is not Gardner, Cerner not Werner), nor are months, days and
    /// the names of vendors a health system deals with ("August" is not Augusto).
    private func misspelled(at: Int, run: [Int], tokens: [NoteToken]) -> Mention? {
        let token = tokens[run[at]]
        guard token.kind != .mark, token.startsUppercase, token.text.contains(where: \.isLowercase) else { return nil }
        let typed = Array(token.folded)
        guard typed.count >= 6, typed.allSatisfy(\.isLetter), keys[token.folded] == nil, !Self.neverNames.contains(token.folded) else { return nil }
        let near = singles.filter { key in key.count >= 6 && !nicknameOnly.contains(key) && Self.oneEditApart(typed, Array(key)) }
        guard near.count == 1, let key = near.first, let ids = keys[key] else { return nil }
        if at + 1 < run.count, tokens[run[at + 1]].kind != .mark, let initialed = keys[key + " " + tokens[run[at + 1]].folded],
           initialed.count == 1, tokens[run[at + 1]].text.count == 1 {
            return Mention(match: .person(initialed.first!), first: run[at], last: run[at + 1], possessive: false, single: false)
        }
        let last = run[at]
        let possessive = last + 1 < tokens.count && tokens[last + 1].folded == "'s"
        return Mention(match: ids.count == 1 ? .person(ids.first!) : .ambiguous, first: last, last: last, possessive: possessive, single: true)
    }

    /// Capitalized words a misspelled name must never be taken for.
    /// (Not the months that are also first names: March, April, May, June, July.)
    static let neverNames: Set<String> = NoteText.weekdays.union(NoteText.months.subtracting(["march", "april", "may", "june", "july"])).union([
                                          "philips", "cerner", "oracle", "gartner", "forrester", "workday", "kronos", "meditech",
                                          "allscripts", "athena", "nuance", "vizient", "premier", "chartis", "guidehouse", "deloitte"])

    /// Whether two words are one edit apart: a letter inserted or deleted, or two neighbouring
    /// letters swapped (a letter replaced turns too many words into names).
    static func oneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
        guard a != b, abs(a.count - b.count) <= 1 else { return false }
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count {
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        return a.count > b.count ? a[(i + 1)...] == b[i...] : a[i...] == b[(i + 1)...]
    }
}
