import Foundation

/// Tags an asset's own words point to and it does not have yet (`nextsend catalog suggest`).
///
/// Read from the title, summary and body, sentence by sentence, against phrases the team already
/// keeps: each topic's label and `says:` phrases, each role's id and label plus the title words
/// the CRM mapping gives it ("CFO", "controller" → finance), each industry's name, and a short list
/// of words every B2B team uses for the six buying jobs. Each suggestion carries the sentence that
/// triggered it, so the marketer judges it in context; nothing is applied (that is `catalog tag`).
public struct TagSuggester: Sendable {
    /// One tag worth considering, with the first sentence that names it.
    public struct Suggestion: Sendable, Hashable, Codable {
        /// `jobs`, `roles`, `topics` or `industries`.
        public var field: String
        public var value: String
        /// The first sentence that names it, as written.
        public var sentence: String
        /// How many sentences name it.
        public var sentences: Int
        /// Whether a phrase of two words or more (or a role or industry name) named it: one word
        /// alone ("vendor", "module") is too common to count once.
        var specific = false

        enum CodingKeys: String, CodingKey { case field, value, sentence, sentences }
    }

    private struct Phrase: Sendable {
        var field: String
        var value: String
        var words: [String]
        /// Words of one or two letters written in capitals ("IT", "OT") must be capitals in the text.
        var capitals: [Bool]
        /// A phrase that names the value outright: two words or more, or a role's or industry's own
        /// name. One common word ("vendor", "controller") must show up in two sentences.
        var specific: Bool
    }

    /// Words for the buying jobs: the jobs are the product's own, so their cues are too.
    static let jobCues: [BuyingJob: [String]] = [
        .problemIdentification: ["problem identification", "the problem", "root cause", "what it costs", "cost of doing nothing", "diagnostic", "audit",
                                 "benchmark", "symptoms"],
        .solutionExploration: ["solution exploration", "options", "approaches", "alternatives", "build vs buy", "build or buy", "explore"],
        .requirementsBuilding: ["requirements", "requirements building", "must-have", "must have", "criteria", "checklist", "RFP", "specification"],
        .supplierSelection: ["supplier selection", "vendor", "vendors", "supplier", "shortlist", "proposal", "pricing", "contract terms"],
        .validation: ["validation", "validate", "proof", "pilot", "case study", "reference call", "references", "evidence", "security review"],
        .consensusCreation: ["consensus", "alignment", "align", "agree", "buying committee", "business case", "executive summary", "sign-off"],
    ]

    private let phrases: [Phrase]

    /// - Parameter roleWords: more words per role, such as the CRM mapping's title words.
    public init(taxonomy: Taxonomy, roleWords: [String: [String]] = [:]) {
        var phrases: [Phrase] = []
        func add(_ field: String, _ value: String, _ text: String, named: Bool = false, shortInCapitals: Bool = false) {
            let tokens = NoteText.tokens(of: text).filter { $0.kind != .mark }
            guard !tokens.isEmpty else { return }
            // A mapping's title words are written in lower case ("it", "cfo"); a word of two letters
            // names a role only in capitals, or "it" the pronoun would be IT.
            phrases.append(Phrase(field: field, value: value, words: tokens.map(\.folded),
                                  capitals: tokens.map { $0.text.count <= 2 && ($0.isAllCaps || shortInCapitals) },
                                  specific: named || tokens.count > 1))
        }
        for topic in taxonomy.topics {
            add("topics", topic.id, topic.label)
            for phrase in topic.says.values.flatMap({ $0 }) { add("topics", topic.id, phrase) }
        }
        for role in taxonomy.roles {
            add("roles", role, taxonomy.roleLabels[role] ?? role.replacingOccurrences(of: "-", with: " "), named: true)
            for word in roleWords[role] ?? [] { add("roles", role, word, shortInCapitals: true) }
        }
        for industry in taxonomy.industries { add("industries", industry, industry.replacingOccurrences(of: "-", with: " "), named: true) }
        for job in BuyingJob.allCases {
            for cue in Self.jobCues[job] ?? [] { add("jobs", job.rawValue, cue) }
        }
        // Longest first, so "case study" is found before a one-word cue inside it.
        self.phrases = phrases.sorted { $0.words.count > $1.words.count }
    }

    /// Tags the asset's text names that it does not carry — by a phrase of two words or more, a
    /// role's or industry's own name, or a single word in two sentences or more — jobs first, then roles, topics and
    /// industries; within a field the most often named first, then by value.
    public func suggestions(for asset: Asset) -> [Suggestion] {
        var found: [String: Suggestion] = [:]
        let text = [asset.title, asset.summary ?? "", asset.body].joined(separator: "\n")
        for line in text.split(separator: "\n") {
            let plain = Self.plain(line)
            guard !plain.isEmpty else { continue }
            let lowercaseText = !plain.contains { $0.isUppercase }
            for sentence in NoteReader.statements(in: plain) {
                let tokens = NoteText.tokens(of: sentence).filter { $0.kind != .mark }
                var named: [String: Bool] = [:]
                for phrase in phrases where named[phrase.field + ":" + phrase.value] != true && matches(phrase, tokens, lowercaseText) {
                    named[phrase.field + ":" + phrase.value] = phrase.specific
                }
                for (key, specific) in named.sorted(by: { $0.key < $1.key }) {
                    if found[key] == nil {
                        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
                        found[key] = Suggestion(field: parts[0], value: parts[1], sentence: sentence, sentences: 0)
                    }
                    found[key]!.sentences += 1
                    found[key]!.specific = found[key]!.specific || specific
                }
            }
        }
        let have: [String: Set<String>] = ["jobs": Set(asset.jobs.map(\.rawValue)), "roles": Set(asset.roles),
                                           "topics": Set(asset.topics + asset.resolves.map(\.topic)), "industries": Set(asset.industries)]
        let fields = ["jobs", "roles", "topics", "industries"]
        return found.values.filter { !(have[$0.field]?.contains($0.value) ?? false) && ($0.specific || $0.sentences > 1) }.sorted {
            let (a, b) = (fields.firstIndex(of: $0.field)!, fields.firstIndex(of: $1.field)!)
            if a != b { return a < b }
            return $0.sentences != $1.sentences ? $0.sentences > $1.sentences : $0.value < $1.value
        }
    }

    private func matches(_ phrase: Phrase, _ tokens: [NoteToken], _ lowercaseText: Bool) -> Bool {
        guard phrase.words.count <= tokens.count else { return false }
        for start in 0...(tokens.count - phrase.words.count) {
            var all = true
            for offset in phrase.words.indices {
                let token = tokens[start + offset]
                if token.folded != phrase.words[offset] || (phrase.capitals[offset] && !lowercaseText && !token.isAllCaps) {
                    all = false
                    break
                }
            }
            if all { return true }
        }
        return false
    }

    /// A Markdown line as prose: heading marks, list bullets, quote marks, emphasis and table bars gone.
    static func plain<S: StringProtocol>(_ line: S) -> String {
        var text = NoteText.trimmed(line)
        while let first = text.first, "#>-*+|".contains(first) { text = NoteText.trimmed(text.dropFirst()) }
        text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "|", with: ";")
            .replacingOccurrences(of: "`", with: "")
        return text
    }
}
