/// Plain English: lists, counts and capitals, the same in every output.
public enum Words {
    /// "a", "a and b", "a, b and c"; with a limit, "a, b, c and 2 others".
    public static func list(_ items: [String], limit: Int = .max) -> String {
        var items = items
        if items.count > limit {
            let rest = items.count - limit
            items = Array(items.prefix(limit)) + [count(rest, "other")]
        }
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// "1 word", "3 words", "1 day", "0 groups": a number with its noun in the right number.
    public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(noun(count, singular, plural: plural))"
    }

    /// The noun alone in the right number for `count`: "day" or "days".
    public static func noun(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    /// "a user", "an influencer", "an owner", "a champion": by how the word sounds, for the
    /// words NextSend puts after an article (influence levels, formats).
    public static func withArticle(_ noun: String) -> String {
        let word = noun.lowercased()
        // "u" and "eu" that sound like "you" take "a": a user, a unit, a European.
        let youSound = ["use", "usu", "uni", "uti", "ura", "ure", "uro", "eu"].contains { word.hasPrefix($0) }
        let vowel = word.first.map { "aeiou".contains($0) } == true
        return (vowel && !youSound ? "an " : "a ") + noun
    }

    /// "once", "twice", "3 times".
    public static func times(_ count: Int) -> String {
        switch count {
        case 1: return "once"
        case 2: return "twice"
        default: return "\(count) times"
        }
    }

    public static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "Three-year total cost" → "three-year total cost", but "EHR integration" stays.
    public static func lowercasingFirst(_ text: String) -> String {
        // (The first word without splitting the whole text: this runs for every topic named in a digest.)
        let first = text.drop { $0 == " " }.prefix { $0 != " " }
        guard first.count > 1,
              first.dropFirst().allSatisfy({ $0.isLowercase || !$0.isLetter }) else { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// "end-user" → "end user": an id read as words.
    public static func spaced(_ id: String) -> String {
        guard id.utf8.contains(UInt8(ascii: "-")) else { return id }  // most ids: "finance", "clinical"
        return id.split(separator: "-").joined(separator: " ")
    }
}
