/// The taxonomy's `says:` phrases, ready to be found in a statement.
///
/// Matching is case-insensitive on whole words, with hyphens and spaces read alike; a phrase word
/// of one or two capitals ("US", "OT") must be written in capitals, unless the whole text is lower
/// case, so "us" the pronoun and "hot" never name a topic. At each place the longest phrase wins.
struct TopicPhrases: Sendable {
    struct Mention: Sendable, Hashable {
        var topic: String
        /// For a choice topic, the position the phrase names.
        var position: String?
        /// Token range in the statement.
        var first: Int
        var last: Int
    }

    private struct Phrase: Sendable {
        var words: [String]
        /// Words that must be written in capitals in mixed-case text.
        var capitals: [Bool]
        var topic: String
        var position: String?
    }

    private var byFirstWord: [String: [Phrase]] = [:]

    init(_ taxonomy: Taxonomy) {
        for topic in taxonomy.topics {
            for (key, list) in topic.says.sorted(by: { $0.key < $1.key }) {
                for phrase in list {
                    let tokens = NoteText.tokens(of: phrase).filter { $0.kind != .mark }
                    guard let first = tokens.first else { continue }
                    let entry = Phrase(words: tokens.map(\.folded), capitals: tokens.map { $0.text.count <= 2 && $0.isAllCaps },
                                       topic: topic.id, position: key == Topic.topicPhrases ? nil : key)
                    byFirstWord[first.folded, default: []].append(entry)
                }
            }
        }
        for key in byFirstWord.keys { byFirstWord[key]!.sort { $0.words.count > $1.words.count } }
    }

    var isEmpty: Bool { byFirstWord.isEmpty }

    /// Every phrase in the statement, left to right, longest first, never overlapping.
    func mentions(in tokens: [NoteToken], lowercaseText: Bool) -> [Mention] {
        let run = WordRun(tokens).positions
        var found: [Mention] = []
        var at = 0
        while at < run.count {
            var advanced = false
            if let candidates = byFirstWord[tokens[run[at]].folded] {
                for phrase in candidates where at + phrase.words.count <= run.count {
                    let slice = Array(run[at..<(at + phrase.words.count)])
                    let matches = slice.indices.allSatisfy { offset in
                        let token = tokens[slice[offset]]
                        return token.kind != .mark && token.folded == phrase.words[offset]
                            && (!phrase.capitals[offset] || lowercaseText || token.isAllCaps)
                    }
                    guard matches else { continue }
                    found.append(Mention(topic: phrase.topic, position: phrase.position, first: slice.first!, last: slice.last!))
                    at += phrase.words.count
                    advanced = true
                    break
                }
            }
            if !advanced { at += 1 }
        }
        return found
    }
}
